import { describe, expect, it } from "vitest"
import { medoidIndex, posteriorIndexFor, scenarioForReplicate, summarisePosterior, weightedQuantile } from "../../src/calibration/posterior.ts"
import { parsePosterior, posteriorCsv } from "../../src/calibration/posteriorFile.ts"
import type { Particle } from "../../src/calibration/smc.ts"
import { shippedScenario } from "../support/scenarios.ts"

const paths = ["wellbeing.gainEventsPerWeek", "contact.attendFirstAppointment"]
const particle = (index: number, set: Array<number>, weight: number): Particle =>
  ({ generation: 2, index, set: Float64Array.from(set), weight, distance: index / 10, simulated: [] })
const particles = [particle(0, [0.1, 0.7], 1), particle(1, [0.12, 0.75], 3), particle(2, [0.2, 0.9], 0.5), particle(3, [0.11, 0.72], 1.5)]

describe("posterior.csv", () => {
  it("reads back exactly what calibrate wrote, weights normalised", () => {
    const { posterior, problems } = parsePosterior(posteriorCsv(paths, particles), "p.csv")
    expect(problems).toEqual([])
    expect(posterior.paths).toEqual(paths)
    expect(posterior.sets.map((s) => Array.from(s))).toEqual(particles.map((p) => [...p.set]))
    expect(Array.from(posterior.weights)).toEqual([1 / 6, 3 / 6, 0.5 / 6, 1.5 / 6])
  })

  it("names the line, column, expectation and value of every problem", () => {
    const text = "particle,weight,distance,linkWorkers.postz,contact.attendFirstAppointment\na,0.5,0,1,1.2\nb,-1,0,1\n"
    expect(parsePosterior(text, "p.csv").problems).toEqual([
      'p.csv: line 1: column "linkWorkers.postz": expected a single-valued scenario parameter (see docs/parameters.md), found no such parameter',
      'p.csv: line 2: column "contact.attendFirstAppointment": expected a number between 0 and 1, found "1.2"',
      "p.csv: line 3: expected 5 values, found 4"
    ])
  })
})

describe("posterior draws", () => {
  const posterior = { paths, sets: particles.map((p) => p.set), weights: [1 / 6, 3 / 6, 0.5 / 6, 1.5 / 6] }

  it("summarise by weighted quantiles", () => {
    expect(weightedQuantile([3, 1, 2], [1, 1, 2], 0.5)).toBe(2)
    expect(weightedQuantile([3, 1, 2], [1, 1, 2], 0.05)).toBe(1)
    expect(weightedQuantile([3, 1, 2], [1, 1, 2], 0.95)).toBe(3)
    const [gain] = summarisePosterior(posterior)
    expect(gain).toMatchObject({ p05: 0.1, p50: 0.12, p95: 0.2 })
  })

  it("take the medoid among the sets the posterior holds: the central one, pulled towards heavy weights", () => {
    expect(medoidIndex({ ...posterior, weights: [1, 1, 1, 1] })).toBe(3)
    expect(medoidIndex(posterior)).toBe(1)
  })

  it("give replicate i a set keyed by (seed, i) alone, in proportion to the weights", () => {
    const draws = Array.from({ length: 6000 }, (_, i) => posteriorIndexFor(posterior, 1, i))
    expect(posteriorIndexFor(posterior, 1, 123)).toBe(draws[123])
    expect(Array.from({ length: 50 }, (_, i) => posteriorIndexFor(posterior, 2, i))).not.toEqual(draws.slice(0, 50))
    const shares = [0, 1, 2, 3].map((k) => draws.filter((d) => d === k).length / draws.length)
    shares.forEach((s, k) => expect(s).toBeCloseTo(posterior.weights[k], 1))
    const scenario = scenarioForReplicate(shippedScenario(), posterior, 1, 123)
    expect(scenario.wellbeing.gainEventsPerWeek).toBe(posterior.sets[draws[123]][0])
    expect(scenario.contact.attendFirstAppointment).toBe(posterior.sets[draws[123]][1])
  })
})
