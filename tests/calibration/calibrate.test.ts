/** Calibration recovers a known parameter from targets the model itself generated. */
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import * as NodeServices from "@effect/platform-node/NodeServices"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { calibrate } from "../../src/calibration/calibrate.ts"
import { meanOf, runMetrics, scenarioWith } from "../support/scenarios.ts"

const root = fileURLToPath(new URL("../..", import.meta.url))

describe("spsim calibrate", () => {
  it("recovers the Star gain rate that generated synthetic targets, within the posterior interval", async () => {
    const work = mkdtempSync(join(tmpdir(), "spsim-calibrate-"))
    // A shorter service, so the test is quick; the truth is a gain rate of 0.1 a week (the default is 0.135).
    const short = { horizonWeeks: 156, contracts: [] }
    const truth = 0.1
    const synthetic = runMetrics(scenarioWith((d) => {
      d.horizonWeeks = short.horizonWeeks
      d.contracts = []
      d.wellbeing.gainEventsPerWeek = truth
    }), 4)
    const star = meanOf(synthetic, "starChangeMean")
    const scenarioFile = join(work, "scenario.json")
    writeFileSync(scenarioFile, JSON.stringify({ extends: join(root, "scenarios/ways-to-wellness.json"), ...short }))
    const targetsFile = join(work, "targets.json")
    writeFileSync(targetsFile, JSON.stringify({
      name: "synthetic", description: "made by the model with gainEventsPerWeek = 0.1",
      targets: [{ kind: "metric", name: "Star change", metric: "starChangeMean", published: star, low: star - 0.1, high: star + 0.1, source: "the model", confidence: "high" }]
    }))
    const result = await Effect.runPromise(calibrate({
      scenarioFile, targetsFile, params: ["wellbeing.gainEventsPerWeek"], samples: 24, acceptShare: 0.25, spread: 0.5,
      replicates: 2, seed: undefined, workers: 1
    }).pipe(Effect.provide(NodeServices.layer)))
    const posterior = result.posterior.summary[0]
    expect(result.priors[0]).toMatchObject({ low: 0.0675, high: 0.2025 })
    expect(posterior.p05).toBeLessThanOrEqual(truth)
    expect(posterior.p95).toBeGreaterThanOrEqual(truth)
    expect(Math.abs(posterior.p50 - truth)).toBeLessThan(0.02)
    expect(result.calibrated.wellbeing.gainEventsPerWeek).toBe(posterior.p50)
  })
})
