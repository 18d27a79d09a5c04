import seedrandom from "seedrandom"
import { describe, expect, it } from "vitest"
import { morrisDesign, morrisEffects, swingOf, tornado } from "../../src/analysis/sensitivity.ts"
import type { ParameterInfo } from "../../src/scenario/parameters.ts"

const info = (path: string, min: number, max: number, integer = false): ParameterInfo => ({
  path, section: "", unit: "", min, max, description: "", source: "assumed", confidence: "assumed",
  calibratable: true, integer, perElement: false, optional: false
})

describe("one-way swings", () => {
  it("swing around the default within the declared range", () => {
    expect(swingOf(info("a", 0, 100), 40, 0.5)).toMatchObject({ low: 20, high: 60 })
    expect(swingOf(info("b", 0, 1), 0.9, 0.5)).toMatchObject({ low: 0.45, high: 1 })
    expect(swingOf(info("c", 1, 10, true), 3, 0.5)).toMatchObject({ low: 2, high: 5 })
  })

  it("rank bars by the size of the swing in the metric", () => {
    const swings = [swingOf(info("small", 0, 10), 5, 0.5), swingOf(info("big", 0, 10), 5, 0.5)]
    const bars = tornado(swings, 100, [99, 80], [101, 130])
    expect(bars.map((b) => b.path)).toEqual(["big", "small"])
    expect(bars[0].influence).toBe(50)
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
