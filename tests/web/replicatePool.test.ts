/**
 * The worker pool keeps each worker at most two replicates in hand, runs every replicate once, and drops an
 * abandoned job's results; the workers drop the queued replicates of a job a newer one replaced.
 */
import { describe, expect, it } from "vitest"
import type { FromWorker, ToWorker } from "../../web/src/run/protocol.ts"
import { ReplicatePool, type WorkerLike } from "../../web/src/run/replicatePool.ts"
import type { ReplicateOutput } from "../../web/src/run/replicateOutput.ts"
import { shippedScenario } from "../support/scenarios.ts"

/**
 * A stand-in worker as `replicateWorker.ts` behaves: replicates queue and run one per tick; a `prepare` replaces
 * the job, and queued replicates of an older job are answered `dropped`. Records what it was asked, and the most
 * replicates it ever held unanswered.
 */
class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null
  readonly asked: Array<ToWorker> = []
  mostInHand = 0
  private readonly queue: Array<Extract<ToWorker, { type: "run" }>> = []
  private job = -1
  postMessage(message: ToWorker): void {
    this.asked.push(message)
    if (message.type === "prepare") {
      this.job = message.job
      return
    }
    this.queue.push(message)
    this.mostInHand = Math.max(this.mostInHand, this.queue.length)
    if (this.queue.length === 1) setTimeout(() => this.next(), 1)
  }
  private next(): void {
    const message = this.queue.shift()!
    const answer = (data: FromWorker) => this.onmessage?.({ data } as MessageEvent<FromWorker>)
    if (message.job !== this.job) answer({ type: "dropped", job: message.job, variant: message.variant, replicate: message.replicate })
    else {
      const output = { replicate: message.replicate, metrics: { replicate: message.replicate, variant: message.variant }, notes: {} } as unknown as ReplicateOutput
      answer({ type: "result", job: message.job, variant: message.variant, output, ms: 1 })
    }
    if (this.queue.length > 0) setTimeout(() => this.next(), 1)
  }
  terminate(): void {}
}

const scenario = shippedScenario()

describe("the replicate pool", () => {
  it("runs every replicate of every variant once, at most two in hand per worker", async () => {
    const workers = [new FakeWorker(), new FakeWorker()]
    const pool = new ReplicatePool(workers)
    const seen: Array<string> = []
    await new Promise<void>((done) =>
      pool.run({ variants: [scenario, scenario], seed: 1, replicates: 5, onResult: (v, o) => seen.push(`${v}:${o.replicate}`), onFailed: () => undefined, onDone: done }))
    expect(seen.sort()).toEqual(["0:0", "0:1", "0:2", "0:3", "0:4", "1:0", "1:1", "1:2", "1:3", "1:4"])
    for (const w of workers) {
      expect(w.asked[0].type).toBe("prepare")
      expect(w.asked.filter((m) => m.type === "run").length).toBeGreaterThan(0)
      expect(w.mostInHand).toBe(2)
    }
  })

  it("drops the results of a job a newer one replaced, and says so", async () => {
    const pool = new ReplicatePool([new FakeWorker(), new FakeWorker()])
    const first: Array<number> = []
    let abandoned = false
    pool.run({ variants: [scenario], seed: 1, replicates: 50, onResult: (_v, o) => first.push(o.replicate), onFailed: () => undefined, onDone: () => undefined, onAbandoned: () => (abandoned = true) })
    const second: Array<number> = []
    await new Promise<void>((done) =>
      pool.run({ variants: [scenario], seed: 2, replicates: 3, onResult: (_v, o) => second.push(o.replicate), onFailed: () => undefined, onDone: done }))
    expect(abandoned).toBe(true)
    expect(first).toEqual([])
    expect(second.sort()).toEqual([0, 1, 2])
  })

  it("goes on handing out work after a worker drops an old job's queued replicates", async () => {
    const workers = [new FakeWorker(), new FakeWorker()]
    const pool = new ReplicatePool(workers)
    pool.run({ variants: [scenario], seed: 1, replicates: 50, onResult: () => undefined, onFailed: () => undefined, onDone: () => undefined })
    // The first job's replicates are still queued in the workers when the second starts: they are dropped, not run.
    const second: Array<number> = []
    await new Promise<void>((done) =>
      pool.run({ variants: [scenario], seed: 2, replicates: 9, onResult: (_v, o) => second.push(o.replicate), onFailed: () => undefined, onDone: done }))
    expect(second.sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8])
    expect(workers.every((w) => w.mostInHand <= 2)).toBe(true)
  })

  it("stops a job at the first failed replicate", async () => {
    const worker = new FakeWorker()
    worker.postMessage = (message: ToWorker) => {
      if (message.type === "run") setTimeout(() => worker.onmessage?.({ data: { type: "failed", job: message.job, variant: 0, replicate: message.replicate, reason: "boom" } } as MessageEvent<FromWorker>), 1)
    }
    const pool = new ReplicatePool([worker])
    const reason = await new Promise<string>((done) => pool.run({ variants: [scenario], seed: 1, replicates: 4, onResult: () => undefined, onFailed: done, onDone: () => done("done") }))
    expect(reason).toBe("replicate 0 failed: boom")
  })
})
