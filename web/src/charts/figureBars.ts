/** Horizontal bars at the median with the 90% interval drawn across each: for counts over the whole run. */
import * as Plot from "@observablehq/plot"
import { type ChartOptions, defaultWidth } from "./bandChart.ts"
import type { FigureRow } from "./shape.ts"

export const figureBars = (rows: ReadonlyArray<FigureRow>, x: string, options: ChartOptions = {}) =>
  Plot.plot({
    width: options.width ?? defaultWidth,
    height: options.height ?? 40 + 34 * rows.length,
    marginLeft: 210,
    x: { label: x, grid: true },
    y: { label: null, domain: rows.map((r) => r.label) },
    marks: [
      Plot.barX(rows, { y: "label", x: "median", fill: "steelblue", fillOpacity: 0.6 }),
      Plot.ruleY(rows, { y: "label", x1: "low", x2: "high", stroke: "black", strokeWidth: 2 }),
      Plot.text(rows, { y: "label", x: "median", text: (r: FigureRow) => Math.round(r.median).toLocaleString("en-GB"), dx: 4, textAnchor: "start", dy: -9 })
    ]
  })
