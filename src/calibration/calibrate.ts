/**
 * `spsim calibrate SCENARIO TARGETS`: approximate Bayesian computation by sequential Monte Carlo (smc.ts)
 * over the free parameters — by default those declared calibratable — each with a uniform prior over its
 * default ± `spread` (within its declared range). Every parameter set is simulated on the same replicate
 * seeds (common random numbers) and scored by the median over those replicates of each target. Gives the
 * posterior (weighted parameter sets) and the calibrated scenario (the posterior's medoid).
 */
import seedrandom from "seedrandom"
import { Effect, Schema, Stream } from "effect"
import { swingOf } from "../analysis/sensitivity.ts"
import { defaultWorkers, runRequests } from "../ensemble/pool.ts"
import { weeklyHeader } from "../results/tables.ts"
import { seriesFromCsv } from "../results/weeklyBands.ts"
import { findParameter, getAtPath, isSetAt, listParameters } from "../scenario/parameters.ts"
import { loadDocument } from "../scenario/load.ts"
import { loadScenario } from "../scenario/loadScenario.ts"
import { Scenario } from "../scenario/schema.ts"
import { InputError } from "../scenario/errors.ts"
import { distance } from "./distance.ts"
import { medoidIndex, normalised, type Posterior, summarisePosterior, withParameterSet } from "./posterior.ts"
import type { Prior } from "./priors.ts"
import { evaluateTargets, type ReplicateRecord, seriesNeeded } from "./report.ts"
import { type Evaluation, mostProposals, runSmc, type SmcOptions } from "./smc.ts"
import { loadTargets } from "./targets.ts"
import { metricNames } from "../results/metricNames.ts"
import { CalibrationRecord } from "./record.ts"

export interface CalibrateOptions extends SmcOptions {
  readonly scenarioFile: string
  readonly targetsFile: string
  readonly params: ReadonlyArray<string> | undefined
  /** calibration.json of an earlier calibration: take its priors (paths and ranges) instead of default ± spread. */
  readonly priorsFrom?: string | undefined
  readonly spread: number
  readonly replicates: number
  readonly seed: number | undefined
  readonly workers: number | undefined
  /** Simulations done, and the most the run can take (it may stop earlier). */
  readonly onProgress?: (done: number, most: number) => void
}

/** The calibratable parameters: assumed (or weakly sourced) values the published targets inform. */
export const calibratablePaths = (): Array<string> => listParameters().filter((p) => p.calibratable && !p.perElement).map((p) => p.path)

export const calibrate = Effect.fn("calibrate")(function*(options: CalibrateOptions) {
  const base = yield* loadScenario(options.scenarioFile)
  // Checked against the scenario before anything runs: a series or metric it cannot give is bad input (exit code 2).
  const targets = yield* loadTargets(options.targetsFile, base)
  if (options.priorsFrom !== undefined && options.params !== undefined) {
    return yield* new InputError({ problems: ["--priors and --params: expected one of them (the priors file names its parameters), found both"] })
  }
  const earlier = options.priorsFrom === undefined ? undefined : yield* loadDocument(CalibrationRecord, options.priorsFrom, "calibration")
  // By default every calibratable parameter the scenario sets (an optional term it leaves out has no value to start from).
  const paths = earlier?.priors.map((p) => p.path) ?? options.params ?? calibratablePaths().filter((p) => isSetAt(base, p))
  const flag = earlier === undefined ? "--params" : `--priors ${options.priorsFrom}`
  const problems = paths.filter((p) => findParameter(p)?.perElement !== false).map((p) => `${flag}: expected a single-valued numeric parameter (see docs/parameters.md), found "${p}"`)
  if (earlier === undefined) {
    for (const p of paths) {
      if (findParameter(p)?.perElement === false && !isSetAt(base, p)) problems.push(`${flag}: "${p}": expected a value in the scenario to start from, found none (an optional term left out); set it in the file first`)
    }
  }
  earlier?.priors.forEach((p) => {
    const info = findParameter(p.path)
    if (info !== undefined && !(p.low >= info.min && p.high <= info.max && p.low <= p.high)) {
      problems.push(`${flag}: prior of "${p.path}": expected a range within ${info.min} – ${info.max}, found ${p.low} – ${p.high}`)
    }
  })
  if (problems.length > 0) return yield* new InputError({ problems })
  const priors: Array<Prior> = earlier?.priors.map((p) => ({ ...p })) ?? paths.map((path) => {
    const info = findParameter(path)!
    const s = swingOf(info, getAtPath(base, path) as number, options.spread)
    return { path, low: s.low, high: s.high, integer: info.integer }
  })
  const seed = options.seed ?? base.seed
  const series = seriesNeeded(targets)
  const R = options.replicates
  const H = base.horizonWeeks
  const most = R * mostProposals(options)
  let done = 0

  // Unless a target is a contract's figure, the simulations leave the contracts out, as they bear on no target (the
  // calibrated scenario keeps them).
  const uncontracted: Scenario = { ...base, contracts: [] }
  const withoutContracts = metricNames(uncontracted)
  const runOn = targets.targets.every((t) => t.kind !== "metric" || withoutContracts.has(t.metric)) ? uncontracted : base

  /** Each set's R replicates on the same seeds; its distance from the targets' medians over them. */
  const evaluate = (sets: ReadonlyArray<Float64Array>) =>
    Effect.gen(function*() {
      const variants = sets.map((set) => withParameterSet(runOn, paths, set))
      const records: Array<Array<ReplicateRecord>> = variants.map(() => [])
      const total = variants.length * R
      const request = (i: number) => ({
        scenario: variants[Math.floor(i / R)], seed, replicate: i % R, rows: { weekly: series.length > 0, people: false, contracts: false }
      })
      let received = 0
      yield* Stream.runForEach(runRequests(total, request, { workers: options.workers ?? (total >= 50 ? defaultWorkers() : 1) }), (r) =>
        Effect.sync(() => {
          const values = seriesFromCsv(r.weeklyCsv ?? "", weeklyHeader, series, H)
          records[Math.floor(received / R)].push({ metrics: r.metrics, weekly: new Map(series.map((n, k) => [n, values.subarray(k * H, (k + 1) * H)])) })
          received++
          options.onProgress?.(++done, most)
        }))
      return variants.map((v, i): Evaluation => {
        const simulated = evaluateTargets(targets, v, records[i]).map((r) => r.simulated?.p50 ?? Number.NaN)
        return { distance: distance(simulated, targets.targets), simulated }
      })
    })

  const result = yield* runSmc(priors, options, seedrandom.xor4096(`spsim:calibrate:${seed}`), evaluate)
  const posterior: Posterior = { paths, sets: result.particles.map((p) => p.set), weights: normalised(result.particles.map((p) => p.weight)) }
  const summary = summarisePosterior(posterior)
  const medoid = medoidIndex(posterior)
  const chosen = result.particles[medoid]
  // The calibrated file says where its new values come from (spsim provenance), each at its parameter's own confidence.
  const fitted = withParameterSet(base, paths, chosen.set)
  const stated = Object.fromEntries(paths.map((p) => [p, {
    source: `calibrated to ${options.targetsFile} by spsim calibrate (ABC-SMC, seed ${seed}): the posterior's medoid; calibration.json records the run`,
    confidence: findParameter(p)?.confidence ?? "assumed"
  }]))
  const calibrated = Schema.decodeUnknownSync(Scenario)({ ...fitted, sources: { ...fitted.sources, ...stated } })
  return { base, targets, priors, seed, result, posterior, summary, medoid, chosen, calibrated }
})
