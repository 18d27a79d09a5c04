/** Figures over replicates: mean and the 5th, 50th and 95th percentiles of each metric. */
import { hashUniform } from "../model/random.ts"
import type { Metrics } from "./metrics.ts"

export interface Band {
  readonly mean: number
  readonly p05: number
  readonly p50: number
  readonly p95: number
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

export const band = (values: ReadonlyArray<number>): Band => {
  const sorted = Float64Array.from(values).sort()
  const mean = values.reduce((s, x) => s + x, 0) / Math.max(1, values.length)
  return { mean, p05: quantileSorted(sorted, 0.05), p50: quantileSorted(sorted, 0.5), p95: quantileSorted(sorted, 0.95) }
}

/** Bands of every metric across the replicates that have it (in order of first appearance). */
export const summarise = (replicates: ReadonlyArray<Metrics>): Record<string, Band> => {
  const names = new Set<string>()
  for (const m of replicates) for (const name of Object.keys(m)) names.add(name)
  const out: Record<string, Band> = {}
  for (const name of names) {
    const values = replicates.flatMap((m) => (name in m ? [m[name]] : []))
    out[name] = values.length === replicates.length ? band(values) : { ...band(values), replicates: values.length }
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

  constructor(readonly keep = 10_000) {}

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

  /** Bands of every metric, as `summarise` gives them (percentiles from the kept replicates beyond `keep`). */
  bands(): Record<string, Band> {
    const out: Record<string, Band> = {}
    for (const [name, t] of this.totals) {
      const sorted = Float64Array.from(this.keptValues(name)).sort()
      const b: Band = { mean: t.sum / t.count, p05: quantileSorted(sorted, 0.05), p50: quantileSorted(sorted, 0.5), p95: quantileSorted(sorted, 0.95) }
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
