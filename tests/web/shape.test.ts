import { describe, expect, it } from "vitest"
import { bandRows, figureRows, funnelFigures, groupDifferenceRows, groupRows, quarterDate, starChangeRows, sweepRows, tornadoRows, weekDate } from "../../web/src/charts/shape.ts"
import { caseloadRows } from "../../web/src/charts/caseload.ts"
import { paymentRows } from "../../web/src/charts/payments.ts"
import { scheduleRows } from "../../web/src/charts/schedulePreview.ts"
import type { ExplorerSummary } from "../../web/src/summary.ts"

const band = { p05: [1, 2], p50: [3, 4], p95: [5, 6] }
const b = (p50: number) => ({ mean: p50, p05: p50 - 1, p50, p95: p50 + 1 })

describe("chart data shaping", () => {
  it("dates weeks and quarters from the start of the service", () => {
    expect(weekDate("2015-04-01", 0).toISOString()).toBe("2015-04-01T00:00:00.000Z")
    expect(weekDate("2015-04-01", 52).toISOString().slice(0, 10)).toBe("2016-03-30")
    expect(quarterDate("2015-04-01", 4)).toEqual(weekDate("2015-04-01", 52))
  })

  it("turns a band into rows of median and 90% interval, in the units asked for", () => {
    const rows = bandRows(band, "waiting", (i) => weekDate("2015-04-01", i), 10)
    expect(rows).toEqual([
      { x: weekDate("2015-04-01", 0), series: "waiting", low: 10, median: 30, high: 50 },
      { x: weekDate("2015-04-01", 1), series: "waiting", low: 20, median: 40, high: 60 }
    ])
    expect(bandRows(undefined, "waiting", () => new Date(0))).toEqual([])
  })

  it("lists the funnel's stages in pathway order and leaves out figures a run lacks", () => {
    const rows = figureRows({ referrals: b(100), engaged: b(80), disengaged: b(20) }, funnelFigures)
    expect(rows.map((r) => r.label)).toEqual(["referred", "engaged", "disengaged"])
    expect(rows[0]).toEqual({ label: "referred", median: 100, low: 99, high: 101 })
  })

  it("labels Star change bins from the first bin's change", () => {
    expect(starChangeRows(band, -15).map((r) => r.change)).toEqual([-15, -14])
  })

  it("takes one metric from each sweep point, skipping points without it", () => {
    expect(sweepRows([{ value: 40, metrics: { engaged: b(10) } }, { value: 60, metrics: {} }], "engaged")).toEqual([{ value: 40, median: 10, low: 9, high: 11 }])
  })

  it("draws each tornado bar from the base value to the metric at each end", () => {
    const rows = tornadoRows([{ path: "p", low: 1, high: 3, atLow: 5, atHigh: 9, base: 7 }])
    expect(rows).toEqual([
      { parameter: "p", end: "low", value: 1, from: 7, to: 5 },
      { parameter: "p", end: "high", value: 3, from: 7, to: 9 }
    ])
  })

  it("names the series of a chart after what they are", () => {
    const summary = {
      scenario: "s", startDate: "2015-04-01", replicates: 2, metrics: {}, starChange: undefined,
      contracts: [{ name: "outcomes", capTotal: 1e7, payers: ["ccg", "fund"], financed: true }],
      weekly: { active: band, waiting: band },
      quarterly: { "outcomes.outcomePaid": band, "outcomes.paid.ccg": band, "outcomes.paid.fund": band }
    } satisfies ExplorerSummary
    expect([...new Set(caseloadRows(summary).map((r) => r.series))]).toEqual(["active caseload", "waiting list"])
    const payments = paymentRows(summary, "outcomes")
    expect([...new Set(payments.map((r) => r.series))]).toEqual(["outcome payments (all payers)", "paid by ccg", "paid by fund"])
    expect(payments[0].median).toBeCloseTo(3e-6)
    expect(paymentRows(summary, "nope")).toEqual([])
  })
})

describe("a schedule drawn", () => {
  it("is the multiplier the engine reads each week", () => {
    const rows = scheduleRows({ interpolation: "linear", points: [{ at: 0, value: 1 }, { at: 4, value: 0.6 }] }, "2015-04-01", 6)
    expect(rows.map((r) => Number(r.value.toFixed(2)))).toEqual([1, 0.9, 0.8, 0.7, 0.6, 0.6])
    expect(rows[0].x).toEqual(weekDate("2015-04-01", 0))
  })
})

describe("outcomes by group", () => {
  const band = (p50: number) => ({ mean: p50, p05: p50 - 0.1, p50, p95: p50 + 0.1 })
  const metrics = {
    engagedShare: band(0.76),
    "group.ageBand.40-49.engagedShare": band(0.7),
    "group.ageBand.40-49.starChangeMean": band(3),
    "group.ethnicity.South Asian.engagedShare": band(0.75),
    "group.mentalHealth.anxietyOrDepression.engagedShare": band(0.8),
    "group.isolated.notIsolated.disengagedShare": band(0.2)
  }

  it("labels each group by its dimension, in the metrics' order, for the measures asked for", () => {
    expect(groupRows(metrics, ["engagedShare"])).toEqual([
      { label: "age: 40-49", dimension: "ageBand", measure: "engagedShare", median: 0.7, low: 0.7 - 0.1, high: 0.7 + 0.1 },
      { label: "ethnic group: South Asian", dimension: "ethnicity", measure: "engagedShare", median: 0.75, low: 0.75 - 0.1, high: 0.75 + 0.1 },
      { label: "anxiety/depression: yes", dimension: "mentalHealth", measure: "engagedShare", median: 0.8, low: 0.8 - 0.1, high: 0.8 + 0.1 }
    ])
    expect(groupRows(metrics, ["disengagedShare", "starChangeMean"]).map((r) => [r.label, r.measure])).toEqual([
      ["age: 40-49", "starChangeMean"],
      ["isolation: not isolated", "disengagedShare"]
    ])
  })

  it("gives no rows without group metrics", () => {
    expect(groupRows({ engagedShare: band(0.76) }, ["engagedShare"])).toEqual([])
  })

  it("takes B − A by group as the mean paired difference and its 95% interval, leaving out groups without one", () => {
    const differences = {
      "group.sex.male.disengagedShare": { difference: band(0.02), meanLow: 0.01, meanHigh: 0.03 },
      "group.sex.female.disengagedShare": { difference: band(0.01), meanLow: Number.NaN, meanHigh: Number.NaN },
      "disengaged": { difference: band(12), meanLow: 5, meanHigh: 19 }
    }
    expect(groupDifferenceRows(differences, ["disengagedShare"])).toEqual([
      { label: "sex: male", dimension: "sex", measure: "disengagedShare", median: 0.02, low: 0.01, high: 0.03 }
    ])
  })
})
