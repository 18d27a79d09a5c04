/** The metrics an analysis reports when none are asked for; the CLI and the explorer both use these. */
import type { Scenario } from "../scenario/schema.ts"

const headlineMetrics = ["referrals", "engagedShare", "meanWaitWeeks", "disengaged", "disengagedShare", "starChangeMean", "onwardReferralFailureShare", "secondaryCareSaving"]
const contractMetrics = ["outcomePayments", "capReachedChance", "commissionerOutlay", "commissionerNetCost", "npvCommissioner", "providerMinCash", "providerCashNeed", "investorLossChance"]

/** The headline metrics, and the money of every contract all the scenarios have. */
export const defaultCompareMetrics = (scenarios: ReadonlyArray<Scenario>): Array<string> => {
  const shared = scenarios[0].contracts.map((c) => c.name).filter((n) => scenarios.every((s) => s.contracts.some((c) => c.name === n)))
  return [...headlineMetrics, ...shared.flatMap((c) => contractMetrics.map((m) => `${c}.${m}`))]
}

/** What a provider asks of a caseload sweep: reach, waits, dropout, wellbeing, and the first contract's money. */
export const defaultSweepMetrics = (scenario: Scenario): Array<string> => {
  const c = scenario.contracts[0]?.name
  return ["engaged", "meanWaitWeeks", "disengagedShare", "starChangeMean", ...(c === undefined ? ["secondaryCareSaving"] : [`${c}.outcomePayments`, `${c}.costPerEngaged`])]
}
