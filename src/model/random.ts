/**
 * Random numbers. Two layers, both seeded from the scenario seed:
 * - per-process streams: seedrandom's xor4096, one per (seed, replicate, process), for things that happen
 *   to the world (referral counts, practice sizes, services, link workers);
 * - per-person draws: each person gets a 32-bit key from the population stream at referral, and the k-th
 *   draw of process P for that person is a hash of (key, P, k). A person's k-th setback, contact attempt or
 *   wellbeing gain therefore uses the same number in every scenario (common random numbers), whatever
 *   happened to other people in between.
 */
import seedrandom from "seedrandom"

export type Uniform = () => number

/** A seeded xor4096 stream of uniforms in [0, 1). */
export const makeStream = (seed: number, replicate: number, process: string): Uniform =>
  seedrandom.xor4096(`spsim:${seed}:${replicate}:${process}`)

/** The streams of one replicate, one per process that draws for the world rather than for a person. */
export interface Streams {
  readonly setup: Uniform
  readonly referral: Uniform
  readonly population: Uniform
  readonly workforce: Uniform
}

export const makeStreams = (seed: number, replicate: number): Streams => ({
  setup: makeStream(seed, replicate, "setup"),
  referral: makeStream(seed, replicate, "referral"),
  population: makeStream(seed, replicate, "population"),
  workforce: makeStream(seed, replicate, "workforce")
})

/** The per-person processes; each has its own counter so that its draws line up across scenarios. */
export const Draw = {
  contact: 0,
  attend: 1,
  disengage: 2,
  setback: 3,
  setbackLength: 4,
  starLoss: 5,
  gain: 6,
  gainArea: 7,
  goal: 8,
  settle: 9,
  extension: 10,
  onward: 11,
  onwardCategory: 12,
  serviceUse: 13,
  handover: 14,
  reReferral: 15
} as const
export const drawProcesses = 16

const mix32 = (x: number): number => {
  x ^= x >>> 16
  x = Math.imul(x, 0x7feb352d)
  x ^= x >>> 15
  x = Math.imul(x, 0x846ca68b)
  x ^= x >>> 16
  return x >>> 0
}

/** The part of `hashUniform` shared by all draws of one process for one key. */
export const hashStream = (key: number, process: number): number => mix32((key + Math.imul(process + 1, 0x9e3779b9)) >>> 0)

/** The k-th uniform of a `hashStream`. */
export const streamUniform = (stream: number, k: number): number => (mix32(stream ^ Math.imul(k + 1, 0x85ebca6b)) + 0.5) / 4294967296

/** The k-th uniform in (0, 1) of process `process` for the person with key `key`. */
export const hashUniform = (key: number, process: number, k: number): number => streamUniform(hashStream(key, process), k)

/** Exponential with mean 1 from a uniform in (0, 1). */
export const unitExponential = (u: number): number => -Math.log(u)

/** Inverse of the standard normal CDF (Acklam's rational approximation, relative error < 1.2e-9). */
export const normalQuantile = (p: number): number => {
  const a0 = -3.969683028665376e1, a1 = 2.209460984245205e2, a2 = -2.759285104469687e2
  const a3 = 1.38357751867269e2, a4 = -3.066479806614716e1, a5 = 2.506628277459239
  const b0 = -5.447609879822406e1, b1 = 1.615858368580409e2, b2 = -1.556989798598866e2
  const b3 = 6.680131188771972e1, b4 = -1.328068155288572e1
  const c0 = -7.784894002430293e-3, c1 = -3.223964580411365e-1, c2 = -2.400758277161838
  const c3 = -2.549732539343734, c4 = 4.374664141464968, c5 = 2.938163982698783
  const d0 = 7.784695709041462e-3, d1 = 3.224671290700398e-1, d2 = 2.445134137142996, d3 = 3.754408661907416
  const pLow = 0.02425
  if (p <= 0) return -8.5
  if (p >= 1) return 8.5
  if (p < pLow) {
    const q = Math.sqrt(-2 * Math.log(p))
    return (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1)
  }
  if (p > 1 - pLow) {
    const q = Math.sqrt(-2 * Math.log(1 - p))
    return -(((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1)
  }
  const q = p - 0.5
  const r = q * q
  return ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) /
    (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1)
}

/**
 * Poisson variate from one uniform (inversion), so the number of draws never depends on the rate.
 * For large means the normal approximation with continuity correction is used.
 */
export const poissonFromUniform = (mean: number, u: number): number => {
  if (mean <= 0) return 0
  if (mean > 60) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normalQuantile(u)))
  let k = 0
  let p = Math.exp(-mean)
  let cdf = p
  while (u > cdf && k < 1000) {
    k++
    p *= mean / k
    cdf += p
  }
  return k
}

/** Lognormal multiplier with mean 1 and the given coefficient of variation, from a standard normal. */
export const lognormalMeanOne = (cv: number, z: number): number => {
  if (cv <= 0) return 1
  const sigma2 = Math.log(1 + cv * cv)
  return Math.exp(Math.sqrt(sigma2) * z - sigma2 / 2)
}

/** Index chosen from cumulative weights (last entry = total) by a uniform. */
export const pickCumulative = (cumulative: ArrayLike<number>, u: number): number => {
  const n = cumulative.length
  const target = u * cumulative[n - 1]
  for (let i = 0; i < n - 1; i++) if (target < cumulative[i]) return i
  return n - 1
}

const quantileBins = 4096
const quantileTable = (() => {
  const t = new Float64Array(quantileBins + 1)
  for (let i = 1; i < quantileBins; i++) t[i] = normalQuantile(i / quantileBins)
  return t
})()

/**
 * Standard normal quantile by table lookup with linear interpolation (error < 1e-5 in the body), exact
 * in the outer 1/4096 tails. For attribute draws, where `normalQuantile` would dominate the cost.
 */
export const normalQuantileFast = (p: number): number => {
  const x = p * quantileBins
  const i = x | 0
  if (i < 1 || i >= quantileBins - 1) return normalQuantile(p)
  const f = x - i
  return quantileTable[i] + f * (quantileTable[i + 1] - quantileTable[i])
}

/** 0 … n−1 in a random order (Fisher–Yates), from a seeded uniform source. */
export const shuffledIndices = (n: number, uniform: Uniform): Int32Array => {
  const order = Int32Array.from({ length: n }, (_, i) => i)
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(uniform() * (i + 1))
    const t = order[i]
    order[i] = order[j]
    order[j] = t
  }
  return order
}
