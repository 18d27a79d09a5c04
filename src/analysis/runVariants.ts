/**
 * Runs several scenario variants on common random numbers (replicate i of every variant uses the streams of
 * (seed, i)) on one pool of workers, gathering each variant's bands and, when asked, its paired differences
 * from the first variant as replicates arrive.
 */
import { Effect, Stream } from "effect"
import { runRequests } from "../ensemble/pool.ts"
import type { Metrics } from "../results/metrics.ts"
import { RunningSummary } from "../results/summary.ts"
import { PairedAccumulator } from "./paired.ts"
import type { Scenario } from "../scenario/schema.ts"
import { InputError } from "../scenario/errors.ts"
import { type Posterior, scenarioForReplicate } from "../calibration/posterior.ts"
import { metricNames } from "../results/metricNames.ts"
import { didYouMean, suggestNames } from "../scenario/closestName.ts"

export interface VariantRun {
  readonly seed: number
  readonly replicates: number
  /** Compute lanes (see src/ensemble/pool.ts); undefined: all cores for 50 runs or more, else this thread. */
  readonly workers?: number | undefined
  /** Called after each replicate, with replicates done and the total, for progress reports. */
  readonly onProgress?: (done: number, total: number) => void
  /** Parameter uncertainty: replicate i of every variant runs with the same draw from this posterior (still paired). */
  readonly posterior?: Posterior | undefined
}

/** What every analysis command (compare, sweep, sensitivity) takes besides its own inputs. */
export interface AnalysisOptions {
  readonly seed: number | undefined
  readonly replicates: number
  readonly json: boolean
  readonly out: string | undefined
  readonly workers: number | undefined
  readonly quiet: boolean
}

const noRows = { weekly: false, people: false, contracts: false }

/** Words someone may write for the metrics' own: dropout is what the metrics call disengaged. */
const metricSynonyms: Readonly<Record<string, string>> = { dropout: "disengaged", drop: "disengaged", attrition: "disengaged" }

/**
 * `--metric` checked before a run that may take minutes: an empty list, or a name none of `probes` (the scenarios
 * whose contracts and population groups the run's variants share) can give (`metricNames`, the figures a replicate
 * may have, including those some replicates leave out). `unknownMetrics` checks again after.
 */
export const metricsNotFound = (asked: ReadonlyArray<string> | undefined, probes: ReadonlyArray<Scenario>): InputError | undefined => {
  if (asked === undefined) return undefined
  if (asked.length === 0) return new InputError({ problems: ["--metric: expected one or more metric names, comma-separated (names as in summary.json)"] })
  const known = new Set(probes.flatMap((scenario) => [...metricNames(scenario)]))
  const missing = asked.filter((name) => !known.has(name))
  const suggestion = (name: string): string => {
    const text = didYouMean(suggestNames(name, known, { synonyms: metricSynonyms }))
    return text === "" ? "" : `; ${text}`
  }
  return missing.length === 0 ? undefined : new InputError({ problems: missing.map((name) => `--metric: no metric "${name}" in the results${suggestion(name)} (names as in summary.json)`) })
}

/** The metrics asked for by `--metric` that no variant produced, as a bad-input error (undefined if all exist). */
export const unknownMetrics = (asked: ReadonlyArray<string> | undefined, summaries: ReadonlyArray<RunningSummary>): InputError | undefined => {
  const missing = (asked ?? []).filter((name) => summaries.every((s) => s.total(name) === undefined))
  return missing.length === 0 ? undefined : new InputError({ problems: missing.map((name) => `--metric: no metric "${name}" in the results (see summary.json for names)`) })
}

/** What a run of variants leaves: each variant's bands, and with `paired`, each variant's differences from the first. */
export interface VariantResults {
  readonly summaries: ReadonlyArray<RunningSummary>
  /** Variant k against variant 0, replicate by replicate (present when asked for). */
  readonly paired: ReadonlyArray<PairedAccumulator> | undefined
}

/**
 * Results arrive in the order asked for. Paired, replicates are asked for replicate by replicate (every variant
 * of replicate 0, then of replicate 1, …), so each replicate's variants are paired as soon as they are all in and
 * nothing more is kept; unpaired (sensitivity), variant by variant, so that a worker's cache of prepared
 * scenarios (`respond.ts`) keeps the one it is running (preparing one afresh costs ~1 ms, ~4% of a replicate,
 * when hundreds of tornado variants take turns). Either way memory stays bounded however many replicates.
 */
export const runVariants = Effect.fnUntraced(function*(variants: ReadonlyArray<Scenario>, run: VariantRun & { readonly paired?: boolean }) {
  const count = variants.length
  const total = count * run.replicates
  const summaries = variants.map(() => new RunningSummary())
  const current: Array<Metrics> = new Array(count)
  let done = 0
  const workers = run.workers ?? (total >= 50 ? undefined : 1)
  const paired = run.paired === true ? variants.map(() => new PairedAccumulator()) : undefined
  const variantOf = (i: number) => (paired !== undefined ? i % count : Math.floor(i / run.replicates))
  const replicateOf = (i: number) => (paired !== undefined ? Math.floor(i / count) : i % run.replicates)
  const request = (i: number) => {
    const variant = variants[variantOf(i)]
    const replicate = replicateOf(i)
    const scenario = run.posterior === undefined ? variant : scenarioForReplicate(variant, run.posterior, run.seed, replicate)
    return { scenario, seed: run.seed, replicate, rows: noRows }
  }
  yield* Stream.runForEach(runRequests(total, request, { workers }), (r) =>
    Effect.sync(() => {
      const variant = variantOf(done)
      current[variant] = r.metrics
      summaries[variant].add(r.replicate, r.metrics)
      if (variant === count - 1 && paired !== undefined) {
        for (let k = 0; k < count; k++) paired[k].add(r.replicate, current[0], current[k])
      }
      done++
      run.onProgress?.(done, total)
    }))
  const results: VariantResults = { summaries, paired }
  return results
})
