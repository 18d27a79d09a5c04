import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as NodeServices from "@effect/platform-node/NodeServices"
import { Cause, Effect, Exit, Option } from "effect"
import { describe, expect, it } from "vitest"
import { cumulativeBands, cumulativeChart } from "../../src/calibration/chart.ts"
import { cumulativeSeries, evaluateTargets, seriesNeeded } from "../../src/calibration/report.ts"
import { validationReport } from "../../src/calibration/runReport.ts"
import type { Targets } from "../../src/calibration/targets.ts"
import { weekOf } from "../../src/model/schedule.ts"
import { band } from "../../src/results/summary.ts"
import { runReplicates, shippedScenario } from "../support/scenarios.ts"
import { renderReport } from "../../src/calibration/validationMarkdown.ts"
import type { CalibrationRecord } from "../../src/calibration/record.ts"

const root = new URL("../../", import.meta.url)
const read = (path: string) => readFileSync(new URL(path, root), "utf8")

describe("targets", () => {
  const scenario = shippedScenario()
  const targets: Targets = {
    name: "t",
    description: "",
    targets: [
      { kind: "cumulative", name: "referred by week 1", series: "referred", date: "2015-04-08", published: 5, low: 4, high: 6, source: "s", confidence: "high" },
      { kind: "metric", name: "share", metric: "engagedShare", published: 0.7, low: 0.65, high: 0.75, source: "s", confidence: "low" },
      { kind: "metric", name: "absent", metric: "nope", published: 1, low: 0, high: 2, source: "s", confidence: "low" },
      { kind: "level", name: "Star change to week 1", series: "starChangeMeanToDate", date: "2015-04-08", published: 3, low: 2.5, high: 3.5, source: "s", confidence: "medium" }
    ]
  }
  // Three replicates: weekly referrals (3, 2, 9…), (2, 2, …), (10, 0, …) → sums to week 1: 5, 4, 10; the Star
  // change to date in week 1: 3.2, 2, 4 (its value that week, not a sum).
  const record = (weekly: Array<number>, share: number, star: Array<number>) => ({
    metrics: { engagedShare: share },
    weekly: new Map([["referred", weekly], ["starChangeMeanToDate", star]])
  })
  const results = evaluateTargets(targets, scenario, [
    record([3, 2, 9], 0.8, [1, 3.2, 5]),
    record([2, 2, 1], 0.81, [9, 2, 0]),
    record([10, 0, 0], 0.79, [0, 4, 4])
  ])

  it("sum weekly series up to the week of the date and take the median over replicates", () => {
    expect(results[0].simulated?.p50).toBe(5)
    expect(results[0].match).toBe(true)
  })

  it("take a figure to date at the week of the date (a level target), not a sum", () => {
    expect(results[3].simulated?.p50).toBe(3.2)
    expect(results[3].match).toBe(true)
    expect(seriesNeeded(targets)).toEqual(["referred", "starChangeMeanToDate"])
    expect(cumulativeSeries(targets)).toEqual(["referred"])
  })

  it("report a target the model misses as missed, and one it cannot measure with the reason", () => {
    expect(results[1].simulated?.p50).toBe(0.8)
    expect(results[1].match).toBe(false)
    expect(results[1].publishedInInterval).toBe(false)
    expect(results[2].problem).toBe('no metric "nope" in the results')
  })
})

