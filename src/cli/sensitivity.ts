/**
 * `spsim sensitivity FILE --method tornado|morris|sobol [--params PATH,…] [--metric M]`: which parameters matter
 * for a KPI. Tornado swings each parameter one at a time to its default ± `--swing` (within its declared
 * range); Morris screens them together with elementary effects over the same ranges; Sobol apportions the
 * metric's variance, each parameter uniform over the same ranges, to each parameter alone and with its
 * interactions. By default the parameters marked assumed; all on common random numbers.
 */
import seedrandom from "seedrandom"
import { Console, Effect } from "effect"
import { assumedSingleValues, atCapNote, meanIn, meanNoiseVariance, morrisDesign, morrisEffects, noSwing, swingIntervalIn, swingOf, type TornadoBar, tornadoOfMeans, tornadoVariants, type Swing, swingProblems, unchangedNote } from "../analysis/sensitivity.ts"
import { saltelliDesign, saltelliPointCount, saltelliPoints, saltelliValues, type SobolIndex, sobolIndices } from "../analysis/sobol.ts"
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
  readonly method: "tornado" | "morris" | "sobol"
  readonly params: ReadonlyArray<string> | undefined
  readonly metric: string | undefined
  readonly swing: number
  readonly trajectories: number
  readonly levels: number
  /** Sobol: the base sample size N (rows of A and B); the design has N (k + 2) points. */
  readonly samples: number
}

/** Bootstrap resamples of the Sobol design's rows for the indices' 95% intervals. */
const sobolResamples = 500

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

/**
 * What a researcher needs to read Sobol indices: what the two mean, the sum of the first-order ones, how much of the
 * variance may be the simulation's own noise, how noisy the estimates are at this N, and rows left out.
 */
