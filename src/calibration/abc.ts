/**
 * Approximate Bayesian computation by rejection: draw parameter sets from uniform priors, simulate each
 * (on common random numbers), keep the fraction whose simulated targets lie closest to the published ones.
 * The kept sets are a sample of the posterior: they carry parameter uncertainty into later ensembles.
 */
import { shuffledIndices, type Uniform } from "../model/random.ts"
import { quantileSorted } from "../results/summary.ts"

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

/** What a target contributes to the distance: the simulated median's miss in units of the target's half-range. */
export interface TargetScale {
  readonly published: number
  readonly halfRange: number
}

export const distance = (simulated: ReadonlyArray<number>, targets: ReadonlyArray<TargetScale>): number => {
  let d = 0
  targets.forEach((t, i) => {
    const z = (simulated[i] - t.published) / (t.halfRange > 0 ? t.halfRange : Math.abs(t.published) || 1)
    d += Number.isFinite(z) ? z * z : 1e12
  })
  return Math.sqrt(d)
}

export interface Posterior {
  /** Indices of the accepted parameter sets, closest first. */
  readonly accepted: ReadonlyArray<number>
  /** The largest distance accepted. */
  readonly epsilon: number
  /** Per prior: mean, 5th, 50th and 95th percentile of the accepted values. */
  readonly summary: ReadonlyArray<{ readonly path: string; readonly mean: number; readonly p05: number; readonly p50: number; readonly p95: number }>
}

export const acceptClosest = (
  priors: ReadonlyArray<Prior>, sets: ReadonlyArray<Float64Array>, distances: ReadonlyArray<number>, acceptShare: number
): Posterior => {
  const order = distances.map((d, i) => ({ d, i })).sort((a, b) => a.d - b.d || a.i - b.i)
  const keep = Math.max(1, Math.round(acceptShare * sets.length))
  const accepted = order.slice(0, keep).map((o) => o.i)
  const summary = priors.map((p, j) => {
    const values = Float64Array.from(accepted, (i) => sets[i][j]).sort()
    return {
      path: p.path,
      mean: values.reduce((s, x) => s + x, 0) / values.length,
      p05: quantileSorted(values, 0.05),
      p50: quantileSorted(values, 0.5),
      p95: quantileSorted(values, 0.95)
    }
  })
  return { accepted, epsilon: order[keep - 1].d, summary }
}
