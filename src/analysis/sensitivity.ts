/**
 * Which parameters matter: one-way swings (tornado) and Morris elementary effects (global screening); Sobol indices
 * are in `sobol.ts`. Pure designs and summaries; running the scenarios is the caller's (on common random numbers).
 */
import type { RunningSummary } from "../results/summary.ts"
import { listParameters, type ParameterInfo } from "../scenario/parameters.ts"
import { fixedByPracticeList, variantProblems, withVaried } from "../scenario/practiceList.ts"
import { scenarioProvenance } from "../scenario/provenance.ts"
import type { Scenario } from "../scenario/schema.ts"
import { shuffledIndices } from "../model/random.ts"
import type { Metrics } from "../results/metrics.ts"
import { pairedDifference } from "./paired.ts"

/**
 * The range a parameter is swung over: its default ± `swing` (relative), kept within its declared range; from a
 * default of 0, ± `swing` times the parameter's typical size (`ParamInfo.typical`: a tenth of its range unless stated).
 */
export interface Swing {
  readonly parameter: ParameterInfo
  readonly base: number
  readonly low: number
  readonly high: number
}

const roundFor = (p: ParameterInfo, x: number): number => (p.integer ? Math.round(x) : x)

/**
 * What a sensitivity analysis swings by default (`spsim sensitivity`, the explorer's tornado): every single number
 * (not a list element) assumed in this scenario, as `spsim provenance` rates it (the default's assumed values, and
 * any the scenario changed with no source or sourced as assumed), that the scenario uses (not the count, population
 * or list-size spread a practice list fixes). An optional term it leaves out, such as a cap, has no value to swing.
 */
export const assumedSingleValues = (scenario: Scenario): Array<string> => {
  const single = new Set(listParameters().filter((p) => !p.perElement).map((p) => p.path))
  const fixed = fixedByPracticeList(scenario)
  return scenarioProvenance(scenario).filter((v) => v.confidence === "assumed" && single.has(v.path) && !fixed.has(v.path) && v.value !== undefined).map((v) => v.path)
}

/** Swings whose low or high end the scenario's practice list rules out (a count not the list's), one message each. */
export const swingProblems = <S extends Scenario>(base: S, swings: ReadonlyArray<Swing>): Array<string> =>
  variantProblems(swings.flatMap((s) => [s.low, s.high].map((v) => ({ label: `--params ${s.parameter.path} at ${v}`, scenario: withVaried(base, s.parameter.path, v) }))))

export const swingOf = (parameter: ParameterInfo, base: number, swing: number): Swing => {
  const spread = (base !== 0 ? Math.abs(base) : parameter.typical) * swing
  const clamp = (x: number) => Math.min(parameter.max, Math.max(parameter.min, roundFor(parameter, x)))
  return { parameter, base, low: clamp(base - spread), high: clamp(base + spread) }
}

export interface TornadoBar {
  readonly path: string
  readonly low: number
  readonly high: number
  /** The metric (mean over replicates) at the low and high values, and at the base. */
  readonly atLow: number
  readonly atHigh: number
  readonly base: number
  /** |atHigh − atLow|: what the bars are ranked by. */
  readonly influence: number
  /**
   * The 95% interval of the swing (atHigh − atLow), paired replicate by replicate (the low and high runs meet the
   * same people): an interval that holds 0 is a swing not told apart from chance. Absent when the replicates
   * cannot be paired (a figure missing from some, or too many replicates to keep).
   */
  readonly swingLow?: number
  readonly swingHigh?: number
}

/**
 * No swing: the same at both ends in every replicate (its paired interval is 0 to 0), up to rounding in sums taken
 * in another order (a payment held at a contract's cap comes out within a few nanopounds of it).
 */
export const noSwing = (b: TornadoBar): boolean => {
  const tiny = (x: number | undefined) => x !== undefined && Math.abs(x) <= 1e-9 * Math.max(1, Math.abs(b.base))
  return tiny(b.swingLow) && tiny(b.swingHigh)
}

/**
 * What to say when `flat` of `of` swings leave the metric where it was: how many, and, for a contract's outcome
 * payments held at its total cap in the base runs (`capChance` of the contract: the share of them that reach it),
 * that no parameter moves them there, and which figures would move. Undefined when every swing moves it. `label` names a
 * figure (the CLI gives the metric's key, which is what `--metric` takes; the explorer its label).
 */
