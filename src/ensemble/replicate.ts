/**
 * One replicate: simulate, measure, and pay every contract on the same simulated people. Replicate i always
 * uses the streams derived from (seed, i).
 */
import type { Sim } from "../model/sim.ts"
import { simulate } from "../model/simulate.ts"
import { type Metrics, replicateMetrics } from "../results/metrics.ts"
import { type ContractRun, contractMetrics, type Notes, runContracts } from "../contract/results.ts"
import type { PreparedScenario } from "./prepared.ts"

export interface ReplicateResult {
  readonly replicate: number
  readonly sim: Sim
  readonly metrics: Metrics
  /** Why some figures are absent from this replicate (e.g. an investor IRR with no sign change). */
  readonly notes: Notes
  readonly contracts: ReadonlyArray<ContractRun>
}

export const runReplicate = (prepared: PreparedScenario, seed: number, replicate: number): ReplicateResult => {
  const sim = simulate(prepared.params, seed, replicate)
  const metrics = replicateMetrics(sim)
  const notes: Notes = {}
  const contracts = runContracts(prepared.contracts, prepared.scenario, sim)
  contracts.forEach((run, i) => {
    const r = contractMetrics(run, prepared.contracts[i], prepared.scenario, metrics.engaged, metrics.starChangeMean * metrics.starReviewed)
    Object.assign(metrics, r.metrics)
    Object.assign(notes, r.notes)
  })
  return { replicate, sim, metrics, notes, contracts }
}
