import { readFileSync } from "node:fs"
import * as NodeServices from "@effect/platform-node/NodeServices"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { evaluateTargets } from "../../src/calibration/report.ts"
import { validationReport } from "../../src/calibration/runReport.ts"
import type { Targets } from "../../src/calibration/targets.ts"
import { shippedScenario } from "../support/scenarios.ts"

const root = new URL("../../", import.meta.url)

describe("targets", () => {
  const scenario = shippedScenario()
  const targets: Targets = {
    name: "t",
    description: "",
    targets: [
      { kind: "cumulative", name: "referred by week 1", series: "referred", date: "2015-04-08", published: 5, low: 4, high: 6, source: "s", confidence: "high" },
      { kind: "metric", name: "share", metric: "engagedShare", published: 0.7, low: 0.65, high: 0.75, source: "s", confidence: "low" },
      { kind: "metric", name: "absent", metric: "nope", published: 1, low: 0, high: 2, source: "s", confidence: "low" }
    ]
  }
  // Three replicates: weekly referrals (3, 2, 9…), (2, 2, …), (10, 0, …) → sums to week 1: 5, 4, 10.
  const record = (weekly: Array<number>, share: number) => ({ metrics: { engagedShare: share }, weekly: new Map([["referred", weekly]]) })
  const results = evaluateTargets(targets, scenario, [record([3, 2, 9], 0.8), record([2, 2, 1], 0.81), record([10, 0, 0], 0.79)])

  it("sum weekly series up to the week of the date and take the median over replicates", () => {
    expect(results[0].simulated?.p50).toBe(5)
    expect(results[0].match).toBe(true)
  })

  it("report a target the model misses as missed, and one it cannot measure with the reason", () => {
    expect(results[1].simulated?.p50).toBe(0.8)
    expect(results[1].match).toBe(false)
    expect(results[1].publishedInInterval).toBe(false)
    expect(results[2].problem).toBe('no metric "nope" in the results')
  })
})

describe("docs/validation.md", () => {
  it("is the report of a direct run of the scenario (run `npm run report` after a change)", async () => {
    const { markdown } = await Effect.runPromise(validationReport({
      scenarioFile: "scenarios/covid.json", targetsFile: "calibration/ways-to-wellness.targets.json", seed: undefined, replicates: 20, workers: 1
    }).pipe(Effect.provide(NodeServices.layer)))
    expect(readFileSync(new URL("docs/validation.md", root), "utf8"), "docs/validation.md is stale: run `npm run report`").toBe(markdown)
  })
})
