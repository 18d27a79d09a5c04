/**
 * Each contract on one replicate: what it paid, to whom and when, every party's money, and the figures
 * summary.json reports as <contract>.<metric>. All contracts see the very same simulated people.
 */
import type { Sim } from "../model/sim.ts"
import type { Metrics } from "../results/metrics.ts"
import type { Scenario } from "../scenario/schema.ts"
import type { CompiledContract } from "./compile.ts"
import { blockStream, type ContractPayments, evaluateContract, feesStream } from "./evaluate.ts"
import { irr, npv } from "./finance.ts"
import { contractMoney, isRevolving, type Money, providerCostPerWeek } from "./money.ts"
import { weeksPerQuarter } from "./periods.ts"

export interface ContractRun {
  readonly name: string
  readonly payments: ContractPayments
  readonly money: Money
}

export const runContracts = (compiled: ReadonlyArray<CompiledContract>, scenario: Scenario, sim: Sim): Array<ContractRun> => {
  if (compiled.length === 0) return []
  const costs = providerCostPerWeek(scenario, sim)
  return compiled.map((c) => {
    const payments = evaluateContract(c, sim)
    return { name: c.contract.name, payments, money: contractMoney(c.contract, sim, payments.paid, costs) }
  })
}

/** Why a figure is absent from a replicate, keyed like the metric. */
export type Notes = Record<string, string>

const ratio = (a: number, b: number): number | undefined => (b > 0 ? a / b : undefined)

/**
 * The outcomes a cost per outcome divides by, in today's money's terms: each discounted from the quarter it happened
 * in, as the payments are from the quarter they are made in (Green Book practice: costs and outcomes discounted
 * alike). `engaged`: people engaging, week by week; `starPoints`: the week-by-week change in the total Star change
 * of people reviewed twice or more (their last review less their baseline), which sums to the undiscounted total.
 */
export interface DiscountedOutcomes {
  readonly engaged: number
  readonly starPoints: number
}

/** A weekly series summed by quarter (as the money is) and discounted to the start at the appraisal's rate. */
export const presentValueOfWeekly = (weekly: ArrayLike<number>, ratePerYear: number): number => {
  const quarters = new Float64Array(Math.floor(Math.max(0, weekly.length - 1) / weeksPerQuarter) + 1)
  for (let w = 0; w < weekly.length; w++) quarters[Math.floor(w / weeksPerQuarter)] += weekly[w]
  return npv(quarters, ratePerYear, 4)
}

export const discountedOutcomes = (sim: Sim, ratePerYear: number): DiscountedOutcomes => {
  const c = sim.weekly.columns
  const weeks = sim.weekly.weeks
  const starPoints = new Float64Array(weeks)
  let before = 0
  for (let w = 0; w < weeks; w++) {
    const total = c.starChangeMeanToDate[w] * c.starReviewedToDate[w]
    starPoints[w] = total - before
    before = total
  }
  return { engaged: presentValueOfWeekly(c.engagedNew.subarray(0, weeks), ratePerYear), starPoints: presentValueOfWeekly(starPoints, ratePerYear) }
}

/**
 * `engaged` and `starPoints` (total Star change of people reviewed twice or more) come from the replicate's
 * own metrics, for the cost per outcome; `discounted`, the same outcomes discounted (`discountedOutcomes`), for the
 * cost per outcome in today's money.
 */
