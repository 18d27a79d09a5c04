/** The headline table printed by `spsim run`: median and 90% interval of the figures people ask about first. */
import type { ProvenanceSummary } from "../scenario/provenance.ts"
import type { SummaryDocument } from "../results/document.ts"
import { groupMeasures, groupMetricName, parseGroupMetric } from "../results/groups.ts"
import { centralText, type Format, formatMetric, formatValue, monteCarloError, overReplicates, overReplicatesLegend, textTable, wrapText } from "./format.ts"

/** The headline table's rows (label, figure, format); the explorer's headline and its names for figures take theirs from here. */
export const headlineRows: ReadonlyArray<readonly [label: string, metric: string, format: Format]> = [
  ["People referred", "people", "count"],
  ["Referrals (incl. re-referrals)", "referrals", "count"],
  ["Engaged", "engaged", "count"],
  ["Engaged share of referrals", "engagedShare", "share"],
  ["Never engaged", "neverEngaged", "count"],
  ["Disengaged", "disengaged", "count"],
  ["Dropped out, share of people engaged", "disengagedShare", "share"],
  ["Discharged", "discharged", "count"],
  ["Mean wait for a link worker", "meanWaitWeeks", "weeks"],
  ["Peak waiting list", "peakWaiting", "count"],
  ["Mean active caseload (all)", "meanActive", "count"],
  ["Mean caseload per FTE", "meanCaseloadPerFte", "decimal"],
  ["Link workers who left", "linkWorkerLeavers", "count"],
  ["People handed over", "handovers", "count"],
  ["Onward referrals", "onwardReferrals", "count"],
  ["Onward referrals failed", "onwardReferralFailureShare", "share"],
  ["Mean time on programme", "meanWeeksOnProgramme", "weeks"],
  ["Star change (8-80 scale)", "starChangeMean", "points"],
  ["Improved in 1+ Star area", "starImprovedShare", "share"],
  ["Hospital cost", "secondaryCareCost", "gbp"],
  ["Comparison group hospital cost", "comparisonSecondaryCareCost", "gbp"],
  ["Hospital cost saving", "secondaryCareSaving", "gbp"]
]

/** A figure's label in the headline table, if it has a row there. */
export const headlineLabel = (metric: string): string | undefined => headlineRows.find(([, m]) => m === metric)?.[0]

/**
 * The contracts table's rows, here and in the explorer (web/src/views/headline.ts): a label (two leading spaces
 * for a row that belongs to the one above; {first}: the first contract's name) and the figure. Each figure is
 * shown as its name implies (`formatOf`; a chance with its interval, `centralText`); those marked `spread` have
 * their 90% interval over replicates beneath (what good and bad luck do to the money; for the week the cap is
 * reached, over the replicates that reach it; for the gain over the first contract, of the paired difference).
 */
export const contractRows: ReadonlyArray<readonly [label: string, metric: string, spread?: "spread"]> = [
  ["Total paid by commissioners", "commissionerOutlay", "spread"],
  ["  in today's money (discounted)", "commissionerOutlayPv"],
  ["  of which outcome payments", "outcomePayments"],
  ["Outcome cap reached", "capReachedWeek", "spread"],
  ["Chance the cap is reached (mean)", "capReachedChance"],
  ["Provider cost", "providerCost"],
  ["Provider surplus", "providerSurplus"],
  ["Provider lowest cash", "providerMinCash", "spread"],
  ["Working capital the provider needs", "providerCashNeed", "spread"],
  ["Investor capital drawn (in all)", "investorCapitalDrawn"],
  ["  most outstanding at once", "investorPeakOutstanding"],
  ["Investor IRR (a year)", "investorIrr", "spread"],
  ["Investor money multiple", "investorMultiple"],
  ["Chance the investor loses capital (mean)", "investorLossChance"],
  ["Commissioner net cost (less hospital saving)", "commissionerNetCost"],
  ["NPV to commissioner (saving - payments)", "npvCommissioner", "spread"],
  // Paired with the first contract replicate by replicate ({first}: its name).
  ["  gain over {first} (same people)", "npvGainOverFirst", "spread"],
  ["Chance of better value than {first}", "betterValueThanFirstChance"],
  ["Cost per person engaged", "costPerEngaged"],
  ["  in today's money (discounted)", "costPerEngagedPv"],
  ["Cost per Star point gained", "costPerStarPoint"],
  ["  in today's money (discounted)", "costPerStarPointPv"]
]

