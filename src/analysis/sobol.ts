/**
 * Sobol variance-based sensitivity indices (global sensitivity): how much of a figure's variance, with every
 * parameter drawn uniformly over its range, each parameter accounts for, alone (first order) and with all its
 * interactions (total). Saltelli's (2010) design and estimators, with bootstrap intervals over the design's rows.
 * Pure maths on points in [0, 1]^k and the figure's values at them; running the scenarios is the caller's.
 *
 * Saltelli A, Annoni P, Azzini I, Campolongo F, Ratto M, Tarantola S (2010). Variance based sensitivity analysis of
 * model output. Design and estimator for the total sensitivity index. Computer Physics Communications 181, 259–270.
 */
import { quantileSorted } from "../results/summary.ts"

/**
 * Two independent N × k matrices of uniforms, A and B (row j of each drawn together: A's k values, then B's), from
 * which the design's points are made. Plain pseudo-random rows, not a low-discrepancy sequence: the bootstrap
 * intervals resample rows as if independent, which they then are.
 */
export interface SaltelliDesign {
  readonly k: number
  readonly n: number
  readonly a: ReadonlyArray<Float64Array>
  readonly b: ReadonlyArray<Float64Array>
}

export const saltelliDesign = (k: number, n: number, uniform: () => number): SaltelliDesign => {
  const a: Array<Float64Array> = []
  const b: Array<Float64Array> = []
  for (let j = 0; j < n; j++) {
    a.push(Float64Array.from({ length: k }, uniform))
    b.push(Float64Array.from({ length: k }, uniform))
  }
  return { k, n, a, b }
}

/** How many points a design of N rows over k parameters has: N (k + 2). */
export const saltelliPointCount = (k: number, n: number): number => n * (k + 2)

/**
 * The design's N (k + 2) points in [0, 1]^k, in this order: the N rows of A, the N rows of B, then for each
 * parameter i the N rows of A_B^(i), which is A with its column i taken from B.
 */
export const saltelliPoints = (design: SaltelliDesign): Array<Float64Array> => {
  const mixed = Array.from({ length: design.k }, (_, i) =>
    design.a.map((row, j) => {
      const x = Float64Array.from(row)
      x[i] = design.b[j][i]
      return x
    }))
  return [...design.a, ...design.b, ...mixed.flat()]
}

/** The figure at each point, split back by `saltelliPoints`' order: f(A), f(B) and f(A_B^(i)) for each i. */
export interface SaltelliValues {
  readonly fA: Float64Array
  readonly fB: Float64Array
  readonly fAB: ReadonlyArray<Float64Array>
}

export const saltelliValues = (k: number, n: number, values: ArrayLike<number>): SaltelliValues => {
  if (values.length !== saltelliPointCount(k, n)) throw new Error(`expected ${saltelliPointCount(k, n)} values (N (k + 2)), found ${values.length}`)
  const block = (b: number) => Float64Array.from({ length: n }, (_, j) => values[b * n + j])
  return { fA: block(0), fB: block(1), fAB: Array.from({ length: k }, (_, i) => block(2 + i)) }
}

/**
 * The rows whose every value is a number: a figure missing at a point (the mean of no replicate, NaN) leaves its
 * row out of the estimates, since the row's differences need all k + 2 values.
 */
export const completeRows = (v: SaltelliValues): Array<number> =>
  Array.from(v.fA.keys()).filter((j) => Number.isFinite(v.fA[j]) && Number.isFinite(v.fB[j]) && v.fAB.every((f) => Number.isFinite(f[j])))

/** Point estimates over some rows (indices into the N rows, repeats allowed, as a bootstrap resample has them). */
export interface SobolEstimate {
  /** The variance of the figure over A and B together (2m values, divisor 2m − 1). */
  readonly variance: number
  readonly first: Float64Array
  readonly total: Float64Array
}

/**
 * A variance too small to apportion: the figure is the same at every point up to rounding in sums taken in another
 * order (a payment held at a contract's cap comes out within a few nanopounds of it), so the indices are NaN.
 */
export const negligibleVariance = (variance: number, scale: number): boolean => !(variance > (1e-9 * Math.max(1, scale)) ** 2)

/**
 * First order S_i = mean(f(B) (f(A_B^i) − f(A))) / V (Saltelli 2010) and total S_Ti = mean((f(A) − f(A_B^i))²) / (2V)
 * (Jansen 1999), V the variance of f over A and B together. NaN where there are fewer than 2 rows or V is negligible.
 * f(B) in the first order is taken less the mean of f over A and B, as SALib does: the expectation is the same (the
 * mean of f(A_B^i) − f(A) is 0), but a figure whose mean is large beside its spread (a saving of £20m that varies
 * by £2m) would otherwise multiply the estimator's error by about mean / spread.
 */
