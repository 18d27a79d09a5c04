/** Scenario A and B side by side on one chart: the active caseload and waiting list of each. */
import type { ExplorerSummary, SeriesNeeds } from "../summary.ts"
import { bandChart, type ChartOptions } from "./bandChart.ts"
import { bandRows, weekDate } from "./shape.ts"

export const needs: SeriesNeeds = { weekly: ["active", "waiting"] }

export const comparisonChart = (a: ExplorerSummary, b: ExplorerSummary, options: ChartOptions = {}) => {
  const rows = [a, b].flatMap((s, i) => {
    const at = (w: number) => weekDate(s.startDate, w)
    const tag = i === 0 ? "A" : "B"
    return [...bandRows(s.weekly.active, `${tag}: active caseload`, at), ...bandRows(s.weekly.waiting, `${tag}: waiting list`, at)]
  })
  return bandChart({ ...options, rows, y: "people", series: ["A: active caseload", "A: waiting list", "B: active caseload", "B: waiting list"] })
}