/**
 * Contracts side by side: the median of each figure, with how many replicates it exists in when not all, and for
 * the main money figures their 90% interval on the row beneath.
 */
export const contractsTable = (summary: SummaryDocument): string => {
  const names = summary.contracts
  const cell = (contract: string, metric: string): string => {
    const band = summary.metrics[`${contract}.${metric}`]
    if (band === undefined) return "-"
    return `${centralText(metric, band)}${overReplicates(band, summary.replicates)}`
  }
  const spreadCell = (contract: string, metric: string): string => {
    const band = summary.metrics[`${contract}.${metric}`]
    return band === undefined ? "-" : `${formatMetric(metric, band.p05)} – ${formatMetric(metric, band.p95)}`
  }
  const lines = contractRows.flatMap(([label, metric, spread]) => [
    [label.replace("{first}", names[0]), ...names.map((c) => cell(c, metric))],
    ...(spread === undefined ? [] : [["  90% interval", ...names.map((c) => spreadCell(c, metric))]])
  ])
  return textTable(["median over replicates", ...names], lines)
}

/**
 * What the contracts table rests on, said beneath it: every contract pays for the same simulated service (how well
 * it works does not change with the contract), at the scenario's own prices; and which contracts leave the provider
 * out of pocket (a median surplus below zero), so that "better value" is not read off a contract no provider could
 * run as priced.
 */
export const contractsCaveats = (contracts: ReadonlyArray<string>, metrics: Readonly<Record<string, { readonly p50: number } | undefined>>): Array<string> => {
  // One paragraph each (the CLI prints each on a line of its own, the explorer in a paragraph).
  const lines = [
    "Every contract pays for the same simulated service: how well it works does not change with the contract (docs/contracts.md), " +
    "and each contract's block grant, fees, tariffs and caps are the scenario's own prices."
  ]
  const losing = contracts.flatMap((c) => {
    const surplus = metrics[`${c}.providerSurplus`]?.p50
    return surplus !== undefined && surplus < 0 ? [`${c} (${formatMetric("providerSurplus", surplus)})`] : []
  })
  if (losing.length > 0) {
    lines.push(`The provider's income does not cover its costs under ${losing.join(", ")}: median surplus below zero, not a contract it could run as priced.`)
  }
  return lines
}

const payersBlock = (summary: SummaryDocument): Array<string> => {
  const lines = payerLines(summary)
  return lines.length === 0 ? [] : ["Paid by each payer (medians over replicates):", ...lines, ""]
}

/**
 * Who pays what under each contract: every payer's median payments ("outcomes: ccg £7.00m, bigLotteryFund £2.00m"),
 * from the contract's `paymentsByPayer.<payer>` figures; a contract with a single payer is left out (its outlay is
 * the table's). Medians of parts need not add up to the median of the whole.
 */
export const payerLines = (summary: Pick<SummaryDocument, "contracts" | "metrics">): Array<string> =>
  summary.contracts.flatMap((contract) => {
    const prefix = `${contract}.paymentsByPayer.`
    const payers = Object.keys(summary.metrics).filter((name) => name.startsWith(prefix))
    if (payers.length < 2) return []
    return [`  ${contract}: ${payers.map((name) => `${name.slice(prefix.length)} ${formatMetric(name, summary.metrics[name].p50)}`).join(", ")}`]
  })

export const headlineTable = (summary: SummaryDocument): string => {
  const lines = headlineRows.flatMap(([label, metric, format]) => {
    const band = summary.metrics[metric]
    if (band === undefined) return []
    return [[label, formatValue(band.p50, format), `${formatValue(band.p05, format)} – ${formatValue(band.p95, format)}`]]
  })
  return [
    `${summary.scenario.name}: ${summary.replicates} replicate${summary.replicates === 1 ? "" : "s"}, seed ${summary.seed}, ${summary.horizonWeeks} weeks from ${summary.startDate} (spsim ${summary.spsimVersion})`,
    "",
    textTable(["", "median", "90% interval"], lines),
    ...(summary.contracts.length > 0 ? ["", "Contracts on the same simulated people", "", contractsTable(summary), "", ...payersBlock(summary), ...contractsCaveats(summary.contracts, summary.metrics)] : []),
    "",
    `${intervalsShow(summary)} ${assumptionsLine(summary.provenance)}`,
    ...[monteCarloError(summary.replicates, headlineRows.map(([, metric]) => summary.metrics[metric]), "summary.json")].filter((line) => line !== "")
  ].join("\n")
}

