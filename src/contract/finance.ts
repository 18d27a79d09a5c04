/**
 * Cash-flow arithmetic a commissioner or investor would redo in a spreadsheet: net present value, internal
 * rate of return and money multiple of flows at regular times (flow i at i / periodsPerYear years).
 *
 * Discounting is annual compounding, (1 + ratePerYear)^-t, as in the HM Treasury Green Book, and the first
 * flow is at t = 0, undiscounted. A spreadsheet's NPV(rate, v1, …) discounts its first value by a whole
 * period, so on annual flows ours is `=flow0 + NPV(rate, flow1, …)` (or XNPV with flows on exact
 * anniversaries). Quarterly rates come out as annual effective rates, like `=(1+IRR(q))^4-1`.
 */

export type IrrResult =
  | { readonly ok: true; readonly annualRate: number; readonly periodRate: number; readonly note?: string }
  | { readonly ok: false; readonly reason: string }

/** The IRR is sought between these annual rates (−99% and +10^6%); outside them it is reported as not found. */
const minAnnualRate = -0.99
const maxAnnualRate = 1e4
/** Grid step in ln(1 + annual rate) when the flows change sign more than once: two roots closer than ~0.5% apart may be missed. */
const gridStep = 0.005

/** 1 + the rate per period for an annual rate; NaN at or below −100% a year, where discounting means nothing. */
const growthPerPeriod = (ratePerYear: number, periodsPerYear: number): number => {
  if (!(periodsPerYear > 0 && Number.isFinite(periodsPerYear))) {
    throw new RangeError(`periodsPerYear must be a positive number, got ${periodsPerYear}`)
  }
  return ratePerYear > -1 ? Math.pow(1 + ratePerYear, 1 / periodsPerYear) : Number.NaN
}

/** Discount factor of each period 0..periods-1: (1 + ratePerYear)^(-i / periodsPerYear). */
export const discountFactors = (periods: number, ratePerYear: number, periodsPerYear: number): Float64Array => {
  const growth = growthPerPeriod(ratePerYear, periodsPerYear)
  const factors = new Float64Array(periods)
  for (let i = 0; i < periods; i++) factors[i] = Math.pow(growth, -i)
  return factors
}

/** Net present value at t = 0 of flows at i / periodsPerYear years; NaN for rates at or below −100%. */
export const npv = (flows: ArrayLike<number>, ratePerYear: number, periodsPerYear: number): number => {
  const v = 1 / growthPerPeriod(ratePerYear, periodsPerYear)
  let value = 0
  for (let i = flows.length - 1; i >= 0; i--) value = value * v + flows[i]
  return value
}

/** Total inflows per unit of total outflows, undiscounted; undefined when nothing is paid out. */
export const moneyMultiple = (flows: ArrayLike<number>): number | undefined => {
  let inflows = 0
  let outflows = 0
  for (let i = 0; i < flows.length; i++) {
    if (flows[i] > 0) inflows += flows[i]
    else outflows -= flows[i]
  }
  return outflows > 0 ? inflows / outflows : undefined
}

/**
 * A number with the sign of the NPV Σ c_i x^-i over c[first..last], at growth factor x = 1 + period rate.
 * Below x = 1 it is multiplied by x^(last - first) so that no power overflows; only its sign is used.
 */
const npvSign = (c: ArrayLike<number>, first: number, last: number, x: number): number => {
  let s = 0
  if (x >= 1) {
    const y = 1 / x
    for (let i = last; i >= first; i--) s = s * y + c[i]
  } else {
    for (let i = first; i <= last; i++) s = s * x + c[i]
  }
  return s
}

/** Bisection to machine precision between growth factors whose NPVs have opposite signs. */
const bisect = (c: ArrayLike<number>, first: number, last: number, lo: number, hi: number): number => {
  const loPositive = npvSign(c, first, last, lo) > 0
  for (let k = 0; k < 200; k++) {
    const mid = 0.5 * (lo + hi)
    if (mid <= lo || mid >= hi) break
    const s = npvSign(c, first, last, mid)
    if (s === 0) return mid
    if (s > 0 === loPositive) lo = mid
    else hi = mid
  }
  return 0.5 * (lo + hi)
}

/** Roots between consecutive grid points (growth factors), or at a grid point itself. */
const rootsOnGrid = (c: ArrayLike<number>, first: number, last: number, grid: ReadonlyArray<number>): Array<number> => {
  const roots: Array<number> = []
  let previous = npvSign(c, first, last, grid[0])
  if (previous === 0) roots.push(grid[0])
  for (let k = 1; k < grid.length; k++) {
    const s = npvSign(c, first, last, grid[k])
    if (s === 0) roots.push(grid[k])
    else if (previous !== 0 && s > 0 !== previous > 0) roots.push(bisect(c, first, last, grid[k - 1], grid[k]))
    previous = s
  }
  return roots
}

const percent = (rate: number): string => `${(rate * 100).toFixed(2)}%`

/**
 * Internal rate of return: the period rate r > −1 at which the NPV of the flows is zero, and the annual
 * effective rate (1 + r)^periodsPerYear − 1. When the flows change sign once the root is unique (Descartes'
 * rule of signs) and bisected directly; otherwise a grid over the whole range finds every root, the one
 * closest to 0 is returned and `note` says the IRR is not unique. Leading and trailing zeros do not matter.
 */
export const irr = (flows: ArrayLike<number>, periodsPerYear: number): IrrResult => {
  const xMin = growthPerPeriod(minAnnualRate, periodsPerYear)
  const xMax = growthPerPeriod(maxAnnualRate, periodsPerYear)
  let first = -1
  let last = -1
  let signChanges = 0
  for (let i = 0; i < flows.length; i++) {
    if (!Number.isFinite(flows[i])) return { ok: false, reason: `cash flow ${i} is not a finite number` }
    if (flows[i] === 0) continue
    if (first < 0) first = i
    else if (flows[i] > 0 !== flows[last] > 0) signChanges++
    last = i
  }
  if (first < 0) return { ok: false, reason: "all flows zero" }
  if (signChanges === 0) return { ok: false, reason: "no sign change in the cash flows (all outflows or all inflows)" }

  let roots: Array<number>
  if (signChanges === 1) {
    // One root at most: it lies on the side of 0 where the NPV has the sign it takes at the far end.
    const atZero = npvSign(flows, first, last, 1)
    const above = atZero > 0 === flows[first] < 0
    roots = atZero === 0 ? [1] : rootsOnGrid(flows, first, last, above ? [1, xMax] : [xMin, 1])
  } else {
    const step = gridStep / periodsPerYear
    const grid = [xMin]
    for (let k = Math.ceil(Math.log(xMin) / step); k < Math.log(xMax) / step; k++) grid.push(Math.exp(k * step))
    grid.push(xMax)
    roots = rootsOnGrid(flows, first, last, grid)
  }
  if (roots.length === 0) return { ok: false, reason: "no rate found in [-99%, +10^6%]" }

  const annual = roots.map((x) => Math.pow(x, periodsPerYear) - 1)
  let best = 0
  for (let k = 1; k < roots.length; k++) if (Math.abs(annual[k]) < Math.abs(annual[best])) best = k
  const result = { ok: true as const, annualRate: annual[best], periodRate: roots[best] - 1 }
  if (roots.length === 1) return result
  const others = annual.filter((_, k) => k !== best).map(percent).join(", ")
  return {
    ...result,
    note: `IRR is not unique: the flows change sign ${signChanges} times and NPV is also zero at ${others} a year; the rate closest to 0 is given`
  }
}
