/**
 * `spsim sweep FILE --set PATH=v1,v2,… [--set PATH2=…]`: a one- or two-parameter grid on common random
 * numbers, with each KPI's median and 90% interval at every point, and each point's paired difference from the
 * first (replicate i of every point meets the same people), with the 95% interval of its mean.
 */
import { Console, Effect, Result } from "effect"
import { defaultSweepMetrics } from "../analysis/defaultMetrics.ts"
import { type AxisValue, gridOf, parseAxis, type SweepAxis } from "../analysis/grid.ts"
import { type AnalysisOptions, metricsNotFound, runVariants, unknownMetrics } from "../analysis/runVariants.ts"
import { checkOutDir, prepareOutDir } from "./outDir.ts"
import { writeFileAtomic } from "../io/atomicWrite.ts"
import { csvRow } from "../io/csv.ts"
import { loadScenario } from "../scenario/loadScenario.ts"
import { variantProblems } from "../scenario/practiceList.ts"
import { compileContracts } from "../contract/compile.ts"
import { isSetAt, unsetReason } from "../scenario/parameters.ts"
import { spsimVersion } from "../version.ts"
import { centralText, counted, coversFewerPairs, formatDifference, formatMetric, monteCarloError, overReplicates, overReplicatesLegend, pairedCondition, textTable } from "./format.ts"
import { isChance } from "../results/summary.ts"
import { InputError } from "../scenario/errors.ts"
import { progressBar } from "./progress.ts"

/** A CSV cell for an interval end that may not exist (one replicate gives no interval). */
const finiteOrEmpty = (x: number): number | string => (Number.isFinite(x) ? x : "")

export interface SweepOptions extends AnalysisOptions {
  readonly file: string
  readonly sets: ReadonlyArray<string>
  readonly metrics: ReadonlyArray<string> | undefined
}

/** A grid point's values as its row is labelled: large whole numbers with thousands separators (a cap of 8,000,000), axes apart by "; ". */
const pointLabel = (values: ReadonlyArray<AxisValue>): string =>
  values.map((v) => (typeof v === "number" && Number.isInteger(v) && Math.abs(v) >= 10000 ? v.toLocaleString("en-GB") : String(v))).join("; ")

