/**
 * The files the explorer offers, made by the CLI's own code so that they read the same: the scenario as it
 * ran (`scenario.json`), the weekly bands (`bands.csv`, columns as `spsim run --out` writes them), every
 * replicate's metrics (`replicates.csv`, as `spsim run --out` writes it) and the summary (`summary.json`, with
 * the same scenario hash).
 */
import { csvRow } from "../../../src/io/csv.ts"
import { canonicalJson, summaryDocument, type SummaryDocument } from "../../../src/results/document.ts"
import { bandsHeader } from "../../../src/results/weeklyBands.ts"
import { replicateRows, replicatesHeader } from "../../../src/results/tables.ts"
import type { Scenario } from "../../../src/scenario/schema.ts"
import { spsimVersion } from "../../../src/version.ts"
import type { EnsembleResults } from "../run/ensembleResults.ts"

export const scenarioJson = (scenario: Scenario): string => `${JSON.stringify(scenario, null, 2)}\n`

export const bandsCsv = (results: EnsembleResults): string =>
  `${[csvRow(bandsHeader), ...results.weekly.rows().map(csvRow)].join("\n")}\n`

/** Every metric of every replicate so far, in replicate order, as `spsim run --out` writes replicates.csv. */
export const replicatesCsv = (results: EnsembleResults): string =>
  `${csvRow(replicatesHeader)}\n${results.metricsByReplicateNumber().map((m, i) => (m === undefined ? "" : replicateRows(i, m))).join("")}`

/** The first 16 hex digits of the SHA-256 of the scenario's canonical JSON, as `scenarioHash` in the CLI. */
export const scenarioHash = async (scenario: Scenario): Promise<string> => {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(canonicalJson(scenario)))
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("").slice(0, 16)
}

export const summaryJson = async (results: EnsembleResults): Promise<string> => {
  const doc: SummaryDocument = summaryDocument({
    version: spsimVersion,
    scenario: results.scenario,
    hash: await scenarioHash(results.scenario),
    seed: results.seed,
    replicates: results.metrics(),
    notes: results.notes()
  })
  return `${JSON.stringify(doc, null, 2)}\n`
}

/** Offers text as a file download. */
export const saveFile = (name: string, text: string, type: string): void => {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const a = document.createElement("a")
  a.href = url
  a.download = name
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
