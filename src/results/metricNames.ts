/**
 * The names of a replicate's metrics (summary.json's), from the scenario alone: what `--metric` and a targets
 * file may name, checked before anything runs.
 */
import { onwardFailureNames } from "../model/constants.ts"
import type { Scenario } from "../scenario/schema.ts"
import { serviceCategories } from "../scenario/sections/community.ts"
import { groupDimensions, groupMeasures, groupMetricName } from "./groups.ts"
import { secondaryCareComponents } from "./metrics.ts"

/**
 * The metrics of one replicate (summary.json's names) a scenario can give: those of src/results/metrics.ts, and
 * <contract>.<figure> for each contract (src/contract/results.ts). A figure a contract cannot have (a cap reached
 * without a cap, an investor's return without financing) is not among them; one that may be missing from some
 * replicates (no Star improvement, no capital drawn) is. tests/results/metricNames.test.ts checks this list
 * against what replicates of the shipped scenarios give.
 */
export const metricNames = (scenario: Scenario): Set<string> => {
  const names = new Set<string>(baseMetrics)
  for (const name of onwardFailureNames) names.add(`onwardReferralFailures.${name}`)
  for (const name of serviceCategories) names.add(`onwardReferrals.${name}`)
  for (const { dimension, groups } of groupDimensions(scenario)) {
    for (const group of groups) for (const measure of groupMeasures) names.add(groupMetricName(dimension, group, measure))
  }
  for (const component of secondaryCareComponents) names.add(`secondaryCareSaving.${component}`)
  scenario.contracts.forEach((contract, i) => {
    const figures = [
      ...contract.metrics.map((m) => `outcomePaymentsByMetric.${m.name}`), "outcomePayments", "blockPayments", "feePayments",
      ...contract.payers.map((p) => `paymentsByPayer.${p.name}`), "unpaidOverCeilings",
      ...(contract.capTotal === undefined ? [] : ["capReachedWeek", "capReachedChance"]),
      "providerCost", "providerMinCash", "providerCashNeed", "providerSurplus", "investorCapitalDrawn", "investorRepaid",
      ...(contract.financing === undefined ? [] : ["investorPeakOutstanding", "investorIrr", "investorMultiple", "investorLossChance"]),
      "commissionerOutlay", "commissionerNetCost", "costPerEngaged", "costPerStarPoint", "npvCommissioner", "commissionerOutlayPv",
      "costPerEngagedPv", "costPerStarPointPv",
      ...(i === 0 ? [] : ["npvGainOverFirst", "betterValueThanFirstChance"])
    ]
    for (const figure of figures) names.add(`${contract.name}.${figure}`)
  })
  return names
}

/** The metrics of src/results/metrics.ts `replicateMetrics` not in a family (onwardReferrals.<category>, group.…). */
const baseMetrics = [
  "people", "referrals", "reEntries", "engaged", "engagedShare", "neverEngaged", "neverEngagedUnreachable", "neverEngagedDeclined",
  "disengaged", "disengagedShare", "discharged", "dischargedAtLimit", "dischargedSettled", "extensions", "ongoingAtEnd", "meanWaitWeeks", "peakWaiting",
  "meanWaiting", "meanActive", "meanCaseloadPerFte", "meanLinkWorkersFte", "linkWorkerLeavers", "handovers", "handoversManagedShare",
  "setbacks", "onwardReferrals", "onwardReferralFailures", "onwardReferralFailureShare", "meanWeeksOnProgramme", "starReviewed",
  "starChangeMean", "starBaselineMean", "starImprovedShare", "secondaryCareCost", "comparisonSecondaryCareCost", "secondaryCareSaving",
  "secondaryCareSavingShare", "secondaryCareSavingShareEngaged"
] as const

const baseMetricSet: ReadonlySet<string> = new Set(baseMetrics)

/**
 * Whether a metric's name is a contract's figure (`<contract>.<figure>`) rather than one of a family of the model's
 * own (`onwardReferrals.<category>`, `secondaryCareSaving.<component>`, `group.…`), whose first part is a metric or "group".
 */
export const isContractMetric = (name: string): boolean => {
  const dot = name.indexOf(".")
  return dot > 0 && name.slice(0, dot) !== "group" && !baseMetricSet.has(name.slice(0, dot))
}
