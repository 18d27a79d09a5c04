/**
 * The scheduler under the ensemble: items come out in order however the lanes finish, no more than the window
 * is started ahead of the consumer, a lane still starting holds nothing up, and a lane that cannot start fails
 * the run instead of hanging it.
 */
import { describe, expect, it } from "vitest"
import { Effect, Exit, Stream } from "effect"
import { type Lane, runOrdered } from "../../src/ensemble/lanes.ts"

/** A lane whose item i takes a pseudo-random few milliseconds, recording what it ran. */
const fakeLane = (name: string, log: Array<string>, options: Partial<Lane<number, string>> = {}): Lane<number, string> => ({
  run: (item) => Effect.as(Effect.sleep(`${1 + ((item * 7919 + name.length * 31) % 9)} millis`), item).pipe(Effect.tap(() => Effect.sync(() => log.push(`${name}:${item}`)))),
  slots: 1,
  ready: Effect.void,
  ...options
})

describe("runOrdered", () => {
  it("delivers every item once, in order, whichever lane ran it", async () => {
    const log: Array<string> = []
    const lanes = [fakeLane("a", log), fakeLane("bb", log, { slots: 2 }), fakeLane("ccc", log, { ready: Effect.sleep("20 millis") })]
    const items = await Effect.runPromise(Stream.runCollect(runOrdered(60, lanes, 9)))
    expect(items).toEqual(Array.from({ length: 60 }, (_, i) => i))
    expect(log.map((entry) => Number(entry.split(":")[1])).sort((x, y) => x - y)).toEqual(items)
    expect(new Set(log.map((entry) => entry.split(":")[0])).size).toBe(3)
  })

  it("starts no more than the window ahead of a slow consumer", async () => {
    let started = 0
    let maxAhead = 0
    const lane: Lane<number, never> = { run: (item) => Effect.sync(() => ++started).pipe(Effect.as(item)), slots: 4, ready: Effect.void }
    await Effect.runPromise(Stream.runForEach(runOrdered(40, [lane], 6), (item) =>
      Effect.sync(() => {
        maxAhead = Math.max(maxAhead, started - (item + 1))
      }).pipe(Effect.andThen(Effect.sleep("2 millis")))))
    expect(started).toBe(40)
    expect(maxAhead).toBeLessThanOrEqual(6)
    expect(maxAhead).toBeGreaterThanOrEqual(4)
  })

  it("does not wait for a lane that never becomes ready", async () => {
    const lanes = [fakeLane("a", []), fakeLane("never", [], { ready: Effect.never })]
    expect(await Effect.runPromise(Stream.runCollect(runOrdered(10, lanes, 4)))).toHaveLength(10)
  })

  it("fails the run with the error of a lane that cannot start", async () => {
    const log: Array<string> = []
    const lanes = [fakeLane("a", log, { run: (item) => Effect.as(Effect.sleep("5 millis"), item) }), fakeLane("broken", log, { ready: Effect.fail("no thread") })]
    const exit = await Effect.runPromiseExit(Stream.runCollect(runOrdered(50, lanes, 4)))
    expect(exit).toEqual(Exit.fail("no thread"))
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
      slots: 3,
      ready: Effect.void
    }
    expect(await Effect.runPromise(Stream.runCollect(Stream.take(runOrdered(20, [lane], 6), 1)))).toEqual([0])
    expect(mostRunning).toBe(3)
    expect(running).toBe(0)
  })
})