export const sweepScenario = Effect.fn("sweepScenario")(function*(options: SweepOptions) {
  const base = yield* loadScenario(options.file)
  const axes: Array<SweepAxis> = []
  const problems: Array<string> = []
  for (const spec of options.sets) {
    const axis = parseAxis(spec)
    if (typeof axis === "string") problems.push(axis)
    else axes.push(axis)
  }
  if (options.sets.length === 0) problems.push("give one or two --set PATH=v1,v2,… (e.g. --set linkWorkers.caseloadCapPerFte=40,60,80)")
  if (options.sets.length > 2) problems.push("a sweep takes one or two --set parameters")
  for (const axis of axes) {
    // A choice the scenario may leave out (a financing facility) is swept wherever what holds it is there.
    const holder = axis.path.slice(0, axis.path.lastIndexOf("."))
    if (axis.optional === true && holder !== "" && isSetAt(base, holder)) continue
    if (!isSetAt(base, axis.path)) problems.push(`--set ${axis.path}: expected a value in the scenario to sweep, found none: ${unsetReason(base, axis.path)}`)
  }
  if (problems.length > 0) return yield* new InputError({ problems })
  const points = gridOf(base, axes)
  const labelled = points.map((p) => ({ label: `--set ${axes.map((a, j) => `${a.path}=${p.values[j]}`).join(" ")}`, scenario: p.scenario }))
  // A choice can leave a contract's formulas meaningless (a metric's basis without the variables its formula reads).
  const contractProblems = axes.some((a) => a.values.some((v) => typeof v === "string"))
    ? [...new Set(labelled.flatMap((v) => {
      const compiled = compileContracts(v.scenario)
      return Result.isFailure(compiled) ? compiled.failure.map((q) => `${v.label}: ${q}`) : []
    }))]
    : []
  const ruledOut = [...variantProblems(labelled), ...contractProblems]
  if (ruledOut.length > 0) return yield* new InputError({ problems: ruledOut })
  const seed = options.seed ?? base.seed
  const notFound = metricsNotFound(options.metrics, [base])
  if (notFound !== undefined) return yield* notFound
  if (options.out !== undefined) yield* checkOutDir(options.out)
  const progress = progressBar("sweep", options.quiet)
  const runs = yield* runVariants(points.map((p) => p.scenario), { seed, replicates: options.replicates, workers: options.workers, onProgress: progress.update, paired: true })
  progress.finish()
  const unknown = unknownMetrics(options.metrics, runs.summaries)
  if (unknown !== undefined) return yield* unknown
  const names = options.metrics ?? defaultSweepMetrics(base)
  // The first point against itself is no comparison: it has no differences.
  const results = points.map((p, i) => ({
    values: p.values,
    metrics: runs.summaries[i].bands(),
    ...(i > 0 ? { differencesFromFirst: runs.paired![i].results() } : {})
  }))
  const document = { spsimVersion, scenario: base.name, seed, replicates: options.replicates, axes: axes.map(({ path, values }) => ({ path, values })), points: results }
  if (options.out !== undefined) {
    yield* prepareOutDir(options.out)
    // After the columns it always had: how many replicates the point's figures are over (fewer than all for a figure
    // some leave out, as the cap's week) and how many pairs the difference is over; sweep.json has both as `replicates`
    // (a point's figure only when fewer than all, as compare.json's).
    const header = csvRow([...axes.map((a) => a.path), "metric", "mean", "p05", "p50", "p95", "p50Low", "p50High", "meanLow", "meanHigh", "differenceMean", "differenceMeanLow", "differenceMeanHigh", "replicates", "differenceReplicates"])
    const lines = results.flatMap((r) => Object.entries(r.metrics).map(([m, b]) => {
      const d = r.differencesFromFirst?.[m]
      const difference = d === undefined ? ["", "", ""] : [d.difference.mean, finiteOrEmpty(d.meanLow), finiteOrEmpty(d.meanHigh)]
      return csvRow([...r.values, m, b.mean, b.p05, b.p50, b.p95, b.p50Low ?? "", b.p50High ?? "", b.meanLow ?? "", b.meanHigh ?? "", ...difference, b.replicates ?? options.replicates, d?.replicates ?? ""])
    }))
    yield* writeFileAtomic(`${options.out}/sweep.csv`, `${[header, ...lines].join("\n")}\n`)
    yield* writeFileAtomic(`${options.out}/sweep.json`, `${JSON.stringify(document, null, 2)}\n`)
  }
  if (options.json) return yield* Console.log(JSON.stringify(document, null, 2))
  const rows = results.map((r) => [
    pointLabel(r.values),
    ...names.map((n) => {
      const b = r.metrics[n]
      if (b === undefined) return "-"
      // A chance: the share of replicates, with its own 95% interval. A figure some replicates leave out (the cap's
      // week) says how many it is over, as compare's table does.
      const value = isChance(n) ? centralText(n, b) : `${formatMetric(n, b.p50)} (${formatMetric(n, b.p05)} to ${formatMetric(n, b.p95)})`
      return `${value}${overReplicates(b, options.replicates)}`
    })
  ])
  const partly = results.some((r) => names.some((n) => r.metrics[n]?.replicates !== undefined))
  const differenceRows = results.slice(1).map((r) => [
    pointLabel(r.values),
    ...names.map((n) => {
      const d = r.differencesFromFirst?.[n]
      return d === undefined || !Number.isFinite(d.meanLow) ? "-" : `${formatDifference(n, d.difference.mean)} (${formatDifference(n, d.meanLow)} to ${formatDifference(n, d.meanHigh)})`
    })
  ])
  const first = pointLabel(results[0].values)
  // The figures whose differences cover only some pairs: those in which both points have it (for the cap's week, both reach the cap).
  const fewer = names.filter((n) => results.slice(1).some((r) => {
    const d = r.differencesFromFirst?.[n]
    return d !== undefined && coversFewerPairs(n, d.replicates, options.replicates)
  }))
  const pairsNotes = fewer.map((n) => `* ${n}: over the pairs in which both points ${pairedCondition(n)}: ` +
    results.slice(1).map((r) => `${r.differencesFromFirst?.[n]?.replicates ?? 0} of ${options.replicates} at ${pointLabel(r.values)}`).join(", ") + ".")
  yield* Console.log([
    `${base.name}: sweep of ${axes.map((a) => a.path).join(" × ")}, ${counted(options.replicates, "replicate")} per point on common random numbers, seed ${seed}`,
    "",
    textTable([axes.map((a) => a.path).join("; "), ...names.map((n) => (isChance(n) ? `${n} (chance, 95%)` : `${n} (median, 90%)`))], rows),
    ...(partly ? [`${overReplicatesLegend}.`] : []),
    ...[monteCarloError(options.replicates, results.flatMap((r) => names.map((n) => r.metrics[n])), "sweep.csv")].filter((line) => line !== ""),
    ...(differenceRows.length === 0 ? [] : [
      "",
      `Paired differences from the first point (${first}), replicate by replicate on the same people: mean difference and its 95% interval`,
      "",
      textTable([axes.map((a) => a.path).join("; "), ...names.map((n) => `${n} − at ${first}${fewer.includes(n) ? " *" : ""}`)], differenceRows),
      ...pairsNotes
    ])
  ].join("\n"))
}, Effect.scoped)
