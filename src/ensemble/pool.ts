/**
 * Replicates of one scenario run in parallel and delivered in replicate order, so that files written from them
 * are the same bytes whatever the number of workers.
 *
 * `workers` counts compute lanes, and this thread is one of them: `workers: 1` runs everything here, `workers: n`
 * adds n-1 worker threads, each an `effect/rpc` client over one `@effect/platform-node` worker. This thread has
 * the model loaded already and starts at once, while a thread needs seconds to load it (tsx, effect, mathjs) and
 * warm up; on a machine with few cores, a pool of threads alone would lose much of a short run to that start-up.
 *
 * The result is a pull-based Stream (see lanes.ts): the consumer's pace bounds memory, and when the consumer stops
 * or is interrupted the stream's scope closes, which interrupts the calls in flight and shuts the threads down.
 */
import { availableParallelism } from "node:os"
import { Worker } from "node:worker_threads"
import * as NodeWorker from "@effect/platform-node/NodeWorker"
import { Effect, Layer, Predicate, Schema, Stream } from "effect"
import { RpcClient } from "effect/rpc"
import type { Scenario } from "../scenario/schema.ts"
import { type Lane, runOrdered } from "./lanes.ts"
import { EnsembleRpcs, ReplicateFailed, type ReplicateRequest, type ReplicateResponse, type RowsWanted, ScenarioRejected } from "./protocol.ts"
import { makeResponder, wireRequest } from "./respond.ts"
import { raiseInliningBudgetFor } from "./v8Flags.ts"

export interface EnsembleOptions {
  readonly scenario: Scenario
  readonly seed: number
  readonly replicates: number
  /** Compute lanes, this thread included. Default: `os.availableParallelism()`. Never more than `replicates`. */
  readonly workers?: number | undefined
  /** Whether this thread is one of the lanes (default true); false leaves it free and runs `workers` threads. */
  readonly inThisThread?: boolean | undefined
  readonly rows: RowsWanted
}

/** A worker thread could not start, or died mid-run. */
export class EnsembleWorkerFailed extends Schema.TaggedError<EnsembleWorkerFailed>()("EnsembleWorkerFailed", {
  reason: Schema.String
}) {
  override get message(): string {
    return `ensemble worker failed: ${this.reason}`
  }
}

export type EnsembleError = ScenarioRejected | ReplicateFailed | EnsembleWorkerFailed

export const defaultWorkers = (): number => availableParallelism()

/**
 * A thread holds one replicate running and two queued, so it never waits for this thread to send more: this thread
 * sends only between replicates of its own, which take twice as long or more while its code is still warming up.
 */
const THREAD_SLOTS = 3
/**
 * Replicates started ahead of the consumer, per lane (running, queued in a thread, or done and awaiting their turn).
 * Enough that a faster lane never waits for a slower one's replicate to be consumed: this thread also consumes, and
 * for its first second or two runs code still warming up, while a thread already warm runs ahead (with 3 a lane, a
 * worker thread sat idle for ~0.3 s of a 1,000-replicate run). A result without rows is a few kilobytes; with
 * everyone's rows (`--people`) a few megabytes, so then fewer.
 */
const AHEAD_PER_LANE = 32
const AHEAD_PER_LANE_WITH_PEOPLE = 4

// Started from the bundle (dist/cli, scripts/build-cli.mjs), a thread runs the bundled worker beside it; from
// the sources, the entry that registers tsx first.
const workerEntry = import.meta.url.endsWith(".mjs") ? new URL("./worker.mjs", import.meta.url) : new URL("./workerEntry.mjs", import.meta.url)

let liveThreads = 0

/** Worker threads started and not yet exited, in this process (a run that ended, however it ended, leaves none). */
export const liveWorkerThreads = (): number => liveThreads

const spawnWorker = (entry: URL): Worker => {
  const worker = new Worker(entry)
  liveThreads++
  worker.once("exit", () => liveThreads--)
  return worker
}

/** The error's message, and that of what caused it at the root (e.g. the exception that stopped a worker). */
const describe = (error: unknown): string => {
  const message = Predicate.hasProperty(error, "message") ? String(error.message) : String(error)
  let root: unknown = error
  for (let depth = 0; depth < 8; depth++) {
    const next = Predicate.hasProperty(root, "reason") ? root.reason : Predicate.hasProperty(root, "cause") ? root.cause : undefined
    if (next === undefined) break
    root = next
  }
  return root !== error && root instanceof Error && !message.includes(root.message) ? `${message}: ${root.message}` : message
}

