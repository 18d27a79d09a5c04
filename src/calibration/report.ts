/**
 * Published targets against simulated replicates: each target's simulated median and 90% interval, with a
 * match mark (the simulated median within the target's range) — a target the model misses is missed.
 */
import type { Band } from "../results/summary.ts"
import { band } from "../results/summary.ts"
import { weekOf } from "../model/schedule.ts"
import type { Scenario } from "../scenario/schema.ts"
import type { Target, Targets } from "./targets.ts"

/** What one replicate gives the targets: its metrics, and the weekly series by name. */
export interface ReplicateRecord {
  readonly metrics: Readonly<Record<string, number>>
  readonly weekly: ReadonlyMap<string, ArrayLike<number>>
}

export interface TargetResult {
  readonly target: Target
  readonly simulated: Band | undefined
  readonly match: boolean
  /** Whether the published value lies within the simulated 90% interval. */
  readonly publishedInInterval: boolean
  readonly problem?: string
}

/** The weekly series the targets need. */
export const seriesNeeded = (targets: Targets): Array<string> =>
  [...new Set(targets.targets.flatMap((t) => (t.kind === "metric" ? [] : [t.series])))]

/** The weekly series summed to dates by the targets: what the cumulative chart draws. */
export const cumulativeSeries = (targets: Targets): Array<string> =>
  [...new Set(targets.targets.flatMap((t) => (t.kind === "cumulative" ? [t.series] : [])))]

const valueOf = (t: Target, r: ReplicateRecord, scenario: Scenario): number | undefined => {
  if (t.kind === "metric") return r.metrics[t.metric]
  const series = r.weekly.get(t.series)
  if (series === undefined) return undefined
  const last = Math.min(series.length - 1, weekOf(t.date, scenario.startDate))
  if (t.kind === "level") return series[Math.max(0, last)]
  let sum = 0
  for (let w = 0; w <= last; w++) sum += series[w]
  return sum
}

export const evaluateTargets = (targets: Targets, scenario: Scenario, replicates: ReadonlyArray<ReplicateRecord>): Array<TargetResult> =>
  targets.targets.map((target) => {
    const values = replicates.flatMap((r) => {
      const v = valueOf(target, r, scenario)
      return v === undefined ? [] : [v]
    })
    if (values.length === 0) {
      const what = target.kind === "metric" ? `metric "${target.metric}"` : `weekly series "${target.series}"`
      return { target, simulated: undefined, match: false, publishedInInterval: false, problem: `no ${what} in the results` }
    }
    const b = band(values)
    return {
      target,
      simulated: b,
      match: b.p50 >= target.low && b.p50 <= target.high,
      publishedInInterval: target.published >= b.p05 && target.published <= b.p95
    }
  })
