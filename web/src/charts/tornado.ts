/** A tornado: how far a metric moves when each parameter swings from low to high, biggest first. */
import * as Plot from "@observablehq/plot"
import type { TornadoBar } from "../../../src/analysis/sensitivity.ts"
import { type ChartOptions, defaultWidth } from "./bandChart.ts"
import { tornadoRows } from "./shape.ts"
import { formatMetric } from "../../../src/cli/format.ts"

const swingTitle = (b: TornadoBar, metric: string): string =>
  `${b.path}: swing ${formatMetric(metric, b.atHigh - b.atLow)}` +
  (b.swingLow === undefined || b.swingHigh === undefined ? "" : `, 95% interval ${formatMetric(metric, b.swingLow)} to ${formatMetric(metric, b.swingHigh)}`)

export const tornadoChart = (bars: ReadonlyArray<TornadoBar>, metric: string, options: ChartOptions = {}) => {
  const rows = tornadoRows(bars)
  return Plot.plot({
    width: options.width ?? defaultWidth,
    height: options.height ?? 50 + 28 * bars.length,
    marginLeft: 210,
    x: { label: `${metric} (mean over replicates)`, grid: true },
    y: { label: null, domain: bars.map((b) => b.path) },
    color: { legend: true, domain: ["low", "high"] },
    marks: [
      // On hover: the swing (high − low) and its 95% interval, the low and high runs paired replicate by replicate.
      Plot.barX(rows, { y: "parameter", x1: "from", x2: "to", fill: "end", fillOpacity: 0.7, title: (r: { parameter: string }) => swingTitle(bars.find((b) => b.path === r.parameter)!, metric) }),
      Plot.ruleX(bars.slice(0, 1), { x: "base", stroke: "black" })
    ]
  })
}