export const contractMetrics = (
  run: ContractRun, compiled: CompiledContract, scenario: Scenario, engaged: number, starPoints: number, discounted?: DiscountedOutcomes
): { metrics: Metrics; notes: Notes } => {
  const n = (metric: string) => `${run.name}.${metric}`
  const m: Metrics = {}
  const notes: Notes = {}
  const byStream = new Map<string, number>()
  const byPayer = new Map<string, number>()
  for (const p of run.payments.paid) {
    byStream.set(p.stream, (byStream.get(p.stream) ?? 0) + p.amount)
    byPayer.set(p.payer, (byPayer.get(p.payer) ?? 0) + p.amount)
  }
  const due = run.payments.due.reduce((s, d) => s + d.amount, 0)
  let outcome = 0
  for (const cm of compiled.metrics) {
    const paid = byStream.get(cm.metric.name) ?? 0
    outcome += paid
    m[n(`outcomePaymentsByMetric.${cm.metric.name}`)] = paid
  }
  m[n("outcomePayments")] = outcome
  m[n("blockPayments")] = byStream.get(blockStream) ?? 0
  m[n("feePayments")] = byStream.get(feesStream) ?? 0
  for (const payer of compiled.contract.payers) m[n(`paymentsByPayer.${payer.name}`)] = byPayer.get(payer.name) ?? 0
  const money = run.money
  // The same payments summed in two orders differ in their last bits: under half a penny is that, not money unpaid.
  const unpaid = due - money.commissionerOutlay
  m[n("unpaidOverCeilings")] = unpaid >= 0.005 ? unpaid : 0
  if (run.payments.capReachedWeek !== undefined) m[n("capReachedWeek")] = run.payments.capReachedWeek
  else notes[n("capReachedWeek")] = compiled.contract.capTotal === undefined ? "the contract has no total cap" : "the total cap was not reached"
  // 1 or 0 in each replicate: their mean over replicates is the chance (`formatOf`: a name ending in Chance).
  if (compiled.contract.capTotal !== undefined) m[n("capReachedChance")] = run.payments.capReachedWeek !== undefined ? 1 : 0
  else notes[n("capReachedChance")] = "the contract has no total cap"
  m[n("providerCost")] = money.providerCost
  m[n("providerMinCash")] = money.providerMinCash
  m[n("providerCashNeed")] = money.providerCashNeed
  m[n("providerSurplus")] = money.providerEndCash - (compiled.contract.financing?.providerStartingCash ?? 0)
  m[n("investorCapitalDrawn")] = money.investorDrawn
  m[n("investorRepaid")] = money.investorReceived
  if (compiled.contract.financing !== undefined) m[n("investorPeakOutstanding")] = money.investorPeakOutstanding
  if (money.investorDrawn > 0) {
    const r = irr(money.investorFlows, 4)
    if (r.ok) m[n("investorIrr")] = r.annualRate
    else notes[n("investorIrr")] = r.reason
    // On the capital at risk: what was drawn, or for a revolving facility (whose repaid capital is drawn again, so
    // that the sum drawn overstates it) the most outstanding at once, plus what was received beyond the principal.
    m[n("investorMultiple")] = isRevolving(compiled.contract)
      ? (money.investorPeakOutstanding + money.investorReceived - money.investorDrawn) / money.investorPeakOutstanding
      : money.investorReceived / money.investorDrawn
    m[n("investorLossChance")] = money.investorReceived < money.investorDrawn ? 1 : 0
  } else {
    const reason = compiled.contract.financing === undefined ? "no social investment in this contract" : "no capital was drawn"
    notes[n("investorIrr")] = reason
    notes[n("investorMultiple")] = reason
    notes[n("investorLossChance")] = reason
  }
  m[n("commissionerOutlay")] = money.commissionerOutlay
  m[n("commissionerNetCost")] = money.commissionerOutlay - money.saving
  const perEngaged = ratio(money.commissionerOutlay, engaged)
  if (perEngaged !== undefined) m[n("costPerEngaged")] = perEngaged
  else notes[n("costPerEngaged")] = "nobody engaged"
  const perPoint = ratio(money.commissionerOutlay, starPoints)
  if (perPoint !== undefined) m[n("costPerStarPoint")] = perPoint
  else notes[n("costPerStarPoint")] = "no Star improvement was recorded"
  m[n("npvCommissioner")] = npv(money.commissionerFlows, scenario.appraisal.discountRatePerYear, 4)
  // The same discounting for the payments alone: what the contract costs in today's money.
  const outlayPv = npv(money.commissionerPayments, scenario.appraisal.discountRatePerYear, 4)
  m[n("commissionerOutlayPv")] = outlayPv
  if (discounted !== undefined) {
    const perEngagedPv = ratio(outlayPv, discounted.engaged)
    if (perEngagedPv !== undefined) m[n("costPerEngagedPv")] = perEngagedPv
    else notes[n("costPerEngagedPv")] = "nobody engaged"
    const perPointPv = ratio(outlayPv, discounted.starPoints)
    if (perPointPv !== undefined) m[n("costPerStarPointPv")] = perPointPv
    else notes[n("costPerStarPointPv")] = "no Star improvement was recorded"
  }
  if (run.payments.invalidResults > 0) notes[n("formulaResults")] = `${run.payments.invalidResults} formula results were not finite numbers and paid nothing`
  return { metrics: m, notes }
}

/**
 * Each contract against the scenario's first, on the very same simulated people in the same replicate: how much
 * more the commissioner's NPV (hospital saving less payments, discounted) is under it (`npvGainOverFirst`; the
 * saving is the same under every contract, so this is the discounted payments it saves), and whether it is the
 * better value (`betterValueThanFirstChance`: 1 or 0, its mean over replicates the chance). The first contract has
 * neither.
 */
export const againstFirstContract = (names: ReadonlyArray<string>, metrics: Metrics): { metrics: Metrics; notes: Notes } => {
  const out: Metrics = {}
  const notes: Notes = {}
  const first = metrics[`${names[0]}.npvCommissioner`]
  if (names.length < 2 || first === undefined) return { metrics: out, notes }
  const reason = "the first contract is what the others are compared with"
  notes[`${names[0]}.npvGainOverFirst`] = reason
  notes[`${names[0]}.betterValueThanFirstChance`] = reason
  for (const name of names.slice(1)) {
    const npv = metrics[`${name}.npvCommissioner`]
    if (npv === undefined) continue
    out[`${name}.npvGainOverFirst`] = npv - first
    out[`${name}.betterValueThanFirstChance`] = npv > first ? 1 : 0
  }
  return { metrics: out, notes }
}
