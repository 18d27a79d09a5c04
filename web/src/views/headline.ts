/**
 * The headline figures (median and 90% interval) and every contract's money side by side, as the CLI prints them:
 * the contracts table has the CLI's rows (`contractRows`), each main money figure's 90% interval beneath its
 * median in the same cell.
 */
import { centralText, counted, formatMetric, monteCarloError } from "../../../src/cli/format.ts"
import { contractRows, contractsCaveats, headlineLabel } from "../../../src/cli/headline.ts"
import { isContractMetric } from "../../../src/results/metricNames.ts"
import type { Band } from "../../../src/results/summary.ts"
import { humanize } from "../controls/buildControls.ts"
import type { ExplorerSummary } from "../summary.ts"
import { freshId, h, scrollX } from "./dom.ts"

/** "onwardReferralFailureShare" → "Onward referral failure share": a figure neither table labels, in words. */
const inWords = (key: string): string => {
  const words = humanize(key)
  return words.charAt(0).toUpperCase() + words.slice(1)
}

export const headlineFigures = (["referrals", "engagedShare", "meanWaitWeeks", "peakWaiting", "disengaged", "starChangeMean", "secondaryCareSaving"] as const)
  .map((metric) => [metric, headlineLabel(metric) ?? inWords(metric)] as const)

/**
 * A contract figure as the contracts table labels it; a row that belongs to the one above after that row's label
 * ("Total paid by commissioners, of which outcome payments"). `first`: the first contract's name, for the rows
 * measured against it.
 */
const contractFigureLabel = (figure: string, first: string): string | undefined => {
  const i = contractRows.findIndex(([, f]) => f === figure)
  if (i < 0) return undefined
  const own = contractRows[i][0]
  const parent = own.startsWith(" ") ? contractRows.slice(0, i).reverse().find(([label]) => !label.startsWith(" "))?.[0] : undefined
  return (parent === undefined ? own.trim() : `${parent}, ${own.trim()}`).replace("{first}", first)
}

/**
 * A metric as the page names it wherever it shows a metric's key (the analysis' figures, the compare table): the
 * headline table's label (the CLI's, `headlineLabel`), or a contract figure as the contracts table labels it after its contract
 * ("outcomes contract: Cost per person engaged"); a figure neither table shows, its key in words.
 */
export const metricLabel = (metric: string, first = "the first contract"): string => {
  const headline = headlineLabel(metric)
  if (headline !== undefined) return headline
  const dot = metric.indexOf(".")
  if (isContractMetric(metric)) {
    const figure = metric.slice(dot + 1)
    return `${metric.slice(0, dot)} contract: ${contractFigureLabel(figure, first) ?? inWords(figure)}`
  }
  // A family of the model's own: "Onward referrals: physical activity".
  return dot > 0 && !metric.startsWith("group.") ? `${metricLabel(metric.slice(0, dot))}: ${humanize(metric.slice(dot + 1))}` : inWords(metric)
}

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

export interface HeadlineView {
  readonly element: HTMLElement
  /** Puts a summary's tables under their headings, the contract in view's column marked. */
  readonly show: (summary: ExplorerSummary, inView: string) => void
}

/** A part of the results under its own heading (a region a screen reader lists by that name), its table scrolling sideways in its own box. */
const part = (className: string, title: string): { readonly element: HTMLElement; readonly box: HTMLElement } => {
  const id = freshId("heading")
  const box = scrollX(id, h("p", { class: "waiting" }, "waiting for the first replicates…"))
  return { element: h("section", { class: className, "aria-labelledby": id }, h("h2", { id, class: "section-heading" }, title), box), box }
}

/** The headline figures and the contracts, side by side where the window allows, each under its heading. */
export const headlineView = (): HeadlineView => {
  const figures = part("headline-figures", "Headline figures")
  const contracts = part("contracts-figures", "Contracts")
  const note = h("div", { class: "contracts-note" })
  contracts.element.append(note)
  return {
    element: h("div", { class: "headline" }, figures.element, contracts.element),
    show: (summary, inView) => {
      figures.box.replaceChildren(headlineTable(summary))
      contracts.box.replaceChildren(contractsTable(summary, inView))
      // As the CLI says it under its table: the same service under every contract, at the scenario's prices.
      note.replaceChildren(...contractsCaveats(summary.contracts.map((c) => c.name), summary.metrics).map((text) => h("p", {}, text)))
    }
  }
}
