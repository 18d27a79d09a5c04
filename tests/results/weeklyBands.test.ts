import { describe, expect, it } from "vitest"
import { WeeklyBands } from "../../src/results/weeklyBands.ts"

describe("weekly bands", () => {
  it("give the exact mean and quantiles of each week over replicates", () => {
    const bands = new WeeklyBands(["active"], 2)
    // Week 0 takes values 0..100 over 101 replicates, week 1 is always 7.
    for (let r = 0; r <= 100; r++) bands.add(r, [r, 7])
    const [week0, week1] = bands.rows()
    expect(week0).toEqual([0, "active", 101, 50, 5, 25, 50, 75, 95])
    expect(week1).toEqual([1, "active", 101, 7, 7, 7, 7, 7, 7])
  })

  it("keep memory bounded beyond `keep` replicates with a reservoir that still centres on the truth", () => {
    const bands = new WeeklyBands(["x"], 1, 200)
    for (let r = 0; r < 5000; r++) bands.add(r, [r % 1000])
    const [row] = bands.rows()
    expect(row[2]).toBe(5000)
    expect(row[3]).toBeCloseTo(499.5, 6) // the mean is exact
    expect(row[6] as number).toBeGreaterThan(400) // the median is estimated from 200 kept replicates
    expect(row[6] as number).toBeLessThan(600)
    const again = new WeeklyBands(["x"], 1, 200)
    for (let r = 0; r < 5000; r++) again.add(r, [r % 1000])
    expect(again.rows()).toEqual(bands.rows())
  })
})

describe("a series' quantiles", () => {
  it("are the bands.csv quantiles of that series, week by week", () => {
    const bands = new WeeklyBands(["active", "waiting"], 3)
    for (let r = 0; r < 40; r++) bands.add(r, [r, r * 2, 5, 40 - r, r % 7, 1])
    const [p05, p50, p95] = bands.quantiles("waiting", [0.05, 0.5, 0.95])
    const rows = bands.rows().filter((row) => row[1] === "waiting")
    expect(Array.from(p05)).toEqual(rows.map((row) => row[4]))
    expect(Array.from(p50)).toEqual(rows.map((row) => row[6]))
    expect(Array.from(p95)).toEqual(rows.map((row) => row[8]))
    expect(() => bands.quantiles("nope", [0.5])).toThrow(/no series "nope"/)
  })
})
