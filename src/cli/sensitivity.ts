/**
 * `spsim sensitivity FILE --method tornado|morris [--params PATH,…] [--metric M]`: which parameters matter
 * for a KPI. Tornado swings each parameter one at a time to its default ± `--swing` (within its declared
 * range); Morris screens them together with elementary effects over the same ranges. By default the
 * parameters marked assumed; all on common random numbers.
 */
import seedrandom from "seedrandom"
import { Console, Effect } from "effect"
import { assumedSingleValues, meanIn, morrisDesign, morrisEffects, noSwing, swingIntervalIn, swingOf, type TornadoBar, tornadoOfMeans, tornadoVariants, type Swing, swingProblems, unchangedNote } from "../analysis/sensitivity.ts"
import { type AnalysisOptions, metricsNotFound, runVariants, unknownMetrics } from "../analysis/runVariants.ts"
import { checkOutDir, prepareOutDir } from "./outDir.ts"
import { writeFileAtomic } from "../io/atomicWrite.ts"
import { getAtPath, isSetAt, resolveParameter, unresolvedReason, unsetReason } from "../scenario/parameters.ts"
import { withVaried } from "../scenario/practiceList.ts"
import { loadScenario } from "../scenario/loadScenario.ts"
import type { Scenario } from "../scenario/schema.ts"
import { spsimVersion } from "../version.ts"
import type { RunningSummary } from "../results/summary.ts"
import { counted, formatDifference, formatMetric, textTable } from "./format.ts"
import { InputError } from "../scenario/errors.ts"
import { progressBar } from "./progress.ts"

export interface SensitivityOptions extends AnalysisOptions {
  readonly file: string
  readonly method: "tornado" | "morris"
  readonly params: ReadonlyArray<string> | undefined
  readonly metric: string | undefined
  readonly swing: number
  readonly trajectories: number
  readonly levels: number
}

/**
 * The parameters swung: those given (a list element by position or name, e.g. `contracts[outcomes].capTotal`), or
 * by default `assumedSingleValues`.
 */
const chooseSwings = (base: Scenario, options: SensitivityOptions): Array<Swing> | InputError => {
  const paths = options.params ?? assumedSingleValues(base)
  const problems: Array<string> = []
  const swings: Array<Swing> = []
  for (const path of paths) {
    const info = resolveParameter(path)
    if (info === undefined) problems.push(`--params: ${unresolvedReason(path)}`)
    else if (!isSetAt(base, path)) problems.push(`--params: "${path}": expected a value in the scenario to swing, found none: ${unsetReason(base, path)}`)
    else swings.push(swingOf(info, getAtPath(base, path) as number, options.swing))
  }
  const moving = swings.filter((s) => s.low !== s.high)
  problems.push(...swingProblems(base, moving))
  return problems.length > 0 ? new InputError({ problems }) : moving
}

/** A figure, or "-" where there is none (a mean over no replicates is NaN). */
const orDash = (x: number, format: (x: number) => string): string => (Number.isFinite(x) ? format(x) : "-")

/** The note under a tornado whose swings leave the metric where it was (`unchangedNote`), in the table's terms. */
const flatNote = (metric: string, flat: number, of: number, base: RunningSummary): Array<string> => {
  const note = unchangedNote(metric, flat, of, (contract) => meanIn(base, `${contract}.capReachedChance`))
  return note === undefined ? [] : ["", note]
}

