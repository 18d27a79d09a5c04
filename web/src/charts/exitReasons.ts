/** Why people left the pathway. */
import type { ExplorerSummary, SeriesNeeds } from "../summary.ts"
import type { ChartOptions } from "./bandChart.ts"
import { figureBars } from "./figureBars.ts"
import { exitReasonFigures, figureRows } from "./shape.ts"

export const needs: SeriesNeeds = {}

export const exitReasonsChart = (summary: ExplorerSummary, options: ChartOptions = {}) =>
  figureBars(figureRows(summary.metrics, exitReasonFigures), "referral episodes", options)
