/**
 * Bands gathered as replicates arrive: equal to `summarise` over all of them while they fit, and in bounded
 * memory beyond, with exact means and counts.
 */
import { describe, expect, it } from "vitest"
import { RunningSummary, summarise, summariseNotes } from "../../src/results/summary.ts"
import type { Metrics } from "../../src/results/metrics.ts"

/** Replicate i: a few figures, one of them (an IRR, say) only in every third replicate, with a note otherwise. */
const replicate = (i: number): { metrics: Metrics; notes: Record<string, string> } => {
  const x = Math.sin(i * 12.9898) * 43758.5453
  const u = x - Math.floor(x)
  const metrics: Metrics = { people: 1000 + Math.round(u * 100), share: u / 3, cost: u * 1e7 + 0.1 }
  if (i % 3 === 0) metrics.irr = u - 0.5
  return { metrics, notes: i % 3 === 0 ? {} : { irr: i % 2 === 0 ? "no capital was drawn" : "no sign change" } }
}

describe("running summary", () => {
  it("equals summarise and summariseNotes to the last bit while every replicate is kept", () => {
    const all = Array.from({ length: 50 }, (_, i) => replicate(i))
    const running = new RunningSummary(50)
    all.forEach((r, i) => running.add(i, r.metrics, r.notes))
    expect(running.count).toBe(50)
    expect(running.bands()).toEqual(summarise(all.map((r) => r.metrics)))
    expect(Object.keys(running.bands())).toEqual(["people", "share", "cost", "irr"])
    expect(running.bands().irr.replicates).toBe(17)
    expect(running.notes()).toEqual(summariseNotes(all.map((r) => r.notes)))
  })

  it("beyond what it keeps, holds a fixed number of replicates, with exact means and counts", () => {
    const n = 2000
    const all = Array.from({ length: n }, (_, i) => replicate(i))
    const running = new RunningSummary(100)
    all.forEach((r, i) => running.add(i, r.metrics, r.notes))
    expect((running as unknown as { kept: Array<Metrics> }).kept).toHaveLength(100)
    const exact = summarise(all.map((r) => r.metrics))
    const bands = running.bands()
    for (const name of Object.keys(exact)) {
      expect(bands[name].mean, name).toBeCloseTo(exact[name].mean, 9)
      expect(bands[name].replicates, name).toBe(exact[name].replicates)
    }
    // Percentiles from a sample of 100: close to the exact ones (the share is uniform on 0 to 1/3).
    expect(Math.abs(bands.share.p50 - exact.share.p50)).toBeLessThan(0.05)
    expect(Math.abs(bands.share.p95 - exact.share.p95)).toBeLessThan(0.05)
    expect(running.notes().irr).toBe(summariseNotes(all.map((r) => r.notes)).irr)
  })
})
