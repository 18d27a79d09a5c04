/**
 * The posterior: weighted parameter sets from the sampler. Summaries (weighted quantiles), the calibrated
 * point (the medoid), and the draw that gives replicate i of an ensemble its parameter set.
 */
import seedrandom from "seedrandom"
import type { Scenario } from "../scenario/schema.ts"
import { withAtPath } from "../scenario/parameters.ts"
import type { ParameterUncertainty } from "../results/document.ts"

export interface Posterior {
  /** Parameter paths, one per column of `sets`. */
  readonly paths: ReadonlyArray<string>
  readonly sets: ReadonlyArray<ArrayLike<number>>
  /** Normalised weights (summing to 1). */
  readonly weights: ArrayLike<number>
}

export interface ParameterSummary {
  readonly path: string
  readonly mean: number
  readonly p05: number
  readonly p50: number
  readonly p95: number
}

export const normalised = (weights: ArrayLike<number>): Float64Array => {
  let total = 0
  for (let i = 0; i < weights.length; i++) total += weights[i]
  return Float64Array.from(weights, (w) => w / total)
}

/** The smallest value whose cumulative weight reaches q. */
export const weightedQuantile = (values: ArrayLike<number>, weights: ArrayLike<number>, q: number): number => {
  const order = Array.from(values, (_, i) => i).sort((a, b) => values[a] - values[b] || a - b)
  let total = 0
  for (let i = 0; i < weights.length; i++) total += weights[i]
  let cumulative = 0
  for (const i of order) {
    cumulative += weights[i] / total
    if (cumulative >= q - 1e-12) return values[i]
  }
  return values[order[order.length - 1]]
}

export const summarisePosterior = (posterior: Posterior): Array<ParameterSummary> =>
  posterior.paths.map((path, j) => {
    const values = posterior.sets.map((s) => s[j])
    const w = normalised(posterior.weights)
    return {
      path,
      mean: values.reduce((s, x, i) => s + w[i] * x, 0),
      p05: weightedQuantile(values, w, 0.05),
      p50: weightedQuantile(values, w, 0.5),
      p95: weightedQuantile(values, w, 0.95)
    }
  })

/**
 * The posterior's medoid: the set with the least weighted distance to all the others, each parameter scaled
 * by its posterior standard deviation. Unlike a vector of marginal medians, it is a set the sampler actually
 * simulated and kept, so it respects the trade-offs between parameters (say, a higher referral rate with a
 * lower attendance).
 */
export const medoidIndex = (posterior: Posterior): number => {
  const w = normalised(posterior.weights)
  const d = posterior.paths.length
  const sd = posterior.paths.map((_, j) => {
    const mean = posterior.sets.reduce((s, x, i) => s + w[i] * x[j], 0)
    return Math.sqrt(posterior.sets.reduce((s, x, i) => s + w[i] * (x[j] - mean) ** 2, 0)) || 1
  })
  let best = 0
  let bestScore = Number.POSITIVE_INFINITY
  posterior.sets.forEach((a, i) => {
    let score = 0
    posterior.sets.forEach((b, k) => {
      let sq = 0
      for (let j = 0; j < d; j++) sq += ((a[j] - b[j]) / sd[j]) ** 2
      score += w[k] * Math.sqrt(sq)
    })
    if (score < bestScore) {
      bestScore = score
      best = i
    }
  })
  return best
}

/** The scenario with one parameter set applied (decode it, or let the ensemble runner, to check ranges). */
export const withParameterSet = (scenario: Scenario, paths: ReadonlyArray<string>, set: ArrayLike<number>): Scenario =>
  paths.reduce((s, path, j) => withAtPath(s, path, set[j]), scenario)

/**
 * Which posterior set replicate i of an ensemble with this seed uses: drawn by weight from a stream of its
 * own, keyed by (seed, i), so the choice does not depend on the number of workers or on other replicates.
 */
export const posteriorIndexFor = (posterior: Posterior, seed: number, replicate: number): number => {
  const w = normalised(posterior.weights)
  const u = seedrandom.xor4096(`spsim:posterior:${seed}:${replicate}`)()
  let cumulative = 0
  for (let i = 0; i < w.length; i++) {
    cumulative += w[i]
    if (u < cumulative) return i
  }
  return w.length - 1
}

/** The scenario replicate i runs when an ensemble carries parameter uncertainty: its own draw from the posterior. */
export const scenarioForReplicate = (scenario: Scenario, posterior: Posterior, seed: number, replicate: number): Scenario =>
  withParameterSet(scenario, posterior.paths, posterior.sets[posteriorIndexFor(posterior, seed, replicate)])

export const parameterUncertainty = (file: string, posterior: Posterior): ParameterUncertainty => ({
  posterior: file,
  sets: posterior.sets.length,
  parameters: posterior.paths,
  note: `Each replicate i ran with a parameter set drawn by weight from ${file} (the draw keyed by seed and i), ` +
    "so the bands show uncertainty about these parameters as well as chance."
})
