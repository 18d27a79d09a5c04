/**
 * Replicates of one or more scenario variants on a pool of Web Workers. Each worker holds up to `depth`
 * replicates (one running, the next waiting in its queue), so it never sits idle while the page is busy drawing
 * and cannot answer at once; a new job (a parameter changed) starts as soon as each worker finishes the
 * replicate in hand, because a worker drops the queued replicates of a job a newer `prepare` replaced. Results
 * of an abandoned job are dropped. Replicate i of every variant uses the streams of (seed, i): variants compare
 * on common random numbers.
 */
import type { Scenario } from "../../../src/scenario/schema.ts"
import type { FromWorker, ToWorker } from "./protocol.ts"
import type { ReplicateOutput } from "./replicateOutput.ts"

export interface PoolJob {
  readonly variants: ReadonlyArray<Scenario>
  readonly seed: number
  readonly replicates: number
  readonly onResult: (variant: number, output: ReplicateOutput, computeMs: number) => void
  readonly onFailed: (reason: string) => void
  /** All replicates of all variants have arrived. */
  readonly onDone: () => void
  /** Another job took the pool before this one finished. */
  readonly onAbandoned?: () => void
}

export interface WorkerLike {
  postMessage(message: ToWorker): void
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null
  terminate(): void
}

interface Running {
  readonly id: number
  readonly job: PoolJob
  next: number
  received: number
  failed: boolean
}

/** Replicates in hand per worker: one running and one queued, so that a worker never waits for a page busy drawing to be given its next. */
export const defaultDepth = 2

export class ReplicatePool {
  /** Replicates each worker has been asked for and has not yet answered. */
  private readonly inHand = new Map<WorkerLike, number>()
  private running: Running | undefined
  private jobs = 0

  constructor(private readonly workers: ReadonlyArray<WorkerLike>, private readonly depth = defaultDepth) {
    for (const w of workers) {
      w.onmessage = (event) => this.receive(w, event.data)
      this.inHand.set(w, 0)
    }
  }

  get size(): number {
    return this.workers.length
  }

  /** Starts a job, abandoning any job still running. Returns a function that abandons this one. */
  run(job: PoolJob): () => void {
    const id = ++this.jobs
    this.running?.job.onAbandoned?.()
    this.running = { id, job, next: 0, received: 0, failed: false }
    for (const w of this.workers) w.postMessage({ type: "prepare", job: id, seed: job.seed, variants: job.variants })
    for (const w of this.workers) this.fill(w)
    return () => {
      if (this.running?.id === id) this.running = undefined
    }
  }

  terminate(): void {
    this.running = undefined
    for (const w of this.workers) w.terminate()
  }

  private total(r: Running): number {
    return r.job.variants.length * r.job.replicates
  }

  /** Gives the worker the next replicates of the running job, up to `depth` in hand. */
  private fill(worker: WorkerLike): void {
    const r = this.running
    if (r === undefined || r.failed) return
    while (this.inHand.get(worker)! < this.depth && r.next < this.total(r)) {
      const i = r.next++
      this.inHand.set(worker, this.inHand.get(worker)! + 1)
      worker.postMessage({ type: "run", job: r.id, variant: Math.floor(i / r.job.replicates), replicate: i % r.job.replicates })
    }
  }

  private receive(worker: WorkerLike, message: FromWorker): void {
    this.inHand.set(worker, Math.max(0, this.inHand.get(worker)! - 1))
    const r = this.running
    if (r !== undefined && message.job === r.id && !r.failed && message.type !== "dropped") {
      if (message.type === "failed") {
        r.failed = true
        r.job.onFailed(`replicate ${message.replicate} failed: ${message.reason}`)
      } else {
        r.received++
        r.job.onResult(message.variant, message.output, message.ms)
        if (r.received === this.total(r)) {
          this.running = undefined
          r.job.onDone()
        }
      }
    }
    this.fill(worker)
  }
}
