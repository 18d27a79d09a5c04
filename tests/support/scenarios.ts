/** Test helpers: the shipped scenarios, decoded, and changed copies of them. */
import { readFileSync } from "node:fs"
import { Schema } from "effect"
import { Scenario } from "../../src/scenario/schema.ts"
import { prepareScenario } from "../../src/ensemble/prepared.ts"
import { runReplicate, type ReplicateResult } from "../../src/ensemble/replicate.ts"
import { mergeDocuments } from "../../src/scenario/load.ts"
import type { Metrics } from "../../src/results/metrics.ts"

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? Mutable<T[K]> : T[K] }
export type ScenarioDraft = Mutable<Scenario>

const decode = Schema.decodeUnknownSync(Scenario)

const readShipped = (name: string): Record<string, unknown> => {
  const { $schema: _, extends: base, ...doc } = JSON.parse(readFileSync(new URL(`../../scenarios/${name}`, import.meta.url), "utf8"))
  return typeof base === "string" ? (mergeDocuments(readShipped(base.replace(/^\.\//, "")), doc) as Record<string, unknown>) : doc
}

/** A shipped scenario file (its `extends` resolved), decoded. */
export const shippedScenario = (name = "ways-to-wellness"): Scenario => decode(readShipped(`${name}.json`))

/** A deep copy of the default scenario with `change` applied, decoded again so that ranges are checked. */
export const scenarioWith = (change: (draft: ScenarioDraft) => void, base: Scenario = shippedScenario()): Scenario => {
  const draft = structuredClone(base) as ScenarioDraft
  change(draft)
  return decode(draft)
}

/** Metrics of replicates 0..n-1 (common random numbers across scenarios with the same seed). */
export const runMetrics = (scenario: Scenario, replicates: number, seed = scenario.seed): Array<Metrics> => {
  const prepared = prepareScenario(scenario)
  return Array.from({ length: replicates }, (_, i) => runReplicate(prepared, seed, i).metrics)
}

export const meanOf = (runs: ReadonlyArray<Metrics>, name: string): number =>
  runs.reduce((s, m) => s + m[name], 0) / runs.length

/** Whole replicates 0..n-1 (the simulation state as well as its metrics), for tests that read weekly series or people. */
export const runReplicates = (scenario: Scenario, replicates: number, seed = scenario.seed): Array<ReplicateResult> => {
  const prepared = prepareScenario(scenario)
  return Array.from({ length: replicates }, (_, i) => runReplicate(prepared, seed, i))
}
