/** `spsim report`: run a scenario's replicates and set the simulated figures beside the published targets. */
import { Effect, Stream } from "effect"
import { runEnsemble } from "../ensemble/pool.ts"
import { weeklyHeader } from "../results/tables.ts"
import { seriesFromCsv } from "../results/weeklyBands.ts"
import { provenanceSummary, scenarioProvenance } from "../scenario/provenance.ts"
import { loadDocument } from "../scenario/load.ts"
import { loadScenario } from "../scenario/loadScenario.ts"
import { spsimVersion } from "../version.ts"
import { cumulativeChart } from "./chart.ts"
import { CalibrationRecord } from "./record.ts"
import { cumulativeSeries, evaluateTargets, type ReplicateRecord, seriesNeeded } from "./report.ts"
import { loadTargets } from "./targets.ts"
import { renderReport } from "./validationMarkdown.ts"

export interface ReportOptions {
  readonly scenarioFile: string
  readonly targetsFile: string
  readonly seed: number | undefined
  readonly replicates: number
  readonly workers: number | undefined
  /** calibration.json from spsim calibrate: list the calibrated parameters and their posterior. */
  readonly calibration?: string | undefined
  /** The chart's file name as the report links to it; no chart without one. */
  readonly chart?: string | undefined
  /** Called as replicates arrive (the CLI's progress line). */
  readonly onProgress?: ((done: number, total: number) => void) | undefined
}

const seriesLabels: Record<string, string> = { referred: "People referred", engagedNew: "People engaged" }

export const validationReport = Effect.fn("validationReport")(function*(options: ReportOptions) {
  const scenario = yield* loadScenario(options.scenarioFile)
  // Checked against the scenario before anything runs: a series or metric it cannot give is bad input (exit code 2).
  const targets = yield* loadTargets(options.targetsFile, scenario)
  const calibration = options.calibration === undefined
    ? undefined
    : { file: options.calibration, record: yield* loadDocument(CalibrationRecord, options.calibration, "calibration") }
  const seed = options.seed ?? scenario.seed
  const series = seriesNeeded(targets)
  const records: Array<ReplicateRecord> = []
  const rows = { weekly: series.length > 0, people: false, contracts: false }
  const H = scenario.horizonWeeks
  yield* Stream.runForEach(runEnsemble({ scenario, seed, replicates: options.replicates, workers: options.workers, rows }), (r) =>
    Effect.sync(() => {
      const values = seriesFromCsv(r.weeklyCsv ?? "", weeklyHeader, series, H)
      const weekly = new Map(series.map((name, i) => [name, values.subarray(i * H, (i + 1) * H)]))
      records.push({ metrics: r.metrics, weekly })
      options.onProgress?.(records.length, options.replicates)
    }))
  const results = evaluateTargets(targets, scenario, records)
  const provenance = provenanceSummary(scenarioProvenance(scenario))
  const drawn = cumulativeSeries(targets)
  const chart = options.chart !== undefined && drawn.length > 0 ? options.chart : undefined
  const markdown = renderReport({
    targets, scenario, scenarioFile: options.scenarioFile, targetsFile: options.targetsFile, seed,
    replicates: options.replicates, version: spsimVersion, results, calibration, chart,
    assumed: provenance.byConfidence.assumed, values: provenance.values
  })
  const svg = chart === undefined ? undefined : cumulativeChart({
    title: `${scenario.name}: simulated (${options.replicates} replicates) against the published record`,
    startDate: scenario.startDate,
    weeks: H,
    series: drawn.map((name) => ({ series: name, label: seriesLabels[name] ?? name, replicates: records.map((r) => r.weekly.get(name)!) })),
    targets: targets.targets
  })
  return { markdown, svg, results }
})
