/**
 * Paired comparison on common random numbers: replicate i of every scenario uses the same seeds, so the
 * difference between scenarios is measured replicate by replicate, cancelling most of the chance that
 * separate runs would carry.
 */
import type { Metrics } from "../results/metrics.ts"
import { band, type Band, isChance, RunningSummary } from "../results/summary.ts"

export interface PairedDifference {
  /** Band of the per-replicate differences (B − A): the spread of the effect across replicates. */
  readonly difference: Band
  /** 95% confidence interval of the mean difference (t distribution over the replicates). */
  readonly meanLow: number
  readonly meanHigh: number
  /** Replicates in which both scenarios have the figure. */
  readonly replicates: number
}

/**
 * B as a share of A, replicate by replicate (B / A where A is not 0): "what share of the Star payments would the
 * same reviews have earned without the service?" on the same people.
 */
export interface PairedRatio {
  /** Band of the per-replicate ratios. */
  readonly ratio: Band
  /** 95% confidence interval of the mean ratio (t distribution over the replicates). */
  readonly meanLow: number
  readonly meanHigh: number
  /** Replicates in which both scenarios have the figure and A is not 0. */
  readonly replicates: number
}

/** Two-sided 97.5% quantile of Student's t with `df` degrees of freedom (exact table to 30, then 1.96 + …). */
export const tQuantile975 = (df: number): number => {
  const table = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145,
    2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042]
  if (df < 1) return Number.NaN
  if (df <= 30) return table[df - 1]
  // Cornish-Fisher expansion around the normal quantile: accurate to ~1e-4 beyond 30 degrees of freedom.
  const z = 1.959964
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df * df)
}

/** The 95% interval of a mean over n pairs with standard deviation `sd` (NaN ends with fewer than two). */
const meanInterval = (mean: number, sd: number, n: number): { readonly meanLow: number; readonly meanHigh: number } => {
  const half = n > 1 ? tQuantile975(n - 1) * sd / Math.sqrt(n) : Number.NaN
  return { meanLow: mean - half, meanHigh: mean + half }
}

/**
 * A difference of chances (1 or 0 in each replicate) lies between −1 and 1, and so does its mean: with few pairs the
 * t interval can run beyond, where no mean can be, and is cut there (other figures have no such bound).
 */
const withinBounds = (metric: string, pairing: Pairing, interval: { readonly meanLow: number; readonly meanHigh: number }) =>
  pairing === difference && isChance(metric)
    ? { meanLow: Math.max(-1, interval.meanLow), meanHigh: Math.min(1, interval.meanHigh) }
    : interval

/** Sample standard deviation of values whose mean is `mean` (NaN for fewer than two). */
const sampleSd = (values: ReadonlyArray<number>, mean: number): number =>
  values.length > 1 ? Math.sqrt(values.reduce((s, x) => s + (x - mean) ** 2, 0) / (values.length - 1)) : Number.NaN

/**
 * Why a figure has no ratio B / A, or undefined where it has one: a week of the contract (`capReachedWeek`) is a
 * point in time, not an amount, and an IRR is a rate of return that may be 0 or below; B / A of either means
 * nothing. Their difference (in weeks, in percentage points) is what a comparison gives.
 */
export const noRatioReason = (metric: string): string | undefined => {
  const name = metric.slice(metric.lastIndexOf(".") + 1)
  if (/Week$/.test(name)) return "no ratio B / A: a week of the contract is a point in time, not an amount, so B / A means nothing; the difference gives the weeks between them"
  if (/Irr$/.test(name)) return "no ratio B / A: an IRR is a rate of return, so B / A means nothing; the difference gives it in percentage points"
  return undefined
}

/** A replicate's paired value of a figure from A's and B's, or undefined where there is none. */
type Pairing = (a: number, b: number, metric: string) => number | undefined
const difference: Pairing = (a, b) => b - a
/** Whether a metric has a ratio, remembered by name (asked for every metric of every replicate). */
const ratioKnown = new Map<string, boolean>()
const hasRatio = (metric: string): boolean => {
  let has = ratioKnown.get(metric)
  if (has === undefined) ratioKnown.set(metric, has = noRatioReason(metric) === undefined)
  return has
}
const ratio: Pairing = (a, b, metric) => (a !== 0 && hasRatio(metric) ? b / a : undefined)

/** The paired values' band and the 95% interval of their mean, over the replicates that have one. */
interface SeriesSummary {
  readonly band: Band
  readonly meanLow: number
  readonly meanHigh: number
  readonly replicates: number
}
const asDifference = (x: SeriesSummary): PairedDifference => ({ difference: x.band, meanLow: x.meanLow, meanHigh: x.meanHigh, replicates: x.replicates })
const asRatio = (x: SeriesSummary): PairedRatio => ({ ratio: x.band, meanLow: x.meanLow, meanHigh: x.meanHigh, replicates: x.replicates })

