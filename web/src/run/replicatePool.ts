/**
 * Replicates of one or more scenario variants on a pool of Web Workers. Work is handed out one replicate at
 * a time to whichever worker is free, so a new job (a parameter changed) starts as soon as each worker
 * finishes the replicate in hand; results of an abandoned job are dropped. Replicate i of every variant uses
 * the streams of (seed, i): variants compare on common random numbers.
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

export class ReplicatePool {
  private readonly idle: Array<WorkerLike> = []
  private running: Running | undefined
  private jobs = 0

  constructor(private readonly workers: ReadonlyArray<WorkerLike>) {
    for (const w of workers) {
      w.onmessage = (event) => this.receive(w, event.data)
      this.idle.push(w)
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
    while (this.idle.length > 0 && this.dispatch(this.idle[this.idle.length - 1])) this.idle.pop()
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

  /** Gives the worker the next replicate of the running job; false if there is none. */
  private dispatch(worker: WorkerLike): boolean {
    const r = this.running
    if (r === undefined || r.failed || r.next >= this.total(r)) return false
    const i = r.next++
    worker.postMessage({ type: "run", job: r.id, variant: Math.floor(i / r.job.replicates), replicate: i % r.job.replicates })
    return true
  }

  private receive(worker: WorkerLike, message: FromWorker): void {
    const r = this.running
    if (r !== undefined && message.job === r.id && !r.failed) {
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
    if (!this.dispatch(worker)) this.idle.push(worker)
  }
}
