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
import { ReplicateFailed, type ReplicateRequest, type ReplicateResponse, type RowsWanted, ScenarioRejected, type WireRequest } from "./protocol.ts"

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

const texts = new WeakMap<object, string>()

/**
 * A scenario's JSON text, which keys the prepared scenarios and is what a worker thread is sent: written once per
 * scenario object (an ensemble asks for every replicate with the same one), not once per replicate. A scenario is
 * never changed once made (its type is read-only; a variant is a new object), so the text stays its own.
 */
export const scenarioText = (scenario: unknown): string => {
  if (typeof scenario !== "object" || scenario === null) return JSON.stringify(scenario)
  let text = texts.get(scenario)
  if (text === undefined) texts.set(scenario, text = JSON.stringify(scenario))
  return text
}

/** A request as a worker thread is sent it (`WireRequest`). */
export const wireRequest = (request: ReplicateRequest): WireRequest => ({ ...request, scenario: scenarioText(request.scenario) })

/**
 * A responder with its own cache of prepared scenarios, keyed by the scenario's JSON text, and its own recycled
 * person table and event logs: a replicate is given back once its response (numbers and text) is made.
 */
export const makeResponder = () => {
  const cache = new Map<string, PreparedScenario>()
  const recycler = new SimRecycler()

  /** The scenario whose JSON text is `key`, prepared; `scenario` gives its data when it is not already prepared. */
  const prepareKeyed = Effect.fnUntraced(function*(key: string, scenario: () => unknown): Effect.fn.Return<PreparedScenario, ScenarioRejected> {
    const cached = cache.get(key)
    if (cached !== undefined) return cached
    const data = yield* Effect.try({ try: scenario, catch: (cause) => new ScenarioRejected({ reason: reasonOf(cause) }) })
    const decoded = yield* decodeDocument(Scenario, data, "scenario").pipe(
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

  /** A scenario given as data. */
  const prepare = (scenario: unknown) => prepareKeyed(scenarioText(scenario), () => scenario)
  /** A scenario given as its JSON text (a worker thread's requests). */
  const prepareText = (text: string) => prepareKeyed(text, () => JSON.parse(text))

  const runPrepared = Effect.fnUntraced(function*(prepared: PreparedScenario, request: ReplicateRequest | WireRequest): Effect.fn.Return<ReplicateResponse, ReplicateFailed> {
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

  /** A request from this thread. */
  const run = (request: ReplicateRequest) => Effect.flatMap(prepare(request.scenario), (prepared) => runPrepared(prepared, request))
  /** A request sent to a worker thread. */
  const runWire = (request: WireRequest) => Effect.flatMap(prepareText(request.scenario), (prepared) => runPrepared(prepared, request))

  return { run, runWire }
}
