import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { PairedAccumulator, pairedDifferences } from "../../src/analysis/paired.ts"
import { runVariants } from "../../src/analysis/runVariants.ts"
import { summarise } from "../../src/results/summary.ts"
import { runMetrics, scenarioWith } from "../support/scenarios.ts"

describe("running scenario variants", () => {
  const short = (gain: number) => scenarioWith((d) => {
    d.horizonWeeks = 104
    d.contracts = []
    d.wellbeing.gainEventsPerWeek = gain
  })

  it("gives each variant its own replicates, on the same seeds", async () => {
    const runs = await Effect.runPromise(runVariants([short(0.05), short(0.2), short(0.05)], { seed: 3, replicates: 2, workers: 1 }))
    expect(runs.summaries.map((s) => s.count)).toEqual([2, 2, 2])
    const [a, b, c] = runs.summaries.map((s) => s.bands())
    expect(b.starChangeMean.mean).toBeGreaterThan(a.starChangeMean.mean)
    expect(c).toEqual(a)
    expect(runs.paired).toBeUndefined()
  })

  it("gathers each variant's bands and its paired differences from the first as replicates arrive, as the whole replicates give them", async () => {
    const variants = [short(0.05), short(0.2)]
    const runs = await Effect.runPromise(runVariants(variants, { seed: 3, replicates: 4, workers: 1, paired: true }))
    const whole = variants.map((v) => runMetrics(v, 4, 3))
    expect(runs.summaries[1].bands()).toEqual(summarise(whole[1]))
    const expected = pairedDifferences(whole[0], whole[1])
    const gathered = runs.paired![1].results()
    for (const name of Object.keys(expected)) expect(gathered[name], name).toEqual(expected[name])
    expect(Object.keys(gathered).sort()).toEqual(Object.keys(expected).sort())
    // A variant against itself: exactly zero.
    expect(runs.paired![0].results().starChangeMean.difference).toEqual({ mean: 0, p05: 0, p50: 0, p95: 0 })
  })
})

describe("paired differences in bounded memory", () => {
  const metricsOf = (i: number, shift: number) => {
    const x = Math.sin(i * 78.233) * 43758.5453
    const u = x - Math.floor(x)
    return { cost: 1e6 + u * 1e5 + shift * (1 + u), share: u / 2 }
  }

  it("beyond what it keeps, gives the exact mean difference and a 95% interval from running moments", () => {
    const n = 3000
    const a = Array.from({ length: n }, (_, i) => metricsOf(i, 0))
    const b = Array.from({ length: n }, (_, i) => metricsOf(i, 500))
    const acc = new PairedAccumulator(200)
    for (let i = 0; i < n; i++) acc.add(i, a[i], b[i])
    const exact = pairedDifferences(a, b).cost
    const gathered = acc.results().cost
    expect(gathered.replicates).toBe(n)
    expect(gathered.difference.mean).toBeCloseTo(exact.difference.mean, 6)
    expect(gathered.meanLow).toBeCloseTo(exact.meanLow, 6)
    expect(gathered.meanHigh).toBeCloseTo(exact.meanHigh, 6)
    expect(Math.abs(gathered.difference.p50 - exact.difference.p50)).toBeLessThan(0.05 * (exact.difference.p95 - exact.difference.p05))
  })
})
