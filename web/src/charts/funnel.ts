/** The pathway funnel: referred → engaged → discharged or disengaged (or still on it at the end). */
import type { ExplorerSummary, SeriesNeeds } from "../summary.ts"
import type { ChartOptions } from "./bandChart.ts"
import { figureBars } from "./figureBars.ts"
import { figureRows, funnelFigures } from "./shape.ts"

export const needs: SeriesNeeds = {}

export const funnelChart = (summary: ExplorerSummary, options: ChartOptions = {}) =>
  figureBars(figureRows(summary.metrics, funnelFigures), "referral episodes over the contract", options)
