/**
 * Answers one replicate request: decode and prepare the scenario (once per distinct scenario), run the
 * replicate, write the rows asked for. The worker threads and the in-process runner share this, so one
 * worker or many give the same bytes.
 */
import { Effect } from "effect"
import { CsvWriter } from "../io/csv.ts"
import { cashflowsHeader, paymentsHeader, writeCashflowRows, writePaymentRows } from "../results/contractTables.ts"
import { peopleHeader, weeklyHeader, writePeopleRows, writeWeeklyRows } from "../results/tables.ts"
import { SimRecycler } from "../model/sim.ts"
import { decodeDocument } from "../scenario/load.ts"
import { Scenario } from "../scenario/schema.ts"
import { type PreparedScenario, prepareScenario } from "./prepared.ts"
import { type ReplicateResult, runReplicate } from "./replicate.ts"
import { ReplicateFailed, type ReplicateRequest, type ReplicateResponse, type RowsWanted, ScenarioRejected } from "./protocol.ts"

/**
 * Distinct scenarios kept prepared at once: an ensemble sends one, a sensitivity run one variant after another,
 * and a comparison or a sweep takes turns between its scenarios or grid points (replicate by replicate, to pair
 * them), so up to this many are prepared only once (a 2 × 8 grid, say; each is well under a megabyte).
 */
const CACHE_SIZE = 32

/** CSV rows without their header line. */
export const csvBody = (header: ReadonlyArray<string>, fill: (rows: CsvWriter) => void): string => {
  const rows = new CsvWriter(header)
  fill(rows)
  const text = rows.toString()
  return text.slice(text.indexOf("\n") + 1)
}

export const responseOf = (result: ReplicateResult, rows: RowsWanted): ReplicateResponse => {
  const { replicate, sim, contracts } = result
  return {
    replicate,
    metrics: result.metrics,
    notes: result.notes,
    ...(rows.weekly ? { weeklyCsv: csvBody(weeklyHeader, (w) => writeWeeklyRows(sim, w)) } : {}),
    ...(rows.people ? { peopleCsv: csvBody(peopleHeader, (w) => writePeopleRows(sim, w)) } : {}),
    ...(rows.contracts
      ? {
        paymentsCsv: csvBody(paymentsHeader, (w) => writePaymentRows(replicate, contracts, w)),
        cashflowsCsv: csvBody(cashflowsHeader, (w) => writeCashflowRows(replicate, contracts, w))
      }
      : {})
  }
}

const reasonOf = (cause: unknown): string => (cause instanceof Error ? cause.message : String(cause))

/**
 * A responder with its own cache of prepared scenarios, keyed by the scenario's JSON text, and its own recycled
 * person table and event logs: a replicate is given back once its response (numbers and text) is made.
 */
export const makeResponder = () => {
  const cache = new Map<string, PreparedScenario>()
  const recycler = new SimRecycler()

  const prepare = Effect.fnUntraced(function*(scenario: unknown): Effect.fn.Return<PreparedScenario, ScenarioRejected> {
    const key = JSON.stringify(scenario)
    const cached = cache.get(key)
    if (cached !== undefined) return cached
    const decoded = yield* decodeDocument(Scenario, scenario, "scenario").pipe(
      Effect.mapError((error) => new ScenarioRejected({ reason: error.render() }))
    )
    const prepared = yield* Effect.try({
      try: () => prepareScenario(decoded),
      catch: (cause) => new ScenarioRejected({ reason: reasonOf(cause) })
    })
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!)
    cache.set(key, prepared)
    return prepared
  })

  const run = Effect.fnUntraced(function*(request: ReplicateRequest): Effect.fn.Return<ReplicateResponse, ScenarioRejected | ReplicateFailed> {
    const prepared = yield* prepare(request.scenario)
    return yield* Effect.try({
      try: () => {
        const result = runReplicate(prepared, request.seed, request.replicate, recycler)
        const response = responseOf(result, request.rows)
        recycler.give(result.sim)
        return response
      },
      catch: (cause) => new ReplicateFailed({ replicate: request.replicate, reason: reasonOf(cause) })
    })
  })

  return { prepare, run }
}
