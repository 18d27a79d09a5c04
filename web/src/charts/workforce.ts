/** Link-worker FTE in post and vacant posts over time: turnover and the gaps it leaves. */
import type { ExplorerSummary, SeriesNeeds } from "../summary.ts"
import { bandChart, type ChartOptions } from "./bandChart.ts"
import { bandRows, weekDate } from "./shape.ts"

export const needs: SeriesNeeds = { weekly: ["linkWorkersFte", "vacancies"] }

export const workforceChart = (summary: ExplorerSummary, options: ChartOptions = {}) => {
  const at = (w: number) => weekDate(summary.startDate, w)
  const rows = [...bandRows(summary.weekly.linkWorkersFte, "link-worker FTE in post", at), ...bandRows(summary.weekly.vacancies, "vacant posts", at)]
  return bandChart({ ...options, rows, y: "FTE / posts", series: ["link-worker FTE in post", "vacant posts"] })
}