export const sensitivityAnalysis = Effect.fn("sensitivityAnalysis")(function*(options: SensitivityOptions) {
  const base = yield* loadScenario(options.file)
  const metric = options.metric ?? (base.contracts[0] !== undefined ? `${base.contracts[0].name}.outcomePayments` : "secondaryCareSaving")
  const swings = chooseSwings(base, options)
  if (swings instanceof InputError) return yield* swings
  const seed = options.seed ?? base.seed
  const notFound = metricsNotFound([metric], [base])
  if (notFound !== undefined) return yield* notFound
  if (options.out !== undefined) yield* checkOutDir(options.out)
  const progress = progressBar(options.method, options.quiet)
  const run = { seed, replicates: options.replicates, workers: options.workers, onProgress: progress.update }
  let document: object
  let table: string
  if (options.method === "tornado") {
    const runs = yield* runVariants(tornadoVariants(base, swings), run)
    const unknown = unknownMetrics([metric], runs.summaries)
    if (unknown !== undefined) return yield* unknown
    const intervals = swings.map((_, i) => swingIntervalIn(runs.summaries[1 + 2 * i], runs.summaries[2 + 2 * i], metric))
    const bars = tornadoOfMeans(swings, runs.summaries.map((s) => meanIn(s, metric)), intervals)
    document = { spsimVersion, scenario: base.name, method: "tornado", metric, swing: options.swing, seed, replicates: options.replicates, bars }
    const interval = (b: TornadoBar) =>
      b.swingLow === undefined || b.swingHigh === undefined ? "-" : noSwing(b) ? "none in any replicate" : `${formatDifference(metric, b.swingLow)} to ${formatDifference(metric, b.swingHigh)}`
    // A swing whose interval holds 0 is not told apart from chance at this many replicates (unless it is no swing at all).
    const unclear = bars.filter((b) => b.swingLow !== undefined && b.swingHigh !== undefined && b.swingLow <= 0 && b.swingHigh >= 0 && !noSwing(b))
    table = [
      textTable(
        ["parameter (low → high)", `${metric} at low`, "at high", "swing", "swing, 95% interval"],
        bars.map((b) => [`${b.path} (${+b.low.toPrecision(6)} → ${+b.high.toPrecision(6)})${unclear.includes(b) ? " *" : ""}`, orDash(b.atLow, (x) => formatMetric(metric, x)), orDash(b.atHigh, (x) => formatMetric(metric, x)), orDash(b.atHigh - b.atLow, (x) => formatDifference(metric, x)), interval(b)])
      ),
      ...(bars.some((b) => !Number.isFinite(b.atLow) || !Number.isFinite(b.atHigh))
        ? ["", `-: no replicate has ${metric} at that end (e.g. the cap is never reached there), so the swing has no size; it is listed last.`]
        : []),
      ...(unclear.length === 0 ? [] : ["", `* ${unclear.length} swing${unclear.length === 1 ? "'s" : "s'"} 95% interval holds 0: not told apart from chance with ${counted(options.replicates, "replicate")} (the low and high runs paired replicate by replicate); more replicates would tell.`]),
      ...flatNote(metric, bars.filter(noSwing).length, bars.length, runs.summaries[0])
    ].join("\n")
  } else {
    const design = morrisDesign(swings.length, options.trajectories, options.levels, seedrandom.xor4096(`spsim:morris:${seed}`))
    const scenarioAt = (x: Float64Array): Scenario =>
      swings.reduce((s, sw, i) => {
        const v = sw.low + x[i] * (sw.high - sw.low)
        return withVaried(s, sw.parameter.path, sw.parameter.integer ? Math.round(v) : v)
      }, base)
    const variants = design.flatMap((walk) => walk.points.map(scenarioAt))
    const runs = yield* runVariants(variants, run)
    const unknown = unknownMetrics([metric], runs.summaries)
    if (unknown !== undefined) return yield* unknown
    const values = design.map((walk, t) => walk.points.map((_, j) => meanIn(runs.summaries[t * walk.points.length + j], metric)))
    const effects = morrisEffects(swings.map((s) => s.parameter.path), design, values, options.levels)
    document = { spsimVersion, scenario: base.name, method: "morris", metric, swing: options.swing, trajectories: options.trajectories, levels: options.levels, seed, replicates: options.replicates, effects }
    table = textTable(
      ["parameter", "mu* (mean |effect| over its range)", "mu", "sigma"],
      // Effects are differences of the metric: of a week of the contract, in weeks; of a share, in percentage points.
      effects.map((e) => [e.path, formatDifference(metric, e.muStar), formatDifference(metric, e.mu), formatDifference(metric, e.sigma)])
    )
  }
  progress.finish()
  if (options.out !== undefined) {
    yield* prepareOutDir(options.out)
    yield* writeFileAtomic(`${options.out}/sensitivity.json`, `${JSON.stringify(document, null, 2)}\n`)
  }
  if (options.json) return yield* Console.log(JSON.stringify(document, null, 2))
  yield* Console.log([
    `${base.name}: ${options.method} sensitivity of ${metric} to ${counted(swings.length, "parameter")} (default ± ${options.swing * 100}% within their ranges), ${counted(options.replicates, "replicate")} per point on common random numbers`,
    "",
    table
  ].join("\n"))
}, Effect.scoped)
