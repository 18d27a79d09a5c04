/** One replicate: simulate, then measure. Replicate i always uses the streams derived from (seed, i). */
import type { ModelParams } from "../model/params.ts"
import type { Sim } from "../model/sim.ts"
import { simulate } from "../model/simulate.ts"
import { type Metrics, replicateMetrics } from "../results/metrics.ts"

export interface ReplicateResult {
  readonly replicate: number
  readonly sim: Sim
  readonly metrics: Metrics
}

export const runReplicate = (params: ModelParams, seed: number, replicate: number): ReplicateResult => {
  const sim = simulate(params, seed, replicate)
  return { replicate, sim, metrics: replicateMetrics(sim) }
}
