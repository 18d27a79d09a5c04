import seedrandom from "seedrandom"
import { describe, expect, it } from "vitest"
import { acceptClosest, distance, drawPriorSamples } from "../../src/calibration/abc.ts"

describe("rejection ABC", () => {
  const priors = [{ path: "theta", low: 0, high: 2, integer: false }, { path: "nuisance", low: 1, high: 5, integer: true }]

  it("covers every prior range evenly (Latin hypercube)", () => {
    const sets = drawPriorSamples(priors, 10, seedrandom.xor4096("lhs"))
    const strata = sets.map((s) => Math.floor(s[0] / 0.2)).sort((a, b) => a - b)
    expect(strata).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    for (const s of sets) expect(Number.isInteger(s[1]) && s[1] >= 1 && s[1] <= 5).toBe(true)
  })

  it("recovers the parameter of a known model: y = 2 theta, observed y = 1", () => {
    const sets = drawPriorSamples(priors, 400, seedrandom.xor4096("toy"))
    const distances = sets.map((s) => distance([2 * s[0]], [{ published: 1, halfRange: 0.1 }]))
    const posterior = acceptClosest(priors, sets, distances, 0.05)
    expect(posterior.accepted).toHaveLength(20)
    const theta = posterior.summary[0]
    expect(theta.p50).toBeCloseTo(0.5, 1)
    expect(theta.p05).toBeGreaterThan(0.45)
    expect(theta.p95).toBeLessThan(0.55)
    // The nuisance parameter does not move y, so its posterior stays spread over its prior.
    expect(posterior.summary[1].p95 - posterior.summary[1].p05).toBeGreaterThanOrEqual(2)
  })
})
