/**
 * Outcomes for whom: each group's median and 90% interval (age band, sex, ethnic group, conditions, anxiety or
 * depression, isolation), from the `group.…` metrics; the shares on one chart, the Star change on another.
 */
import * as Plot from "@observablehq/plot"
import type { ExplorerSummary, SeriesNeeds } from "../summary.ts"
import { type ChartOptions, defaultWidth } from "./bandChart.ts"
import { type GroupRow, groupRows } from "./shape.ts"

export const needs: SeriesNeeds = {}

/** The shares drawn, with their legend names, each a little above or below the group's line. */
const shareMeasures = [
  ["engagedShare", "engaged", -6],
  ["disengagedShare", "dropped out (of engaged)", 0],
  ["onwardReferralFailureShare", "onward referrals failed", 6]
] as const

const rowHeight = 22
const heightFor = (rows: ReadonlyArray<GroupRow>) => 60 + rowHeight * new Set(rows.map((r) => r.label)).size

/** Each share's interval and middle, one colour per measure, offset so that a group's three do not overlap. */
const shareMarks = (rows: ReadonlyArray<GroupRow>): Array<Plot.Markish> =>
  shareMeasures.flatMap(([measure, name, dy]) => {
    const mine = rows.filter((r) => r.measure === measure)
    return [
      Plot.ruleY(mine, { y: "label", x1: "low", x2: "high", stroke: () => name, dy }),
      Plot.dot(mine, { y: "label", x: "median", fill: () => name, r: 3, dy })
    ]
  })

/** The Star change's interval and middle for each group. */
const starMarks = (rows: ReadonlyArray<GroupRow>): Array<Plot.Markish> => [
  Plot.ruleY(rows, { y: "label", x1: "low", x2: "high", stroke: "seagreen", strokeWidth: 2 }),
  Plot.dot(rows, { y: "label", x: "median", fill: "seagreen", r: 3.5 })
]

const shareLegend = { legend: true, domain: shareMeasures.map(([, name]) => name) }

export const groupSharesChart = (summary: ExplorerSummary, options: ChartOptions = {}) => {
  const rows = groupRows(summary.metrics, shareMeasures.map(([m]) => m))
  return Plot.plot({
    width: options.width ?? defaultWidth,
    height: options.height ?? heightFor(rows),
    marginLeft: 150,
    x: { label: "share of the group (median, 90% interval)", percent: true, grid: true, domain: [0, 100] },
    y: { label: null, domain: [...new Set(rows.map((r) => r.label))] },
    color: shareLegend,
    marks: shareMarks(rows)
  })
}

export const groupStarChart = (summary: ExplorerSummary, options: ChartOptions = {}) => {
  const rows = groupRows(summary.metrics, ["starChangeMean"])
  return Plot.plot({
    width: options.width ?? defaultWidth,
    height: options.height ?? heightFor(rows),
    marginLeft: 150,
    x: { label: "Star change, people reviewed twice or more (points; median, 90% interval)", grid: true },
    y: { label: null, domain: rows.map((r) => r.label) },
    marks: [...starMarks(rows), Plot.ruleX([0], { stroke: "grey", strokeDasharray: "4 3" })]
  })
}

/**
 * B − A for whom (compare view): each group's mean paired difference with its 95% interval, for the shares
 * (percentage points) and the Star change (points), on two panels of one figure.
 */
export const groupDifferenceChart = (rows: ReadonlyArray<GroupRow>, options: ChartOptions = {}) => {
  const shares = rows.filter((r) => r.measure !== "starChangeMean")
  const star = rows.filter((r) => r.measure === "starChangeMean")
  const labels = [...new Set(rows.map((r) => r.label))]
  const panel = (x: Plot.ScaleOptions, marks: Array<Plot.Markish>, legend: boolean) => Plot.plot({
    width: options.width ?? defaultWidth,
    height: options.height ?? 60 + rowHeight * labels.length,
    marginLeft: 150,
    x: { ...x, grid: true },
    y: { label: null, domain: labels },
    ...(legend ? { color: shareLegend } : {}),
    marks: [Plot.ruleX([0], { stroke: "grey", strokeDasharray: "4 3" }), ...marks]
  })
  const figure = document.createElement("div")
  figure.className = "group-differences"
  figure.append(
    panel({ label: "B − A, share of the group (percentage points; mean, 95% interval)", percent: true }, shareMarks(shares), true),
    panel({ label: "B − A, Star change (points; mean, 95% interval)" }, starMarks(star), false)
  )
  return figure
}

/** The measures the compare view's chart by group draws. */
export const differenceMeasures = [...shareMeasures.map(([m]) => m), "starChangeMean"]
