/**
 * One replicate: simulate, measure, and pay every contract on the same simulated people. Replicate i always
 * uses the streams derived from (seed, i).
 */
import type { Sim, SimRecycler } from "../model/sim.ts"
import { simulate } from "../model/simulate.ts"
import { type Metrics, replicateMetrics } from "../results/metrics.ts"
import { againstFirstContract, type ContractRun, contractMetrics, discountedOutcomes, type Notes, runContracts } from "../contract/results.ts"
import type { PreparedScenario } from "./prepared.ts"

export interface ReplicateResult {
  readonly replicate: number
  readonly sim: Sim
  readonly metrics: Metrics
  /** Why some figures are absent from this replicate (e.g. an investor IRR with no sign change). */
  readonly notes: Notes
  readonly contracts: ReadonlyArray<ContractRun>
}

/** `recycler`: where the person table and event logs come from (see `SimRecycler`); the caller gives the replicate back when done. */
export const runReplicate = (prepared: PreparedScenario, seed: number, replicate: number, recycler?: SimRecycler): ReplicateResult => {
  const sim = simulate(prepared.params, seed, replicate, recycler)
  const metrics = replicateMetrics(sim)
  const notes: Notes = {}
  const contracts = runContracts(prepared.contracts, prepared.scenario, sim)
  const discounted = contracts.length > 0 ? discountedOutcomes(sim, prepared.scenario.appraisal.discountRatePerYear) : undefined
  contracts.forEach((run, i) => {
    const r = contractMetrics(run, prepared.contracts[i], prepared.scenario, metrics.engaged, metrics.starChangeMean * metrics.starReviewed, discounted)
    Object.assign(metrics, r.metrics)
    Object.assign(notes, r.notes)
  })
  const paired = againstFirstContract(contracts.map((c) => c.name), metrics)
  Object.assign(metrics, paired.metrics)
  Object.assign(notes, paired.notes)
  return { replicate, sim, metrics, notes, contracts }
}
