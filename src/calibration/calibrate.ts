/**
 * `spsim calibrate SCENARIO TARGETS`: approximate Bayesian computation (rejection, Latin-hypercube prior
 * draws) over the free parameters — by default those declared calibratable — each within its default ±
 * `spread` (and its declared range), every draw run on the same replicate seeds. Gives the calibrated
 * scenario (each parameter at its posterior median) and the accepted parameter sets (the posterior).
 */
import seedrandom from "seedrandom"
import { Effect, Schema, Stream } from "effect"
import { swingOf } from "../analysis/sensitivity.ts"
import { runRequests } from "../ensemble/pool.ts"
import { weeklyHeader } from "../results/tables.ts"
import { seriesFromCsv } from "../results/weeklyBands.ts"
import { findParameter, getAtPath, listParameters, withAtPath } from "../scenario/parameters.ts"
import { loadDocument } from "../scenario/load.ts"
import { loadScenario } from "../scenario/loadScenario.ts"
import { Scenario } from "../scenario/schema.ts"
import { InputError } from "../scenario/errors.ts"
import { acceptClosest, distance, drawPriorSamples, type Prior } from "./abc.ts"
import { evaluateTargets, type ReplicateRecord, seriesNeeded } from "./report.ts"
import { Targets } from "./targets.ts"

export interface CalibrateOptions {
  readonly scenarioFile: string
  readonly targetsFile: string
  readonly params: ReadonlyArray<string> | undefined
  readonly samples: number
  readonly acceptShare: number
  readonly spread: number
  readonly replicates: number
  readonly seed: number | undefined
  readonly workers: number | undefined
  readonly onProgress?: (done: number, total: number) => void
}

export const calibrate = Effect.fn("calibrate")(function*(options: CalibrateOptions) {
  const base = yield* loadScenario(options.scenarioFile)
  const targets = yield* loadDocument(Targets, options.targetsFile)
  const paths = options.params ?? listParameters().filter((p) => p.calibratable && !p.perElement).map((p) => p.path)
  const problems = paths.filter((p) => findParameter(p)?.perElement !== false).map((p) => `--params: "${p}" is not a single-valued numeric parameter (see docs/parameters.md)`)
  if (problems.length > 0) return yield* new InputError({ problems })
  const priors: Array<Prior> = paths.map((path) => {
    const info = findParameter(path)!
    const s = swingOf(info, getAtPath(base, path) as number, options.spread)
    return { path, low: s.low, high: s.high, integer: info.integer }
  })
  const seed = options.seed ?? base.seed
  const sets = drawPriorSamples(priors, options.samples, seedrandom.xor4096(`spsim:abc:${seed}`))
  const variants = sets.map((set) => priors.reduce((s, p, j) => withAtPath(s, p.path, set[j]), base))
  const series = seriesNeeded(targets)
  const R = options.replicates
  const records: Array<Array<ReplicateRecord>> = variants.map(() => [])
  const total = variants.length * R
  let done = 0
  const request = (i: number) => ({
    scenario: variants[Math.floor(i / R)], seed, replicate: i % R, rows: { weekly: series.length > 0, people: false, contracts: false }
  })
  yield* Stream.runForEach(runRequests(total, request, { workers: options.workers ?? (total >= 50 ? undefined : 1) }), (r) =>
    Effect.sync(() => {
      const H = base.horizonWeeks
      const values = seriesFromCsv(r.weeklyCsv ?? "", weeklyHeader, series, H)
      records[Math.floor(done / R)].push({ metrics: r.metrics, weekly: new Map(series.map((n, k) => [n, values.subarray(k * H, (k + 1) * H)])) })
      done++
      options.onProgress?.(done, total)
    }))
  const scales = targets.targets.map((t) => ({ published: t.published, halfRange: (t.high - t.low) / 2 }))
  const simulated = variants.map((v, i) => evaluateTargets(targets, v, records[i]).map((r) => r.simulated?.p50 ?? Number.NaN))
  const distances = simulated.map((s) => distance(s, scales))
  const posterior = acceptClosest(priors, sets, distances, options.acceptShare)
  const calibrated = Schema.decodeUnknownSync(Scenario)(priors.reduce(
    (s, p, j) => withAtPath(s, p.path, p.integer ? Math.round(posterior.summary[j].p50) : posterior.summary[j].p50),
    { ...base, description: `${base.description} Calibrated by spsim calibrate to ${options.targetsFile} (${options.samples} draws, ${options.acceptShare * 100}% accepted): ${paths.join(", ")} at their posterior medians.` }
  ))
  return { base, targets, priors, sets, distances, simulated, posterior, calibrated }
})
