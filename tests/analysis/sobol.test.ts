import seedrandom from "seedrandom"
import { describe, expect, it } from "vitest"
import { completeRows, saltelliDesign, saltelliPointCount, saltelliPoints, saltelliValues, sobolEstimate, sobolIndices } from "../../src/analysis/sobol.ts"
import { meanNoiseVariance } from "../../src/analysis/sensitivity.ts"
import { RunningSummary } from "../../src/results/summary.ts"

/** The indices of `f` over k uniform inputs in [0, 1], from a design of N rows, with bootstrap intervals. */
const indicesOf = (f: (x: Float64Array) => number, k: number, n: number, seed: string, resamples = 200) => {
  const design = saltelliDesign(k, n, seedrandom.xor4096(`design:${seed}`))
  const values = saltelliValues(k, n, saltelliPoints(design).map(f))
  const paths = Array.from({ length: k }, (_, i) => `x${i + 1}`)
  const result = sobolIndices(paths, values, { resamples, uniform: seedrandom.xor4096(`bootstrap:${seed}`) })
  const byPath = (i: number) => result.indices.find((e) => e.path === `x${i + 1}`)!
  return { design, values, result, byPath }
}

/** Ishigami (a = 7, b = 0.1) with inputs uniform on [−π, π], from unit inputs. */
const ishigami = (u: Float64Array): number => {
  const [x1, x2, x3] = Array.from(u, (v) => -Math.PI + 2 * Math.PI * v)
  return Math.sin(x1) + 7 * Math.sin(x2) ** 2 + 0.1 * x3 ** 4 * Math.sin(x1)
}
// Analytic: V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2; V1 = (1 + bπ⁴/5)²/2, V2 = a²/8, V3 = 0, V13 = b²π⁸ (1/18 − 1/50).
const [a, b] = [7, 0.1]
const V = a ** 2 / 8 + (b * Math.PI ** 4) / 5 + (b ** 2 * Math.PI ** 8) / 18 + 0.5
const V1 = (1 + (b * Math.PI ** 4) / 5) ** 2 / 2
const V2 = a ** 2 / 8
const V13 = b ** 2 * Math.PI ** 8 * (1 / 18 - 1 / 50)
const first = [V1 / V, V2 / V, 0]
const total = [(V1 + V13) / V, V2 / V, V13 / V]

