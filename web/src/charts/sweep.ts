/** A caseload sweep: a metric's median and 90% interval at each value of the swept parameter. */
import * as Plot from "@observablehq/plot"
import { type ChartOptions, defaultHeight, defaultWidth } from "./bandChart.ts"
import { type SweepPoint, sweepRows } from "./shape.ts"

export const sweepChart = (points: ReadonlyArray<SweepPoint>, parameter: string, metric: string, options: ChartOptions = {}) => {
  const rows = sweepRows(points, metric)
  return Plot.plot({
    width: options.width ?? defaultWidth,
    height: options.height ?? defaultHeight,
    marginLeft: 70,
    x: { label: parameter },
    y: { label: metric, grid: true },
    marks: [
      Plot.areaY(rows, { x: "value", y1: "low", y2: "high", fill: "steelblue", fillOpacity: 0.2 }),
      Plot.lineY(rows, { x: "value", y: "median", stroke: "steelblue" }),
      Plot.dot(rows, { x: "value", y: "median", fill: "steelblue" })
    ]
  })
}
