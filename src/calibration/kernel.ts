/**
 * The perturbation kernel of the sequential sampler: a multivariate normal whose covariance is twice the
 * weighted covariance of the population (Beaumont et al. 2009; Filippi et al. 2013), with its Cholesky factor
 * for drawing and its log density for importance weights. One kernel for every particle keeps the proposal
 * density smooth, so importance weights stay comparable (particle-specific local kernels made a few weights
 * swamp the rest in nine dimensions).
 */
import type { Uniform } from "../model/random.ts"

export interface GaussianKernel {
  readonly dimension: number
  /** Lower-triangular Cholesky factor of the covariance, row-major. */
  readonly cholesky: Float64Array
  /** log of (2π)^(-d/2) |Σ|^(-1/2). */
  readonly logNormaliser: number
}

const sumOf = (xs: ArrayLike<number>): number => {
  let s = 0
  for (let i = 0; i < xs.length; i++) s += xs[i]
  return s
}

/**
 * Cholesky factor of a symmetric covariance. A parameter the particles no longer vary in (or two that move
 * together exactly) would make it singular; a small ridge, relative to each variance or to `floor`, keeps
 * the kernel proper.
 */
export const choleskyFactor = (cov: Float64Array, d: number, floor: ArrayLike<number>): Float64Array => {
  const a = Float64Array.from(cov)
  for (let i = 0; i < d; i++) a[i * d + i] = Math.max(a[i * d + i] * (1 + 1e-9), floor[i])
  const l = new Float64Array(d * d)
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * d + j]
      for (let k = 0; k < j; k++) s -= l[i * d + k] * l[j * d + k]
      if (i === j) l[i * d + i] = Math.sqrt(Math.max(s, floor[i] * 1e-6))
      else l[i * d + j] = s / l[j * d + j]
    }
  }
  return l
}

/** The kernel with this covariance (row-major d×d); `floor` is the smallest variance allowed per parameter. */
export const gaussianKernel = (cov: Float64Array, floor: ArrayLike<number>): GaussianKernel => {
  const d = floor.length
  const cholesky = choleskyFactor(cov, d, floor)
  let logDet = 0
  for (let i = 0; i < d; i++) logDet += 2 * Math.log(cholesky[i * d + i])
  return { dimension: d, cholesky, logNormaliser: -0.5 * (d * Math.log(2 * Math.PI) + logDet) }
}

/** The kernel with covariance 2 × the population's weighted covariance. */
export const perturbationKernel = (sets: ReadonlyArray<ArrayLike<number>>, weights: ArrayLike<number>, floor: ArrayLike<number>): GaussianKernel => {
  const d = floor.length
  const total = sumOf(weights)
  const mean = new Float64Array(d)
  sets.forEach((s, k) => {
    for (let a = 0; a < d; a++) mean[a] += (weights[k] / total) * s[a]
  })
  const cov = new Float64Array(d * d)
  sets.forEach((s, k) => {
    const w = (2 * weights[k]) / total
    for (let a = 0; a < d; a++) for (let b = 0; b <= a; b++) cov[a * d + b] += w * (s[a] - mean[a]) * (s[b] - mean[b])
  })
  for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) cov[b * d + a] = cov[a * d + b]
  return gaussianKernel(cov, floor)
}

/** A standard normal draw from two uniforms (Box–Muller, one of the pair). */
const standardNormal = (uniform: Uniform): number => {
  const u = 1 - uniform()
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform())
}

/** `centre` moved by one draw from the kernel. */
export const perturb = (kernel: GaussianKernel, centre: ArrayLike<number>, uniform: Uniform): Float64Array => {
  const d = kernel.dimension
  const z = Float64Array.from({ length: d }, () => standardNormal(uniform))
  const out = Float64Array.from(centre)
  for (let i = 0; i < d; i++) for (let k = 0; k <= i; k++) out[i] += kernel.cholesky[i * d + k] * z[k]
  return out
}

/** log K(x | centre). */
export const logKernelDensity = (kernel: GaussianKernel, x: ArrayLike<number>, centre: ArrayLike<number>): number => {
  const d = kernel.dimension
  // Solve L y = (x − centre); the quadratic form is |y|².
  const y = new Float64Array(d)
  let q = 0
  for (let i = 0; i < d; i++) {
    let s = x[i] - centre[i]
    for (let k = 0; k < i; k++) s -= kernel.cholesky[i * d + k] * y[k]
    y[i] = s / kernel.cholesky[i * d + i]
    q += y[i] * y[i]
  }
  return kernel.logNormaliser - 0.5 * q
}
