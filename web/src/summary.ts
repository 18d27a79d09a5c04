/**
 * What every chart takes: bands over replicates (median and 90% interval) of the metrics and of the series
 * it draws. A summary may hold only the series its charts need; the golden-SVG fixture is one of these.
 */
import type { Band } from "../../src/results/summary.ts"

export interface SeriesBand {
  readonly p05: ReadonlyArray<number>
  readonly p50: ReadonlyArray<number>
  readonly p95: ReadonlyArray<number>
}

export interface ContractInfo {
  readonly name: string
  readonly capTotal: number | undefined
  readonly payers: ReadonlyArray<string>
  readonly financed: boolean
}

export interface ExplorerSummary {
  readonly scenario: string
  readonly startDate: string
  readonly replicates: number
  readonly contracts: ReadonlyArray<ContractInfo>
  readonly metrics: Readonly<Record<string, Band>>
  /** Engine series by week (`weeklyColumns` names). */
  readonly weekly: Readonly<Record<string, SeriesBand>>
  /** Contract series by quarter (names from `contractSeries`). */
  readonly quarterly: Readonly<Record<string, SeriesBand>>
  /** Share of people reviewed twice or more by Star change bin (from `starChangeMin`). */
  readonly starChange: SeriesBand | undefined
}

/** The series a chart reads, so that only those are banded for it. */
export interface SeriesNeeds {
  readonly weekly?: ReadonlyArray<string>
  readonly quarterly?: ReadonlyArray<string>
  readonly starChange?: boolean
}

export const emptySeriesBand: SeriesBand = { p05: [], p50: [], p95: [] }
