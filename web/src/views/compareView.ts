/**
 * Scenario A (pinned) against B (the scenario as it is now): both side by side, and B − A replicate by
 * replicate on common random numbers, with the 90% range of the differences and a 95% interval for the mean,
 * and B as a share of A (the mean of B / A over the replicates where A is not 0, with its 95% interval), as
 * `spsim compare` gives them.
 */
import type { PairedRatio } from "../../../src/analysis/paired.ts"
import { centralText, centralValue, formatDifference, formatValue } from "../../../src/cli/format.ts"
import type { Band } from "../../../src/results/summary.ts"
import { defaultCompareMetrics } from "../../../src/analysis/defaultMetrics.ts"
import { comparisonChart, needs } from "../charts/comparison.ts"
import { differenceMeasures, groupDifferenceChart } from "../charts/groups.ts"
import { groupDifferenceRows } from "../charts/shape.ts"
import type { EnsembleResults } from "../run/ensembleResults.ts"
import { pairedByReplicate } from "../run/pairing.ts"
import { freshId, h, scrollX } from "./dom.ts"
import { metricLabel } from "./headline.ts"

export const compareView = (a: EnsembleResults, b: EnsembleResults): HTMLElement => {
  const paired = pairedByReplicate(a.metricsByReplicateNumber(), b.metricsByReplicateNumber())
  const bandsA = a.metricsSummary()
  const bandsB = b.metricsSummary()
  const sameSeed = a.seed === b.seed
  const names = defaultCompareMetrics([a.scenario, b.scenario]).filter((n) => n in bandsA || n in bandsB)
  // Differences as `spsim compare` gives them: of shares and chances in percentage points.
  const f = (n: string, v: number | undefined) => (v === undefined || !Number.isFinite(v) ? "-" : formatDifference(n, v))
  // A scenario's figure as the tables show it (a chance with its 95% interval).
  const central = (n: string, b: Band | undefined) => (b === undefined || !Number.isFinite(centralValue(n, b)) ? "-" : centralText(n, b))
  const first = a.scenario.contracts[0]?.name
  const tableHeading = freshId("heading")
  return h("section", { class: "compare", "aria-label": "Compare A and B", "data-paired": paired.replicates },
    h("h2", {}, `A: ${a.scenario.name} (pinned) against B: the scenario now`),
    sameSeed ? h("p", {}, `${paired.replicates} paired replicates on common random numbers (seed ${a.seed}): replicate i of A and of B meet the same people and chances.`) : h("p", { class: "problem" }, `A ran with seed ${a.seed} and B with seed ${b.seed}: the replicates are not paired, so the differences carry chance as well.`),
    h("figure", { class: "compare-chart" }, h("figcaption", {}, h("h3", {}, "Active caseload and waiting list, A and B (median and 90% interval)")), comparisonChart(a.summary(needs), b.summary(needs))),
    h("h3", { id: tableHeading }, "Figures: A, B and B − A"),
    scrollX(tableHeading, h("table", { class: "figures paired" },
      h("thead", {}, h("tr", {}, ["figure", "A (median; chances: mean, 95%)", "B (median; chances: mean, 95%)", "B − A (median, 90% range)", "B − A (mean, 95% CI)", "B / A (mean, 95% CI)"].map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", {}, names.map((n) => {
        const d = paired.differences[n]
        return h("tr", { "data-metric": n },
          h("th", { scope: "row" }, metricLabel(n, first)),
          h("td", {}, central(n, bandsA[n])),
          h("td", {}, central(n, bandsB[n])),
          // A chance is 1 or 0 in each replicate, so the median of its differences is a value no pair has: its mean, beside, says it (as spsim compare).
          h("td", { class: "difference" }, d === undefined || n.endsWith("Chance") ? "-" : beneath(f(n, d.difference.p50), `${f(n, d.difference.p05)} to ${f(n, d.difference.p95)}`)),
          h("td", { class: "mean-difference" }, d === undefined || !Number.isFinite(d.meanLow) ? "-" : beneath(f(n, d.difference.mean), `${f(n, d.meanLow)} to ${f(n, d.meanHigh)}`)),
          h("td", { class: "ratio" }, beneath(...ratioParts(paired.ratios[n]))))
      })))),
    ...forWhom(groupDifferenceRows(paired.differences, differenceMeasures)))
}

/**
 * B as a share of A as `spsim compare` shows it: the mean ratio in percent and its 95% interval, when there are two
 * or more replicates to give one; "-" where A is 0 in every replicate.
 */
export const ratioParts = (r: PairedRatio | undefined): [mean: string, interval?: string] => {
  if (r === undefined) return ["-"]
  const percent = (x: number) => formatValue(x, "share")
  return Number.isFinite(r.meanLow) ? [percent(r.ratio.mean), `${percent(r.meanLow)} to ${percent(r.meanHigh)}`] : [percent(r.ratio.mean)]
}

/**
 * A figure and, beneath it in small type, its interval in brackets: the cell reads as the CLI's "x (low to high)",
 * and a narrow table breaks it there rather than inside a number ("-£5.49m (-" / "£5.84m …").
 */
const beneath = (central: string, interval?: string): Array<Node | string> =>
  interval === undefined ? [central] : [central, " ", h("span", { class: "spread" }, `(${interval})`)]

/** B − A by group, when the replicates give intervals. */
const forWhom = (rows: ReturnType<typeof groupDifferenceRows>): Array<HTMLElement> =>
  rows.length === 0 ? [] : [h("figure", { class: "for-whom" }, h("figcaption", {}, h("h3", {}, "For whom: B − A by group (mean paired difference, 95% interval)")), groupDifferenceChart(rows))]
