import { describe, expect, it } from "vitest"
import { PairedAccumulator, pairedDifference, pairedDifferences, tQuantile975 } from "../../src/analysis/paired.ts"

describe("paired differences", () => {
  it("are exactly zero for a scenario compared with itself", () => {
    const runs = [{ x: 3, y: 10 }, { x: 5, y: 12 }, { x: 4, y: 9 }]
    const d = pairedDifferences(runs, runs)
    for (const name of ["x", "y"]) {
      expect(d[name].difference).toEqual({ mean: 0, p05: 0, p50: 0, p95: 0 })
      expect([d[name].meanLow, d[name].meanHigh]).toEqual([0, 0])
    }
  })

  it("pair replicate with replicate, so a constant shift has no spread whatever the noise", () => {
    const a = [{ x: 1 }, { x: 50 }, { x: -7 }, { x: 13 }]
    const b = a.map((m) => ({ x: m.x + 2 }))
    const d = pairedDifference(a, b, "x")!
    expect(d.difference.p05).toBeCloseTo(2, 12)
    expect(d.difference.p95).toBeCloseTo(2, 12)
    expect(d.meanLow).toBeCloseTo(2, 12)
    expect(d.meanHigh).toBeCloseTo(2, 12)
  })

  it("give a t interval for the mean difference", () => {
    const a = [{ x: 0 }, { x: 0 }, { x: 0 }, { x: 0 }]
    const b = [{ x: 1 }, { x: 2 }, { x: 3 }, { x: 4 }]
    const d = pairedDifference(a, b, "x")!
    // mean 2.5, sd 1.291, se 0.6455, t(3) = 3.182 → ±2.054
    expect(d.meanLow).toBeCloseTo(2.5 - 3.182 * 0.645497, 3)
    expect(d.meanHigh).toBeCloseTo(2.5 + 3.182 * 0.645497, 3)
  })

  it("of a chance are not a chance: the interval is the mean difference's, gathered or not", () => {
    const a = Array.from({ length: 10 }, (_, i) => ({ "c.capReachedChance": i < 8 ? 1 : 0 }))
    const b = Array.from({ length: 10 }, (_, i) => ({ "c.capReachedChance": i < 3 ? 1 : 0 }))
    const whole = pairedDifferences(a, b)["c.capReachedChance"]
    const gathered = new PairedAccumulator()
    a.forEach((m, i) => gathered.add(i, m, b[i]))
    expect(gathered.results()["c.capReachedChance"]).toEqual(whole)
    expect(whole.difference.mean).toBeCloseTo(-0.5, 12)
    expect(whole.difference.meanLow).toBeUndefined()
    expect(whole.meanLow).toBeLessThan(-0.5)
  })

  it("skip replicates where a figure is missing", () => {
    expect(pairedDifference([{ x: 1 }, {}], [{ x: 3 }, { x: 9 }], "x")?.replicates).toBe(1)
    expect(pairedDifference([{}], [{}], "x")).toBeUndefined()
  })

  it("use Student's t quantiles", () => {
    expect(tQuantile975(1)).toBeCloseTo(12.706, 3)
    expect(tQuantile975(10)).toBeCloseTo(2.228, 3)
    expect(tQuantile975(60)).toBeCloseTo(2.0003, 3)
    expect(tQuantile975(1000)).toBeCloseTo(1.9623, 3)
  })
})
