/**
 * The parallel ensemble: whatever the number of workers, a researcher gets the same replicates, in the same
 * order, byte for byte, as running them one after another; a run stopped early or failing ends promptly and
 * leaves no threads behind.
 */
import { describe, expect, it } from "vitest"
import { Cause, Effect, Exit, Fiber, Stream } from "effect"
import { CsvWriter } from "../../src/io/csv.ts"
import { cashflowsHeader, paymentsHeader, writeCashflowRows, writePaymentRows } from "../../src/results/contractTables.ts"
import { peopleHeader, weeklyHeader, writePeopleRows, writeWeeklyRows } from "../../src/results/tables.ts"
import { liveWorkerThreads, runEnsemble, runRequests, type EnsembleOptions } from "../../src/ensemble/pool.ts"
import type { ReplicateResponse } from "../../src/ensemble/protocol.ts"
import type { Scenario } from "../../src/scenario/schema.ts"
import { runReplicates, scenarioWith } from "../support/scenarios.ts"

// Two years keeps each replicate quick; the contracts still pay within it.
const scenario = scenarioWith((s) => {
  s.horizonWeeks = 104
})
const replicates = 5
const allRows = { weekly: true, people: true, contracts: true }

const collect = (options: Partial<EnsembleOptions>): Promise<ReadonlyArray<ReplicateResponse>> =>
  Effect.runPromise(Stream.runCollect(runEnsemble({ scenario, seed: scenario.seed, replicates, rows: allRows, ...options })))

/** CSV rows without the header, written the way runScenario writes them. */
const body = (header: ReadonlyArray<string>, fill: (rows: CsvWriter) => void): string => {
  const rows = new CsvWriter(header)
  fill(rows)
  return rows.toString().split("\n").slice(1).join("\n")
}

const expected = runReplicates(scenario, replicates).map((r) => ({
  replicate: r.replicate,
  metrics: r.metrics,
  notes: r.notes,
  weeklyCsv: body(weeklyHeader, (w) => writeWeeklyRows(r.sim, w)),
  peopleCsv: body(peopleHeader, (w) => writePeopleRows(r.sim, w)),
  paymentsCsv: body(paymentsHeader, (w) => writePaymentRows(r.replicate, r.contracts, w)),
  cashflowsCsv: body(cashflowsHeader, (w) => writeCashflowRows(r.replicate, r.contracts, w))
}))

describe("runEnsemble", () => {
  // Threads only (this thread idle), so that every replicate crosses a thread boundary; then the mixed default.
  it.each([
    { workers: 1 },
    { workers: 2, inThisThread: false },
    { workers: 3, inThisThread: false },
    { workers: 2 },
    { workers: 3 }
  ])("gives each replicate exactly as runReplicate does, in replicate order (%o)", async (lanes) => {
    expect(expected[0].paymentsCsv.length).toBeGreaterThan(0)
    const results = await collect(lanes)
    expect(results.map((r) => r.replicate)).toEqual([0, 1, 2, 3, 4])
    expect(results).toEqual(expected)
    expect(liveWorkerThreads()).toBe(0)
  })

  it("builds only the rows asked for", async () => {
    const [first] = await collect({ workers: 1, inThisThread: false, replicates: 1, rows: { weekly: true, people: false, contracts: false } })
    expect(first.weeklyCsv).toBe(expected[0].weeklyCsv)
    expect(first.peopleCsv ?? first.paymentsCsv ?? first.cashflowsCsv).toBeUndefined()
  })

  it.each([true, false])("stops the workers when the consumer takes the first 3 of 50 replicates (this thread working: %s)", async (inThisThread) => {
    const run = runEnsemble({ scenario, seed: scenario.seed, replicates: 50, workers: 2, inThisThread, rows: allRows })
    const first = await Effect.runPromise(Stream.runCollect(Stream.take(run, 3)))
    expect(first.map((r) => r.metrics)).toEqual(expected.slice(0, 3).map((r) => r.metrics))
    expect(liveWorkerThreads()).toBe(0)
  })

  it("stops the workers when the run is interrupted (Ctrl-C)", async () => {
    const exit = await Effect.runPromise(Effect.gen(function*() {
      const seen: Array<number> = []
      const fiber = yield* Effect.forkChild(Stream.runForEach(
        runEnsemble({ scenario, seed: scenario.seed, replicates: 50, workers: 2, inThisThread: false, rows: allRows }),
        (r) => Effect.sync(() => seen.push(r.replicate))
      ))
      while (seen.length === 0) yield* Effect.sleep("20 millis")
      return yield* Fiber.await(yield* Effect.as(Fiber.interrupt(fiber), fiber))
    }))
    expect(Exit.isFailure(exit) && Cause.hasInterruptsOnly(exit.cause)).toBe(true)
    expect(liveWorkerThreads()).toBe(0)
  })

  it.each([{ workers: 1 }, { workers: 2 }, { workers: 2, inThisThread: false }])("reports a scenario the workers cannot decode as a typed failure (%o)", async (lanes) => {
    const broken = { ...scenario, horizonWeeks: "two years" } as unknown as Scenario
    const exit = await Effect.runPromiseExit(Stream.runCollect(runEnsemble({ scenario: broken, seed: 1, replicates: 4, rows: allRows, ...lanes })))
    expect(Exit.isFailure(exit)).toBe(true)
    const error = Exit.isFailure(exit) ? Cause.findErrorOption(exit.cause) : undefined
    expect(error?._tag === "Some" && error.value._tag).toBe("ScenarioRejected")
    expect(error?._tag === "Some" && error.value.message).toMatch(/horizonWeeks/)
    expect(liveWorkerThreads()).toBe(0)
  })

  it.each([{ workers: 2 }, { workers: 2, inThisThread: false }])("fails the run, naming the cause, when a worker thread cannot start (%o)", async (lanes) => {
    const threadEntry = new URL("./fixtures/failingWorker.mjs", import.meta.url)
    const request = (replicate: number) => ({ scenario, seed: 1, replicate, rows: allRows })
    const exit = await Effect.runPromiseExit(Stream.runCollect(runRequests(40, request, { ...lanes, threadEntry })))
    expect(Exit.isFailure(exit)).toBe(true)
    const error = Exit.isFailure(exit) ? Cause.findErrorOption(exit.cause) : undefined
    expect(error?._tag === "Some" && error.value._tag).toBe("EnsembleWorkerFailed")
    expect(error?._tag === "Some" && error.value.message).toMatch(/cannot load its modules/)
    expect(liveWorkerThreads()).toBe(0)
  })
})
