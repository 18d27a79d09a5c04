/** A against B in the explorer: paired replicate by replicate, B − A and B / A exactly as `spsim compare` gives them. */
import { describe, expect, it } from "vitest"
import { PairedAccumulator, pairedRatio } from "../../src/analysis/paired.ts"
import type { Metrics } from "../../src/results/metrics.ts"
import { pairedByReplicate } from "../../web/src/run/pairing.ts"
import { ratioParts } from "../../web/src/views/compareView.ts"

const a: Array<Metrics> = [{ x: 10, y: 0, z: 0 }, { x: 20, y: 4, z: 0 }, { x: 40, y: 5, z: 0 }, { x: 5, y: 2, z: 0 }]
const b: Array<Metrics> = [{ x: 3, y: 7, z: 1 }, { x: 5, y: 2, z: 2 }, { x: 11, y: 5, z: 3 }, { x: 1, y: 1, z: 4 }]

describe("B / A in the explorer", () => {
  it("equals spsim compare's ratios (PairedAccumulator, replicate by replicate), to the last bit", () => {
    const paired = pairedByReplicate(a, b)
    const cli = new PairedAccumulator()
    a.forEach((m, i) => cli.add(i, m, b[i]))
    expect(paired.ratios).toEqual(cli.ratios())
    expect(paired.ratios.x.ratio.mean).toBeCloseTo((0.3 + 0.25 + 0.275 + 0.2) / 4, 12)
    // Where A is 0 the replicate has no ratio; a figure A is 0 in throughout has none at all.
    expect(paired.ratios.y.replicates).toBe(3)
    expect(paired.ratios.z).toBeUndefined()
    expect(paired.differences.z.replicates).toBe(4)
  })

  it("pairs only the replicates both have, so a scenario against itself gives exactly 100%", () => {
    const paired = pairedByReplicate([a[0], undefined, a[2], a[3]], [b[0], b[1], b[2]])
    expect(paired.replicates).toBe(2)
    expect(paired.ratios.x).toEqual(pairedRatio([a[0], a[2]], [b[0], b[2]], "x"))
    const same = pairedByReplicate(a, a).ratios.x
    expect([same.ratio.mean, same.meanLow, same.meanHigh]).toEqual([1, 1, 1])
  })

  it("reads as the CLI's column: the mean in percent and its 95% interval", () => {
    const r = pairedRatio(a, b, "x")!
    expect(ratioParts(r)).toEqual(["25.6%", `${(100 * r.meanLow).toFixed(1)}% to ${(100 * r.meanHigh).toFixed(1)}%`])
    expect(ratioParts({ ...r, meanLow: Number.NaN, meanHigh: Number.NaN })).toEqual(["25.6%"])
    expect(ratioParts(undefined)).toEqual(["-"])
  })
})
