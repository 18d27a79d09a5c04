/**
 * Data shaping for the charts: summaries in, rows for Plot out. Pure (no DOM), so tested in Node.
 */
import type { Band } from "../../../src/results/summary.ts"
import { dateOfWeek } from "../../../src/model/schedule.ts"
import { weeksPerQuarter } from "../../../src/contract/periods.ts"
import type { SeriesBand } from "../summary.ts"
import { parseGroupMetric } from "../../../src/results/groups.ts"

/** One point of a band: the median and the 90% interval (5th to 95th percentile) over replicates. */
export interface BandRow {
  readonly x: Date
  readonly series: string
  readonly low: number
  readonly median: number
  readonly high: number
}

export const weekDate = (startDate: string, week: number): Date => new Date(`${dateOfWeek(week, startDate)}T00:00:00Z`)
export const quarterDate = (startDate: string, quarter: number): Date => weekDate(startDate, quarter * weeksPerQuarter)

/** Rows of one band over time; `at(i)` gives the date of the i-th value; `scale` converts units (e.g. £ to £m). */
export const bandRows = (band: SeriesBand | undefined, series: string, at: (i: number) => Date, scale = 1): Array<BandRow> =>
  band === undefined
    ? []
    : band.p50.map((median, i) => ({ x: at(i), series, low: band.p05[i] * scale, median: median * scale, high: band.p95[i] * scale }))

/** A figure with its 90% interval, for bar-and-interval charts. */
export interface FigureRow {
  readonly label: string
  readonly median: number
  readonly low: number
  readonly high: number
}

/** The figures found in the metrics, in the order given, labelled; missing ones are left out. */
export const figureRows = (metrics: Readonly<Record<string, Band>>, figures: ReadonlyArray<readonly [metric: string, label: string]>, scale = 1): Array<FigureRow> =>
  figures.flatMap(([metric, label]) => {
    const b = metrics[metric]
    return b === undefined ? [] : [{ label, median: b.p50 * scale, low: b.p05 * scale, high: b.p95 * scale }]
  })

/** The pathway from referral to leaving: each stage a share of the one before it in the funnel's reading order. */
export const funnelFigures = [
  ["referrals", "referred"],
  ["engaged", "engaged"],
  ["discharged", "discharged"],
  ["disengaged", "disengaged"],
  ["ongoingAtEnd", "still supported at the end"]
] as const

export const exitReasonFigures = [
  ["neverEngagedUnreachable", "never engaged: not reached"],
  ["neverEngagedDeclined", "never engaged: declined"],
  ["disengaged", "disengaged"],
  ["dischargedSettled", "discharged: goals reached"],
  ["dischargedAtLimit", "discharged: at support limit"]
] as const

/** Star change bins as rows: the change in points (bin start) and the median and 90% interval of the share. */
export const starChangeRows = (band: SeriesBand | undefined, first: number): Array<{ change: number; median: number; low: number; high: number }> =>
  band === undefined ? [] : band.p50.map((median, i) => ({ change: first + i, median, low: band.p05[i], high: band.p95[i] }))

/** A sweep's points: the swept value and a metric's median and 90% interval at it. */
export interface SweepPoint {
  readonly value: number
  readonly metrics: Readonly<Record<string, Band>>
}

export const sweepRows = (points: ReadonlyArray<SweepPoint>, metric: string): Array<{ value: number; median: number; low: number; high: number }> =>
  points.flatMap((p) => {
    const b = p.metrics[metric]
    return b === undefined ? [] : [{ value: p.value, median: b.p50, low: b.p05, high: b.p95 }]
  })

/** Tornado bars as two rows per parameter (low and high swing), relative to the base value of the metric. */
export const tornadoRows = (
  bars: ReadonlyArray<{ readonly path: string; readonly low: number; readonly high: number; readonly atLow: number; readonly atHigh: number; readonly base: number }>
): Array<{ parameter: string; end: "low" | "high"; value: number; from: number; to: number }> =>
  bars.flatMap((b) => [
    { parameter: b.path, end: "low" as const, value: b.low, from: b.base, to: b.atLow },
    { parameter: b.path, end: "high" as const, value: b.high, from: b.base, to: b.atHigh }
  ])

/** Outcomes by group: `group.<dimension>.<group>.<measure>` metrics (src/results/groups.ts) as labelled rows. */
export interface GroupRow {
  /** "age 60-74", "ethnic group: South Asian", …: the y axis, in the order the metrics come. */
  readonly label: string
  readonly dimension: string
  readonly measure: string
  readonly median: number
  readonly low: number
  readonly high: number
}

const dimensionLabels: Readonly<Record<string, string>> = {
  ageBand: "age",
  sex: "sex",
  ethnicity: "ethnic group",
  conditions: "conditions",
  mentalHealth: "anxiety/depression",
  isolated: "isolation"
}

const groupLabels: Readonly<Record<string, string>> = {
  anxietyOrDepression: "yes",
  neither: "no",
  isolated: "isolated",
  notIsolated: "not isolated"
}

/** A `group.<dimension>.<group>.<measure>` name taken apart and labelled, or undefined for another metric or measure. */
const groupName = (name: string, measures: ReadonlyArray<string>): { label: string; dimension: string; measure: string } | undefined => {
  const g = parseGroupMetric(name)
  if (g === undefined || !measures.includes(g.measure)) return undefined
  return { label: `${dimensionLabels[g.dimension] ?? g.dimension}: ${groupLabels[g.group] ?? g.group}`, dimension: g.dimension, measure: g.measure }
}

/** Rows of the given measures for every group found in the metrics (groups whose measure is missing are left out). */
export const groupRows = (metrics: Readonly<Record<string, Band>>, measures: ReadonlyArray<string>): Array<GroupRow> =>
  Object.keys(metrics).flatMap((name) => {
    const g = groupName(name, measures)
    const b = metrics[name]
    return g === undefined ? [] : [{ ...g, median: b.p50, low: b.p05, high: b.p95 }]
  })

/**
 * B − A by group from paired differences (common random numbers): the mean difference and its 95% interval as
 * `median`, `low` and `high`; groups with fewer than two pairs (no interval) are left out.
 */
export const groupDifferenceRows = (
  differences: Readonly<Record<string, { readonly difference: Band; readonly meanLow: number; readonly meanHigh: number }>>,
  measures: ReadonlyArray<string>
): Array<GroupRow> =>
  Object.keys(differences).flatMap((name) => {
    const g = groupName(name, measures)
    const d = differences[name]
    return g === undefined || !Number.isFinite(d.meanLow) ? [] : [{ ...g, median: d.difference.mean, low: d.meanLow, high: d.meanHigh }]
  })
