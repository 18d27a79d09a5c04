/** Weekly secondary-care cost of the people referred, against their matched comparison group. */
import type { ExplorerSummary, SeriesNeeds } from "../summary.ts"
import { bandChart, type ChartOptions } from "./bandChart.ts"
import { bandRows, weekDate } from "./shape.ts"

export const needs: SeriesNeeds = { weekly: ["secondaryCareCost", "comparisonSecondaryCareCost"] }

export const hospitalCostChart = (summary: ExplorerSummary, options: ChartOptions = {}) => {
  const at = (w: number) => weekDate(summary.startDate, w)
  const rows = [
    ...bandRows(summary.weekly.comparisonSecondaryCareCost, "comparison group", at, 1e-3),
    ...bandRows(summary.weekly.secondaryCareCost, "people referred", at, 1e-3)
  ]
  return bandChart({ ...options, rows, y: "hospital cost (£ thousand a week)", series: ["comparison group", "people referred"] })
}
