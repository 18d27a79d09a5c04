/**
 * Runs several scenario variants on common random numbers (replicate i of every variant uses the streams of
 * (seed, i)) and returns each variant's per-replicate metrics.
 */
import { Effect } from "effect"
import { prepareScenario } from "../ensemble/prepared.ts"
import { runReplicate } from "../ensemble/replicate.ts"
import type { Metrics } from "../results/metrics.ts"
import type { Scenario } from "../scenario/schema.ts"

export interface VariantRun {
  readonly seed: number
  readonly replicates: number
  /** Called after each replicate, with replicates done and the total, for progress reports. */
  readonly onProgress?: (done: number, total: number) => void
}

export const runVariants = Effect.fnUntraced(function*(variants: ReadonlyArray<Scenario>, run: VariantRun) {
  const total = variants.length * run.replicates
  let done = 0
  const out: Array<Array<Metrics>> = []
  for (const scenario of variants) {
    const prepared = prepareScenario(scenario)
    const metrics: Array<Metrics> = []
    for (let i = 0; i < run.replicates; i++) {
      metrics.push(runReplicate(prepared, run.seed, i).metrics)
      run.onProgress?.(++done, total)
      yield* Effect.yieldNow
    }
    out.push(metrics)
  }
  return out
})
