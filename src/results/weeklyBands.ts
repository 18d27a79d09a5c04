/**
 * Bands per week (mean, p05, p25, p50, p75, p95 over replicates) of every weekly series, accumulated as
 * replicates arrive. Memory stays bounded: up to `keep` replicates are stored exactly (as 32-bit floats);
 * beyond that a reservoir sample of `keep` replicates (chosen by a hash of the replicate number, so the
 * same whatever the number of workers) stands for them all, and the bands become estimates.
 */
import { hashUniform } from "../model/random.ts"
import { quantileSorted } from "./summary.ts"

export const bandQuantiles = [0.05, 0.25, 0.5, 0.75, 0.95] as const
export const bandsHeader = ["week", "series", "replicates", "mean", "p05", "p25", "p50", "p75", "p95"] as const

export class WeeklyBands {
  /** The kept replicates' values, one array each (allocated as they arrive, at most `keep`). */
  private readonly slots: Array<Float32Array> = []
  private readonly sums: Float64Array
  count = 0

  constructor(readonly series: ReadonlyArray<string>, readonly weeks: number, readonly keep = 1000) {
    this.sums = new Float64Array(series.length * weeks)
  }

  /** One replicate's values, series by series, each `weeks` long (`values[s * weeks + w]`). */
  add(replicate: number, values: ArrayLike<number>): void {
    const size = this.series.length * this.weeks
    for (let i = 0; i < size; i++) this.sums[i] += values[i]
    this.count++
    if (this.slots.length < this.keep) {
      this.slots.push(Float32Array.from(values))
      return
    }
    const slot = Math.floor(hashUniform(0x5eed, 7, replicate) * (replicate + 1))
    if (slot < this.keep) this.slots[slot] = Float32Array.from(values)
  }

  /**
   * The given quantiles of one series at every week (one array per quantile), from the kept replicates: what a
   * chart draws, without building every row of bands.csv.
   */
  quantiles(series: string, qs: ReadonlyArray<number>): Array<Float64Array> {
    const s = this.series.indexOf(series)
    if (s < 0) throw new Error(`no series "${series}" in these bands`)
    const out = qs.map(() => new Float64Array(this.weeks))
    const column = new Float64Array(this.slots.length)
    for (let w = 0; w < this.weeks; w++) {
      const at = s * this.weeks + w
      for (let r = 0; r < this.slots.length; r++) column[r] = this.slots[r][at]
      column.sort()
      qs.forEach((q, i) => {
        out[i][w] = quantileSorted(column, q)
      })
    }
    return out
  }

  /** Rows of bands.csv: one per week and series. */
  rows(): Array<Array<string | number>> {
    const column = new Float64Array(this.slots.length)
    const out: Array<Array<string | number>> = []
    for (let w = 0; w < this.weeks; w++) {
      this.series.forEach((name, s) => {
        const at = s * this.weeks + w
        for (let r = 0; r < this.slots.length; r++) column[r] = this.slots[r][at]
        column.sort()
        out.push([w, name, this.count, this.sums[at] / this.count, ...bandQuantiles.map((q) => quantileSorted(column, q))])
      })
    }
    return out
  }
}

/** The weekly series of a weekly.csv body (one replicate, no header), laid out for `WeeklyBands.add`. */
export const seriesFromCsv = (body: string, header: ReadonlyArray<string>, series: ReadonlyArray<string>, weeks: number): Float64Array => {
  const index = series.map((s) => header.indexOf(s))
  const out = new Float64Array(series.length * weeks)
  let w = 0
  for (const line of body.split("\n")) {
    if (line === "" || w >= weeks) continue
    const fields = line.split(",")
    index.forEach((c, s) => {
      out[s * weeks + w] = Number(fields[c])
    })
    w++
  }
  return out
}
