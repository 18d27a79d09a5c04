/**
 * Regenerates the explorer's golden-chart fixture, tests/web/fixtures/summary.json: a seeded run of
 * ways-to-wellness (8 replicates) through the same code the explorer's workers run, summarised for every
 * main chart. Then regenerate the golden SVGs: `UPDATE_GOLDENS=1 npx vitest run tests/web/e2e/goldens.test.ts`.
 *
 *   npx tsx scripts/explorerFixture.ts
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs"
import { Result } from "effect"
import { prepareScenario } from "../src/ensemble/prepared.ts"
import { runReplicate } from "../src/ensemble/replicate.ts"
import { allNeeds } from "../web/src/charts/registry.ts"
import { contractInfo, EnsembleResults } from "../web/src/run/ensembleResults.ts"
import { replicateOutput } from "../web/src/run/replicateOutput.ts"
import { scenarioFromText } from "../web/src/scenario/fromText.ts"

export const fixtureReplicates = 8

const shipped = Object.fromEntries(readdirSync("scenarios").filter((f) => f.endsWith(".json")).map((f) => [f, readFileSync(`scenarios/${f}`, "utf8")]))
const decoded = scenarioFromText(shipped["ways-to-wellness.json"], "scenarios/ways-to-wellness.json", shipped)
if (Result.isFailure(decoded)) throw new Error(decoded.failure.render())
const scenario = decoded.success
const prepared = prepareScenario(scenario)
const results = new EnsembleResults(scenario, scenario.seed)
for (let r = 0; r < fixtureReplicates; r++) results.add(replicateOutput(runReplicate(prepared, scenario.seed, r), results.layout))
const summary = results.summary(allNeeds(contractInfo(scenario), scenario.contracts[0].name))
// Six significant digits: plenty for a chart, and a fixture small enough to read in a diff.
const rounded = JSON.stringify(summary, (_k, v: unknown) => (typeof v === "number" && !Number.isInteger(v) ? Number(v.toPrecision(6)) : v))
writeFileSync("tests/web/fixtures/summary.json", `${rounded}\n`)
console.log(`tests/web/fixtures/summary.json: ${fixtureReplicates} replicates of ${scenario.name}, ${rounded.length} bytes`)