const sobolNotes = (r: {
  readonly metric: string; readonly n: number; readonly replicates: number; readonly rows: number; readonly variance: number
  readonly noiseVariance: number | undefined; readonly indices: ReadonlyArray<SobolIndex>; readonly atCap: string
}): Array<string> => {
  const { metric } = r
  if (r.indices.length > 0 && r.indices.every((e) => Number.isNaN(e.total))) {
    const why = r.rows < 2 ? `${metric} is missing at a point of all but ${r.rows} of the ${r.n} rows` : `${metric} is the same at every point (up to rounding)`
    return [`${why}: no variance to apportion, so no indices.${r.atCap === "" ? "" : ` ${r.atCap}`}`]
  }
  const firstSum = r.indices.reduce((s, e) => s + e.first, 0)
  const noiseShare = r.noiseVariance === undefined ? undefined : r.noiseVariance / r.variance
  return [
    `Total index: the share of the variance of ${metric} over the design (every parameter drawn uniformly over its range) that would go if that parameter alone were fixed: its own effect and all its interactions. ` +
      `First order: the share it accounts for alone. A total well above the first order means interactions; the first-order indices sum to ${firstSum.toFixed(2)} here (1 if ${metric} were a sum of one-parameter effects and had no noise).`,
    `The indices are of ${r.replicates === 1 ? `${metric} in the one replicate` : `${metric}'s mean over the ${counted(r.replicates, "replicate")}`} at each point. The simulation's own Monte Carlo noise in that mean is variance no parameter explains: ` +
      (noiseShare === undefined
        ? `with 1 replicate its size is not known (2 or more replicates measure it). `
        : `here ${noiseShare < 0.001 ? "under 0.1%" : `no more than about ${(100 * noiseShare).toFixed(noiseShare < 0.1 ? 1 : 0)}%`} of the variance (the mean's own variance at one point; common random numbers make much of it the same at every point, which takes it out). `) +
      `It lowers the first-order indices and gives a parameter with no effect a total index above 0.`,
    `With N = ${r.n} the estimates are noisy: each interval is the middle 95% of ${sobolResamples} bootstrap resamples of the ${r.rows} rows; a first-order index near 0 can come out below 0 (shown as computed). ` +
      `More rows (--samples) narrow the intervals in proportion to 1/√N; more replicates shrink the noise.`,
    ...(r.rows < r.n ? [`${r.n - r.rows} of ${r.n} rows left out: no replicate has ${metric} at one of their points (e.g. the cap never reached there), so the indices are of ${metric} where it exists.`] : [])
  ]
}

/** Each parameter's default and the range a design spreads it over, for sensitivity.json (Morris and Sobol). */
const swingRanges = (swings: ReadonlyArray<Swing>) => swings.map((s) => ({ path: s.parameter.path, base: s.base, low: s.low, high: s.high }))

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
  /** The scenario at a point of [0, 1]^k: each parameter that far from its low end to its high end. */
  const scenarioAt = (x: Float64Array): Scenario =>
    swings.reduce((s, sw, i) => {
      const v = sw.low + x[i] * (sw.high - sw.low)
      return withVaried(s, sw.parameter.path, sw.parameter.integer ? Math.round(v) : v)
    }, base)
  let header = `${base.name}: ${options.method} sensitivity of ${metric} to ${counted(swings.length, "parameter")} (default ± ${options.swing * 100}% within their ranges), ${counted(options.replicates, "replicate")} per point on common random numbers`
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
  } else if (options.method === "sobol") {
    const k = swings.length
    const n = options.samples
    const points = saltelliPointCount(k, n)
    const runCount = points * options.replicates
    const runs = yield* runVariants(saltelliPoints(saltelliDesign(k, n, seedrandom.xor4096(`spsim:sobol:${seed}`))).map(scenarioAt), run)
    const unknown = unknownMetrics([metric], runs.summaries)
    if (unknown !== undefined) return yield* unknown
    const values = saltelliValues(k, n, runs.summaries.map((s) => meanIn(s, metric)))
    const result = sobolIndices(swings.map((s) => s.parameter.path), values, { resamples: sobolResamples, uniform: seedrandom.xor4096(`spsim:sobol-bootstrap:${seed}`) })
    const noiseVariance = meanNoiseVariance(runs.summaries, metric)
    const capChance = (contract: string) => runs.summaries.reduce((sum, s) => sum + meanIn(s, `${contract}.capReachedChance`), 0) / runs.summaries.length
    document = {
      spsimVersion, scenario: base.name, method: "sobol", metric, swing: options.swing, samples: n, seed, replicates: options.replicates,
      points, runs: runCount, bootstrapResamples: sobolResamples,
      parameters: swingRanges(swings),
      rows: result.rows, variance: result.variance, noiseVariance, indices: result.indices
    }
    header = `${base.name}: sobol sensitivity of ${metric} to ${counted(k, "parameter")}, each uniform over its default ± ${options.swing * 100}% within its range; ` +
      `N = ${n.toLocaleString("en-GB")}: ${counted(points, "point")} × ${counted(options.replicates, "replicate")} = ${counted(runCount, "run")} on common random numbers`
    const range = new Map(swings.map((s) => [s.parameter.path, s]))
    const index = (x: number, low: number, high: number) => (Number.isFinite(x) ? `${x.toFixed(3)} (${orDash(low, (v) => v.toFixed(3))} to ${orDash(high, (v) => v.toFixed(3))})` : "-")
    table = [
      textTable(
        ["parameter (low → high)", "total index (95% interval)", "first order (95% interval)"],
        result.indices.map((e: SobolIndex) => {
          const s = range.get(e.path)!
          return [`${e.path} (${+s.low.toPrecision(6)} → ${+s.high.toPrecision(6)})`, index(e.total, e.totalLow, e.totalHigh), index(e.first, e.firstLow, e.firstHigh)]
        })
      ),
      "",
      ...sobolNotes({ metric, n, replicates: options.replicates, rows: result.rows, variance: result.variance, noiseVariance, indices: result.indices, atCap: atCapNote(metric, capChance, "runs") })
    ].join("\n")
  } else {
    const design = morrisDesign(swings.length, options.trajectories, options.levels, seedrandom.xor4096(`spsim:morris:${seed}`))
    const variants = design.flatMap((walk) => walk.points.map(scenarioAt))
    const runs = yield* runVariants(variants, run)
    const unknown = unknownMetrics([metric], runs.summaries)
    if (unknown !== undefined) return yield* unknown
    const values = design.map((walk, t) => walk.points.map((_, j) => meanIn(runs.summaries[t * walk.points.length + j], metric)))
    const effects = morrisEffects(swings.map((s) => s.parameter.path), design, values, options.levels)
    document = {
      spsimVersion, scenario: base.name, method: "morris", metric, swing: options.swing, trajectories: options.trajectories, levels: options.levels, seed, replicates: options.replicates,
      points: variants.length, runs: variants.length * options.replicates, parameters: swingRanges(swings), effects
    }
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
  yield* Console.log([header, "", table].join("\n"))
}, Effect.scoped)
