/**
 * The scheduler under the ensemble: items come out in order however the lanes finish, no more than the window
 * is started ahead of the consumer, and a lane that fails its items (a thread that cannot start) fails the run
 * instead of hanging it.
 */
import { describe, expect, it } from "vitest"
import { Effect, Exit, Stream } from "effect"
import { type Lane, runOrdered } from "../../src/ensemble/lanes.ts"

/** A lane whose item i takes a pseudo-random few milliseconds, recording what it ran. */
const fakeLane = (name: string, log: Array<string>, options: Partial<Lane<number, string>> = {}): Lane<number, string> => ({
  run: (item) => Effect.as(Effect.sleep(`${1 + ((item * 7919 + name.length * 31) % 9)} millis`), item).pipe(Effect.tap(() => Effect.sync(() => log.push(`${name}:${item}`)))),
  slots: 1,
  ...options
})

describe("runOrdered", () => {
  it("delivers every item once, in order, whichever lane ran it", async () => {
    const log: Array<string> = []
    // "ccc" is slow to start, as a worker thread is while it loads: its first items wait in its queue.
    let cccRuns = 0
    const slowStart = (item: number) =>
      Effect.suspend(() => Effect.sleep(cccRuns++ === 0 ? "20 millis" : "1 millis")).pipe(Effect.as(item), Effect.tap(() => Effect.sync(() => log.push(`ccc:${item}`))))
    const lanes = [fakeLane("a", log), fakeLane("bb", log, { slots: 2 }), fakeLane("ccc", log, { run: slowStart })]
    const items = await Effect.runPromise(Stream.runCollect(runOrdered(60, lanes, 9)))
    expect(items).toEqual(Array.from({ length: 60 }, (_, i) => i))
    expect(log.map((entry) => Number(entry.split(":")[1])).sort((x, y) => x - y)).toEqual(items)
    expect(new Set(log.map((entry) => entry.split(":")[0])).size).toBe(3)
  })

  it("starts no more than the window ahead of a slow consumer", async () => {
    let started = 0
    let maxAhead = 0
    const lane: Lane<number, never> = { run: (item) => Effect.sync(() => ++started).pipe(Effect.as(item)), slots: 4 }
    await Effect.runPromise(Stream.runForEach(runOrdered(40, [lane], 6), (item) =>
      Effect.sync(() => {
        maxAhead = Math.max(maxAhead, started - (item + 1))
      }).pipe(Effect.andThen(Effect.sleep("2 millis")))))
    expect(started).toBe(40)
    expect(maxAhead).toBeLessThanOrEqual(6)
    expect(maxAhead).toBeGreaterThanOrEqual(4)
  })

  it("fails the run with the error of a lane that cannot start, once one of its items is due", async () => {
    const log: Array<string> = []
    const lanes = [fakeLane("a", log, { run: (item) => Effect.as(Effect.sleep("5 millis"), item) }), fakeLane("broken", log, { run: () => Effect.fail("no thread") })]
    const delivered: Array<number> = []
    const exit = await Effect.runPromiseExit(Stream.runForEach(runOrdered(50, lanes, 4), (item) => Effect.sync(() => delivered.push(item))))
    expect(exit).toEqual(Exit.fail("no thread"))
    // The working lane's items before the first failed one were delivered, in order.
    expect(delivered).toEqual(Array.from({ length: delivered.length }, (_, i) => i))
    expect(delivered.length).toBeLessThan(50)
  })

  it("interrupts the items in flight when the consumer stops", async () => {
    let running = 0
    let mostRunning = 0
    const lane: Lane<number, never> = {
      run: (item) => Effect.as(Effect.sleep(item === 0 ? "1 millis" : "1 minute"), item).pipe(
        Effect.ensuring(Effect.sync(() => running--)),
        Effect.onInterrupt(() => Effect.void),
        (run) => Effect.andThen(Effect.sync(() => (mostRunning = Math.max(mostRunning, ++running))), run)
      ),
      slots: 3
    }
    expect(await Effect.runPromise(Stream.runCollect(Stream.take(runOrdered(20, [lane], 6), 1)))).toEqual([0])
    expect(mostRunning).toBe(3)
    expect(running).toBe(0)
  })
})
