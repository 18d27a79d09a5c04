/** The worker pool hands out one replicate at a time, runs every replicate once, and drops an abandoned job's results. */
import { describe, expect, it } from "vitest"
import type { FromWorker, ToWorker } from "../../web/src/run/protocol.ts"
import { ReplicatePool, type WorkerLike } from "../../web/src/run/replicatePool.ts"
import type { ReplicateOutput } from "../../web/src/run/replicateOutput.ts"
import { shippedScenario } from "../support/scenarios.ts"

/** A stand-in worker answering each replicate after a tick, recording what it was asked. */
class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null
  readonly asked: Array<ToWorker> = []
  postMessage(message: ToWorker): void {
    this.asked.push(message)
    if (message.type !== "run") return
    setTimeout(() => {
      const output = { replicate: message.replicate, metrics: { replicate: message.replicate, variant: message.variant }, notes: {} } as unknown as ReplicateOutput
      this.onmessage?.({ data: { type: "result", job: message.job, variant: message.variant, output, ms: 1 } } as MessageEvent<FromWorker>)
    }, 1)
  }
  terminate(): void {}
}

const scenario = shippedScenario()

describe("the replicate pool", () => {
  it("runs every replicate of every variant once, one at a time per worker", async () => {
    const workers = [new FakeWorker(), new FakeWorker()]
    const pool = new ReplicatePool(workers)
    const seen: Array<string> = []
    await new Promise<void>((done) =>
      pool.run({ variants: [scenario, scenario], seed: 1, replicates: 5, onResult: (v, o) => seen.push(`${v}:${o.replicate}`), onFailed: () => undefined, onDone: done }))
    expect(seen.sort()).toEqual(["0:0", "0:1", "0:2", "0:3", "0:4", "1:0", "1:1", "1:2", "1:3", "1:4"])
    for (const w of workers) {
      expect(w.asked[0].type).toBe("prepare")
      expect(w.asked.filter((m) => m.type === "run").length).toBeGreaterThan(0)
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
