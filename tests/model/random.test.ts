/**
 * The per-person draws: the exponential of a hash is −ln of the uniform of the same hash (to within 2e-15, by a
 * table rather than `Math.log`), at every power of two and table edge, and its draws have the exponential's
 * moments; a Poisson draw from sums made once is the draw made afresh; a tabulated function of the normal
 * quantile is the function to within its interpolation error, and exact in the tails.
 */
import { describe, expect, it } from "vitest"
import { hashExponential, hashUniform, negLogUniform, normalQuantile, normalQuantileTable, poissonCumulative, poissonFromUniform, tableQuantile } from "../../src/model/random.ts"

const exact = (bits: number): number => -Math.log((bits + 0.5) / 4294967296)

describe("negLogUniform", () => {
  it("is −ln((bits + 0.5) / 2^32) to within 2e-15 at the edges of its ranges", () => {
    const edges = [0, 1, 2, 65535, 65536, 65537, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 2, 2 ** 32 - 1]
    for (let p = 16; p < 32; p++) edges.push(2 ** p - 1, 2 ** p, 2 ** p + 1, 2 ** p + 2 ** (p - 11), 2 ** p + 2 ** (p - 11) - 1)
    for (const bits of edges) expect(Math.abs(negLogUniform(bits) - exact(bits)), `bits ${bits}`).toBeLessThan(2e-15)
  })

  it("is −ln((bits + 0.5) / 2^32) to within 2e-15 over a million hashes", () => {
    let worst = 0
    for (let n = 0; n < 1_000_000; n++) {
      const bits = Math.floor(hashUniform(12345, 3, n) * 4294967296)
      worst = Math.max(worst, Math.abs(negLogUniform(bits) - exact(bits)))
    }
    expect(worst).toBeLessThan(2e-15)
  })
})

describe("hashExponential", () => {
  it("is −ln of the hashUniform of the same key, process and draw", () => {
    for (let k = 0; k < 10_000; k++) {
      const u = hashUniform(987654321, 6, k)
      expect(Math.abs(hashExponential(987654321, 6, k) + Math.log(u))).toBeLessThan(2e-15)
    }
  })

  it("has the unit exponential's mean, variance and tail", () => {
    const n = 200_000
    let sum = 0
    let squares = 0
    let beyond3 = 0
    for (let k = 0; k < n; k++) {
      const x = hashExponential(k, 2, 0)
      sum += x
      squares += x * x
      if (x > 3) beyond3++
    }
    const mean = sum / n
    expect(mean).toBeCloseTo(1, 2)
    expect(squares / n - mean * mean).toBeCloseTo(1, 1)
    expect(beyond3 / n).toBeCloseTo(Math.exp(-3), 2)
  })
})

describe("poissonCumulative", () => {
  it("capped at n entries, counts to the draw poissonFromUniform makes, capped at n", () => {
    for (const mean of [0, 0.3, 1.2, 4.7]) {
      for (const n of [0, 1, 3, 9]) {
        const cdf = poissonCumulative(mean, n)
        for (let k = 0; k < 5_000; k++) {
          const u = hashUniform(k, 1, 0)
          let below = 0
          for (let j = 0; j < n; j++) below += u > cdf[j] ? 1 : 0
          expect(below).toBe(Math.min(n, poissonFromUniform(mean, u)))
        }
      }
    }
  })
})

describe("tableQuantile", () => {
  it("is the normal quantile to within 3e-5 in [0.01, 0.99] and 2e-4 anywhere, exact in the tails", () => {
    const table = normalQuantileTable((z) => z)
    for (let k = 1; k < 200_000; k++) {
      const p = k / 200_000
      const error = Math.abs(tableQuantile(table, p) - normalQuantile(p))
      expect(error).toBeLessThan(p >= 0.01 && p <= 0.99 ? 3e-5 : 2e-4)
    }
    for (const p of [1e-9, 1e-4, 15 / 4096, 1 - 15 / 4096, 1 - 1e-9]) expect(tableQuantile(table, p)).toBe(normalQuantile(p))
  })

  it("is a lognormal cost factor to within 2e-4 relative", () => {
    const f = (z: number) => Math.exp(-0.18 + 0.6 * z)
    const table = normalQuantileTable(f)
    for (let k = 0; k < 20_000; k++) {
      const p = hashUniform(k, 4, 0)
      expect(Math.abs(tableQuantile(table, p) / f(normalQuantile(p)) - 1)).toBeLessThan(2e-4)
    }
  })
})
