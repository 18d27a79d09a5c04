/**
 * Approximate Bayesian computation by sequential Monte Carlo: the population Monte Carlo sampler of
 * Beaumont, Cornuet, Marin & Robert (2009, Biometrika 96:983; also Toni et al. 2009), with each generation's
 * tolerance the `alpha` quantile of the last population's distances (Del Moral, Doucet & Jasra 2012).
 *
 * Generation 0 draws `particles / alpha` sets from the priors (a Latin hypercube) and keeps the `particles`
 * closest to the targets. Each later generation lowers the tolerance to the `alpha` quantile of the last
 * population's distances, then draws new sets — a particle of the last population picked by weight, moved by
 * a Gaussian kernel of twice the population's weighted covariance, redrawn if it leaves the priors — in
 * batches until `particles` of them lie within the tolerance; each is weighed by prior density over
 * proposal density. Every weight in a population comes from the same proposal, so none swamps the others.
 * It stops when the tolerance reaches 0 (every particle within every target's range), when fewer than
 * `minAcceptance` of a generation's new sets meet its tolerance (it has gone as far as the model can reach;
 * the last complete population is the result), or after `maxGenerations`.
 *
 * The numbers are plain; simulating the sets is the caller's `evaluate` (an Effect, so that it may run on
 * worker threads). Batch sizes depend only on earlier results, so given the same uniform stream and the same
 * evaluations the result is the same.
 */
import { Effect } from "effect"
import type { Uniform } from "../model/random.ts"
import { type GaussianKernel, logKernelDensity, perturb, perturbationKernel } from "./kernel.ts"
import { drawPriorSamples, insidePriors, logPriorDensity, type Prior } from "./priors.ts"

export interface SmcOptions {
  /** Parameter sets kept in each generation: the population. */
  readonly particles: number
  /** Each generation's tolerance is this quantile of the last population's distances; generation 0 simulates particles / alpha sets. */
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
  /** Share of them within this generation's tolerance (none for generation 0, which keeps the closest). */
  readonly acceptance: number | null
  /** The tolerance: the largest distance a particle of this generation may have. */
  readonly epsilon: number
  readonly kept: number
}

export type StopReason =
  | "tolerance reached 0: every kept set is within every target's range"
  | "acceptance below the minimum: the last generation's tolerance is as far as the model reaches"
  | "generation limit"

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
    const set = perturb(kernel, kept[pickByWeight(cumulative, uniform)].set, uniform)
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

/** Sets simulated in generation 0. */
export const firstGenerationSize = (options: SmcOptions): number => Math.max(options.particles, Math.ceil(options.particles / options.alpha))

/** The most sets the sampler may simulate, for progress: generation 0, and each later one until its acceptance falls below the minimum. */
export const mostProposals = (options: SmcOptions): number =>
  firstGenerationSize(options) + options.maxGenerations * Math.ceil(options.particles / Math.max(options.minAcceptance, 0.01)) + options.maxGenerations * options.particles

export const runSmc = Effect.fnUntraced(function*<E, R>(
  priors: ReadonlyArray<Prior>,
  options: SmcOptions,
  uniform: Uniform,
  evaluate: (sets: ReadonlyArray<Float64Array>, generation: number) => Effect.Effect<ReadonlyArray<Evaluation>, E, R>
): Effect.fn.Return<SmcResult, E, R> {
  const N = Math.max(2, options.particles)
  // A generation gives up once it has simulated this many sets without N of them within its tolerance.
  const limit = Math.ceil(N / Math.max(options.minAcceptance, 0.01))
  // The smallest kernel variance allowed per parameter: a thousandth of its prior range, squared.
  const floor = priors.map((p) => ((p.high - p.low) / 1000) ** 2 || 1e-12)
  const first = drawPriorSamples(priors, firstGenerationSize(options), uniform)
  const firstEvaluations = yield* evaluate(first, 0)
  let population = selectClosest(first.map((set, index) => ({ generation: 0, index, set, weight: 1, ...firstEvaluations[index] })), N).kept
  const generations: Array<GenerationRecord> = [{
    generation: 0, proposed: first.length, acceptance: null, epsilon: population[population.length - 1].distance, kept: population.length
  }]
  let acceptance = options.alpha
  for (let generation = 1; ; generation++) {
    const epsilon = quantileOfDistances(population, options.alpha)
    if (generations[generations.length - 1].epsilon === 0) return { particles: population, generations, stopped: "tolerance reached 0: every kept set is within every target's range" }
    if (generation > options.maxGenerations) return { particles: population, generations, stopped: "generation limit" }
    const kernel = perturbationKernel(population.map((p) => p.set), population.map((p) => p.weight), floor)
    const cumulative = new Float64Array(population.length)
    population.forEach((p, i) => (cumulative[i] = (i > 0 ? cumulative[i - 1] : 0) + p.weight))
    const accepted: Array<Particle> = []
    let proposed = 0
    let within = 0
    while (accepted.length < N && proposed < limit) {
      // Enough for the sets still wanted at the last acceptance rate, with a margin; never past the limit.
      const batch = Math.min(limit - proposed, Math.ceil((1.2 * (N - accepted.length)) / Math.max(acceptance, options.minAcceptance, 0.01)))
      const drawn = Array.from({ length: batch }, () => propose(priors, population, cumulative, kernel, uniform))
      const evaluations = yield* evaluate(drawn.map((p) => p.set), generation)
      drawn.forEach((p, k) => {
        const e = evaluations[k]
        if (e.distance > epsilon) return
        within++
        if (accepted.length < N) accepted.push({ generation, index: proposed + k, set: p.set, weight: p.weight, ...e })
      })
      proposed += batch
    }
    acceptance = within / proposed
    if (accepted.length < N) {
      generations.push({ generation, proposed, acceptance, epsilon, kept: 0 })
      return { particles: population, generations, stopped: "acceptance below the minimum: the last generation's tolerance is as far as the model reaches" }
    }
    population = accepted
    generations.push({ generation, proposed, acceptance, epsilon, kept: N })
    if (acceptance < options.minAcceptance) return { particles: population, generations, stopped: "acceptance below the minimum: the last generation's tolerance is as far as the model reaches" }
  }
})

/** The q quantile of a population's distances (the smallest distance with at least that share at or below it). */
const quantileOfDistances = (population: ReadonlyArray<Particle>, q: number): number => {
  const sorted = population.map((p) => p.distance).sort((a, b) => a - b)
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]
}
