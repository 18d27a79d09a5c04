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

/** The 32-bit hash behind the k-th draw of a `hashStream`. */
const streamBits = (stream: number, k: number): number => mix32(stream ^ Math.imul(k + 1, 0x85ebca6b))

/** The k-th uniform of a `hashStream`: (bits + 0.5) / 2^32, in (0, 1). */
export const streamUniform = (stream: number, k: number): number => (streamBits(stream, k) + 0.5) / 4294967296

const logBins = 2048
/**
 * The table behind `negLogUniform`, side by side so that one cache line holds both: ln(1 + i/2048) at 2i, and
 * 1/(2048 + i) / 2^20 at 2i + 1 (the division by a power of two is exact, so made once here).
 */
const logTable = new Float64Array(2 * logBins)
for (let i = 0; i < logBins; i++) {
  logTable[2 * i] = Math.log1p(i / logBins)
  logTable[2 * i + 1] = 1 / (logBins + i) / 1048576
}

/**
 * −ln((bits + 0.5) / 2^32), the unit exponential of a 32-bit hash, without `Math.log` (which costs ~12 ns in V8
 * against ~2 ns here, and the engine takes ~120,000 exponentials a replicate). The leading bit gives the power
 * of two; the next 11 bits index a table of ln(1 + i/2048); the rest, r < 1/2048, goes into ln(1 + r)'s series
 * to r⁴ (truncation below 1e-16). Absolute error below 2e-15 against `-Math.log` (a million hashes and every
 * table edge in tests/model/random.test.ts; ten million by hand). Hashes below 2^16 (1 in 65,536) take `Math.log`.
 */
export const negLogUniform = (bits: number): number => {
  if (bits < 65536) return -Math.log((bits + 0.5) / 4294967296)
  const z = Math.clz32(bits)
  const m = (bits << z) >>> 0
  const i = ((m >>> 20) & (logBins - 1)) << 1
  const r = ((m & 0xfffff) + (1 << z) * 0.5) * logTable[i + 1]
  return (z + 1) * Math.LN2 - logTable[i] - r * (1 - r * (0.5 - r * (1 / 3 - r * 0.25)))
}

/** The k-th unit exponential of a `hashStream` (the same hash as its k-th uniform, u, giving −ln u). */
export const streamExponential = (stream: number, k: number): number => negLogUniform(streamBits(stream, k))

/** The k-th uniform in (0, 1) of process `process` for the person with key `key`. */
export const hashUniform = (key: number, process: number, k: number): number => streamUniform(hashStream(key, process), k)

/** The k-th unit exponential of process `process` for the person with key `key` (−ln of its `hashUniform`). */
export const hashExponential = (key: number, process: number, k: number): number => streamExponential(hashStream(key, process), k)

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
/** Bins at each end where the quantile curves too fast to interpolate: the exact function there. */
const exactBins = 16

/** A function of the standard normal quantile, tabulated at i/4096 for interpolation (`tableQuantile`). */
export interface QuantileTable {
  readonly values: Float64Array
  /** The function at p itself, for the tails. */
  readonly exact: (p: number) => number
}

/** `f(normalQuantile(p))` tabulated: for attribute draws, where computing it exactly would dominate the cost. */
export const normalQuantileTable = (f: (z: number) => number): QuantileTable => ({
  values: Float64Array.from({ length: quantileBins + 1 }, (_, i) => (i >= 1 && i < quantileBins ? f(normalQuantile(i / quantileBins)) : 0)),
  exact: (p) => f(normalQuantile(p))
})

/**
 * The tabulated function at p by linear interpolation, the exact function in the outer 16/4096 at each end. For
 * the normal quantile the error is below 3e-5 for p in [0.01, 0.99] and below 2e-4 anywhere
 * (tests/model/random.test.ts).
 */
export const tableQuantile = (table: QuantileTable, p: number): number => {
  const x = p * quantileBins
  const i = x | 0
  // `+`: a number on both paths, so the inlined lookup does not box every result it returns (V8).
  if (i < exactBins || i >= quantileBins - exactBins) return +table.exact(p)
  const f = x - i
  const v = table.values
  return v[i] + f * (v[i + 1] - v[i])
}

const standardNormal = normalQuantileTable((z) => z)

/**
 * Standard normal quantile by table lookup with linear interpolation (`tableQuantile`: error below 3e-5 for p
 * in [0.01, 0.99], 2e-4 anywhere). For attribute draws, where `normalQuantile` would dominate the cost.
 */
export const normalQuantileFast = (p: number): number => tableQuantile(standardNormal, p)

/**
 * Poisson cumulative probabilities P(X ≤ j), j = 0 … n−1, summed as `poissonFromUniform` sums them, so that
 * the number of entries below u, capped at n, is `Math.min(n, poissonFromUniform(mean, u))` (mean ≤ 60).
 */
export const poissonCumulative = (mean: number, n: number): Float64Array => {
  const cdf = new Float64Array(Math.max(0, n))
  let p = Math.exp(-mean)
  let sum = p
  for (let j = 0; j < n; j++) {
    cdf[j] = sum
    p *= mean / (j + 1)
    sum += p
  }
  return cdf
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
