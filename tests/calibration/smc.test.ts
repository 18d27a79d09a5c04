import seedrandom from "seedrandom"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { distance } from "../../src/calibration/distance.ts"
import { medoidIndex, normalised, summarisePosterior } from "../../src/calibration/posterior.ts"
import type { Prior } from "../../src/calibration/priors.ts"
import { runSmc, type SmcOptions } from "../../src/calibration/smc.ts"

/** A toy model with a known answer: y1 = 2·a, y2 = a + b, with a = 0.5, b = 1.5 observed to within ±0.02. */
const priors: Array<Prior> = [{ path: "a", low: 0, high: 2, integer: false }, { path: "b", low: 0, high: 4, integer: false }]
const targets = [{ low: 0.98, high: 1.02 }, { low: 1.98, high: 2.02 }]
const toy = (sets: ReadonlyArray<Float64Array>) =>
  Effect.sync(() => sets.map((s) => {
    const simulated = [2 * s[0], s[0] + s[1]]
    return { distance: distance(simulated, targets), simulated }
  }))
const options: SmcOptions = { particles: 100, alpha: 0.5, minAcceptance: 0.02, maxGenerations: 40 }
const run = (seed: string, o: SmcOptions = options) => Effect.runSync(runSmc(priors, o, seedrandom.xor4096(seed), toy))

describe("ABC-SMC (population Monte Carlo with adaptive tolerances)", () => {
  const result = run("toy")
  const posterior = { paths: ["a", "b"], sets: result.particles.map((p) => p.set), weights: normalised(result.particles.map((p) => p.weight)) }
  const [a, b] = summarisePosterior(posterior)

  it("narrows the tolerance generation by generation until every kept set is within every target's range", () => {
    const tolerances = result.generations.map((g) => g.epsilon)
    for (let i = 1; i < tolerances.length; i++) expect(tolerances[i]).toBeLessThanOrEqual(tolerances[i - 1])
    expect(result.stopped).toMatch(/tolerance reached 0/)
    expect(result.particles.every((p) => p.distance === 0)).toBe(true)
    expect(result.generations[0].proposed).toBe(200)
    expect(result.generations.every((g) => g.kept === 100)).toBe(true)
    expect(result.particles).toHaveLength(100)
  })

  it("recovers the parameters that generated the targets, inside the posterior's 90% interval", () => {
    expect(a.p05).toBeLessThanOrEqual(0.5)
    expect(a.p95).toBeGreaterThanOrEqual(0.5)
    expect(a.p95 - a.p05).toBeLessThan(0.03)
    expect(b.p05).toBeLessThanOrEqual(1.5)
    expect(b.p95).toBeGreaterThanOrEqual(1.5)
    expect(b.p95 - b.p05).toBeLessThan(0.06)
    const medoid = posterior.sets[medoidIndex(posterior)]
    expect(Math.abs(medoid[0] - 0.5)).toBeLessThan(0.01)
    expect(Math.abs(medoid[1] - 1.5)).toBeLessThan(0.03)
  })

  it("keeps a parameter the targets say nothing about spread over its prior", () => {
    const free = Effect.runSync(runSmc(priors, options, seedrandom.xor4096("free"), (sets) =>
      Effect.sync(() => sets.map((s) => ({ distance: distance([2 * s[0]], [targets[0]]), simulated: [2 * s[0]] })))))
    const p = summarisePosterior({ paths: ["a", "b"], sets: free.particles.map((x) => x.set), weights: free.particles.map((x) => x.weight) })
    expect(p[1].p95 - p[1].p05).toBeGreaterThan(2.5)
  })

  it("keeps the weights balanced: no particle swamps the population", () => {
    const w = result.particles.map((p) => p.weight)
    const total = w.reduce((s, x) => s + x, 0)
    const effectiveSize = total ** 2 / w.reduce((s, x) => s + x * x, 0)
    expect(effectiveSize).toBeGreaterThan(50)
  })

  it("gives the same posterior for the same seed, and another for another seed", () => {
    const again = run("toy")
    expect(again.particles.map((p) => [...p.set, p.weight])).toEqual(result.particles.map((p) => [...p.set, p.weight]))
    expect(run("other").particles[0].set).not.toEqual(result.particles[0].set)
  })

  it("stops when a target is out of reach and new sets no longer beat the tolerance", () => {
    // y1 = 2·a cannot exceed 4; a target of 5 leaves a floor the sampler converges to.
    const unreachable = Effect.runSync(runSmc(priors, options, seedrandom.xor4096("floor"), (sets) =>
      Effect.sync(() => sets.map((s) => ({ distance: distance([2 * s[0]], [{ low: 4.9, high: 5.1 }]), simulated: [2 * s[0]] })))))
    expect(unreachable.stopped).toMatch(/acceptance below the minimum/)
    const best = Math.min(...unreachable.particles.map((p) => p.set[0]))
    expect(best).toBeGreaterThan(1.95)
  })
})
