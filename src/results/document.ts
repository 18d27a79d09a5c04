/** summary.json: what a run was (version, scenario, seed, replicates) and every metric's band. */
import type { Band } from "./summary.ts"
import { RunningSummary, summarise, summariseNotes } from "./summary.ts"
import type { Metrics } from "./metrics.ts"
import type { Scenario } from "../scenario/schema.ts"
import { listParameters } from "../scenario/parameters.ts"

/** How much of the scenario rests on published evidence: parameters counted by the confidence of their source. */
export interface Provenance {
  readonly parameters: number
  readonly byConfidence: Record<string, number>
  readonly note: string
}

export const provenance = (): Provenance => {
  const params = listParameters()
  const byConfidence: Record<string, number> = { high: 0, medium: 0, low: 0, assumed: 0 }
  for (const p of params) byConfidence[p.confidence]++
  return {
    parameters: params.length,
    byConfidence,
    note: "Confidence of each parameter's default as documented in docs/parameters.md (high/medium/low from published evidence; assumed where nothing is published). Bands show variation from chance alone unless parameterUncertainty says the replicates drew their parameters from a posterior."
  }
}

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
  readonly provenance: Provenance
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
  provenance: provenance(),
  ...(options.parameterUncertainty !== undefined ? { parameterUncertainty: options.parameterUncertainty } : {})
})

/** JSON with object keys sorted at every level: the same scenario always hashes the same. */
export const canonicalJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v)
