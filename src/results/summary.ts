/**
 * Figures over replicates: mean and the 5th, 50th and 95th percentiles of each metric, and how precisely the
 * replicates pin the median down (its distribution-free 95% interval).
 */
import { hashUniform } from "../model/random.ts"
import type { Metrics } from "./metrics.ts"

export interface Band {
  readonly mean: number
  readonly p05: number
  readonly p50: number
  readonly p95: number
  /**
   * A 95% confidence interval for the median itself (what infinitely many replicates would give): two order
   * statistics of the replicates (`medianInterval`). Absent with fewer than 6 replicates, which cannot give one.
   */
  readonly p50Low?: number
  readonly p50High?: number
  /**
   * For a chance (a figure named `…Chance`, 1 or 0 in each replicate, whose mean is the chance): the Wilson 95%
   * interval for the chance itself, given how many replicates it rests on (`chanceInterval`).
   */
  readonly meanLow?: number
  readonly meanHigh?: number
  /** Present only when the figure exists in some replicates but not all: how many it is over. */
  readonly replicates?: number
}

/** Quantile with linear interpolation between order statistics (R's type 7) of sorted values. */
export const quantileSorted = (sorted: ArrayLike<number>, q: number): number => {
  const n = sorted.length
  if (n === 0) return NaN
  const h = (n - 1) * q
  const lo = Math.floor(h)
  const hi = Math.min(n - 1, lo + 1)
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo])
}

/** Confidence of `medianInterval`. */
export const medianConfidence = 0.95

const medianRanks = new Map<number, number>()

/**
 * The rank k (1-based) of the lower end of the distribution-free interval for a median from n values: the
 * largest k with P(B ≤ k − 1) ≤ 2.5%, B binomial(n, ½), so that [x(k), x(n + 1 − k)] covers the median with
 * probability at least 95% whatever the distribution. 0 when n < 6 (no such k).
 */
export const medianRank = (n: number): number => {
  const cached = medianRanks.get(n)
  if (cached !== undefined) return cached
  const tail = (1 - medianConfidence) / 2
  // Binomial(n, ½) probabilities from log P(B = 0) = −n ln 2, summed until the tail would pass 2.5%.
  let logP = -n * Math.LN2
  let cdf = 0
  let k = 0
  for (let j = 0; j < n; j++) {
    cdf += Math.exp(logP)
    if (cdf > tail) break
    k = j + 1
    logP += Math.log((n - j) / (j + 1))
  }
  medianRanks.set(n, k)
  return k
}

/** The distribution-free 95% interval for the median of sorted values, or undefined with fewer than 6. */
export const medianInterval = (sorted: ArrayLike<number>): { readonly p50Low: number; readonly p50High: number } | undefined => {
  const k = medianRank(sorted.length)
  return k === 0 ? undefined : { p50Low: sorted[k - 1], p50High: sorted[sorted.length - k] }
}

/** A chance: a figure that is 1 or 0 in each replicate (the cap was reached, the investor lost capital). */
export const isChance = (metric: string): boolean => metric.endsWith("Chance")

/**
 * The Wilson score 95% interval for a chance seen as a share `p` of `n` replicates: honest at the edges, where
 * 20 replicates out of 20 still leave the chance anywhere from 84% to 100%.
 */
export const chanceInterval = (p: number, n: number): { readonly meanLow: number; readonly meanHigh: number } => {
  const z = 1.959963984540054
  const z2n = (z * z) / n
  const centre = (p + z2n / 2) / (1 + z2n)
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n))) / (1 + z2n)
  return { meanLow: Math.max(0, centre - half), meanHigh: Math.min(1, centre + half) }
}

/** A metric's band, with the interval of its chance if it is one. */
const withChance = (name: string, b: Band, n: number): Band => (isChance(name) && n > 0 ? { ...b, ...chanceInterval(b.mean, n) } : b)

/** The band of sorted values with the given mean. */
const bandOfSorted = (sorted: Float64Array, mean: number): Band => ({
  mean,
  p05: quantileSorted(sorted, 0.05),
  p50: quantileSorted(sorted, 0.5),
  p95: quantileSorted(sorted, 0.95),
  ...medianInterval(sorted)
})

export const band = (values: ReadonlyArray<number>): Band =>
  bandOfSorted(Float64Array.from(values).sort(), values.reduce((s, x) => s + x, 0) / Math.max(1, values.length))

/** Bands of every metric across the replicates that have it (in order of first appearance). */
export const summarise = (replicates: ReadonlyArray<Metrics>): Record<string, Band> => {
  const names = new Set<string>()
  for (const m of replicates) for (const name of Object.keys(m)) names.add(name)
  const out: Record<string, Band> = {}
  for (const name of names) {
    const values = replicates.flatMap((m) => (name in m ? [m[name]] : []))
    const b = withChance(name, band(values), values.length)
    out[name] = values.length === replicates.length ? b : { ...b, replicates: values.length }
  }
  return out
}