const pairedSeries = (a: ReadonlyArray<Metrics>, b: ReadonlyArray<Metrics>, metric: string, pairing: Pairing): SeriesSummary | undefined => {
  const values: Array<number> = []
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = metric in a[i] && metric in b[i] ? pairing(a[i][metric], b[i][metric], metric) : undefined
    if (x !== undefined) values.push(x)
  }
  if (values.length === 0) return undefined
  const n = values.length
  const mean = values.reduce((sum, x) => sum + x, 0) / n
  return { band: band(values), ...withinBounds(metric, pairing, meanInterval(mean, sampleSd(values, mean), n)), replicates: n }
}

/** B − A for one metric over paired replicates. */
export const pairedDifference = (a: ReadonlyArray<Metrics>, b: ReadonlyArray<Metrics>, metric: string): PairedDifference | undefined => {
  const x = pairedSeries(a, b, metric, difference)
  return x === undefined ? undefined : asDifference(x)
}

/** B / A for one metric over paired replicates where A is not 0 (undefined if there are none, or the metric has no ratio: `noRatioReason`). */
export const pairedRatio = (a: ReadonlyArray<Metrics>, b: ReadonlyArray<Metrics>, metric: string): PairedRatio | undefined => {
  const x = pairedSeries(a, b, metric, ratio)
  return x === undefined ? undefined : asRatio(x)
}

/** Paired differences of every metric the two scenarios share, B against A. */
export const pairedDifferences = (a: ReadonlyArray<Metrics>, b: ReadonlyArray<Metrics>): Record<string, PairedDifference> => {
  const names = new Set<string>()
  for (const m of [...a, ...b]) for (const k of Object.keys(m)) names.add(k)
  const out: Record<string, PairedDifference> = {}
  for (const name of names) {
    const d = pairedDifference(a, b, name)
    if (d !== undefined) out[name] = d
  }
  return out
}

/**
 * Paired differences (B − A) gathered replicate by replicate in bounded memory, for ensembles too large to keep:
 * the differences' bands from a `RunningSummary`, and the 95% interval of the mean from the kept differences
 * while all are kept (so equal to `pairedDifferences` to the last bit), then from running moments (Welford).
 */
export class PairedAccumulator {
  private readonly differences: PairedSeries
  private readonly ratioSeries: PairedSeries

  constructor(keep?: number) {
    this.differences = new PairedSeries(difference, keep)
    this.ratioSeries = new PairedSeries(ratio, keep)
  }

  /** Replicate `replicate` of A and of B. */
  add(replicate: number, a: Metrics, b: Metrics): void {
    this.differences.add(replicate, a, b)
    this.ratioSeries.add(replicate, a, b)
  }

  /** The paired difference of every metric both had in some replicate. */
  results(): Record<string, PairedDifference> {
    return mapValues(this.differences.results(), asDifference)
  }

  /** B / A of every metric both had, in the replicates where A was not 0 (none for a week or an IRR: `noRatioReason`). */
  ratios(): Record<string, PairedRatio> {
    return mapValues(this.ratioSeries.results(), asRatio)
  }
}

const mapValues = <A, B>(record: Record<string, A>, f: (a: A) => B): Record<string, B> =>
  Object.fromEntries(Object.entries(record).map(([k, v]) => [k, f(v)]))

/**
 * One paired quantity per replicate (a difference, a ratio) for every metric, gathered in bounded memory: its band
 * from a `RunningSummary`, and the 95% interval of its mean from the kept values while all are kept (so equal to
 * the whole-array functions above to the last bit), then from running moments (Welford).
 */
class PairedSeries {
  private readonly summary: RunningSummary
  private readonly moments = new Map<string, { n: number; mean: number; m2: number }>()

  constructor(private readonly pairing: Pairing, keep?: number) {
    // A difference of chances (−1, 0 or 1 in each replicate) is not itself a chance: its interval is the mean's.
    this.summary = new RunningSummary(keep, false)
  }

  add(replicate: number, a: Metrics, b: Metrics): void {
    const values: Metrics = {}
    for (const name in a) {
      const x = name in b ? this.pairing(a[name], b[name], name) : undefined
      if (x === undefined) continue
      values[name] = x
      const m = this.moments.get(name) ?? { n: 0, mean: 0, m2: 0 }
      m.n++
      const delta = x - m.mean
      m.mean += delta / m.n
      m.m2 += delta * (x - m.mean)
      this.moments.set(name, m)
    }
    this.summary.add(replicate, values)
  }

  results(): Record<string, SeriesSummary> {
    const bands = this.summary.bands()
    const out: Record<string, SeriesSummary> = {}
    for (const name of this.summary.names()) {
      const total = this.summary.total(name)!
      const n = total.count
      const mean = total.sum / n
      const m2 = this.moments.get(name)!.m2
      const sd = this.summary.exact ? sampleSd(this.summary.keptValues(name), mean) : n > 1 ? Math.sqrt(m2 / (n - 1)) : Number.NaN
      const { replicates: _, ...band } = bands[name]
      out[name] = { band, ...withinBounds(name, this.pairing, meanInterval(mean, sd, n)), replicates: n }
    }
    return out
  }
}
