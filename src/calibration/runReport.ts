/** `spsim report`: run a scenario's replicates and set the simulated figures beside the published targets. */
import { Effect, Stream } from "effect"
import { runEnsemble } from "../ensemble/pool.ts"
import { weeklyHeader } from "../results/tables.ts"
import { seriesFromCsv } from "../results/weeklyBands.ts"
import { listParameters } from "../scenario/parameters.ts"
import { loadDocument } from "../scenario/load.ts"
import { loadScenario } from "../scenario/loadScenario.ts"
import { spsimVersion } from "../version.ts"
import { evaluateTargets, renderReport, type ReplicateRecord, seriesNeeded } from "./report.ts"
import { Targets } from "./targets.ts"

export interface ReportOptions {
  readonly scenarioFile: string
  readonly targetsFile: string
  readonly seed: number | undefined
  readonly replicates: number
  readonly workers: number | undefined
}

export const validationReport = Effect.fn("validationReport")(function*(options: ReportOptions) {
  const scenario = yield* loadScenario(options.scenarioFile)
  const targets = yield* loadDocument(Targets, options.targetsFile)
  const seed = options.seed ?? scenario.seed
  const series = seriesNeeded(targets)
  const records: Array<ReplicateRecord> = []
  const rows = { weekly: series.length > 0, people: false, contracts: false }
  yield* Stream.runForEach(runEnsemble({ scenario, seed, replicates: options.replicates, workers: options.workers, rows }), (r) =>
    Effect.sync(() => {
      const values = seriesFromCsv(r.weeklyCsv ?? "", weeklyHeader, series, scenario.horizonWeeks)
      const weekly = new Map(series.map((name, i) => [name, values.subarray(i * scenario.horizonWeeks, (i + 1) * scenario.horizonWeeks)]))
      records.push({ metrics: r.metrics, weekly })
    }))
  const results = evaluateTargets(targets, scenario, records)
  const parameters = listParameters()
  const markdown = renderReport({
    targets, scenario, scenarioFile: options.scenarioFile, targetsFile: options.targetsFile, seed,
    replicates: options.replicates, version: spsimVersion, results,
    assumed: parameters.filter((p) => p.confidence === "assumed").length, parameters: parameters.length
  })
  return { markdown, results }
})
