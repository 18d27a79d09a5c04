import { describe, expect, it } from "vitest"
import { noRatioReason, PairedAccumulator, pairedDifference, pairedDifferences, pairedRatio, tQuantile975 } from "../../src/analysis/paired.ts"

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

  it("of a chance stay between -1 and 1 however few the pairs, gathered or not", () => {
    // Four pairs, three of them -1 and one 0: mean -0.75, t(3) half-width 3.182 × 0.5 / 2 = 0.80, so -1.55 to 0.05.
    const a = [1, 1, 1, 0].map((x) => ({ "c.capReachedChance": x, "c.other": x }))
    const b = [0, 0, 0, 0].map((x) => ({ "c.capReachedChance": x, "c.other": x }))
    const whole = pairedDifferences(a, b)
    const gathered = new PairedAccumulator()
    a.forEach((m, i) => gathered.add(i, m, b[i]))
    expect(gathered.results()).toEqual(whole)
    expect(whole["c.capReachedChance"].meanLow).toBe(-1)
    expect(whole["c.capReachedChance"].meanHigh).toBeCloseTo(-0.75 + 3.182 * 0.25, 12)
    // A figure not named a chance keeps its t interval as it is.
    expect(whole["c.other"].meanLow).toBeCloseTo(-0.75 - 3.182 * 0.25, 12)
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

describe("paired ratios", () => {
  it("give B as a share of A replicate by replicate, with a t interval of their mean, skipping A = 0", () => {
    const a = [{ x: 10 }, { x: 20 }, { x: 0 }, { x: 40 }, { x: 5 }]
    const b = [{ x: 2 }, { x: 6 }, { x: 7 }, { x: 8 }, { x: 1.5 }]
    const r = pairedRatio(a, b, "x")!
    // 0.2, 0.3, 0.2, 0.3 (the A = 0 replicate left out): mean 0.25, sd 0.0577, t(3) 3.182
    expect(r.replicates).toBe(4)
    expect(r.ratio.mean).toBeCloseTo(0.25, 12)
    expect(r.meanLow).toBeCloseTo(0.25 - 3.182 * 0.057735 / 2, 3)
    expect(r.meanHigh).toBeCloseTo(0.25 + 3.182 * 0.057735 / 2, 3)
    expect(pairedRatio([{ x: 0 }], [{ x: 1 }], "x")).toBeUndefined()
  })

  it("are exactly 1 for a scenario compared with itself, and the same gathered replicate by replicate as whole", () => {
    const a = Array.from({ length: 12 }, (_, i) => ({ x: 1 + ((i * 7) % 5), y: i % 3 }))
    const b = a.map((m, i) => ({ x: m.x * (0.5 + (i % 4) / 10), y: m.y + 1 }))
    const self = new PairedAccumulator()
    a.forEach((m, i) => self.add(i, m, m))
    expect(self.ratios().x.ratio).toEqual({ mean: 1, p05: 1, p50: 1, p95: 1, p50Low: 1, p50High: 1 })
    const gathered = new PairedAccumulator()
    // In another order, as workers hand replicates in.
    for (const i of [3, 0, 11, 5, 1, 2, 4, 6, 10, 7, 9, 8]) gathered.add(i, a[i], b[i])
    for (const name of ["x", "y"]) expect(gathered.ratios()[name]).toEqual(pairedRatio(a, b, name))
    expect(gathered.ratios().y.replicates).toBe(8)
  })

  it("are none for a week of the contract or an IRR, whose B / A means nothing, though their differences are kept", () => {
    const a = [{ "c.capReachedWeek": 270, "c.investorIrr": 0.15, "c.npvCommissioner": 5e6 }, { "c.capReachedWeek": 280, "c.investorIrr": 0.12, "c.npvCommissioner": 4e6 }]
    const b = [{ "c.capReachedWeek": 350, "c.investorIrr": 0.08, "c.npvCommissioner": 1e6 }, { "c.capReachedWeek": 360, "c.investorIrr": -0.02, "c.npvCommissioner": 2e6 }]
    const gathered = new PairedAccumulator()
    a.forEach((m, i) => gathered.add(i, m, b[i]))
    for (const name of ["c.capReachedWeek", "c.investorIrr"]) {
      expect(pairedRatio(a, b, name), name).toBeUndefined()
      expect(gathered.ratios()[name], name).toBeUndefined()
      expect(noRatioReason(name), name).toMatch(/^no ratio B \/ A: /)
      expect(gathered.results()[name].replicates, name).toBe(2)
    }
    expect(gathered.results()["c.capReachedWeek"].difference.mean).toBe(80)
    expect(gathered.ratios()["c.npvCommissioner"].replicates).toBe(2)
    expect(noRatioReason("c.npvCommissioner")).toBeUndefined()
    expect(noRatioReason("meanWaitWeeks")).toBeUndefined()
  })
})
