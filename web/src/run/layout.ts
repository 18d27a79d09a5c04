/**
 * What the explorer records of each replicate besides its metrics, and how it is laid out: the engine's
 * weekly series, each contract's money by quarter (cumulative payments by payer, each party's cash
 * position), and the distribution of Star change. Every record is one flat array of `series × length`
 * values, the layout `WeeklyBands.add` takes.
 */
import { weeklyColumns } from "../../../src/model/weekly.ts"
import { periodWeeks, weeksPerQuarter } from "../../../src/contract/periods.ts"
import type { Scenario } from "../../../src/scenario/schema.ts"

/** The parties whose cash position the explorer draws, as `money.ts` books them. */
export const cashParties = ["investor", "provider", "commissioner"] as const
export type CashParty = (typeof cashParties)[number]

/** Star change (last review minus baseline, 8-80 scale) is counted in whole points from `starChangeMin` to `starChangeMax`; beyond, in the end bins. */
export const starChangeMin = -15
export const starChangeMax = 25
export const starChangeBins = starChangeMax - starChangeMin + 1

export interface ContractSeries {
  readonly contract: string
  /** Cumulative payments by this payer, by quarter. */
  readonly paidByPayer: ReadonlyArray<{ readonly payer: string; readonly series: string }>
  /** Cumulative outcome payments (not block grant or fees), by quarter: what the cap limits. */
  readonly outcomePaid: string
  /** Cumulative payments of every kind, by quarter: the commissioners' outlay. */
  readonly totalPaid: string
  /** Each party's cumulative net cash flow, by quarter. */
  readonly cash: Readonly<Record<CashParty, string>>
}

export interface SeriesLayout {
  readonly weeks: number
  readonly weekly: ReadonlyArray<string>
  /** Quarters recorded: to the last quarter any contract can pay in (payments lag the horizon). */
  readonly quarters: number
  readonly quarterly: ReadonlyArray<string>
  readonly contracts: ReadonlyArray<ContractSeries>
}

export const contractSeries = (contract: Scenario["contracts"][number]): ContractSeries =>
  contractSeriesNamed(contract.name, contract.payers.map((p) => p.name))

/** The series names of a contract with these payers. */
export const contractSeriesNamed = (contract: string, payers: ReadonlyArray<string>): ContractSeries => {
  const n = (what: string) => `${contract}.${what}`
  return {
    contract,
    paidByPayer: payers.map((payer) => ({ payer, series: n(`paid.${payer}`) })),
    outcomePaid: n("outcomePaid"),
    totalPaid: n("totalPaid"),
    cash: { investor: n("cash.investor"), provider: n("cash.provider"), commissioner: n("cash.commissioner") }
  }
}

/** The last quarter a contract may pay in: its last period's payment week, after the lag. */
const lastQuarter = (contract: Scenario["contracts"][number], horizonWeeks: number): number => {
  const length = periodWeeks[contract.period]
  const lastPaymentWeek = (Math.ceil(horizonWeeks / length) + contract.lagPeriods) * length - 1
  return Math.floor(Math.max(lastPaymentWeek, horizonWeeks - 1) / weeksPerQuarter)
}

export const seriesLayout = (scenario: Scenario): SeriesLayout => {
  const contracts = scenario.contracts.map(contractSeries)
  const quarters = 1 + Math.max(Math.floor((scenario.horizonWeeks - 1) / weeksPerQuarter), ...scenario.contracts.map((c) => lastQuarter(c, scenario.horizonWeeks)))
  return {
    weeks: scenario.horizonWeeks,
    weekly: weeklyColumns,
    quarters,
    quarterly: contracts.flatMap((c) => [...c.paidByPayer.map((p) => p.series), c.outcomePaid, c.totalPaid, ...cashParties.map((p) => c.cash[p])]),
    contracts
  }
}
