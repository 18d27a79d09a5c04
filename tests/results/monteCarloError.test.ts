/**
 * Monte Carlo error of the figures over replicates. The median's own 95% interval: two order statistics,
 * distribution-free, ranks as the binomial tables give them, coverage checked by simulation on a skewed
 * distribution. A chance's 95% interval: Wilson's, as published tables give it.
 */
import seedrandom from "seedrandom"
import { describe, expect, it } from "vitest"
import { band, chanceInterval, medianInterval, medianRank, RunningSummary, summarise } from "../../src/results/summary.ts"

describe("median interval", () => {
  it("takes the ranks of the binomial tables, and none below 6 values", () => {
    // Largest k with P(Binomial(n, 1/2) <= k - 1) <= 2.5%: e.g. n = 20 gives x(6) to x(15), coverage 95.9%.
    expect([1, 2, 5, 6, 7, 10, 20, 50, 100].map(medianRank)).toEqual([0, 0, 0, 1, 1, 2, 6, 18, 40])
    // For large n, the normal approximation n/2 - 0.98 sqrt(n).
    expect(Math.abs(medianRank(10_000) - (5000 - 98))).toBeLessThanOrEqual(1)
    expect(medianInterval(Float64Array.from([1, 2, 3, 4, 5]))).toBeUndefined()
    expect(medianInterval(Float64Array.from([1, 2, 3, 4, 5, 6]))).toEqual({ p50Low: 1, p50High: 6 })
  })

  it("covers the true median at least 95% of the time, whatever the distribution", () => {
    const uniform = seedrandom.xor4096("median interval")
    const trueMedian = Math.LN2 // of a unit exponential, a skewed distribution
    for (const n of [6, 20, 57]) {
      const trials = 4000
      let covered = 0
      for (let t = 0; t < trials; t++) {
        const values = Array.from({ length: n }, () => -Math.log(1 - uniform()))
        const b = band(values)
        if (b.p50Low! <= trueMedian && trueMedian <= b.p50High!) covered++
      }
      // Exact coverage is 1 - 2 P(B <= k - 1): 96.9% at n = 6, 95.9% at 20, 96.1% at 57; allow for 4,000 trials.
      expect(covered / trials, `n = ${n}`).toBeGreaterThan(0.945)
      expect(covered / trials, `n = ${n}`).toBeLessThan(0.98)
    }
  })

  it("is part of every band from 6 values, around the median", () => {
    const b = band([5, 1, 4, 2, 3, 9, 8, 7, 6, 10])
    expect(b.p50).toBe(5.5)
    expect(b.p50Low).toBe(2)
    expect(b.p50High).toBe(9)
    expect(band([3, 1, 2])).toEqual({ mean: 2, p05: 1.1, p50: 2, p95: 2.9 })
  })
})

describe("chance interval", () => {
  it("is Wilson's score interval", () => {
    // 20 of 20: 83.9% to 100%; 0 of 20: 0% to 16.1%; 50 of 100: 40.4% to 59.6%; 7 of 20: 18.1% to 56.7%.
    const cases: Array<[p: number, n: number, low: number, high: number]> = [[1, 20, 0.8389, 1], [0, 20, 0, 0.1611], [0.5, 100, 0.4038, 0.5962], [0.35, 20, 0.1812, 0.5671]]
    for (const [p, n, low, high] of cases) {
      const i = chanceInterval(p, n)
      expect(i.meanLow, `${p} of ${n}`).toBeCloseTo(low, 4)
      expect(i.meanHigh, `${p} of ${n}`).toBeCloseTo(high, 4)
    }
  })

  it("is given for chances only, over the replicates that have the figure, alike while gathering", () => {
    const replicates = Array.from({ length: 20 }, (_, i) => ({
      "outcomes.capReachedChance": i < 7 ? 1 : 0,
      engagedShare: 0.75,
      ...(i < 10 ? { "outcomes.investorLossChance": 0 } : {})
    }))
    const bands = summarise(replicates)
    expect(bands["outcomes.capReachedChance"]).toMatchObject({ mean: 0.35, ...chanceInterval(0.35, 20) })
    expect(bands["outcomes.investorLossChance"]).toMatchObject({ mean: 0, replicates: 10, ...chanceInterval(0, 10) })
    expect(bands.engagedShare.meanLow).toBeUndefined()
    const running = new RunningSummary(5)
    replicates.forEach((m, i) => running.add(i, m))
    // Beyond what it keeps, the chance still rests on every replicate: its mean and count are exact.
    expect(running.bands()["outcomes.capReachedChance"]).toMatchObject({ mean: 0.35, ...chanceInterval(0.35, 20) })
  })
})
