/**
 * Approximate Bayesian computation by sequential Monte Carlo: the adaptive population Monte Carlo sampler
 * of Lenormand, Jabot & Deffuant (2013, Computational Statistics 28:2777), which builds on Beaumont et al.
 * (2009, Biometrika 96:983).
 *
 * Generation 0 draws `particles` parameter sets from the priors (a Latin hypercube) and keeps the share
 * `alpha` closest to the targets; the tolerance is the largest distance kept. Each later generation draws
 * `particles − kept` new sets by picking a kept particle by weight and moving it with a Gaussian kernel of
 * twice the particles' weighted covariance (redrawn if it leaves the priors), weighs each new set by prior
 * density over proposal density, pools them with the kept ones and again keeps the closest share: the
 * tolerance falls generation by generation. It stops when every kept particle lies within every target's
 * range (tolerance 0), when fewer than `minAcceptance` of a generation's new sets beat the previous
 * tolerance (it has converged as far as the model can reach), or after `maxGenerations`.
 *
 * The numbers are plain; simulating the sets is the caller's `evaluate` (an Effect, so that it may run on
 * worker threads). Given the same uniform stream and the same evaluations, the result is the same.
 */
import { Effect } from "effect"
import type { Uniform } from "../model/random.ts"
import { type GaussianKernel, logKernelDensity, perturb, perturbationKernel } from "./kernel.ts"
import { drawPriorSamples, insidePriors, logPriorDensity, type Prior } from "./priors.ts"

export interface SmcOptions {
  /** Parameter sets per generation (kept plus new). */
  readonly particles: number
  /** Share of the pooled particles kept each generation (0.5 in Lenormand et al.). */
  readonly alpha: number
  /** Stop once fewer than this share of a generation's new sets fall within the previous tolerance. */
  readonly minAcceptance: number
  /** Generations after the first, at most. */
  readonly maxGenerations: number
}

/** What simulating one parameter set gave: its distance to the targets and each target's simulated value. */
export interface Evaluation {
  readonly distance: number
  readonly simulated: ReadonlyArray<number>
}

export interface Particle {
  /** Generation and place in it where the set was drawn: a stable name for it. */
  readonly generation: number
  readonly index: number
  readonly set: Float64Array
  /** Importance weight, prior density over proposal density (not normalised). */
  readonly weight: number
  readonly distance: number
  readonly simulated: ReadonlyArray<number>
}

export interface GenerationRecord {
  readonly generation: number
  /** New parameter sets simulated in this generation. */
  readonly proposed: number
  /** Share of them within the previous tolerance (none for generation 0). */
  readonly acceptance: number | null
  /** The tolerance after this generation: the largest distance kept. */
  readonly epsilon: number
  readonly kept: number
}

export type StopReason = "tolerance reached 0: every kept set is within every target's range" | "acceptance below the minimum" | "generation limit"

export interface SmcResult {
  readonly particles: ReadonlyArray<Particle>
  readonly generations: ReadonlyArray<GenerationRecord>
  readonly stopped: StopReason
}

/** Keep the `keep` closest particles (all those tied with the last one too); the tolerance is the largest kept distance. */
const selectClosest = (pool: ReadonlyArray<Particle>, keep: number) => {
  const sorted = [...pool].sort((a, b) => a.distance - b.distance || a.generation - b.generation || a.index - b.index)
  const epsilon = sorted[Math.min(keep, sorted.length) - 1].distance
  return { kept: sorted.filter((p) => p.distance <= epsilon), epsilon }
}

/** Index drawn in proportion to weights. */
const pickByWeight = (cumulative: Float64Array, uniform: Uniform): number => {
  const u = uniform() * cumulative[cumulative.length - 1]
  let lo = 0
  let hi = cumulative.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (cumulative[mid] > u) hi = mid
    else lo = mid + 1
  }
  return lo
}

const MAX_TRIES = 100_000

/** A new set from the kernel around a kept particle, within the priors, with its importance weight. */
const propose = (
  priors: ReadonlyArray<Prior>, kept: ReadonlyArray<Particle>, cumulative: Float64Array, kernel: GaussianKernel, uniform: Uniform
): { set: Float64Array; weight: number } => {
  for (let tries = 0; tries < MAX_TRIES; tries++) {
    const parent = kept[pickByWeight(cumulative, uniform)]
    const set = perturb(kernel, parent.set, uniform)
    priors.forEach((p, j) => {
      if (p.integer) set[j] = Math.round(set[j])
    })
    if (!insidePriors(priors, set)) continue
    const total = cumulative[cumulative.length - 1]
    // log Σ_j w̃_j K(set | θ_j), by log-sum-exp.
    const terms = kept.map((p) => Math.log(p.weight / total) + logKernelDensity(kernel, set, p.set))
    const top = Math.max(...terms)
    const logProposal = top + Math.log(terms.reduce((s, t) => s + Math.exp(t - top), 0))
    return { set, weight: Math.exp(logPriorDensity(priors) - logProposal) }
  }
  throw new Error(`the perturbation kernel left the priors ${MAX_TRIES} times in a row`)
}

export const runSmc = Effect.fnUntraced(function*<E, R>(
  priors: ReadonlyArray<Prior>,
  options: SmcOptions,
  uniform: Uniform,
  evaluate: (sets: ReadonlyArray<Float64Array>, generation: number) => Effect.Effect<ReadonlyArray<Evaluation>, E, R>
): Effect.fn.Return<SmcResult, E, R> {
  const keep = Math.max(2, Math.floor(options.alpha * options.particles))
  const fresh = options.particles - keep
  // The smallest kernel variance allowed per parameter: a thousandth of its prior range, squared.
  const floor = priors.map((p) => ((p.high - p.low) / 1000) ** 2 || 1e-12)
  const first = drawPriorSamples(priors, options.particles, uniform)
  const firstEvaluations = yield* evaluate(first, 0)
  let { kept, epsilon } = selectClosest(first.map((set, index) => ({ generation: 0, index, set, weight: 1, ...firstEvaluations[index] })), keep)
  const generations: Array<GenerationRecord> = [{ generation: 0, proposed: first.length, acceptance: null, epsilon, kept: kept.length }]
  for (let generation = 1; ; generation++) {
    if (epsilon === 0) return { particles: kept, generations, stopped: "tolerance reached 0: every kept set is within every target's range" }
    if (generation > options.maxGenerations || fresh <= 0) return { particles: kept, generations, stopped: "generation limit" }
    const kernel = perturbationKernel(kept.map((p) => p.set), kept.map((p) => p.weight), floor)
    const cumulative = new Float64Array(kept.length)
    kept.forEach((p, i) => (cumulative[i] = (i > 0 ? cumulative[i - 1] : 0) + p.weight))
    const proposals = Array.from({ length: fresh }, () => propose(priors, kept, cumulative, kernel, uniform))
    const evaluations = yield* evaluate(proposals.map((p) => p.set), generation)
    const added = proposals.map((p, index): Particle => ({ generation, index, set: p.set, weight: p.weight, ...evaluations[index] }))
    const acceptance = added.filter((p) => p.distance <= epsilon).length / fresh
    ;({ kept, epsilon } = selectClosest([...kept, ...added], keep))
    generations.push({ generation, proposed: fresh, acceptance, epsilon, kept: kept.length })
    if (acceptance < options.minAcceptance) return { particles: kept, generations, stopped: "acceptance below the minimum" }
  }
})
