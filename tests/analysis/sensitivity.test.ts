import seedrandom from "seedrandom"
import { describe, expect, it } from "vitest"
import { morrisDesign, morrisEffects, swingInterval, swingIntervalIn, swingOf, tornado, tornadoOfRuns } from "../../src/analysis/sensitivity.ts"
import { RunningSummary } from "../../src/results/summary.ts"
import type { Metrics } from "../../src/results/metrics.ts"
import { listParameters, type ParameterInfo, resolveParameter } from "../../src/scenario/parameters.ts"

const info = (path: string, min: number, max: number, integer = false, typical = (max - min) / 10): ParameterInfo => ({
  path, section: "", unit: "", min, max, description: "", source: "assumed", confidence: "assumed",
  calibratable: true, integer, perElement: false, optional: false, typical
})

describe("one-way swings", () => {
  it("carry the 95% interval of high − low over paired replicates, the same gathered or whole", () => {
    const low = [{ x: 10 }, { x: 20 }, { x: 30 }, { x: 40 }]
    const high = [{ x: 12 }, { x: 21 }, { x: 33 }, { x: 42 }]
    // Differences 2, 1, 3, 2: mean 2, sd 0.8165, t(3) 3.182 → 2 ± 1.299.
    const i = swingInterval(low, high, "x")!
    expect(i.swingLow).toBeCloseTo(2 - 3.182 * 0.408248, 3)
    expect(i.swingHigh).toBeCloseTo(2 + 3.182 * 0.408248, 3)
    const gather = (runs: ReadonlyArray<Metrics>) => {
      const s = new RunningSummary()
      runs.forEach((m, r) => s.add(r, m))
      return s
    }
    expect(swingIntervalIn(gather(low), gather(high), "x")).toEqual(i)
    // Not paired: a figure missing from a replicate, or more replicates than were kept.
    expect(swingIntervalIn(gather([...low.slice(0, 3), {}]), gather(high), "x")).toBeUndefined()
    const few = new RunningSummary(2)
    low.forEach((m, r) => few.add(r, m))
    expect(swingIntervalIn(few, gather(high), "x")).toBeUndefined()
    // One replicate gives no interval.
    expect(swingInterval(low.slice(0, 1), high.slice(0, 1), "x")).toBeUndefined()
    // In the bars, beside the means.
    const bar = tornadoOfRuns([{ parameter: info("p", 0, 100), base: 50, low: 25, high: 75 }], [low, low, high], "x")[0]
    expect(bar).toMatchObject({ atLow: 25, atHigh: 27, ...i })
  })

  it("swing around the default within the declared range", () => {
    expect(swingOf(info("a", 0, 100), 40, 0.5)).toMatchObject({ low: 20, high: 60 })
    expect(swingOf(info("b", 0, 1), 0.9, 0.5)).toMatchObject({ low: 0.45, high: 1 })
    expect(swingOf(info("c", 1, 10, true), 3, 0.5)).toMatchObject({ low: 2, high: 5 })
  })

  it("swing a default of 0 by the parameter's typical size, not by its validation limit", () => {
    expect(swingOf(info("share", 0, 1), 0, 0.5)).toMatchObject({ low: 0, high: 0.05 })
    expect(swingOf(info("money", 0, 1e10, false, 62500), 0, 0.5)).toMatchObject({ low: 0, high: 31250 })
    // As declared in the schema: money states its typical size, a schedule point's multiplier is 1.
    const grants = resolveParameter("providerCosts.serviceGrantsPerYear")!
    expect(grants.max).toBe(1e10)
    expect(swingOf(grants, 0, 0.5).high).toBe(31250)
    expect(swingOf(resolveParameter("communityServices.funding.points[1].value")!, 0, 0.5).high).toBe(0.5)
    const cap = resolveParameter("linkWorkers.caseloadCapPerFte")!
    expect(cap.typical).toBe((cap.max - cap.min) / 10)
  })

  it("leave no money parameter to be swung from 0 by a tenth of its £10bn limit", () => {
    const money = listParameters().filter((p) => p.unit === "gbp")
    expect(money.length).toBeGreaterThan(10)
    for (const p of money) expect(p.typical, p.path).toBeLessThanOrEqual(1e7)
  })

  it("rank bars by the size of the swing in the metric", () => {
    const swings = [swingOf(info("small", 0, 10), 5, 0.5), swingOf(info("big", 0, 10), 5, 0.5)]
    const bars = tornado(swings, 100, [99, 80], [101, 130])
    expect(bars.map((b) => b.path)).toEqual(["big", "small"])
    expect(bars[0].influence).toBe(50)
  })

  it("rank a swing whose figure is missing at one end (NaN: the cap never reached there) last, not anywhere", () => {
    // (Named so that, compared by name, the missing one would come first.)
    const swings = ["b", "aaa", "c"].map((name) => swingOf(info(name, 0, 10), 5, 0.5))
    const bars = tornado(swings, 100, [99, Number.NaN, 80], [101, 120, 130])
    expect(bars.map((b) => b.path)).toEqual(["c", "b", "aaa"])
    expect(Number.isNaN(bars[2].influence)).toBe(true)
  })
})

describe("Morris elementary effects", () => {
  it("rank the parameters of a known function and measure linear effects exactly", () => {
    // y = 3 x0 + 0 x1 + x2² on [0, 1]: x0 matters most and linearly, x1 not at all, x2 nonlinearly.
    const f = (x: Float64Array) => 3 * x[0] + 0 * x[1] + x[2] * x[2]
    const levels = 4
    const design = morrisDesign(3, 20, levels, seedrandom.xor4096("morris"))
    for (const walk of design) {
      expect(walk.points).toHaveLength(4)
      for (const p of walk.points) for (const v of p) expect(v >= 0 && v <= 1).toBe(true)
    }
    const values = design.map((walk) => walk.points.map(f))
    const effects = morrisEffects(["x0", "x1", "x2"], design, values, levels)
    expect(effects.map((e) => e.path)).toEqual(["x0", "x2", "x1"])
    expect(effects[0].muStar).toBeCloseTo(3, 12)
    expect(effects[0].sigma).toBeCloseTo(0, 12)
    expect(effects[2].muStar).toBe(0)
    expect(effects[1].sigma).toBeGreaterThan(0)
  })
})
