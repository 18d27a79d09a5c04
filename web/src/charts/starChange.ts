/** Distribution of Star change (last review minus baseline, 8-80 scale) among people reviewed twice or more. */
import * as Plot from "@observablehq/plot"
import type { ExplorerSummary, SeriesNeeds } from "../summary.ts"
import { type ChartOptions, defaultHeight, defaultWidth } from "./bandChart.ts"
import { starChangeMin } from "../run/layout.ts"
import { starChangeRows } from "./shape.ts"

export const needs: SeriesNeeds = { starChange: true }

export const starChangeChart = (summary: ExplorerSummary, options: ChartOptions = {}) => {
  const rows = starChangeRows(summary.starChange, starChangeMin)
  return Plot.plot({
    width: options.width ?? defaultWidth,
    height: options.height ?? defaultHeight,
    marginLeft: 60,
    x: { label: "Star change (points; end bins include beyond)" },
    y: { label: "share of people reviewed", percent: true, grid: true },
    marks: [
      Plot.rectY(rows, { x1: (r) => r.change - 0.45, x2: (r) => r.change + 0.45, y: "median", fill: "seagreen", fillOpacity: 0.7 }),
      Plot.ruleX(rows, { x: "change", y1: "low", y2: "high", stroke: "black" }),
      Plot.ruleX([0], { stroke: "grey", strokeDasharray: "4 3" })
    ]
  })
}
