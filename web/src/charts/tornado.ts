/** A tornado: how far a metric moves when each parameter swings from low to high, biggest first. */
import * as Plot from "@observablehq/plot"
import type { TornadoBar } from "../../../src/analysis/sensitivity.ts"
import { type ChartOptions, defaultWidth } from "./bandChart.ts"
import { tornadoRows } from "./shape.ts"
import { formatMetric } from "../../../src/cli/format.ts"

/** The words for what the tornado shows: the metric, and each parameter (by its path) as the page names them. */
export interface TornadoLabels {
  readonly metric: string
  readonly parameter: (path: string) => string
}

const swingTitle = (b: TornadoBar, metric: string, labels: TornadoLabels): string =>
  `${labels.parameter(b.path)}, ${b.low.toLocaleString("en-GB")} to ${b.high.toLocaleString("en-GB")}: swing ${formatMetric(metric, b.atHigh - b.atLow)}` +
  (b.swingLow === undefined || b.swingHigh === undefined ? "" : `, 95% interval ${formatMetric(metric, b.swingLow)} to ${formatMetric(metric, b.swingHigh)}`)

/** Room for the longest parameter name beside its bar (Plot's 10px type), within reason. */
const labelMargin = (names: ReadonlyArray<string>): number =>
  Math.min(260, Math.max(120, Math.ceil(5.4 * Math.max(0, ...names.map((n) => n.length))) + 14))

export const tornadoChart = (bars: ReadonlyArray<TornadoBar>, metric: string, labels: TornadoLabels, options: ChartOptions = {}) => {
  const rows = tornadoRows(bars)
  return Plot.plot({
    width: options.width ?? defaultWidth,
    height: options.height ?? 50 + 28 * bars.length,
    marginLeft: labelMargin(bars.map((b) => labels.parameter(b.path))),
    x: { label: `${labels.metric} (mean over replicates)`, grid: true },
    // The bars are placed by path; each is named as the page names the parameter.
    y: { label: null, domain: bars.map((b) => b.path), tickFormat: labels.parameter },
    color: { legend: true, domain: ["low", "high"] },
    marks: [
      // On hover: the swing (high − low) and its 95% interval, the low and high runs paired replicate by replicate.
      Plot.barX(rows, { y: "parameter", x1: "from", x2: "to", fill: "end", fillOpacity: 0.7, title: (r: { parameter: string }) => swingTitle(bars.find((b) => b.path === r.parameter)!, metric, labels) }),
      Plot.ruleX(bars.slice(0, 1), { x: "base", stroke: "black" })
    ]
  })
}
