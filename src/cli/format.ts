/** How a metric's value is shown in a table, inferred from its name. */
import { type Band, isChance } from "../results/summary.ts"

export type Format = "count" | "share" | "weeks" | "gbp" | "points" | "decimal" | "week"

/** `x.toFixed(digits)` without the minus of a value that rounds to zero ("-0.0" is "0.0"). */
const fixed = (x: number, digits: number): string => {
  const text = x.toFixed(digits)
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text
}

export const formatValue = (value: number, format: Format): string => {
  if (!Number.isFinite(value)) return String(value)
  switch (format) {
    case "count":
      return Math.round(value).toLocaleString("en-GB").replace(/^-0$/, "0")
    case "share":
      return `${fixed(value * 100, 1)}%`
    case "weeks":
      return `${fixed(value, 1)} wk`
    case "gbp": {
      const size = Math.abs(value)
      // A difference of a few pence is £0, not -£0.
      const sign = value < 0 && size >= 0.5 ? "-" : ""
      return size >= 1e6 ? `${sign}£${(size / 1e6).toFixed(2)}m` : `${sign}£${Math.round(size).toLocaleString("en-GB")}`
    }
    case "points": {
      const text = fixed(value, 2)
      return text.startsWith("-") ? text : `+${text}`
    }
    case "decimal":
      return fixed(value, 2)
    case "week":
      return `week ${Math.round(value)}`
  }
}

/** The format a metric's name implies (the part after a contract's "name."). */
export const formatOf = (metric: string): Format => {
  const name = metric.slice(metric.lastIndexOf(".") + 1)
  // A share may name what it is a share of after it: secondaryCareSavingShareEngaged.
  if (/Share$|Share[A-Z]|Irr$|Chance$/.test(name) || metric.includes("Share.")) return "share"
  if (/Weeks$|WaitWeeks|OnProgramme$/.test(name) && name !== "capReachedWeek") return "weeks"
  if (name === "capReachedWeek") return "week"
  if (name === "starChangeMean") return "points"
  // Levels that are not whole counts: a multiple, a caseload or staff in FTE, a mean Star total (starBaselineMean).
  if (/Multiple$|PerFte$|Fte$|Mean$/.test(name)) return "decimal"
  if (/[Cc]ost|[Ss]aving|Payments|Outlay|npv|Cash|Surplus|Drawn|Outstanding|Repaid|Ceilings|PerEngaged|PerStarPoint|paymentsByPayer/.test(metric)) return "gbp"
  return "count"
}

export const formatMetric = (metric: string, value: number): string => formatValue(value, formatOf(metric))

/** "1 replicate", "8 replicates": a count and its noun (plural with an s). */
export const counted = (n: number, noun: string): string => `${n.toLocaleString("en-GB")} ${noun}${n === 1 ? "" : "s"}`

/**
 * A difference between two values of a metric: of shares and chances in percentage points ("-3.2 pp"); of two weeks
 * of the contract (`capReachedWeek`) a number of weeks, signed ("+13.0 wk", "-2.5 wk"), not a week; else as the metric.
 */
export const formatDifference = (metric: string, value: number): string => {
  const format = formatOf(metric)
  if (!Number.isFinite(value)) return formatMetric(metric, value)
  if (format === "share") return `${fixed(value * 100, 1)} pp`
  if (format === "week") {
    const text = fixed(value, 1)
    return `${text.startsWith("-") || text === "0.0" ? text : `+${text}`} wk`
  }
  return formatMetric(metric, value)
}

/**
 * A figure that exists only in some replicates by its nature, so that its paired difference covers only the pairs in
 * which both runs have it: the week the cap is reached (only where it is reached).
 */
const pairedWhereReached = (metric: string): boolean => formatOf(metric) === "week"

/** What both runs of a pair need for a figure's paired difference: "reach the cap" for the week it is reached. */
export const pairedCondition = (metric: string): string => (pairedWhereReached(metric) ? "reach the cap" : "have the figure")

/** Whether a figure's paired difference, over `pairs` of `replicates` pairs, is to be marked as covering only some of them. */
export const coversFewerPairs = (metric: string, pairs: number, replicates: number): boolean => pairs < replicates || pairedWhereReached(metric)

/**
 * After a figure some replicates leave out (the week the cap is reached, only where it is reached), how many it is
 * over: " (7/20)"; nothing when every replicate has it. Its median and interval are those replicates'.
 */
export const overReplicates = (band: { readonly replicates?: number }, replicates: number): string =>
  band.replicates === undefined ? "" : ` (${band.replicates}/${replicates})`

/** What `overReplicates`' "(k/n)" means, said with a table that shows one. */
export const overReplicatesLegend = "(k/n): over the k of n replicates that have the figure"

/**
 * A chance (a metric named `…Chance`) is 1 or 0 in each replicate, so its median says little: tables show its
 * mean over replicates, the share of replicates where it happened. Other metrics show their median.
 */
export const centralValue = (metric: string, band: { readonly mean: number; readonly p50: number }): number =>
  isChance(metric) ? band.mean : band.p50

/**
 * A figure as the tables show it: its `centralValue`, and for a chance the 95% interval of the chance in whole
 * percentages ("100.0% (84–100%)" from 20 replicates out of 20).
 */
export const centralText = (metric: string, band: { readonly mean: number; readonly p50: number; readonly meanLow?: number; readonly meanHigh?: number }): string => {
  const central = formatMetric(metric, centralValue(metric, band))
  if (!isChance(metric) || band.meanLow === undefined || band.meanHigh === undefined) return central
  return `${central} (${Math.round(100 * band.meanLow)}–${Math.round(100 * band.meanHigh)}%)`
}

/**
 * How precisely `n` replicates pin the medians down, in one line under a table: the typical width of a median's
 * own 95% interval against its 90% interval, over the figures shown that vary; `file` holds the intervals.
 */
export const monteCarloError = (n: number, bands: ReadonlyArray<Band | undefined>, file: string): string => {
  const ratios = bands.flatMap((b) =>
    b?.p50Low === undefined || b.p50High === undefined || !(b.p95 > b.p05) ? [] : [(b.p50High - b.p50Low) / (b.p95 - b.p05)]
  ).sort((x, y) => x - y)
  if (ratios.length === 0) {
    return n < 6 ? `With ${n} replicate${n === 1 ? "" : "s"} the medians have no 95% interval of their own: run 6 or more to see how precise they are.` : ""
  }
  const typical = ratios[Math.floor((ratios.length - 1) / 2)]
  return `Monte Carlo error: with ${n} replicates a median's own 95% interval (p50Low to p50High in ${file}) is typically ` +
    `${Math.round(100 * typical)}% as wide as its 90% interval; four times the replicates halve it.`
}

/** Text broken into lines of at most `width` characters at spaces (a longer word stands on a line of its own). */
export const wrapText = (text: string, width: number): Array<string> => {
  const lines: Array<string> = []
  let line = ""
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else {
      line = line === "" ? word : `${line} ${word}`
    }
  }
  return line === "" ? lines : [...lines, line]
}

/** A plain-text table: the first column left-aligned, the others right-aligned. */
export const textTable = (header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): string => {
  const widths = header.map((_, c) => Math.max(header[c].length, ...rows.map((r) => (r[c] ?? "").length)))
  const line = (r: ReadonlyArray<string>) => r.map((x, c) => (c === 0 ? x.padEnd(widths[c]) : x.padStart(widths[c]))).join("  ")
  return [line(header), ...rows.map(line)].join("\n")
}
