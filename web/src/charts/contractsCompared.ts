/** Every contract's payments over time on the same simulated people: the outcomes contract beside its alternatives. */
import type { ExplorerSummary, SeriesNeeds } from "../summary.ts"
import { contractSeriesNamed } from "../run/layout.ts"
import { bandChart, type ChartOptions } from "./bandChart.ts"
import { bandRows, quarterDate } from "./shape.ts"

export const needsFor = (summary: Pick<ExplorerSummary, "contracts">): SeriesNeeds => ({
  quarterly: summary.contracts.map((c) => contractSeriesNamed(c.name, c.payers).totalPaid)
})

export const contractsComparedChart = (summary: ExplorerSummary, options: ChartOptions = {}) => {
  const at = (q: number) => quarterDate(summary.startDate, q)
  const rows = summary.contracts.flatMap((c) => bandRows(summary.quarterly[contractSeriesNamed(c.name, c.payers).totalPaid], c.name, at, 1e-6))
  return bandChart({ ...options, rows, y: "commissioners' payments so far (£m)", series: summary.contracts.map((c) => c.name) })
}
