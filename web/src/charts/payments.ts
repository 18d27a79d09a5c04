/** A contract's payments over time, cumulative, by payer, with its outcome payments against the total cap. */
import * as Plot from "@observablehq/plot"
import type { ExplorerSummary, SeriesNeeds } from "../summary.ts"
import { contractSeriesNamed } from "../run/layout.ts"
import { bandChart, type ChartOptions } from "./bandChart.ts"
import { bandRows, quarterDate } from "./shape.ts"

const seriesOf = (summary: Pick<ExplorerSummary, "contracts">, contract: string) => {
  const info = summary.contracts.find((c) => c.name === contract)
  return info === undefined ? undefined : { info, names: contractSeriesNamed(info.name, info.payers) }
}

export const needsFor = (summary: Pick<ExplorerSummary, "contracts">, contract: string): SeriesNeeds => {
  const s = seriesOf(summary, contract)
  return s === undefined ? {} : { quarterly: [...s.names.paidByPayer.map((p) => p.series), s.names.outcomePaid] }
}

export const paymentRows = (summary: ExplorerSummary, contract: string) => {
  const s = seriesOf(summary, contract)
  if (s === undefined) return []
  const at = (q: number) => quarterDate(summary.startDate, q)
  return [
    ...bandRows(summary.quarterly[s.names.outcomePaid], "outcome payments (all payers)", at, 1e-6),
    ...s.names.paidByPayer.flatMap((p) => bandRows(summary.quarterly[p.series], `paid by ${p.payer}`, at, 1e-6))
  ]
}

export const paymentsChart = (summary: ExplorerSummary, contract: string, options: ChartOptions = {}) => {
  const s = seriesOf(summary, contract)
  const cap = s?.info.capTotal
  const series = ["outcome payments (all payers)", ...(s?.info.payers ?? []).map((p) => `paid by ${p}`)]
  return bandChart({
    ...options,
    rows: paymentRows(summary, contract),
    y: `${contract}: paid so far (£m)`,
    series,
    extraMarks: cap === undefined ? [] : [Plot.ruleY([cap * 1e-6], { stroke: "firebrick", strokeDasharray: "6 3" }), Plot.text([`cap £${(cap * 1e-6).toFixed(1)}m`], { frameAnchor: "top-right", dy: 4, fill: "firebrick" })]
  })
}
