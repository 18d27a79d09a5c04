/**
 * Several scenario variants on common random numbers through the worker pool, for the sweep and the tornado:
 * each variant's per-replicate metrics, in replicate order, as the CLI's `runVariants` gives them.
 */
import type { Metrics } from "../../../src/results/metrics.ts"
import type { Scenario } from "../../../src/scenario/schema.ts"
import type { ReplicatePool } from "./replicatePool.ts"

export const runVariantsInPool = (
  pool: ReplicatePool, variants: ReadonlyArray<Scenario>, seed: number, replicates: number, onProgress: (done: number, total: number) => void
): Promise<Array<Array<Metrics>>> =>
  new Promise((resolve, reject) => {
    const out: Array<Array<Metrics>> = variants.map(() => new Array<Metrics>(replicates))
    let done = 0
    const total = variants.length * replicates
    pool.run({
      variants,
      seed,
      replicates,
      onResult: (variant, output) => {
        out[variant][output.replicate] = output.metrics
        onProgress(++done, total)
      },
      onFailed: (reason) => reject(new Error(reason)),
      onDone: () => resolve(out),
      onAbandoned: () => reject(new Error("interrupted by a new run"))
    })
  })
