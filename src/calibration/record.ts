/**
 * calibration.json: what a calibration was (command, settings, priors), how the sampler went (generations,
 * tolerances) and what it found (posterior summary, the calibrated set and its fit). No timings, so the same
 * command gives the same file. `spsim report --calibration` reads it back (CalibrationRecord).
 */
import { type Effect, Schema } from "effect"
import type { CalibrateOptions } from "./calibrate.ts"
import type { calibrate } from "./calibrate.ts"
import { targetMiss } from "./distance.ts"

type Calibration = Effect.Success<ReturnType<typeof calibrate>>

const Summary = Schema.Struct({ path: Schema.String, mean: Schema.Finite, p05: Schema.Finite, p50: Schema.Finite, p95: Schema.Finite })

export const CalibrationRecord = Schema.Struct({
  spsimVersion: Schema.String,
  command: Schema.String,
  method: Schema.String,
  scenario: Schema.String,
  targets: Schema.String,
  seed: Schema.Finite,
  settings: Schema.Struct({
    particles: Schema.Finite, alpha: Schema.Finite, minAcceptance: Schema.Finite, maxGenerations: Schema.Finite,
    replicates: Schema.Finite, spread: Schema.Finite
  }),
  priors: Schema.Array(Schema.Struct({ path: Schema.String, low: Schema.Finite, high: Schema.Finite, integer: Schema.Boolean })),
  generations: Schema.Array(Schema.Struct({
    generation: Schema.Finite, proposed: Schema.Finite, acceptance: Schema.NullOr(Schema.Finite), epsilon: Schema.Finite, kept: Schema.Finite
  })),
  stopped: Schema.String,
  posterior: Schema.Struct({
    sets: Schema.Finite,
    /** The largest distance among the posterior's sets. */
    tolerance: Schema.Finite,
    /** Effective sample size of the weights, (Σw)² / Σw². */
    effectiveSize: Schema.Finite,
    parameters: Schema.Array(Summary),
    /** Per target: the weighted share of posterior sets whose simulated median lies within its range. */
    targets: Schema.Array(Schema.Struct({ name: Schema.String, withinRange: Schema.Finite }))
  }),
  calibrated: Schema.Struct({
    particle: Schema.String,
    distance: Schema.Finite,
    values: Schema.Record(Schema.String, Schema.Finite),
    targets: Schema.Array(Schema.Struct({ name: Schema.String, simulated: Schema.NullOr(Schema.Finite), match: Schema.Boolean }))
  })
})
export type CalibrationRecord = typeof CalibrationRecord.Type

/** The command line that repeats a calibration. */
export const commandLine = (o: Omit<CalibrateOptions, "onProgress">, seed: number): string =>
  [
    "spsim calibrate", o.scenarioFile, o.targetsFile, ...(o.params !== undefined ? [`--params ${o.params.join(",")}`] : []),
    ...(o.priorsFrom !== undefined ? [`--priors ${o.priorsFrom}`] : []),
    `--particles ${o.particles}`, `--alpha ${o.alpha}`, `--min-acceptance ${o.minAcceptance}`, `--generations ${o.maxGenerations}`,
    `--replicates ${o.replicates}`, `--spread ${o.spread}`, `--seed ${seed}`
  ].join(" ")

export const calibrationRecord = (o: Omit<CalibrateOptions, "onProgress">, r: Calibration, version: string): CalibrationRecord => ({
  spsimVersion: version,
  command: commandLine(o, r.seed),
  method: "ABC-SMC (population Monte Carlo, Beaumont et al. 2009) with adaptive tolerances (the alpha quantile of the last population's distances), " +
    "uniform priors, a Gaussian kernel of twice the weighted covariance, importance weights; distance = Euclidean norm of each " +
    "target's miss outside its range in half-widths, on the median over the replicates (common random numbers)",
  scenario: o.scenarioFile,
  targets: o.targetsFile,
  seed: r.seed,
  settings: { particles: o.particles, alpha: o.alpha, minAcceptance: o.minAcceptance, maxGenerations: o.maxGenerations, replicates: o.replicates, spread: o.spread },
  priors: r.priors,
  generations: r.result.generations,
  stopped: r.result.stopped,
  posterior: {
    sets: r.result.particles.length,
    tolerance: Math.max(...r.result.particles.map((p) => p.distance)),
    effectiveSize: 1 / Array.from(r.posterior.weights).reduce((s, w) => s + w * w, 0),
    parameters: r.summary,
    targets: r.targets.targets.map((t, k) => ({
      name: t.name,
      withinRange: r.result.particles.reduce((s, p, i) => s + (targetMiss(p.simulated[k], t) === 0 ? r.posterior.weights[i] : 0), 0)
    }))
  },
  calibrated: {
    particle: `${r.chosen.generation}/${r.chosen.index}`,
    distance: r.chosen.distance,
    values: Object.fromEntries(r.priors.map((p, j) => [p.path, r.chosen.set[j]])),
    targets: r.targets.targets.map((t, k) => {
      const simulated = r.chosen.simulated[k]
      return { name: t.name, simulated: Number.isFinite(simulated) ? simulated : null, match: targetMiss(simulated, t) === 0 }
    })
  }
})
