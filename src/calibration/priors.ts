/**
 * Uniform priors over the parameters being calibrated: each default ± a relative spread, within the
 * parameter's declared range. Generation 0 of the sampler draws from them as a Latin hypercube, so that every
 * prior's range is evenly covered even with few particles.
 */
import { shuffledIndices, type Uniform } from "../model/random.ts"

export interface Prior {
  readonly path: string
  readonly low: number
  readonly high: number
  readonly integer: boolean
}

/** `samples` parameter sets, each a value per prior (a Latin hypercube: every prior's range evenly covered). */
export const drawPriorSamples = (priors: ReadonlyArray<Prior>, samples: number, uniform: Uniform): Array<Float64Array> => {
  const sets = Array.from({ length: samples }, () => new Float64Array(priors.length))
  priors.forEach((p, j) => {
    const strata = shuffledIndices(samples, uniform)
    for (let i = 0; i < samples; i++) {
      const x = p.low + ((strata[i] + uniform()) / samples) * (p.high - p.low)
      sets[i][j] = p.integer ? Math.round(x) : x
    }
  })
  return sets
}

export const insidePriors = (priors: ReadonlyArray<Prior>, set: ArrayLike<number>): boolean =>
  priors.every((p, j) => set[j] >= p.low && set[j] <= p.high)

/** Log density of the (independent, uniform) priors inside their box; the same for every set inside it. */
export const logPriorDensity = (priors: ReadonlyArray<Prior>): number =>
  -priors.reduce((s, p) => s + Math.log(Math.max(p.high - p.low, Number.MIN_VALUE)), 0)
