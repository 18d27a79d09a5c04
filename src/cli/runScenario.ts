/**
 * `spsim run`: replicates of one scenario, a headline table (or summary.json on stdout), and with `--out`
 * the result files, each written under a temporary name and renamed only once the whole run succeeded.
 */
import { createHash } from "node:crypto"
import { Console, Effect, FileSystem, Stream } from "effect"
import { defaultWorkers, runRequests } from "../ensemble/pool.ts"
import { loadPosterior } from "../calibration/posteriorFile.ts"
import { parameterUncertainty, scenarioForReplicate } from "../calibration/posterior.ts"
import { canonicalJson, summaryDocument, type SummaryDocument } from "../results/document.ts"
import { RunningSummary } from "../results/summary.ts"
import { peopleHeader, replicateRows, replicatesHeader, weeklyHeader } from "../results/tables.ts"
import { cashflowsHeader, paymentsHeader } from "../results/contractTables.ts"
import { csvRow } from "../io/csv.ts"
import { csvToParquet } from "../io/parquet.ts"
import { openAtomicFile } from "../io/atomicFile.ts"
import { writeFileAtomic } from "../io/atomicWrite.ts"
import { loadScenario } from "../scenario/loadScenario.ts"
import type { Scenario } from "../scenario/schema.ts"
import { spsimVersion } from "../version.ts"
import { groupsTable, headlineTable } from "./headline.ts"
import { bandsHeader, seriesFromCsv, WeeklyBands } from "../results/weeklyBands.ts"
import { weeklyColumns } from "../model/weekly.ts"
import { prepareOutDir } from "./outDir.ts"
import { InputError } from "../scenario/errors.ts"
import { progressBar } from "./progress.ts"

export interface RunOptions {
  readonly file: string
  readonly seed: number | undefined
  readonly replicates: number
  readonly out: string | undefined
  readonly json: boolean
  readonly people: boolean
  readonly workers: number | undefined
  readonly quiet: boolean
  /** Also write a Parquet copy of each CSV file. */
  readonly parquet: boolean
  /** A posterior (posterior.csv from spsim calibrate): each replicate draws its parameter set from it. */
  readonly posterior?: string | undefined
  /** Also print outcomes by group (age band, sex, ethnic group, conditions, anxiety or depression, isolation). */
  readonly groups?: boolean
}

