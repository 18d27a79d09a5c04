/** The marks every band-over-time chart shares: a shaded 90% interval and a median line per series. */
import * as Plot from "@observablehq/plot"
import type { BandRow } from "./shape.ts"

export interface ChartOptions {
  readonly width?: number
  readonly height?: number
}

export const defaultWidth = 410
export const defaultHeight = 260

export interface BandChartSpec extends ChartOptions {
  readonly rows: ReadonlyArray<BandRow>
  readonly y: string
  /** Series in legend order (also fixes their colours). */
  readonly series: ReadonlyArray<string>
  readonly extraMarks?: ReadonlyArray<Plot.Markish>
  readonly title?: string
}

export const bandChart = (spec: BandChartSpec): (SVGSVGElement | HTMLElement) & Plot.Plot =>
  Plot.plot({
    width: spec.width ?? defaultWidth,
    height: spec.height ?? defaultHeight,
    marginLeft: 60,
    y: { label: spec.y, grid: true },
    x: { label: null },
    color: { legend: true, domain: [...spec.series] },
    marks: [
      Plot.areaY(spec.rows, { x: "x", y1: "low", y2: "high", fill: "series", fillOpacity: 0.2, curve: "step-after" }),
      Plot.lineY(spec.rows, { x: "x", y: "median", stroke: "series", strokeWidth: 1.5, curve: "step-after" }),
      ...(spec.extraMarks ?? [])
    ]
  })