describe("the report's text", () => {
  const scenario = shippedScenario()
  const record: CalibrationRecord = {
    spsimVersion: "0", command: "spsim calibrate a b", method: "m", scenario: "a", targets: "b", seed: 1,
    settings: { particles: 2, alpha: 0.5, minAcceptance: 0.2, maxGenerations: 1, replicates: 3, spread: 0.5 },
    priors: [{ path: "wellbeing.gainEventsPerWeek", low: 0.05, high: 0.2, integer: false }, { path: "contact.attendFirstAppointment", low: 0.4, high: 1, integer: false }],
    generations: [{ generation: 0, proposed: 4, acceptance: null, epsilon: 0.5, kept: 2 }],
    stopped: "generation limit",
    posterior: {
      sets: 2,
      tolerance: 0.5,
      effectiveSize: 1.8,
      parameters: [{ path: "wellbeing.gainEventsPerWeek", mean: 0.1, p05: 0.09, p50: 0.1, p95: 0.11 }, { path: "contact.attendFirstAppointment", mean: 0.7, p05: 0.6, p50: 0.7, p95: 0.8 }],
      targets: [{ name: "share", withinRange: 0.25 }]
    },
    calibrated: { particle: "0/1", distance: 0.5, values: { "wellbeing.gainEventsPerWeek": scenario.wellbeing.gainEventsPerWeek * 1.0001, "contact.attendFirstAppointment": 0.5 }, targets: [] }
  }
  const results = evaluateTargets({ name: "t", description: "d", targets: [{ kind: "metric", name: "share", metric: "engagedShare", published: 0.7, low: 0.65, high: 0.75, source: "s", confidence: "low" }] },
    scenario, [{ metrics: { engagedShare: 0.8 }, weekly: new Map() }])
  const text = renderReport({
    targets: { name: "t", description: "d", targets: [] }, scenario, scenarioFile: "s.json", targetsFile: "t.json", seed: 1, replicates: 1, version: "0",
    results, assumed: 1, values: 2, calibration: { file: "c.json", record }, chart: "c.svg"
  })

  it("without a calibration record, says only that none was given (the shipped defaults are calibrated), and how to add one", () => {
    const bare = renderReport({
      targets: { name: "t", description: "d", targets: [] }, scenario, scenarioFile: "s.json", targetsFile: "t.json", seed: 1, replicates: 1, version: "0",
      results, assumed: 1, values: 2, calibration: undefined, chart: undefined
    })
    expect(bare).not.toContain("set by hand")
    expect(bare).not.toContain("## Calibrated parameters")
    expect(bare).toContain("No calibration record was given to this report, so it lists no calibrated parameters (`--calibration FILE`, a calibration.json\nfrom `spsim calibrate`, adds them).")
  })

  it("marks a missed target with how far it is off, a share in per cent as the CLI prints it", () => {
    expect(text).toContain("| share | 70.0% | 65.0% – 75.0% | 80.0% (80.0% – 80.0%) | **missed** (7% above) |")
    expect(text).toContain("**0 of 1 targets matched** (simulated median within the target's range); missed: share.")
  })

  it("lists each calibrated parameter with its prior and posterior, and flags a scenario value that is not the calibrated one", () => {
    expect(text).toContain(`| \`wellbeing.gainEventsPerWeek\` | 0.05 – 0.2 | 0.1 (0.09 – 0.11) | ${scenario.wellbeing.gainEventsPerWeek} | calibrated |`)
    expect(text).toContain(
      `| \`contact.attendFirstAppointment\` | 0.4 – 1 | 0.7 (0.6 – 0.8) | ${scenario.contact.attendFirstAppointment} | **not the calibrated value** (0.5) |`
    )
    expect(text).toContain("with `spsim calibrate a b`")
    expect(text).toContain("share: 25%")
    expect(text).toContain("](c.svg)")
  })
})

describe("the chart", () => {
  it("shows running totals over replicates, and a point and range bar per cumulative target", () => {
    // Running totals (1, 3, 6) and (3, 3, 3).
    expect(cumulativeBands([[1, 2, 3], [3, 0, 0]], 3).map((b) => b.p50)).toEqual([2, 3, 4.5])
    const targets = JSON.parse(read("calibration/ways-to-wellness.targets.json")).targets
    const svg = cumulativeChart({ title: "t", startDate: "2015-04-01", weeks: 364, series: [{ series: "referred", label: "referred", replicates: [new Float64Array(364).fill(20)] }], targets })
    expect(svg.match(/<circle [^>]*><title>People referred/g)).toHaveLength(3)
    expect(svg.match(/<polyline /g)).toHaveLength(1)
    expect(svg.startsWith("<svg")).toBe(true)
  })
})