describe("Sobol indices (Saltelli 2010 first order, Jansen total)", () => {
  it("have the Ishigami function's analytic values (checked against the published figures)", () => {
    expect(first.map((x) => +x.toFixed(3))).toEqual([0.314, 0.442, 0])
    expect(total.map((x) => +x.toFixed(3))).toEqual([0.558, 0.442, 0.244])
  })

  it("recover the Ishigami function's indices from N = 32,768 rows, closer than a wrong estimator could", () => {
    const n = 32_768
    const { values, result, byPath } = indicesOf(ishigami, 3, n, "ishigami")
    // The standard error at this N is about 0.008 for a first-order index and 0.005 for a total.
    const tolerance = 0.03
    for (let i = 0; i < 3; i++) {
      const e = byPath(i)
      expect(Math.abs(e.first - first[i]), `S${i + 1} = ${e.first}`).toBeLessThan(tolerance)
      expect(Math.abs(e.total - total[i]), `ST${i + 1} = ${e.total}`).toBeLessThan(tolerance)
      // The 95% intervals hold the truth and the estimate.
      expect(e.firstLow).toBeLessThanOrEqual(first[i])
      expect(e.firstHigh).toBeGreaterThanOrEqual(first[i])
      expect(e.totalLow).toBeLessThanOrEqual(total[i])
      expect(e.totalHigh).toBeGreaterThanOrEqual(total[i])
      expect(e.firstLow).toBeLessThanOrEqual(e.first)
      expect(e.firstHigh).toBeGreaterThanOrEqual(e.first)
      expect(e.totalLow).toBeLessThanOrEqual(e.total)
      expect(e.totalHigh).toBeGreaterThanOrEqual(e.total)
    }
    expect(result.variance).toBeCloseTo(V, 0)
    expect(result.indices.map((e) => e.path)).toEqual(["x1", "x2", "x3"])
    // The tolerance tells right from wrong: on the same values, the total without the /2, the first order and
    // total swapped, or a first order from f(A) in place of f(B) all miss by more than it.
    const rows = Array.from({ length: n }, (_, j) => j)
    const right = sobolEstimate(values, rows)
    const noHalf = Array.from(right.total, (t) => 2 * t)
    expect(Math.max(...noHalf.map((t, i) => Math.abs(t - total[i])))).toBeGreaterThan(3 * tolerance)
    expect(Math.max(...Array.from(right.total, (t, i) => Math.abs(t - first[i])))).toBeGreaterThan(3 * tolerance)
    expect(Math.max(...Array.from(right.first, (s, i) => Math.abs(s - total[i])))).toBeGreaterThan(3 * tolerance)
    const fromA = values.fAB.map((ab) => ab.reduce((s, x, j) => s + values.fA[j] * (x - values.fA[j]), 0) / n / right.variance)
    expect(Math.max(...fromA.map((s, i) => Math.abs(s - first[i])))).toBeGreaterThan(3 * tolerance)
  })

  it("do not depend on the figure's mean: the Ishigami function plus 1,000 gives the same indices", () => {
    // Uncentred, f(B) (f(A_B^i) − f(A)) has an error proportional to the mean: about 1.6 here at N = 32,768.
    const shifted = indicesOf((u) => 1000 + ishigami(u), 3, 32_768, "ishigami")
    const plain = indicesOf(ishigami, 3, 32_768, "ishigami")
    for (let i = 0; i < 3; i++) {
      expect(shifted.byPath(i).first).toBeCloseTo(plain.byPath(i).first, 2)
      expect(shifted.byPath(i).total).toBeCloseTo(plain.byPath(i).total, 6)
      expect(Math.abs(shifted.byPath(i).first - first[i])).toBeLessThan(0.03)
    }
  })

  it("give a linear model's S_i = ST_i = c_i² / Σ c², and exactly 0 to a parameter it does not use", () => {
    const c = [1, 2, 4, 0]
    const { byPath } = indicesOf((x) => x.reduce((s, v, i) => s + c[i] * v, 0), 4, 4096, "linear")
    const truth = c.map((v) => v ** 2 / 21)
    for (let i = 0; i < 3; i++) {
      expect(byPath(i).first).toBeCloseTo(truth[i], 1)
      // Jansen's total of an additive model is c_i² mean((a − b)²) / 2V: close even at moderate N.
      expect(byPath(i).total).toBeCloseTo(truth[i], 1)
      expect(byPath(i).firstLow).toBeLessThanOrEqual(truth[i])
      expect(byPath(i).firstHigh).toBeGreaterThanOrEqual(truth[i])
      expect(byPath(i).totalLow).toBeLessThanOrEqual(truth[i])
      expect(byPath(i).totalHigh).toBeGreaterThanOrEqual(truth[i])
    }
    // The unused parameter: f(A_B^4) = f(A) row by row, so both indices and their intervals are exactly 0.
    expect(byPath(3)).toMatchObject({ first: 0, firstLow: 0, firstHigh: 0, total: 0, totalLow: 0, totalHigh: 0 })
  })

  it("give 95% intervals that hold the truth about 95% of the time (100 designs of a linear model, N = 128)", () => {
    const c = [1, 2, 4]
    const truth = c.map((v) => v ** 2 / 21)
    let held = 0
    let of = 0
    for (let s = 0; s < 100; s++) {
      const { byPath } = indicesOf((x) => x.reduce((sum, v, i) => sum + c[i] * v, 0), 3, 128, `coverage:${s}`, 300)
      for (let i = 0; i < 3; i++) {
        const e = byPath(i)
        held += (e.firstLow <= truth[i] && truth[i] <= e.firstHigh ? 1 : 0) + (e.totalLow <= truth[i] && truth[i] <= e.totalHigh ? 1 : 0)
        of += 2
      }
    }
    // Too narrow (an interval of the wrong spread) would hold it far less often; too wide, nearly always.
    expect(held / of).toBeGreaterThan(0.9)
    expect(held / of).toBeLessThan(0.99)
  })

  it("narrow their intervals as N grows, roughly as 1/√N", () => {
    const width = (n: number) => {
      const e = indicesOf(ishigami, 3, n, "width").byPath(1)
      return e.totalHigh - e.totalLow
    }
    const ratio = width(1024) / width(16_384)
    expect(ratio).toBeGreaterThan(2.5)
    expect(ratio).toBeLessThan(6)
  })

  it("rank by total index, larger first", () => {
    // x2 acts only with x3: no first-order effect, but a larger total than x1, whose small effect is all its own.
    const f = (x: Float64Array) => x[0] + 24 * (x[1] - 0.5) * (x[2] - 0.5) + 2 * x[2]
    const { result, byPath } = indicesOf(f, 3, 4096, "rank")
    expect(result.indices.map((e) => e.path)).toEqual(["x3", "x2", "x1"])
    expect(byPath(1).first).toBeLessThan(byPath(0).first)
    expect(byPath(1).total - byPath(1).first).toBeGreaterThan(0.8)
    for (let i = 1; i < 3; i++) expect(result.indices[i - 1].total).toBeGreaterThanOrEqual(result.indices[i].total)
  })

  it("give no indices for a figure that does not vary (up to rounding), and leave out rows with a figure missing", () => {
    const flat = indicesOf((x) => 1e7 + 1e-9 * x[0], 2, 64, "flat")
    for (const e of flat.result.indices) expect([e.first, e.total, e.firstLow, e.totalHigh].every(Number.isNaN)).toBe(true)
    // A figure missing (NaN) at one point of rows 0 and 5: those rows go; the rest give the same as without them.
    const k = 2
    const n = 40
    const design = saltelliDesign(k, n, seedrandom.xor4096("missing"))
    const full = saltelliPoints(design).map((x) => x[0] + 2 * x[1] * x[0])
    const holed = full.slice()
    holed[2 * n + 0] = Number.NaN // A_B^(1), row 0
    holed[n + 5] = Number.NaN // B, row 5
    const values = saltelliValues(k, n, holed)
    const kept = completeRows(values)
    expect(kept).toEqual(Array.from({ length: n }, (_, j) => j).filter((j) => j !== 0 && j !== 5))
    const result = sobolIndices(["x1", "x2"], values, { resamples: 50, uniform: seedrandom.xor4096("b") })
    expect(result.rows).toBe(n - 2)
    const direct = sobolEstimate(saltelliValues(k, n, full), kept)
    expect(result.indices.find((e) => e.path === "x1")!.total).toBe(direct.total[0])
    expect(result.variance).toBe(direct.variance)
  })
})

