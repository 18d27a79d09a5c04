/**
 * `spsim compare A.json B.json [C.json …]`: the same replicate seeds in each scenario (common random
 * numbers), each metric per scenario, and the paired difference of each against the first with its interval.
 * Comparing a scenario with itself gives exactly zero difference.
 */
import { Console, Effect } from "effect"
import { defaultCompareMetrics } from "../analysis/defaultMetrics.ts"
import { noRatioReason, type PairedDifference, type PairedRatio } from "../analysis/paired.ts"
import { type AnalysisOptions, metricsNotFound, runVariants, unknownMetrics } from "../analysis/runVariants.ts"
import { checkOutDir, prepareOutDir } from "./outDir.ts"
import { type Band, isChance } from "../results/summary.ts"
import { InputError } from "../scenario/errors.ts"
import { loadScenario } from "../scenario/loadScenario.ts"
import type { Scenario } from "../scenario/schema.ts"
import { spsimVersion } from "../version.ts"
import { writeFileAtomic } from "../io/atomicWrite.ts"
import { centralText, coversFewerPairs, formatDifference, formatValue, overReplicates, overReplicatesLegend, pairedCondition, textTable } from "./format.ts"
import { progressBar } from "./progress.ts"
import { scenarioHash } from "./runScenario.ts"
import { loadPosterior } from "../calibration/posteriorFile.ts"
import { parameterUncertainty } from "../calibration/posterior.ts"

export interface CompareOptions extends AnalysisOptions {
  readonly files: ReadonlyArray<string>
  readonly metrics: ReadonlyArray<string> | undefined
  /** posterior.csv: replicate i of every scenario draws the same parameter set from it. */
  readonly posterior?: string | undefined
}