export const scenarioHash = (scenario: Scenario): string =>
  createHash("sha256").update(canonicalJson(scenario)).digest("hex").slice(0, 16)

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`

export const runScenario = Effect.fn("runScenario")(function*(options: RunOptions) {
  const needOut = [options.people ? "--people" : "", options.parquet ? "--parquet" : ""].filter((f) => f !== "")
  if (options.out === undefined && needOut.length > 0) {
    return yield* new InputError({ problems: [`${needOut.join(" and ")}: ${needOut.length > 1 ? "they write" : "it writes"} files, so give --out DIR to say where`] })
  }
  const loaded = yield* loadScenario(options.file)
  // The scenario as run: with `--seed`, its seed is the flag's, so that scenario.json (and the hash) repeat this run.
  const scenario = options.seed === undefined ? loaded : { ...loaded, seed: options.seed }
  const seed = scenario.seed
  const posterior = options.posterior === undefined ? undefined : yield* loadPosterior(options.posterior)
  const fs = yield* FileSystem.FileSystem
  const out = options.out
  if (out !== undefined) yield* prepareOutDir(out)
  const weeklyFile = out === undefined ? undefined : yield* openAtomicFile(`${out}/weekly.csv`)
  const replicatesFile = out === undefined ? undefined : yield* openAtomicFile(`${out}/replicates.csv`)
  const peopleFile = out === undefined || !options.people ? undefined : yield* openAtomicFile(`${out}/people.csv`)
  const hasContracts = scenario.contracts.length > 0
  const paymentsFile = out === undefined || !hasContracts ? undefined : yield* openAtomicFile(`${out}/payments.csv`)
  const cashflowsFile = out === undefined || !hasContracts ? undefined : yield* openAtomicFile(`${out}/cashflows.csv`)
  // Bands and notes gathered as replicates arrive, in bounded memory (`RunningSummary`).
  const gathered = new RunningSummary()
  const bands = out === undefined ? undefined : new WeeklyBands(weeklyColumns, scenario.horizonWeeks)
  const rows = { weekly: weeklyFile !== undefined, people: peopleFile !== undefined, contracts: paymentsFile !== undefined }
  const progress = progressBar("run", options.quiet)
  const workers = options.workers ?? autoWorkers(options.replicates)
  const request = (replicate: number) => ({
    scenario: posterior === undefined ? scenario : scenarioForReplicate(scenario, posterior, seed, replicate), seed, replicate, rows
  })
  yield* Stream.runForEach(runRequests(options.replicates, request, { workers }), (r) =>
    Effect.gen(function*() {
      gathered.add(r.replicate, r.metrics, r.notes)
      const first = r.replicate === 0
      if (weeklyFile !== undefined) yield* weeklyFile.write(withHeader(weeklyHeader, first, r.weeklyCsv))
      if (replicatesFile !== undefined) yield* replicatesFile.write(withHeader(replicatesHeader, first, replicateRows(r.replicate, r.metrics)))
      bands?.add(r.replicate, seriesFromCsv(r.weeklyCsv ?? "", weeklyHeader, weeklyColumns, scenario.horizonWeeks))
      if (peopleFile !== undefined) yield* peopleFile.write(withHeader(peopleHeader, first, r.peopleCsv))
      if (paymentsFile !== undefined) yield* paymentsFile.write(withHeader(paymentsHeader, first, r.paymentsCsv))
      if (cashflowsFile !== undefined) yield* cashflowsFile.write(withHeader(cashflowsHeader, first, r.cashflowsCsv))
      progress.update(gathered.count, options.replicates)
    }))
  progress.finish()
  const summary: SummaryDocument = summaryDocument({
    version: spsimVersion, scenario, hash: scenarioHash(scenario), seed, replicates: gathered,
    parameterUncertainty: posterior === undefined ? undefined : parameterUncertainty(options.posterior!, posterior)
  })
  if (out !== undefined) {
    yield* writeFileAtomic(`${out}/scenario.json`, json(scenario))
    if (bands !== undefined) yield* writeFileAtomic(`${out}/bands.csv`, `${[csvRow(bandsHeader), ...bands.rows().map(csvRow)].join("\n")}\n`)
    if (weeklyFile !== undefined) yield* weeklyFile.commit
    if (replicatesFile !== undefined) yield* replicatesFile.commit
    if (peopleFile !== undefined) yield* peopleFile.commit
    if (paymentsFile !== undefined) yield* paymentsFile.commit
    if (cashflowsFile !== undefined) yield* cashflowsFile.commit
    if (options.parquet) {
      const tables = ["weekly", "bands", "replicates", ...(peopleFile ? ["people"] : []), ...(hasContracts ? ["payments", "cashflows"] : [])]
      for (const table of tables) {
        const csv = yield* fs.readFileString(`${out}/${table}.csv`)
        yield* writeFileAtomic(`${out}/${table}.parquet`, new Uint8Array(csvToParquet(csv)))
      }
    }
    // Last, so that a summary.json on disk means the whole run finished.
    yield* writeFileAtomic(`${out}/summary.json`, json(summary))
  }
  yield* Console.log(options.json ? JSON.stringify(summary, null, 2) : headlineTable(summary))
  if (options.groups === true && !options.json) yield* Console.log(`\n${groupsTable(summary)}`)
  if (out !== undefined && !options.json) {
    const csvFiles = ["weekly.csv", "bands.csv", "replicates.csv", ...(peopleFile ? ["people.csv"] : []), ...(hasContracts ? ["payments.csv", "cashflows.csv"] : [])]
    const files = ["summary.json", ...csvFiles, ...(options.parquet ? csvFiles.map((f) => f.replace(".csv", ".parquet")) : []), "scenario.json"]
    yield* Console.error(`\nResults written to ${out}/ (${files.join(", ")})`)
  }
}, Effect.scoped)

/** One replicate's CSV rows, after the header for the first replicate. */
const withHeader = (header: ReadonlyArray<string>, first: boolean, body: string | undefined): string =>
  (first ? `${csvRow(header)}\n` : "") + (body ?? "")

/**
 * Worker threads pay off only for longer runs: each takes about a second to start (it loads the model afresh),
 * so small runs stay in this thread (measured on 2 cores: break-even near 40 replicates of the default).
 */
export const autoWorkers = (replicates: number): number => (replicates >= 50 ? defaultWorkers() : 1)