export const unchangedNote = (
  metric: string, flat: number, of: number, capChance: (contract: string) => number, label: (metric: string) => string = (m) => m
): string | undefined => {
  if (flat === 0) return undefined
  const atCap = atCapNote(metric, capChance, "base runs", label)
  return `${flat} of ${of} swings leave ${label(metric)} the same at both ends in every replicate.${atCap === "" ? "" : ` ${atCap}`}`
}

/**
 * For a contract's outcome payments held at its total cap in most of `runs` (`capChance` ≥ 90%), that no parameter
 * moves them there, and which figures would move; "" for any other metric.
 */
export const atCapNote = (metric: string, capChance: (contract: string) => number, runs: string, label: (metric: string) => string = (m) => m): string => {
  const contract = metric.endsWith(".outcomePayments") ? metric.slice(0, -".outcomePayments".length) : undefined
  const chance = contract === undefined ? Number.NaN : capChance(contract)
  return chance >= 0.9
    ? `The ${contract} contract's total cap is reached in ${Math.round(100 * chance)}% of the ${runs}, so its outcome payments stay at the cap whatever most parameters do;` +
      ` for what they would move, try ${label("secondaryCareSaving")}, ${label("starChangeMean")} or ${label("engaged")}.`
    : ""
}

/** A swing's 95% interval from the paired replicates of its low and high runs. */
export interface SwingInterval {
  readonly swingLow: number
  readonly swingHigh: number
}

/** Larger first, NaN (no figure to compare) after every number. */
const byInfluence = (a: number, b: number): number => (Number.isNaN(a) ? (Number.isNaN(b) ? 0 : 1) : Number.isNaN(b) ? -1 : b - a)

export const tornado = (
  swings: ReadonlyArray<Swing>, base: number, atLow: ReadonlyArray<number>, atHigh: ReadonlyArray<number>,
  intervals: ReadonlyArray<SwingInterval | undefined> = []
): Array<TornadoBar> =>
  swings
    .map((s, i) => ({
      path: s.parameter.path, low: s.low, high: s.high, atLow: atLow[i], atHigh: atHigh[i], base,
      influence: Math.abs(atHigh[i] - atLow[i]),
      ...intervals[i]
    }))
    // A swing whose figure exists at one end only (the cap never reached there: the mean of none is NaN) ranks last.
    .sort((x, y) => byInfluence(x.influence, y.influence) || (x.path < y.path ? -1 : 1))

/** Mean of a metric over the replicates that have it, from a `RunningSummary` (NaN if none do); equal to `meanOf`. */
export const meanIn = (summary: RunningSummary, metric: string): number => {
  const t = summary.total(metric)
  return t === undefined ? Number.NaN : t.sum / t.count
}

/** Mean of a metric over the replicates that have it (NaN if none do). */
export const meanOf = (runs: ReadonlyArray<Metrics>, metric: string): number => {
  const values = runs.flatMap((m) => (metric in m ? [m[metric]] : []))
  return values.length > 0 ? values.reduce((s, x) => s + x, 0) / values.length : Number.NaN
}

/** The scenarios a tornado runs: the base, then each swing's low and high. */
export const tornadoVariants = <S extends Scenario>(base: S, swings: ReadonlyArray<Swing>): Array<S> =>
  [base, ...swings.flatMap((s) => [withVaried(base, s.parameter.path, s.low), withVaried(base, s.parameter.path, s.high)])]

/**
 * The tornado of a metric from its mean in each of `tornadoVariants`' scenarios, in that order, and each swing's
 * interval if known (`intervals[i]` for swing i).
 */
export const tornadoOfMeans = (
  swings: ReadonlyArray<Swing>, means: ReadonlyArray<number>, intervals: ReadonlyArray<SwingInterval | undefined> = []
): Array<TornadoBar> =>
  tornado(swings, means[0], swings.map((_, i) => means[1 + 2 * i]), swings.map((_, i) => means[2 + 2 * i]), intervals)

/** The 95% interval of high − low over paired replicates (the t interval of the mean difference), if there are two or more. */
export const swingInterval = (low: ReadonlyArray<Metrics>, high: ReadonlyArray<Metrics>, metric: string): SwingInterval | undefined => {
  const d = pairedDifference(low, high, metric)
  return d === undefined || !Number.isFinite(d.meanLow) ? undefined : { swingLow: d.meanLow, swingHigh: d.meanHigh }
}

/**
 * The same from two `RunningSummary`s, while they keep every replicate and every replicate has the figure (then
 * their kept values are in replicate order, so they pair).
 */