/** Why figures are absent: each reason with the number of replicates it applies to. */
export const summariseNotes = (notes: ReadonlyArray<Record<string, string>>): Record<string, string> => {
  const byKey = new Map<string, Map<string, number>>()
  for (const n of notes) {
    for (const [key, reason] of Object.entries(n)) {
      const reasons = byKey.get(key) ?? new Map<string, number>()
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1)
      byKey.set(key, reasons)
    }
  }
  const out: Record<string, string> = {}
  for (const [key, reasons] of byKey) {
    out[key] = [...reasons].map(([reason, k]) => `${reason} (${k} of ${notes.length} replicates)`).join("; ")
  }
  return out
}

/**
 * Metric bands and notes accumulated as replicates arrive (in replicate order), in bounded memory: up to `keep`
 * replicates' metrics are kept, and then a reservoir sample of `keep` of them (chosen by a hash of the
 * replicate number, as `WeeklyBands` does, so the same whatever the number of workers) stands for them all in
 * the percentiles. Means and the count of replicates each metric exists in stay exact. Up to `keep` replicates
 * the bands and notes equal `summarise` and `summariseNotes` over all of them, to the last bit.
 */
export class RunningSummary {
  /** Each metric's running sum and count, in order of first appearance. */
  private readonly totals = new Map<string, { sum: number; count: number }>()
  private readonly kept: Array<Metrics> = []
  private readonly noteCounts = new Map<string, Map<string, number>>()
  count = 0

  /**
   * `chances`: give figures named `…Chance` their chance's interval (`summarise` does); off for what is not a
   * chance although it bears the name, such as paired differences of chances.
   */
  constructor(readonly keep = 10_000, private readonly chances = true) {}

  add(replicate: number, metrics: Metrics, notes: Record<string, string> = {}): void {
    for (const name in metrics) {
      const t = this.totals.get(name)
      if (t === undefined) this.totals.set(name, { sum: 0 + metrics[name], count: 1 })
      else {
        t.sum += metrics[name]
        t.count++
      }
    }
    for (const [key, reason] of Object.entries(notes)) {
      const reasons = this.noteCounts.get(key) ?? new Map<string, number>()
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1)
      this.noteCounts.set(key, reasons)
    }
    this.count++
    if (this.kept.length < this.keep) {
      this.kept.push(metrics)
      return
    }
    const slot = Math.floor(hashUniform(0x5eed, 8, replicate) * (replicate + 1))
    if (slot < this.keep) this.kept[slot] = metrics
  }

  /** Whether every replicate added is still kept (then `keptValues` are all the values, in replicate order). */
  get exact(): boolean {
    return this.count <= this.keep
  }

  /** A metric's values in the kept replicates that have it. */
  keptValues(name: string): Array<number> {
    return this.kept.flatMap((m) => (name in m ? [m[name]] : []))
  }

  /** A metric's exact running sum and count, if any replicate had it. */
  total(name: string): { readonly sum: number; readonly count: number } | undefined {
    return this.totals.get(name)
  }

  /** Names of every metric seen, in order of first appearance. */
  names(): Array<string> {
    return [...this.totals.keys()]
  }

  /**
   * Bands of every metric, as `summarise` gives them (percentiles from the kept replicates beyond `keep`, and the
   * median's interval too, which is then a little wider than all the replicates would make it).
   */
  bands(): Record<string, Band> {
    // Every metric's kept values in one pass over the kept replicates (per metric, `keptValues` would walk them
    // all once for each of a hundred-odd metrics: a tenth of a second at the end of a 1,000-replicate run).
    const values = new Map<string, Array<number>>()
    for (const name of this.totals.keys()) values.set(name, [])
    for (const m of this.kept) for (const name in m) values.get(name)!.push(m[name])
    const out: Record<string, Band> = {}
    for (const [name, t] of this.totals) {
      const sorted = bandOfSorted(Float64Array.from(values.get(name)!).sort(), t.sum / t.count)
      const b = this.chances ? withChance(name, sorted, t.count) : sorted
      out[name] = t.count === this.count ? b : { ...b, replicates: t.count }
    }
    return out
  }

  /** Why figures are absent, as `summariseNotes` gives it. */
  notes(): Record<string, string> {
    const out: Record<string, string> = {}
    for (const [key, reasons] of this.noteCounts) {
      out[key] = [...reasons].map(([reason, k]) => `${reason} (${k} of ${this.count} replicates)`).join("; ")
    }
    return out
  }
}