/** How much rests on assumptions: values with nothing published, and those the scenario changed without a source. */
export const assumptionsLine = (p: ProvenanceSummary): string => {
  const n = p.unsourced.length
  const changed = n === 0 ? "" : ` ${n} of them ${n === 1 ? "differs" : "differ"} from the Ways to Wellness default with no source given (${p.unsourced.slice(0, 3).join(", ")}${n > 3 ? ", …" : ""}).`
  return `${p.byConfidence.assumed} of ${p.values} values are assumed (nothing published).${changed} spsim provenance FILE gives each value's source.`
}

/**
 * `spsim run --groups`: each measure of outcomes by group (`src/results/groups.ts`), its median over replicates and,
 * on the row beneath, its 90% interval, as the contracts table gives the money's; three measures a table, so that
 * a group's intervals fit in 100 columns.
 */
export const groupsTable = (summary: SummaryDocument): string => {
  // Every measure `groupMetrics` makes, in its order (the type fails if one is added without a label).
  const labels: Record<(typeof groupMeasures)[number], string> = {
    people: "people",
    engagedShare: "engaged",
    disengagedShare: "dropped out",
    starChangeMean: "Star change",
    onwardReferralFailureShare: "onward failed",
    secondaryCareSavingShareEngaged: "hospital saving (engaged)"
  }
  const groups: Array<{ readonly dimension: string; readonly group: string }> = []
  for (const name of Object.keys(summary.metrics)) {
    const g = parseGroupMetric(name)
    if (g !== undefined && !groups.some((x) => x.dimension === g.dimension && x.group === g.group)) groups.push(g)
  }
  const bandOf = (dimension: string, group: string, measure: string) => {
    const metric = groupMetricName(dimension, group, measure)
    return { metric, band: summary.metrics[metric] }
  }
  // The median, with how many replicates it is over when not all (a group with no onward referral in a replicate).
  const cell = (dimension: string, group: string, measure: string): string => {
    const { metric, band } = bandOf(dimension, group, measure)
    return band === undefined ? "-" : `${formatMetric(metric, band.p50)}${overReplicates(band, summary.replicates)}`
  }
  const spreadCell = (dimension: string, group: string, measure: string): string => {
    const { metric, band } = bandOf(dimension, group, measure)
    return band === undefined ? "-" : `${formatMetric(metric, band.p05)} – ${formatMetric(metric, band.p95)}`
  }
  const perTable = 3
  const tables = Array.from({ length: Math.ceil(groupMeasures.length / perTable) }, (_, t) => {
    const measures = groupMeasures.slice(t * perTable, (t + 1) * perTable)
    const lines = groups.flatMap(({ dimension, group }) => [
      [`${dimension}: ${group}`, ...measures.map((measure) => cell(dimension, group, measure))],
      ["  90% interval", ...measures.map((measure) => spreadCell(dimension, group, measure))]
    ])
    return textTable(["", ...measures.map((measure) => labels[measure])], lines)
  })
  const partly = Object.entries(summary.metrics).some(([name, band]) => parseGroupMetric(name) !== undefined && band.replicates !== undefined)
  return [
    "Outcomes by group: the median over replicates and, beneath, its 90% interval",
    "",
    tables.join("\n\n"),
    "",
    // Notes as wide as the tables may be (100 columns).
    ...wrapText("engaged: share of people referred who engaged at least once; dropped out: share of those whose last episode " +
      "ended in dropout; Star change: people reviewed twice or more; onward failed: share of onward referrals that failed; " +
      "hospital saving: people who engaged, against their comparison counterparts.", 100),
    ...(partly ? [`${overReplicatesLegend}.`] : []),
    ...wrapText("90% interval: the 5th to 95th percentile of the group's figure over replicates, where 90% of them put it " +
      "(summary.json: group.<dimension>.<group>.<measure>). Two groups' intervals that overlap do not by themselves show " +
      "that the groups do not differ: their figures often move together from replicate to replicate, so that one can be " +
      "ahead in nearly every replicate (replicates.csv, written with --out, pairs them). For a change to the scenario, " +
      "spsim compare --metric group.<dimension>.<group>.<measure> gives each group's paired difference, replicate by replicate.", 100)
  ].join("\n")
}

const intervalsShow = (summary: SummaryDocument): string => {
  const u = summary.parameterUncertainty
  return u === undefined
    ? "Intervals show chance alone."
    : `Intervals include parameter uncertainty: each replicate drew its values of ${u.parameters.length} parameters from ${u.sets} posterior sets in ${u.posterior}.`
}
