/** summary.json: what a run was (version, scenario, seed, replicates) and every metric's band. */
import type { Band } from "./summary.ts"
import { RunningSummary, summarise, summariseNotes } from "./summary.ts"
import type { Metrics } from "./metrics.ts"
import type { Scenario } from "../scenario/schema.ts"
import { type ProvenanceSummary, provenanceSummary, scenarioProvenance } from "../scenario/provenance.ts"

/** Which posterior the replicates drew their parameters from, when they did (spsim run --posterior). */
export interface ParameterUncertainty {
  readonly posterior: string
  readonly sets: number
  readonly parameters: ReadonlyArray<string>
  readonly note: string
}

export interface SummaryDocument {
  readonly spsimVersion: string
  readonly scenario: { readonly name: string; readonly hash: string }
  readonly seed: number
  readonly replicates: number
  readonly horizonWeeks: number
  readonly startDate: string
  readonly metrics: Record<string, Band>
  /** Why some metrics are missing from some or all replicates. */
  readonly notes: Record<string, string>
  readonly contracts: ReadonlyArray<string>
  /** How much of the scenario rests on published evidence, value by value (src/scenario/provenance.ts). */
  readonly provenance: ProvenanceSummary
  /** Present when each replicate drew its parameters from a posterior (spsim run --posterior). */
  readonly parameterUncertainty?: ParameterUncertainty
}

export const summaryDocument = (options: {
  readonly version: string
  readonly scenario: Scenario
  readonly hash: string
  readonly seed: number
  /** Every replicate's metrics and notes, or a `RunningSummary` that gathered them as they arrived. */
  readonly replicates: ReadonlyArray<Metrics> | RunningSummary
  readonly notes?: ReadonlyArray<Record<string, string>>
  readonly parameterUncertainty?: ParameterUncertainty | undefined
}): SummaryDocument => ({
  spsimVersion: options.version,
  scenario: { name: options.scenario.name, hash: options.hash },
  seed: options.seed,
  replicates: options.replicates instanceof RunningSummary ? options.replicates.count : options.replicates.length,
  horizonWeeks: options.scenario.horizonWeeks,
  startDate: options.scenario.startDate,
  metrics: options.replicates instanceof RunningSummary ? options.replicates.bands() : summarise(options.replicates),
  notes: options.replicates instanceof RunningSummary ? options.replicates.notes() : summariseNotes(options.notes ?? []),
  contracts: options.scenario.contracts.map((c) => c.name),
  provenance: provenanceSummary(scenarioProvenance(options.scenario)),
  ...(options.parameterUncertainty !== undefined ? { parameterUncertainty: options.parameterUncertainty } : {})
})

export { canonicalJson } from "../scenario/canonicalJson.ts"
