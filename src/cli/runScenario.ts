/**
 * `spsim run`: replicates of one scenario, a headline table (or summary.json on stdout), and with `--out`
 * the result files, each written under a temporary name and renamed only once the whole run succeeded.
 */
import { createHash } from "node:crypto"
import { Console, Effect, FileSystem } from "effect"
import { compileParams } from "../model/params.ts"
import { runReplicate } from "../ensemble/replicate.ts"
import type { Metrics } from "../results/metrics.ts"
import { canonicalJson, summaryDocument, type SummaryDocument } from "../results/document.ts"
import { peopleHeader, weeklyHeader, writePeopleRows, writeWeeklyRows } from "../results/tables.ts"
import { CsvWriter } from "../io/csv.ts"
import { openAtomicFile } from "../io/atomicFile.ts"
import { writeFileAtomic } from "../io/atomicWrite.ts"
import { loadScenario } from "../scenario/loadScenario.ts"
import type { Scenario } from "../scenario/schema.ts"
import { spsimVersion } from "../version.ts"
import { headlineTable } from "./headline.ts"

export interface RunOptions {
  readonly file: string
  readonly seed: number | undefined
  readonly replicates: number
  readonly out: string | undefined
  readonly json: boolean
  readonly people: boolean
}

export const scenarioHash = (scenario: Scenario): string =>
  createHash("sha256").update(canonicalJson(scenario)).digest("hex").slice(0, 16)

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`

export const runScenario = Effect.fn("runScenario")(function*(options: RunOptions) {
  const scenario = yield* loadScenario(options.file)
  const seed = options.seed ?? scenario.seed
  const params = compileParams(scenario)
  const fs = yield* FileSystem.FileSystem
  const out = options.out
  if (out !== undefined) yield* fs.makeDirectory(out, { recursive: true })
  const weeklyFile = out === undefined ? undefined : yield* openAtomicFile(`${out}/weekly.csv`)
  const peopleFile = out === undefined || !options.people ? undefined : yield* openAtomicFile(`${out}/people.csv`)
  const metrics: Array<Metrics> = []
  for (let i = 0; i < options.replicates; i++) {
    const result = runReplicate(params, seed, i)
    metrics.push(result.metrics)
    if (weeklyFile !== undefined) {
      const rows = new CsvWriter(weeklyHeader)
      writeWeeklyRows(result.sim, rows)
      yield* weeklyFile.write(i === 0 ? rows.toString() : withoutHeader(rows))
    }
    if (peopleFile !== undefined) {
      const rows = new CsvWriter(peopleHeader)
      writePeopleRows(result.sim, rows)
      yield* peopleFile.write(i === 0 ? rows.toString() : withoutHeader(rows))
    }
    yield* Effect.yieldNow
  }
  const summary: SummaryDocument = summaryDocument({ version: spsimVersion, scenario, hash: scenarioHash(scenario), seed, replicates: metrics })
  if (out !== undefined) {
    yield* writeFileAtomic(`${out}/scenario.json`, json(scenario))
    if (weeklyFile !== undefined) yield* weeklyFile.commit
    if (peopleFile !== undefined) yield* peopleFile.commit
    // Last, so that a summary.json on disk means the whole run finished.
    yield* writeFileAtomic(`${out}/summary.json`, json(summary))
  }
  yield* Console.log(options.json ? JSON.stringify(summary, null, 2) : headlineTable(summary))
  if (out !== undefined && !options.json) yield* Console.error(`\nResults written to ${out}/ (summary.json, weekly.csv${peopleFile ? ", people.csv" : ""}, scenario.json)`)
}, Effect.scoped)

const withoutHeader = (rows: CsvWriter): string => {
  const text = rows.toString()
  return text.slice(text.indexOf("\n") + 1)
}
