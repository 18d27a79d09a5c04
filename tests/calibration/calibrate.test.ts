/** Calibration recovers known parameters from synthetic targets the model itself generated, and is reproducible. */
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import * as NodeServices from "@effect/platform-node/NodeServices"
import { Cause, Effect, Exit, Option } from "effect"
import { describe, expect, it } from "vitest"
import { calibrate, type CalibrateOptions } from "../../src/calibration/calibrate.ts"
import { band } from "../../src/results/summary.ts"
import { runMetrics, scenarioWith, shippedScenario } from "../support/scenarios.ts"

const root = fileURLToPath(new URL("../..", import.meta.url))

describe("spsim calibrate", () => {
  const work = mkdtempSync(join(tmpdir(), "spsim-calibrate-"))
  // A shorter service without contracts, so the test is quick. The truth: a gain rate of 0.1 a week (the
  // default is 0.135) and 70% attending the first appointment (the default is 81%).
  const short = { horizonWeeks: 156, contracts: [] }
  const truth = { gain: 0.1, attend: 0.7 }
  const replicates = 2
  const synthetic = runMetrics(scenarioWith((d) => {
    d.horizonWeeks = short.horizonWeeks
    d.contracts = []
    d.wellbeing.gainEventsPerWeek = truth.gain
    d.contact.attendFirstAppointment = truth.attend
  }), replicates)
  const target = (metric: string, name: string, halfWidth: number) => {
    const median = band(synthetic.map((m) => m[metric])).p50
    return { kind: "metric", name, metric, published: median, low: median - halfWidth, high: median + halfWidth, source: "the model", confidence: "high" }
  }
  const scenarioFile = join(work, "scenario.json")
  writeFileSync(scenarioFile, JSON.stringify({ extends: join(root, "scenarios/ways-to-wellness.json"), ...short }))
  const targetsFile = join(work, "targets.json")
  writeFileSync(targetsFile, JSON.stringify({
    name: "synthetic", description: "made by the model with gainEventsPerWeek = 0.1, attendFirstAppointment = 0.7",
    targets: [target("starChangeMean", "Star change", 0.05), target("engagedShare", "engaged share", 0.004)]
  }))
  const options: CalibrateOptions = {
    scenarioFile, targetsFile, params: ["wellbeing.gainEventsPerWeek", "contact.attendFirstAppointment"], particles: 24, alpha: 0.5,
    minAcceptance: 0.15, maxGenerations: 5, spread: 0.5, replicates, seed: undefined, workers: 1
  }
  const run = (o: Partial<CalibrateOptions> = {}) => Effect.runPromise(calibrate({ ...options, ...o }).pipe(Effect.provide(NodeServices.layer)))

  it("recovers the parameters that generated synthetic targets, within the posterior's 90% interval", async () => {
    const result = await run()
    // Priors: the default ± 50%.
    const gainDefault = shippedScenario().wellbeing.gainEventsPerWeek
    expect(result.priors[0].low).toBeCloseTo(gainDefault * 0.5, 12)
    expect(result.priors[0].high).toBeCloseTo(gainDefault * 1.5, 12)
    const [gain, attend] = result.summary
    expect(gain.p05).toBeLessThanOrEqual(truth.gain)
    expect(gain.p95).toBeGreaterThanOrEqual(truth.gain)
    expect(attend.p05).toBeLessThanOrEqual(truth.attend)
    expect(attend.p95).toBeGreaterThanOrEqual(truth.attend)
    // Much narrower than the priors (about 0.06–0.18 and 0.39–1).
    expect(gain.p95 - gain.p05).toBeLessThan(0.04)
    expect(attend.p95 - attend.p05).toBeLessThan(0.1)
    // The calibrated scenario is a set the posterior holds, and it carries the values into the scenario.
    expect(result.calibrated.wellbeing.gainEventsPerWeek).toBe(result.chosen.set[0])
    expect(result.calibrated.contact.attendFirstAppointment).toBe(result.chosen.set[1])
    expect(result.posterior.sets).toContain(result.chosen.set)
  }, 120_000)

  it("gives the identical posterior for the same seed, on one worker or two", async () => {
    const small = { particles: 12, maxGenerations: 2 }
    const [one, two, other] = [await run(small), await run({ ...small, workers: 2 }), await run({ ...small, seed: 7 })]
    const sets = (r: typeof one) => r.result.particles.map((p) => [...p.set, p.weight, p.distance])
    expect(sets(two)).toEqual(sets(one))
    expect(sets(other)).not.toEqual(sets(one))
  }, 120_000)

  it("refuses targets naming a series or metric the scenario cannot give, before it simulates anything", async () => {
    const bad = join(work, "bad.targets.json")
    writeFileSync(bad, JSON.stringify({
      name: "typos", description: "",
      targets: [target("starChangeMean", "Star change", 0.05), { ...target("engagedShare", "engaged share", 0.004), metric: "engagedShar" },
        { kind: "cumulative", name: "referred", series: "nosuch", date: "2016-01-01", published: 1, low: 0, high: 2, source: "s", confidence: "low" }]
    }))
    let simulations = 0
    const exit = await Effect.runPromise(Effect.exit(calibrate({ ...options, targetsFile: bad, onProgress: () => simulations++ }).pipe(Effect.provide(NodeServices.layer))))
    expect(simulations).toBe(0)
    const error = Exit.isFailure(exit) ? Option.getOrUndefined(Cause.findErrorOption(exit.cause)) : undefined
    expect(error).toMatchObject({ _tag: "ScenarioInvalid", file: bad })
    expect((error as { render: () => string }).render().split("\n")).toEqual([
      `${bad}: at targets[1].metric: expected a metric (a name in this scenario's summary.json; did you mean "engagedShare"?), found "engagedShar"`,
      expect.stringMatching(/: at targets\[2\]\.series: expected a weekly series \(a column of weekly\.csv\): one of referred, .*, found "nosuch"$/)
    ])
  })

  it("simulates the contracts when a target is a contract's figure (it leaves them out otherwise)", async () => {
    const withContracts = join(work, "contracted.json")
    writeFileSync(withContracts, JSON.stringify({ extends: join(root, "scenarios/ways-to-wellness.json"), horizonWeeks: short.horizonWeeks }))
    const paid = join(work, "paid.targets.json")
    writeFileSync(paid, JSON.stringify({
      name: "paid", description: "",
      targets: [{ kind: "metric", name: "block grant paid", metric: "blockGrant.blockPayments", published: 1e6, low: 0, high: 1e8, source: "s", confidence: "low" }]
    }))
    const result = await run({ scenarioFile: withContracts, targetsFile: paid, params: ["contact.attendFirstAppointment"], particles: 4, maxGenerations: 0, replicates: 1 })
    // Three years of the block grant (£1.25m a year).
    expect(result.chosen.simulated[0]).toBeGreaterThan(3e6)
    expect(result.calibrated.contracts.length).toBe(4)
  }, 120_000)
})