const reportOf = (replicates: number, calibration?: string) =>
  Effect.runPromise(validationReport({
    scenarioFile: "scenarios/covid.json", targetsFile: "calibration/ways-to-wellness.targets.json", seed: undefined, replicates, workers: 1,
    calibration, chart: "validation-cumulative.svg"
  }).pipe(Effect.provide(NodeServices.layer)))

describe("spsim report", () => {
  it("gives the numbers of a direct ensemble run of the scenario", async () => {
    const { results } = await reportOf(3)
    const scenario = shippedScenario("covid")
    const direct = runReplicates(scenario, 3)
    for (const r of results) {
      const t = r.target
      if (t.kind === "level") {
        // A figure to date, as weekly.csv gives it (to its printed precision).
        const values = direct.map((d) => d.sim.weekly.columns[t.series as "starChangeMeanToDate"][weekOf(t.date, scenario.startDate)])
        expect(r.simulated?.p50, t.name).toBeCloseTo(band(values).p50, 5)
        continue
      }
      const values = t.kind === "metric"
        ? direct.map((d) => d.metrics[t.metric])
        : direct.map((d) => d.sim.weekly.columns[t.series as "referred"].slice(0, weekOf(t.date, scenario.startDate) + 1).reduce((s, x) => s + x, 0))
      expect(r.simulated, t.name).toEqual(band(values))
    }
    expect(results.some((r) => r.target.kind === "level")).toBe(true)
  }, 60_000)

  it("refuses a targets file naming a series or metric the scenario cannot give, before it runs anything", async () => {
    const doc = JSON.parse(read("calibration/ways-to-wellness.targets.json"))
    doc.targets[1].series = "nosuch"
    doc.targets[5].metric = "nosuchMetric"
    const targetsFile = join(mkdtempSync(join(tmpdir(), "spsim-report-")), "bad.json")
    writeFileSync(targetsFile, JSON.stringify(doc))
    const started = performance.now()
    const exit = await Effect.runPromise(Effect.exit(validationReport({
      scenarioFile: "scenarios/covid.json", targetsFile, seed: undefined, replicates: 1000, workers: 1
    }).pipe(Effect.provide(NodeServices.layer))))
    // A thousand replicates would take minutes.
    expect(performance.now() - started).toBeLessThan(10_000)
    const error = Exit.isFailure(exit) ? Option.getOrUndefined(Cause.findErrorOption(exit.cause)) : undefined
    expect(error).toMatchObject({ _tag: "ScenarioInvalid", file: targetsFile })
    expect((error as { problems: ReadonlyArray<{ path: string; found: string }> }).problems.map((p) => [p.path, p.found])).toEqual([
      ["targets[1].series", '"nosuch"'],
      ["targets[5].metric", '"nosuchMetric"']
    ])
  })
})

describe("docs/validation.md", () => {
  it("is the report of a direct run of the calibrated scenario, with its chart (run `npm run report` after a change)", async () => {
    const script = JSON.parse(read("package.json")).scripts.report as string
    expect(script).toMatch(/--calibration calibration\/ways-to-wellness\.calibration\.json --replicates 20 --workers 1 --out docs\/validation\.md/)
    const { markdown, svg } = await reportOf(20, "calibration/ways-to-wellness.calibration.json")
    expect(read("docs/validation.md"), "docs/validation.md is stale: run `npm run report`").toBe(markdown)
    expect(read("docs/validation-cumulative.svg"), "docs/validation-cumulative.svg is stale: run `npm run report`").toBe(svg)
    expect(markdown).toMatch(/## Calibrated parameters/)
  }, 120_000)
})
