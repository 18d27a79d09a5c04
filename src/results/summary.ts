/** Figures over replicates: mean and the 5th, 50th and 95th percentiles of each metric. */
import type { Metrics } from "./metrics.ts"

export interface Band {
  readonly mean: number
  readonly p05: number
  readonly p50: number
  readonly p95: number
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

/** Bands of every metric across replicates (in the order the first replicate lists them). */
export const summarise = (replicates: ReadonlyArray<Metrics>): Record<string, Band> => {
  const out: Record<string, Band> = {}
  if (replicates.length === 0) return out
  for (const name of Object.keys(replicates[0])) out[name] = band(replicates.map((m) => m[name]))
  return out
}
