/**
 * Each party's cumulative cash position under one contract: the investor's J-curve (capital out, returns
 * in), the provider's cash, and the commissioner's outlay net of hospital savings.
 */
import * as Plot from "@observablehq/plot"
import type { ExplorerSummary, SeriesNeeds } from "../summary.ts"
import { cashParties, contractSeriesNamed } from "../run/layout.ts"
import { bandChart, type ChartOptions } from "./bandChart.ts"
import { bandRows, quarterDate } from "./shape.ts"

const partyLabel = { investor: "investor", provider: "provider", commissioner: "commissioner (net of savings)" } as const

const namesFor = (summary: Pick<ExplorerSummary, "contracts">, contract: string) => {
  const info = summary.contracts.find((c) => c.name === contract)
  return info === undefined ? undefined : contractSeriesNamed(info.name, info.payers)
}

export const needsFor = (summary: Pick<ExplorerSummary, "contracts">, contract: string): SeriesNeeds => {
  const names = namesFor(summary, contract)
  return names === undefined ? {} : { quarterly: cashParties.map((p) => names.cash[p]) }
}

export const cashPositionChart = (summary: ExplorerSummary, contract: string, options: ChartOptions = {}) => {
  const names = namesFor(summary, contract)
  const at = (q: number) => quarterDate(summary.startDate, q)
  const rows = names === undefined ? [] : cashParties.flatMap((p) => bandRows(summary.quarterly[names.cash[p]], partyLabel[p], at, 1e-6))
  return bandChart({
    ...options,
    rows,
    y: `${contract}: cumulative cash (£m)`,
    series: cashParties.map((p) => partyLabel[p]),
    extraMarks: [Plot.ruleY([0], { stroke: "grey" })]
  })
}
