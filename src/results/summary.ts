/** Figures over replicates: mean and the 5th, 50th and 95th percentiles of each metric. */
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
