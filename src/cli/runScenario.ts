/**
 * `spsim run`: replicates of one scenario, a headline table (or summary.json on stdout), and with `--out`
 * the result files, each written under a temporary name and renamed only once the whole run succeeded.
 */
import { createHash } from "node:crypto"
import { Console, Effect, FileSystem } from "effect"
import { prepareScenario } from "../ensemble/prepared.ts"
import { runReplicate } from "../ensemble/replicate.ts"
import type { Metrics } from "../results/metrics.ts"
import { canonicalJson, summaryDocument, type SummaryDocument } from "../results/document.ts"
import { peopleHeader, weeklyHeader, writePeopleRows, writeWeeklyRows } from "../results/tables.ts"
import { cashflowsHeader, paymentsHeader, writeCashflowRows, writePaymentRows } from "../results/contractTables.ts"
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
  const prepared = prepareScenario(scenario)
  const fs = yield* FileSystem.FileSystem
  const out = options.out
  if (out !== undefined) yield* fs.makeDirectory(out, { recursive: true })
  const weeklyFile = out === undefined ? undefined : yield* openAtomicFile(`${out}/weekly.csv`)
  const peopleFile = out === undefined || !options.people ? undefined : yield* openAtomicFile(`${out}/people.csv`)
  const hasContracts = scenario.contracts.length > 0
  const paymentsFile = out === undefined || !hasContracts ? undefined : yield* openAtomicFile(`${out}/payments.csv`)
  const cashflowsFile = out === undefined || !hasContracts ? undefined : yield* openAtomicFile(`${out}/cashflows.csv`)
  const metrics: Array<Metrics> = []
  const notes: Array<Record<string, string>> = []
  for (let i = 0; i < options.replicates; i++) {
    const result = runReplicate(prepared, seed, i)
    metrics.push(result.metrics)
    notes.push(result.notes)
    const first = i === 0
    if (weeklyFile !== undefined) yield* weeklyFile.write(rowsOf(weeklyHeader, first, (w) => writeWeeklyRows(result.sim, w)))
    if (peopleFile !== undefined) yield* peopleFile.write(rowsOf(peopleHeader, first, (w) => writePeopleRows(result.sim, w)))
    if (paymentsFile !== undefined) yield* paymentsFile.write(rowsOf(paymentsHeader, first, (w) => writePaymentRows(i, result.contracts, w)))
    if (cashflowsFile !== undefined) yield* cashflowsFile.write(rowsOf(cashflowsHeader, first, (w) => writeCashflowRows(i, result.contracts, w)))
    yield* Effect.yieldNow
  }
  const summary: SummaryDocument = summaryDocument({ version: spsimVersion, scenario, hash: scenarioHash(scenario), seed, replicates: metrics, notes })
  if (out !== undefined) {
    yield* writeFileAtomic(`${out}/scenario.json`, json(scenario))
    if (weeklyFile !== undefined) yield* weeklyFile.commit
    if (peopleFile !== undefined) yield* peopleFile.commit
    if (paymentsFile !== undefined) yield* paymentsFile.commit
    if (cashflowsFile !== undefined) yield* cashflowsFile.commit
    // Last, so that a summary.json on disk means the whole run finished.
    yield* writeFileAtomic(`${out}/summary.json`, json(summary))
  }
  yield* Console.log(options.json ? JSON.stringify(summary, null, 2) : headlineTable(summary))
  if (out !== undefined && !options.json) {
    const files = ["summary.json", "weekly.csv", ...(peopleFile ? ["people.csv"] : []), ...(hasContracts ? ["payments.csv", "cashflows.csv"] : []), "scenario.json"]
    yield* Console.error(`\nResults written to ${out}/ (${files.join(", ")})`)
  }
}, Effect.scoped)

/** One replicate's rows as CSV text, with the header only for the first replicate. */
const rowsOf = (header: ReadonlyArray<string>, withHeader: boolean, fill: (rows: CsvWriter) => void): string => {
  const rows = new CsvWriter(header)
  fill(rows)
  const text = rows.toString()
  return withHeader ? text : text.slice(text.indexOf("\n") + 1)
}