export const sobolEstimate = (v: SaltelliValues, rows: ArrayLike<number>): SobolEstimate => {
  const k = v.fAB.length
  const m = rows.length
  let sum = 0
  let scale = 0
  for (let r = 0; r < m; r++) {
    const j = rows[r]
    sum += v.fA[j] + v.fB[j]
    scale = Math.max(scale, Math.abs(v.fA[j]), Math.abs(v.fB[j]))
  }
  const mean = sum / (2 * m)
  let squares = 0
  for (let r = 0; r < m; r++) {
    const j = rows[r]
    squares += (v.fA[j] - mean) ** 2 + (v.fB[j] - mean) ** 2
  }
  const variance = m >= 2 ? squares / (2 * m - 1) : Number.NaN
  const first = new Float64Array(k).fill(Number.NaN)
  const total = new Float64Array(k).fill(Number.NaN)
  if (m < 2 || negligibleVariance(variance, scale)) return { variance, first, total }
  for (let i = 0; i < k; i++) {
    const ab = v.fAB[i]
    let s = 0
    let t = 0
    for (let r = 0; r < m; r++) {
      const j = rows[r]
      s += (v.fB[j] - mean) * (ab[j] - v.fA[j])
      t += (v.fA[j] - ab[j]) ** 2
    }
    first[i] = s / m / variance
    total[i] = t / m / (2 * variance)
  }
  return { variance, first, total }
}

export interface SobolIndex {
  readonly path: string
  /** First order: the share of the variance the parameter accounts for alone; with its 95% (bootstrap) interval. */
  readonly first: number
  readonly firstLow: number
  readonly firstHigh: number
  /** Total: the share it accounts for with all its interactions (what would go if it were fixed); with its interval. */
  readonly total: number
  readonly totalLow: number
  readonly totalHigh: number
}

export interface SobolResult {
  /** The figure's variance over A and B (the rows used). */
  readonly variance: number
  /** Rows used: the N rows less those with a figure missing at one of their points. */
  readonly rows: number
  /** Ranked by total index, larger first; NaN (nothing to apportion) after every number. */
  readonly indices: ReadonlyArray<SobolIndex>
}

export interface BootstrapOptions {
  /** Bootstrap resamples of the rows (e.g. 500). */
  readonly resamples: number
  /** Supplies the resampling's randomness (seeded by the caller, so that the intervals are reproducible). */
  readonly uniform: () => number
  /** Of the intervals (default 0.95). */
  readonly confidence?: number
}

/** Larger first, NaN after every number, then by name. */
const byTotal = (x: SobolIndex, y: SobolIndex): number =>
  (Number.isNaN(x.total) ? (Number.isNaN(y.total) ? 0 : 1) : Number.isNaN(y.total) ? -1 : y.total - x.total) || (x.path < y.path ? -1 : 1)

/** The percentile interval of the finite values among `draws` (NaN to NaN if none are). */
const percentileInterval = (draws: ArrayLike<number>, confidence: number): [number, number] => {
  const sorted = Float64Array.from(draws).filter(Number.isFinite).sort()
  return sorted.length === 0 ? [Number.NaN, Number.NaN] : [quantileSorted(sorted, (1 - confidence) / 2), quantileSorted(sorted, (1 + confidence) / 2)]
}

/**
 * Each parameter's first-order and total index with percentile bootstrap intervals: the complete rows resampled
 * with replacement `resamples` times, the indices (and V) estimated afresh from each resample.
 */
export const sobolIndices = (paths: ReadonlyArray<string>, v: SaltelliValues, options: BootstrapOptions): SobolResult => {
  const k = paths.length
  if (v.fAB.length !== k) throw new Error(`expected ${k} A_B matrices (one per parameter), found ${v.fAB.length}`)
  const rows = completeRows(v)
  const estimate = sobolEstimate(v, rows)
  const m = rows.length
  const firsts = Array.from({ length: k }, () => new Float64Array(options.resamples))
  const totals = Array.from({ length: k }, () => new Float64Array(options.resamples))
  const resample = new Int32Array(m)
  for (let b = 0; b < options.resamples; b++) {
    for (let r = 0; r < m; r++) resample[r] = rows[Math.floor(options.uniform() * m)]
    const e = sobolEstimate(v, resample)
    for (let i = 0; i < k; i++) {
      firsts[i][b] = e.first[i]
      totals[i][b] = e.total[i]
    }
  }
  const confidence = options.confidence ?? 0.95
  const indices = paths.map((path, i) => {
    const [firstLow, firstHigh] = percentileInterval(firsts[i], confidence)
    const [totalLow, totalHigh] = percentileInterval(totals[i], confidence)
    return { path, first: estimate.first[i], firstLow, firstHigh, total: estimate.total[i], totalLow, totalHigh }
  })
  return { variance: estimate.variance, rows: m, indices: indices.sort(byTotal) }
}
