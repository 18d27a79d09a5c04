/** The headline figures (median and 90% interval) and every contract's money side by side, as the CLI prints them. */
import { centralText, formatMetric, monteCarloError } from "../../../src/cli/format.ts"
import type { Band } from "../../../src/results/summary.ts"
import type { ExplorerSummary } from "../summary.ts"
import { h } from "./dom.ts"

export const headlineFigures = [
  ["referrals", "People referred (episodes)"],
  ["engagedShare", "Engaged share of referrals"],
  ["meanWaitWeeks", "Mean wait for a link worker"],
  ["peakWaiting", "Peak waiting list"],
  ["disengaged", "Disengaged"],
  ["starChangeMean", "Star change (8-80 scale)"],
  ["secondaryCareSaving", "Hospital cost saving"]
] as const

export const contractFigures = [
  ["commissionerOutlay", "Total paid by commissioners"],
  ["outcomePayments", "of which outcome payments"],
  ["capReachedWeek", "Outcome cap reached"],
  ["capReachedChance", "Chance the cap is reached (mean)"],
  ["providerMinCash", "Provider's lowest cash"],
  ["investorCapitalDrawn", "Investor capital drawn"],
  ["investorIrr", "Investor IRR (a year)"],
  ["investorMultiple", "Investor money multiple"],
  ["investorLossChance", "Chance the investor loses capital (mean)"],
  ["commissionerNetCost", "Commissioner outlay net of savings"],
  ["npvCommissioner", "NPV to commissioner"],
  // Paired with the first contract replicate by replicate ({first}: its name).
  ["npvGainOverFirst", "gain over {first} (same people)"],
  ["betterValueThanFirstChance", "Chance of better value than {first}"],
  ["costPerEngaged", "Cost per person engaged"]
] as const

const interval = (metric: string, b: Band): string => `${formatMetric(metric, b.p05)} – ${formatMetric(metric, b.p95)}`

/** The median's own Monte Carlo error, on hover: its 95% interval (none with fewer than 6 replicates). */
const medianPrecision = (metric: string, b: Band): string | undefined =>
  b.p50Low === undefined || b.p50High === undefined
    ? undefined
    : `95% interval of the median itself (Monte Carlo error; more replicates narrow it): ${formatMetric(metric, b.p50Low)} – ${formatMetric(metric, b.p50High)}`

export const headlineTable = (summary: ExplorerSummary): HTMLElement =>
  h("table", { class: "figures", "data-replicates": summary.replicates },
    h("caption", {}, `${summary.scenario}: median and 90% interval over ${summary.replicates} replicates`,
      h("span", { class: "precision" }, monteCarloError(summary.replicates, headlineFigures.map(([metric]) => summary.metrics[metric]), "summary.json"))),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "figure"), h("th", { scope: "col" }, "median"), h("th", { scope: "col" }, "90% interval"))),
    h("tbody", {}, headlineFigures.flatMap(([metric, label]) => {
      const b = summary.metrics[metric]
      return b === undefined ? [] : [h("tr", { "data-metric": metric }, h("th", { scope: "row" }, label), h("td", { title: medianPrecision(metric, b) }, formatMetric(metric, b.p50)), h("td", {}, interval(metric, b)))]
    })))

/** Median of each contract figure, contracts side by side; "-" where a figure does not exist (e.g. no investor). */
export const contractsTable = (summary: ExplorerSummary, inView: string): HTMLElement =>
  h("table", { class: "figures contracts" },
    h("caption", {}, "Contracts on the same simulated people (medians; chances are shares of replicates, with their 95% interval)"),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "figure"), summary.contracts.map((c) => h("th", { scope: "col", class: c.name === inView ? "in-view" : undefined }, c.name)))),
    h("tbody", {}, contractFigures.map(([figure, label]) =>
      h("tr", { "data-figure": figure }, h("th", { scope: "row" }, label.replace("{first}", summary.contracts[0]?.name ?? "the first")), summary.contracts.map((c) => {
        const metric = `${c.name}.${figure}`
        const b = summary.metrics[metric]
        const partial = b?.replicates !== undefined ? ` (${b.replicates} of ${summary.replicates})` : ""
        return h("td", {}, b === undefined ? "-" : `${centralText(metric, b)}${partial}`)
      })))))