describe("Saltelli design", () => {
  it("has N (k + 2) points: A, B, then each A_B^(i), A with column i from B", () => {
    const [k, n] = [3, 5]
    const design = saltelliDesign(k, n, seedrandom.xor4096("layout"))
    const points = saltelliPoints(design)
    expect(points).toHaveLength(saltelliPointCount(k, n))
    expect(points).toHaveLength(25)
    for (let j = 0; j < n; j++) {
      expect(points[j]).toEqual(design.a[j])
      expect(points[n + j]).toEqual(design.b[j])
      for (let i = 0; i < k; i++) {
        const ab = points[(2 + i) * n + j]
        for (let c = 0; c < k; c++) expect(ab[c]).toBe(c === i ? design.b[j][c] : design.a[j][c])
      }
    }
    // A and B are different draws, in [0, 1).
    expect(design.a[0]).not.toEqual(design.b[0])
    expect(points.flatMap((p) => Array.from(p)).every((u) => u >= 0 && u < 1)).toBe(true)
    expect(() => saltelliValues(k, n, new Float64Array(24))).toThrow("expected 25 values")
  })

  it("is the same from the same seed, and another from another", () => {
    const draw = (seed: string) => saltelliPoints(saltelliDesign(4, 16, seedrandom.xor4096(seed)))
    expect(draw("spsim:sobol:1")).toEqual(draw("spsim:sobol:1"))
    expect(draw("spsim:sobol:1")).not.toEqual(draw("spsim:sobol:2"))
    // And so are the bootstrap intervals.
    const once = () => indicesOf(ishigami, 3, 256, "again", 100).result
    expect(once()).toEqual(once())
  })
})

describe("the Monte Carlo noise of a replicate mean", () => {
  it("is each point's replicate variance over its count, averaged over the points (none from one replicate)", () => {
    const point = (xs: ReadonlyArray<number>) => {
      const s = new RunningSummary()
      xs.forEach((x, r) => s.add(r, { m: x }))
      return s
    }
    // Variances 1 and 4 (sample), over 3 and 2 replicates: 1/3 and 4/2, mean 7/6.
    expect(meanNoiseVariance([point([1, 2, 3]), point([0, 2.8284271247461903])], "m")).toBeCloseTo(7 / 6, 10)
    expect(meanNoiseVariance([point([1]), point([2])], "m")).toBeUndefined()
    expect(meanNoiseVariance([point([1, 2, 3])], "other")).toBeUndefined()
  })
})