export const swingIntervalIn = (low: RunningSummary, high: RunningSummary, metric: string): SwingInterval | undefined => {
  const whole = (s: RunningSummary) => s.exact && s.total(metric)?.count === s.count
  if (!whole(low) || !whole(high) || low.count !== high.count) return undefined
  const rows = (s: RunningSummary) => s.keptValues(metric).map((v) => ({ [metric]: v }))
  return swingInterval(rows(low), rows(high), metric)
}

/**
 * The Monte Carlo variance of a metric's replicate mean at one point (its replicates' variance over their count),
 * averaged over the points whose summaries keep every replicate, each of which has the figure; undefined with fewer
 * than 2 replicates, or no such point. On common random numbers much of this noise is the same at every point, so it
 * bounds from above (in expectation) the variance across points that the noise adds to a global sensitivity analysis.
 */
export const meanNoiseVariance = (summaries: ReadonlyArray<RunningSummary>, metric: string): number | undefined => {
  let sum = 0
  let points = 0
  for (const s of summaries) {
    if (!s.exact || s.count < 2 || s.total(metric)?.count !== s.count) continue
    const values = s.keptValues(metric)
    const mean = values.reduce((a, x) => a + x, 0) / values.length
    sum += values.reduce((a, x) => a + (x - mean) ** 2, 0) / (values.length - 1) / values.length
    points++
  }
  return points === 0 ? undefined : sum / points
}

/** The tornado of a metric from the per-replicate metrics of `tornadoVariants`' scenarios, in that order. */
export const tornadoOfRuns = (swings: ReadonlyArray<Swing>, runs: ReadonlyArray<ReadonlyArray<Metrics>>, metric: string): Array<TornadoBar> =>
  tornadoOfMeans(swings, runs.map((r) => meanOf(r, metric)), swings.map((_, i) => swingInterval(runs[1 + 2 * i], runs[2 + 2 * i], metric)))

/**
 * Morris design: `trajectories` random walks on a `levels`-level grid over [low, high] of each of the k
 * parameters; each walk is k + 1 points, changing one parameter at a time by Δ = levels / (2 (levels − 1)).
 * Points are in [0, 1] units; `uniform` supplies the randomness (seeded by the caller).
 */
export const morrisDesign = (k: number, trajectories: number, levels: number, uniform: () => number): Array<{ points: Array<Float64Array>; order: Int32Array }> => {
  const delta = levels / (2 * (levels - 1))
  const starts = Math.floor(levels / 2) // grid values 0 .. 1 − Δ, so that x + Δ stays in [0, 1]
  const out: Array<{ points: Array<Float64Array>; order: Int32Array }> = []
  for (let t = 0; t < trajectories; t++) {
    const x = Float64Array.from({ length: k }, () => Math.floor(uniform() * starts) / (levels - 1))
    const order = shuffledIndices(k, uniform)
    const points = [Float64Array.from(x)]
    for (const i of order) {
      x[i] += delta
      points.push(Float64Array.from(x))
    }
    out.push({ points, order })
  }
  return out
}

export interface MorrisEffect {
  readonly path: string
  /** Mean absolute elementary effect (the ranking), mean effect and its standard deviation (interactions, nonlinearity). */
  readonly muStar: number
  readonly mu: number
  readonly sigma: number
}

/** Elementary effects from the metric at every design point (same order as `morrisDesign`), per unit of the [0, 1] scale. */
export const morrisEffects = (
  paths: ReadonlyArray<string>, design: ReadonlyArray<{ points: Array<Float64Array>; order: Int32Array }>,
  values: ReadonlyArray<ReadonlyArray<number>>, levels: number
): Array<MorrisEffect> => {
  const delta = levels / (2 * (levels - 1))
  const effects = paths.map(() => [] as Array<number>)
  design.forEach((walk, t) => {
    walk.order.forEach((i, step) => effects[i].push((values[t][step + 1] - values[t][step]) / delta))
  })
  return paths
    .map((path, i) => {
      const ee = effects[i]
      const n = ee.length
      const mu = ee.reduce((s, x) => s + x, 0) / n
      const muStar = ee.reduce((s, x) => s + Math.abs(x), 0) / n
      const sigma = n > 1 ? Math.sqrt(ee.reduce((s, x) => s + (x - mu) ** 2, 0) / (n - 1)) : 0
      return { path, muStar, mu, sigma }
    })
    .sort((x, y) => byInfluence(x.muStar, y.muStar) || (x.path < y.path ? -1 : 1))
}
