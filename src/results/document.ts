/** summary.json: what a run was (version, scenario, seed, replicates) and every metric's band. */
import type { Band } from "./summary.ts"
import { summarise } from "./summary.ts"
import type { Metrics } from "./metrics.ts"
import type { Scenario } from "../scenario/schema.ts"

export interface SummaryDocument {
  readonly spsimVersion: string
  readonly scenario: { readonly name: string; readonly hash: string }
  readonly seed: number
  readonly replicates: number
  readonly horizonWeeks: number
  readonly startDate: string
  readonly metrics: Record<string, Band>
}

export const summaryDocument = (options: {
  readonly version: string
  readonly scenario: Scenario
  readonly hash: string
  readonly seed: number
  readonly replicates: ReadonlyArray<Metrics>
}): SummaryDocument => ({
  spsimVersion: options.version,
  scenario: { name: options.scenario.name, hash: options.hash },
  seed: options.seed,
  replicates: options.replicates.length,
  horizonWeeks: options.scenario.horizonWeeks,
  startDate: options.scenario.startDate,
  metrics: summarise(options.replicates)
})

/** JSON with object keys sorted at every level: the same scenario always hashes the same. */
export const canonicalJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v)