const toEnsembleError = (error: unknown): EnsembleError =>
  error instanceof ScenarioRejected || error instanceof ReplicateFailed ? error : new EnsembleWorkerFailed({ reason: describe(error) })

/** One worker thread behind an RPC client, closed with the enclosing scope. */
const threadLane = Effect.fnUntraced(function*(request: (replicate: number) => ReplicateRequest, entry: URL) {
  const spawned: Array<Worker> = []
  const spawn = (): Worker => {
    const worker = spawnWorker(entry)
    spawned.push(worker)
    return worker
  }
  const protocol = yield* Layer.build(
    RpcClient.layerProtocolWorker({ size: 1, concurrency: THREAD_SLOTS }).pipe(Layer.provide(NodeWorker.layer(spawn)))
  ).pipe(Effect.mapError(toEnsembleError))
  // Runs before the platform's own close (finalizers run in reverse): a thread holds nothing worth a graceful
  // close, and one still loading or mid-replicate would otherwise keep a stopped run waiting for seconds.
  yield* Effect.addFinalizer(() => Effect.promise(() => Promise.all(spawned.map((worker) => worker.terminate()))))
  const client = yield* RpcClient.make(EnsembleRpcs, { disableTracing: true }).pipe(Effect.provideContext(protocol))
  return {
    run: (replicate) => client.RunReplicate(wireRequest(request(replicate))).pipe(Effect.mapError(toEnsembleError)),
    // Sent work at once: its first requests wait in the thread's queue while it loads (the first prepares the
    // scenario), so that it starts the moment it has loaded. Waiting for an answer first (a `PrepareScenario`
    // request, once) had it idle until this thread, mid-replicate while its own code was still cold, got round to
    // sending work: ~0.1 s. A thread that cannot start fails the requests sent to it, and so the run.
    slots: THREAD_SLOTS
  } satisfies Lane<ReplicateResponse, EnsembleError>
})

export interface PoolOptions {
  /** Compute lanes, this thread included when `inThisThread`; 1 runs in this thread. Default: `os.availableParallelism()`. */
  readonly workers?: number | undefined
  readonly inThisThread?: boolean | undefined
  /** The module a worker thread starts with: the pool's own worker unless a test gives another. */
  readonly threadEntry?: URL | undefined
}

/**
 * Responses to requests 0 … count-1, in that order, computed on a pool of lanes. Requests may be for different
 * scenarios (a sweep's grid points): each lane prepares a scenario once and keeps a few prepared.
 */
export const runRequests = (
  count: number, request: (i: number) => ReplicateRequest, options: PoolOptions
): Stream.Stream<ReplicateResponse, EnsembleError> => {
  if (count <= 0) return Stream.empty
  const lanes = Math.max(1, Math.min(options.workers ?? defaultWorkers(), count))
  return Stream.unwrap(Effect.gen(function*() {
    const responder = makeResponder()
    const here: Lane<ReplicateResponse, EnsembleError> = {
      // Yield first so that a consumer's writes and an interruption get a turn between replicates.
      run: (i) => Effect.andThen(Effect.yieldNow, responder.run(request(i))),
      slots: 1
    }
    const inThisThread = options.inThisThread ?? true
    raiseInliningBudgetFor(count, (i) => request(i).scenario as Scenario)
    const threads = yield* Effect.forEach(Array.from({ length: inThisThread ? lanes - 1 : lanes }), () => threadLane(request, options.threadEntry ?? workerEntry))
    const ahead = request(0).rows.people ? AHEAD_PER_LANE_WITH_PEOPLE : AHEAD_PER_LANE
    return runOrdered(count, inThisThread ? [here, ...threads] : threads, lanes === 1 ? 1 : ahead * lanes)
  }))
}

/** Responses for replicates 0 … replicates-1 of (scenario, seed), in that order. */
export const runEnsemble = (options: EnsembleOptions): Stream.Stream<ReplicateResponse, EnsembleError> =>
  runRequests(options.replicates, (replicate) => ({ scenario: options.scenario, seed: options.seed, replicate, rows: options.rows }), options)
