/** Active caseload and waiting list over time: who is being supported and who is waiting for a link worker. */
import type { ExplorerSummary, SeriesNeeds } from "../summary.ts"
import { bandChart, type ChartOptions } from "./bandChart.ts"
import { bandRows, weekDate } from "./shape.ts"

export const needs: SeriesNeeds = { weekly: ["active", "waiting"] }

export const caseloadRows = (summary: ExplorerSummary) => {
  const at = (w: number) => weekDate(summary.startDate, w)
  return [
    ...bandRows(summary.weekly.active, "active caseload", at),
    ...bandRows(summary.weekly.waiting, "waiting list", at)
  ]
}

export const caseloadChart = (summary: ExplorerSummary, options: ChartOptions = {}) =>
  bandChart({ ...options, rows: caseloadRows(summary), y: "people", series: ["active caseload", "waiting list"] })
