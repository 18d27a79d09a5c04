/** A caseload sweep: a metric's median and 90% interval (5th to 95th percentile over replicates) at each value of the swept parameter. */
import * as Plot from "@observablehq/plot"
import { type ChartOptions, defaultHeight, defaultWidth } from "./bandChart.ts"
import { type SweepPoint, sweepRows } from "./shape.ts"

/** The axes' words: the swept parameter and the metric as the page names them (not their paths and keys). */
export interface SweepLabels {
  readonly parameter: string
  readonly metric: string
}

export const sweepChart = (points: ReadonlyArray<SweepPoint>, metric: string, labels: SweepLabels, options: ChartOptions = {}) => {
  const rows = sweepRows(points, metric)
  return Plot.plot({
    width: options.width ?? defaultWidth,
    height: options.height ?? defaultHeight,
    marginLeft: 70,
    x: { label: labels.parameter },
    y: { label: labels.metric, grid: true },
    marks: [
      Plot.areaY(rows, { x: "value", y1: "low", y2: "high", fill: "steelblue", fillOpacity: 0.2 }),
      Plot.lineY(rows, { x: "value", y: "median", stroke: "steelblue" }),
      Plot.dot(rows, { x: "value", y: "median", fill: "steelblue" })
    ]
  })
}
