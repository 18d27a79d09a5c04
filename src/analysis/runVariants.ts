/**
 * Runs several scenario variants on common random numbers (replicate i of every variant uses the streams of
 * (seed, i)) on one pool of workers, and returns each variant's per-replicate metrics.
 */
import { Effect, Stream } from "effect"
import { runRequests } from "../ensemble/pool.ts"
import type { Metrics } from "../results/metrics.ts"
import type { Scenario } from "../scenario/schema.ts"
import { type Posterior, scenarioForReplicate } from "../calibration/posterior.ts"

export interface VariantRun {
  readonly seed: number
  readonly replicates: number
  /** Compute lanes (see src/ensemble/pool.ts); undefined: all cores for 50 runs or more, else this thread. */
  readonly workers?: number | undefined
  /** Called after each replicate, with replicates done and the total, for progress reports. */
  readonly onProgress?: (done: number, total: number) => void
  /** Parameter uncertainty: replicate i of every variant runs with the same draw from this posterior (still paired). */
  readonly posterior?: Posterior | undefined
}

/** What every analysis command (compare, sweep, sensitivity) takes besides its own inputs. */
export interface AnalysisOptions {
  readonly seed: number | undefined
  readonly replicates: number
  readonly json: boolean
  readonly out: string | undefined
  readonly workers: number | undefined
  readonly quiet: boolean
}

const noRows = { weekly: false, people: false, contracts: false }

export const runVariants = Effect.fnUntraced(function*(variants: ReadonlyArray<Scenario>, run: VariantRun) {
  const total = variants.length * run.replicates
  const out: Array<Array<Metrics>> = variants.map(() => [])
  let done = 0
  const workers = run.workers ?? (total >= 50 ? undefined : 1)
  const request = (i: number) => {
    const variant = variants[Math.floor(i / run.replicates)]
    const replicate = i % run.replicates
    const scenario = run.posterior === undefined ? variant : scenarioForReplicate(variant, run.posterior, run.seed, replicate)
    return { scenario, seed: run.seed, replicate, rows: noRows }
  }
  yield* Stream.runForEach(runRequests(total, request, { workers }), (r) =>
    Effect.sync(() => {
      out[Math.floor(done / run.replicates)].push(r.metrics)
      done++
      run.onProgress?.(done, total)
    }))
  return out
})
