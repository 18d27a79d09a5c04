/**
 * Work items 0 … count-1 spread over lanes (this thread, worker threads) and delivered in item order.
 *
 * Each place on a lane is a loop that takes the next item in order, runs it and files the result; the
 * consumer reads the results in order (the reorder buffer) and gives back one permit per item it has read.
 * So no more than `window` items are ever started ahead of the consumer, whatever its pace, and memory is
 * bounded by `window` results. Every lane takes work at once: a worker thread's first requests wait in its queue
 * while it loads (pool.ts), and the window lets the other lanes run well ahead meanwhile. A lane that fails an item
 * (a thread that could not start fails every request sent to it) fails the stream when that item's turn comes.
 */
import { Deferred, Effect, Semaphore, Stream } from "effect"

export interface Lane<A, E> {
  readonly run: (item: number) => Effect.Effect<A, E>
  /** Items this lane runs at once (a worker thread may take a second one so as never to wait for the next). */
  readonly slots: number
}

export const runOrdered = <A, E>(
  count: number,
  lanes: ReadonlyArray<Lane<A, E>>,
  window: number
): Stream.Stream<A, E> =>
  Stream.unwrap(Effect.gen(function*() {
    const results = new Map<number, Deferred.Deferred<A, E>>()
    const resultOf = (item: number): Deferred.Deferred<A, E> => {
      let result = results.get(item)
      if (result === undefined) results.set(item, result = Deferred.makeUnsafe<A, E>())
      return result
    }
    const ahead = yield* Semaphore.make(Math.max(1, window))
    let next = 0

    const place = Effect.fnUntraced(function*(run: Lane<A, E>["run"]) {
      while (true) {
        yield* ahead.take(1)
        if (next >= count) return
        const item = next++
        yield* Deferred.done(resultOf(item), yield* Effect.exit(run(item)))
      }
    })
    for (const lane of lanes) {
      for (let slot = 0; slot < lane.slots; slot++) yield* Effect.forkScoped(place(lane.run))
    }

    const deliver = (item: number) =>
      Deferred.await(resultOf(item)).pipe(
        Effect.ensuring(Effect.andThen(Effect.sync(() => results.delete(item)), ahead.release(1)))
      )
    return Stream.mapEffect(Stream.range(0, count - 1), deliver)
  }))
