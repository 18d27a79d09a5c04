/**
 * The headline figures (median and 90% interval) and every contract's money side by side, as the CLI prints them:
 * the contracts table has the CLI's rows (`contractRows`), each main money figure's 90% interval beneath its
 * median in the same cell.
 */
import { centralText, counted, formatMetric, monteCarloError } from "../../../src/cli/format.ts"
import { contractRows } from "../../../src/cli/headline.ts"
import type { Band } from "../../../src/results/summary.ts"
import type { ExplorerSummary } from "../summary.ts"
import { h } from "./dom.ts"

export const headlineFigures = [
  ["referrals", "Referrals (incl. re-referrals)"],
  ["engagedShare", "Engaged share of referrals"],
  ["meanWaitWeeks", "Mean wait for a link worker"],
  ["peakWaiting", "Peak waiting list"],
  ["disengaged", "Disengaged"],
  ["starChangeMean", "Star change (8-80 scale)"],
  ["secondaryCareSaving", "Hospital cost saving"]
] as const

const interval = (metric: string, b: Band): string => `${formatMetric(metric, b.p05)} – ${formatMetric(metric, b.p95)}`

/** The median's own Monte Carlo error, on hover: its 95% interval (none with fewer than 6 replicates). */
const medianPrecision = (metric: string, b: Band): string | undefined =>
  b.p50Low === undefined || b.p50High === undefined
    ? undefined
    : `95% interval of the median itself (Monte Carlo error; more replicates narrow it): ${formatMetric(metric, b.p50Low)} – ${formatMetric(metric, b.p50High)}`

export const headlineTable = (summary: ExplorerSummary): HTMLElement =>
  h("table", { class: "figures", "data-replicates": summary.replicates },
    h("caption", {}, `${summary.scenario}: median and 90% interval over ${counted(summary.replicates, "replicate")}`,
      h("span", { class: "precision" }, monteCarloError(summary.replicates, headlineFigures.map(([metric]) => summary.metrics[metric]), "summary.json"))),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "figure"), h("th", { scope: "col" }, "median"), h("th", { scope: "col" }, "90% interval"))),
    h("tbody", {}, headlineFigures.flatMap(([metric, label]) => {
      const b = summary.metrics[metric]
      return b === undefined ? [] : [h("tr", { "data-metric": metric }, h("th", { scope: "row" }, label), h("td", { title: medianPrecision(metric, b) }, formatMetric(metric, b.p50)), h("td", {}, interval(metric, b)))]
    })))

/** One row of the contracts table: a figure, and for each contract its median and, for the main money figures, its 90% interval. */
export interface ContractRow {
  readonly figure: string
  readonly label: string
  /** A row that belongs to the one above ("in today's money (discounted)", "of which outcome payments"). */
  readonly sub: boolean
  /** Whether the row gives each contract's 90% interval beneath the median. */
  readonly spread: boolean
  readonly cells: ReadonlyArray<{ readonly central: string; readonly interval?: string }>
}

/**
 * The CLI's contracts rows for the contracts in `summary`: the median of each figure ("-" where it does not exist,
 * e.g. no investor; "(k of n)" when only k replicates have it), and for those the CLI gives a 90% interval row, that
 * interval.
 */
export const contractTableRows = (summary: ExplorerSummary): Array<ContractRow> =>
  contractRows.map(([label, figure, spread]) => ({
    figure,
    label: label.trim().replace("{first}", summary.contracts[0]?.name ?? "the first"),
    sub: label.startsWith(" "),
    spread: spread !== undefined,
    cells: summary.contracts.map((c) => {
      const metric = `${c.name}.${figure}`
      const b = summary.metrics[metric]
      if (b === undefined) return { central: "-" }
      const partial = b.replicates !== undefined ? ` (${b.replicates} of ${summary.replicates})` : ""
      return { central: `${centralText(metric, b)}${partial}`, ...(spread !== undefined ? { interval: interval(metric, b) } : {}) }
    })
  }))

/** Contracts side by side, a row for each figure; the main money figures' 90% interval in small type beneath the median. */
export const contractsTable = (summary: ExplorerSummary, inView: string): HTMLElement =>
  h("table", { class: "figures contracts" },
    h("caption", {}, "Contracts on the same simulated people (medians; chances are shares of replicates, with their 95% interval)"),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "figure"), summary.contracts.map((c) => h("th", { scope: "col", class: c.name === inView ? "in-view" : undefined }, c.name)))),
    h("tbody", {}, contractTableRows(summary).map((row) =>
      h("tr", { "data-figure": row.figure, class: row.sub ? "sub" : undefined },
        h("th", { scope: "row" }, row.label, row.spread && h("span", { class: "spread" }, "90% interval")),
        row.cells.map((cell) => h("td", {}, cell.central, cell.interval !== undefined && h("span", { class: "spread" }, cell.interval)))))))