export const compareScenarios = Effect.fn("compareScenarios")(function*(options: CompareOptions) {
  if (options.files.length < 2) {
    return yield* new InputError({ problems: [`compare: expected two or more scenario files (the others are compared with the first), found ${options.files.length}: ${options.files.join(" ")}`] })
  }
  const scenarios: Array<Scenario> = []
  for (const file of options.files) scenarios.push(yield* loadScenario(file))
  const seed = options.seed ?? scenarios[0].seed
  const posterior = options.posterior === undefined ? undefined : yield* loadPosterior(options.posterior)
  const notFound = metricsNotFound(options.metrics, scenarios)
  if (notFound !== undefined) return yield* notFound
  if (options.out !== undefined) yield* checkOutDir(options.out)
  const progress = progressBar("compare", options.quiet)
  const runs = yield* runVariants(scenarios, { seed, replicates: options.replicates, workers: options.workers, onProgress: progress.update, posterior, paired: true })
  progress.finish()
  const unknown = unknownMetrics(options.metrics, runs.summaries)
  if (unknown !== undefined) return yield* unknown
  const bands = runs.summaries.map((s) => s.bands())
  const differences = runs.paired!.map((p) => p.results())
  const ratios = runs.paired!.map((p) => p.ratios())
  const names = options.metrics ?? defaultCompareMetrics(scenarios)
  // A figure with no ratio (a week of the contract, an IRR) has null ratios and a note saying why, as summary.json's
  // `notes` say why a figure is absent.
  const metrics: Record<string, {
    perScenario: Array<Band | null>; differences: Array<PairedDifference | null>; ratios: Array<PairedRatio | null>; ratiosNote?: string
  }> = {}
  for (const name of Object.keys(bands[0])) {
    const ratiosNote = noRatioReason(name)
    metrics[name] = {
      perScenario: bands.map((b) => b[name] ?? null),
      differences: differences.slice(1).map((d) => d[name] ?? null),
      ratios: ratios.slice(1).map((r) => r[name] ?? null),
      ...(ratiosNote !== undefined ? { ratiosNote } : {})
    }
  }
  const document = {
    spsimVersion,
    seed,
    replicates: options.replicates,
    scenarios: scenarios.map((s, i) => ({ file: options.files[i], name: s.name, hash: scenarioHash(s) })),
    comparedWith: scenarios[0].name,
    ...(posterior !== undefined ? { parameterUncertainty: parameterUncertainty(options.posterior!, posterior) } : {}),
    metrics
  }
  if (options.out !== undefined) {
    yield* prepareOutDir(options.out)
    yield* writeFileAtomic(`${options.out}/compare.json`, `${JSON.stringify(document, null, 2)}\n`)
  }
  if (options.json) return yield* Console.log(JSON.stringify(document, null, 2))
  const labels = scenarios.map((s) => s.name)
  const percent = (x: number) => formatValue(x, "share")
  const shown = names.filter((n) => n in metrics)
  const n = options.replicates
  // One table of each scenario's figures, then one per scenario against the first: a few columns each, however many scenarios.
  // A figure some replicates leave out (the week the cap is reached) says how many it is over, as `spsim run`'s contracts table does.
  const cell = (name: string, b: Band | null) => (b === null ? "-" : `${centralText(name, b)}${overReplicates(b, n)}`)
  const values = textTable(["", ...labels], shown.map((name) => [name, ...metrics[name].perScenario.map((b) => cell(name, b))]))
  const partly = shown.some((name) => metrics[name].perScenario.some((b) => b?.replicates !== undefined))
  const against = labels.slice(1).map((label, k) => {
    // The figures whose difference covers only some pairs: those both scenarios have (for the cap's week, both reach the cap).
    const fewer = shown.filter((name) => {
      const d = metrics[name].differences[k]
      return d !== null && coversFewerPairs(name, d.replicates, n)
    })
    const rows = shown.map((name) => {
      const d = metrics[name].differences[k]
      const r = metrics[name].ratios[k]
      // Differences of shares and chances in percentage points; of the cap's week, in weeks.
      const f = (v: number) => formatDifference(name, v)
      return [
        fewer.includes(name) ? `${name} *` : name,
        // A chance's difference is −1, 0 or 1 in each pair: its median is no typical value, its mean is the difference in chance.
        d === null || isChance(name) ? "-" : `${f(d.difference.p50)} (${f(d.difference.p05)} to ${f(d.difference.p95)})`,
        d === null || !Number.isFinite(d.meanLow) ? "-" : `${f(d.difference.mean)} (${f(d.meanLow)} to ${f(d.meanHigh)})`,
        // B as a share of A, replicate by replicate (where A is not 0; none for a week or an IRR).
        r === null ? "-" : `${percent(r.ratio.mean)}${Number.isFinite(r.meanLow) ? ` (${percent(r.meanLow)} to ${percent(r.meanHigh)})` : ""}`
      ]
    })
    const notes = [
      ...fewer.map((name) => `* ${name}: over the ${metrics[name].differences[k]!.replicates} of ${n} pairs in which both scenarios ${pairedCondition(name)}.`),
      ...(shown.some((name) => isChance(name) && metrics[name].differences[k] !== null)
        ? ["A chance's difference is its mean only: in each pair it is −1, 0 or 1, so its median is no typical value."]
        : []),
      ...(shown.some((name) => noRatioReason(name) !== undefined && metrics[name].differences[k] !== null)
        ? [`No ${label} / ${labels[0]} for a week of the contract or an IRR: their ratio means nothing.`]
        : [])
    ]
    return [
      "",
      `${label} − ${labels[0]}, replicate by replicate on the same people (shares and chances in percentage points):`,
      textTable(["", "difference: median (90% of replicates)", "mean (95% CI)", `${label} / ${labels[0]} (mean, 95% CI)`], rows),
      ...notes
    ].join("\n")
  })
  yield* Console.log([
    `${labels.join(" vs ")}: ${options.replicates} paired replicates (common random numbers), seed ${seed} (spsim ${spsimVersion})`,
    "",
    `Each scenario: the median over replicates (a chance: the share of replicates where it happened, and its 95% interval${partly ? `; ${overReplicatesLegend}` : ""})`,
    values,
    ...against,
    ...(document.parameterUncertainty !== undefined ? ["", `Intervals include parameter uncertainty: replicate i of every scenario drew the same set from ${document.parameterUncertainty.sets} posterior sets in ${options.posterior}.`] : [])
  ].join("\n"))
}, Effect.scoped)
