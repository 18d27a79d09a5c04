/**
 * A Web Worker running replicates with the CLI's own code path: `prepareScenario` once per variant, then
 * `runReplicate` for each replicate asked for, answered with `replicateOutput` (buffers transferred). The person
 * table and event logs are recycled from one replicate to the next (`SimRecycler`).
 *
 * Replicates asked for wait in a queue and run one per task, so a `prepare` that arrives meanwhile (the page
 * started a new job) is read before the next replicate starts, and the old job's waiting replicates are
 * answered `dropped` instead of run.
 */
import { type PreparedScenario, prepareScenario } from "../../../src/ensemble/prepared.ts"
import { runReplicate } from "../../../src/ensemble/replicate.ts"
import { SimRecycler } from "../../../src/model/sim.ts"
import { type SeriesLayout, seriesLayout } from "./layout.ts"
import type { FromWorker, ToWorker } from "./protocol.ts"
import { replicateOutput, transferables } from "./replicateOutput.ts"

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null
  postMessage(message: FromWorker, transfer?: Array<Transferable>): void
}
const scope = self as unknown as WorkerScope

interface Job {
  readonly id: number
  readonly seed: number
  readonly variants: ReadonlyArray<{ readonly prepared: PreparedScenario; readonly layout: SeriesLayout } | string>
}
let job: Job | undefined
/** One person table and one set of event logs for every replicate this worker runs: its output copies what it needs. */
const recycler = new SimRecycler()

const reasonOf = (cause: unknown): string => (cause instanceof Error ? cause.message : String(cause))

const prepare = (scenario: Parameters<typeof prepareScenario>[0]) => {
  try {
    return { prepared: prepareScenario(scenario), layout: seriesLayout(scenario) }
  } catch (cause) {
    return reasonOf(cause)
  }
}

type RunMessage = Extract<ToWorker, { type: "run" }>
const queue: Array<RunMessage> = []
/** Runs the next queued replicate in a task of its own, after any message already waiting. */
const tick = new MessageChannel()
let ticking = false
const runSoon = () => {
  if (!ticking && queue.length > 0) {
    ticking = true
    tick.port2.postMessage(null)
  }
}
tick.port1.onmessage = () => {
  ticking = false
  const message = queue.shift()
  if (message !== undefined) runOne(message)
  runSoon()
}

scope.onmessage = (event) => {
  const message = event.data
  if (message.type === "prepare") {
    job = { id: message.job, seed: message.seed, variants: message.variants.map(prepare) }
    return
  }
  queue.push(message)
  runSoon()
}

const runOne = (message: RunMessage) => {
  if (job === undefined || job.id !== message.job) {
    return scope.postMessage({ type: "dropped", job: message.job, variant: message.variant, replicate: message.replicate })
  }
  const variant = job.variants[message.variant]
  const fail = (reason: string) => scope.postMessage({ type: "failed", job: message.job, variant: message.variant, replicate: message.replicate, reason })
  if (typeof variant === "string") return fail(variant)
  try {
    const start = performance.now()
    const result = runReplicate(variant.prepared, job.seed, message.replicate, recycler)
    const output = replicateOutput(result, variant.layout)
    recycler.give(result.sim)
    scope.postMessage({ type: "result", job: message.job, variant: message.variant, output, ms: performance.now() - start }, transferables(output))
  } catch (cause) {
    fail(reasonOf(cause))
  }
}
