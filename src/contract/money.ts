/**
 * Every party's money, week by week, for one contract on one replicate: the provider pays for its staff and
 * running costs and receives the payers' payments; with social investment, capital is drawn whenever the
 * provider's cash would fall below its floor, and repaid from income (principal first, then a share of each
 * receipt up to a cap on the investor's total); the commissioner pays and gains the hospital-cost saving.
 * Flows are then summed by quarter, the grain of cashflows.csv and of the IRR and NPV figures.
 */
import type { Sim } from "../model/sim.ts"
import type { Scenario } from "../scenario/schema.ts"
import type { Contract } from "../scenario/sections/contracts.ts"
import type { PaymentRow } from "./payers.ts"
import { weeksPerQuarter, weeksPerYear } from "./periods.ts"

/** A quarter's flow for a party; amounts are signed from that party's point of view. */
export interface CashflowRow {
  readonly quarter: number
  readonly party: string
  readonly flow: string
  readonly amount: number
}

/** One party's flow of one kind, summed by quarter. */
interface Lane {
  readonly party: string
  readonly flow: string
  readonly amounts: Float64Array
  readonly booked: Uint8Array
}

export interface Money {
  readonly cashflows: ReadonlyArray<CashflowRow>
  readonly providerCost: number
  readonly providerIncome: number
  readonly providerMinCash: number
  /**
   * The most the provider's costs to date ran ahead of its contract income to date (0 if never): the working capital
   * it needs before payments catch up, from its own reserves or an investor, whatever the financing terms.
   */
  readonly providerCashNeed: number
  readonly providerEndCash: number
  /** Capital drawn in all (with a revolving facility, capital repaid and drawn again counts each time). */
  readonly investorDrawn: number
  readonly investorReceived: number
  /** The most capital outstanding at once: the size of facility the provider used. */
  readonly investorPeakOutstanding: number
  /** Capital drawn and not repaid by the end. */
  readonly investorOutstanding: number
  /** Quarterly net flows: the investor's (−drawn + received) and the commissioner's (saving − payments). */
  readonly investorFlows: Float64Array
  readonly commissionerFlows: Float64Array
  /** What the commissioners pay in each quarter (positive), for its present value. */
  readonly commissionerPayments: Float64Array
  readonly commissionerOutlay: number
  readonly saving: number
}

/** The provider's cost of running the service in each week: staff actually employed, hiring, management, grants. */
export const providerCostPerWeek = (scenario: Scenario, sim: Sim): Float64Array => {
  const c = scenario.providerCosts
  const col = sim.weekly.columns
  const out = new Float64Array(sim.weekly.weeks)
  for (let w = 0; w < out.length; w++) {
    out[w] = (col.linkWorkersFte[w] * c.linkWorkerCostPerFteYear * (1 + c.overheadShare)) / weeksPerYear +
      col.hires[w] * c.hiringCostPerHire + (c.managementPerYear + c.serviceGrantsPerYear) / weeksPerYear
  }
  return out
}

/** Whether a contract's financing is a revolving facility (its limit on the capital outstanding, not drawn in all). */
export const isRevolving = (contract: Contract): boolean => contract.financing?.facility === "revolving"

export const contractMoney = (contract: Contract, sim: Sim, paid: ReadonlyArray<PaymentRow>, costs: Float64Array): Money => {
  const H = sim.weekly.weeks
  const lastWeek = paid.reduce((w, p) => Math.max(w, p.week), H - 1)
  const quarters = Math.floor(lastWeek / weeksPerQuarter) + 1
  const income = new Float64Array(lastWeek + 1)
  for (const p of paid) income[p.week] += p.amount
  // Each (party, flow) sums its bookings by quarter; a row exists for a quarter where something non-zero was booked.
  const lanes = new Map<string, Map<string, Lane>>()
  const lane = (party: string, flow: string): Lane => {
    let flows = lanes.get(party)
    if (flows === undefined) lanes.set(party, (flows = new Map()))
    let found = flows.get(flow)
    if (found === undefined) flows.set(flow, (found = { party, flow, amounts: new Float64Array(quarters), booked: new Uint8Array(quarters) }))
    return found
  }
  const book = (week: number, into: Lane, amount: number): void => {
    if (amount === 0) return
    const quarter = Math.floor(week / weeksPerQuarter)
    into.amounts[quarter] += amount
    into.booked[quarter] = 1
  }
  const providerIncome = lane("provider", "outcomeAndContractIncome")
  const providerToInvestor = lane("provider", "paidToInvestor")
  const investorReturn = lane("investor", "repaymentAndReturn")
  const providerCosts = lane("provider", "serviceCosts")
  const providerDrawn = lane("provider", "capitalDrawn")
  const investorProvided = lane("investor", "capitalProvided")
  const commissionerPayments = lane("commissioner", "payments")
  const commissionerSaving = lane("commissioner", "hospitalSaving")
  const f = contract.financing
  let cash = f?.providerStartingCash ?? 0
  let minCash = cash
  let drawn = 0
  let outstanding = 0
  let peakOutstanding = 0
  let received = 0
  // A revolving facility caps the capital outstanding and pays its return on the most outstanding at once (the
  // capital at risk); a fixed one caps the capital drawn in all, and its return is on that.
  const revolving = isRevolving(contract)
  let principalRepaid = 0
  let providerCost = 0
  // Contract income less costs to date, before starting cash and any investment; its lowest point.
  let ownBalance = 0
  let lowestOwn = 0
  for (let w = 0; w <= lastWeek; w++) {
    const receipt = income[w]
    cash += receipt
    ownBalance += receipt
    book(w, providerIncome, receipt)
    if (f !== undefined && receipt > 0) {
      // The waterfall: principal first, then a share of each receipt, up to the investor's cap.
      const repay = Math.min(outstanding, Math.max(0, cash - f.cashFloor))
      outstanding -= repay
      principalRepaid += repay
      let toInvestor = repay
      if (outstanding <= 0 && drawn > 0) {
        const room = revolving
          ? (f.returnCapMultiple - 1) * peakOutstanding - (received - (principalRepaid - repay))
          : f.returnCapMultiple * drawn - received - repay
        toInvestor += Math.max(0, Math.min(f.returnShareAfterPrincipal * receipt, room, cash - f.cashFloor - repay))
      }
      cash -= toInvestor
      received += toInvestor
      book(w, providerToInvestor, -toInvestor)
      book(w, investorReturn, toInvestor)
    }
    const cost = w < H ? costs[w] : 0
    cash -= cost
    ownBalance -= cost
    if (ownBalance < lowestOwn) lowestOwn = ownBalance
    providerCost += cost
    book(w, providerCosts, -cost)
    const used = revolving ? outstanding : drawn
    if (f !== undefined && cash < f.cashFloor && used < f.capitalCommitted) {
      const draw = Math.min(f.cashFloor - cash, f.capitalCommitted - used)
      cash += draw
      drawn += draw
      outstanding += draw
      if (outstanding > peakOutstanding) peakOutstanding = outstanding
      book(w, providerDrawn, draw)
      book(w, investorProvided, -draw)
    }
    if (cash < minCash) minCash = cash
  }
  let outlay = 0
  for (const p of paid) {
    outlay += p.amount
    book(p.week, lane(p.payer, `${p.stream}Payments`), -p.amount)
    book(p.week, commissionerPayments, -p.amount)
  }
  let saving = 0
  const col = sim.weekly.columns
  for (let w = 0; w < H; w++) {
    const s = col.comparisonSecondaryCareCost[w] - col.secondaryCareCost[w]
    saving += s
    book(w, commissionerSaving, s)
  }
  const rows: Array<CashflowRow> = []
  for (const flows of lanes.values()) {
    for (const { party, flow, amounts, booked } of flows.values()) {
      for (let quarter = 0; quarter < quarters; quarter++) if (booked[quarter]) rows.push({ quarter, party, flow, amount: amounts[quarter] })
    }
  }
  const cashflows = rows.sort((x, y) => x.quarter - y.quarter || (x.party < y.party ? -1 : x.party > y.party ? 1 : x.flow < y.flow ? -1 : 1))
  const investorFlows = new Float64Array(quarters)
  const commissionerFlows = new Float64Array(quarters)
  for (const r of cashflows) {
    if (r.party === "investor") investorFlows[r.quarter] += r.amount
    if (r.party === "commissioner") commissionerFlows[r.quarter] += r.amount
  }
  return {
    cashflows,
    providerCost,
    providerIncome: outlay,
    providerMinCash: minCash,
    providerCashNeed: Math.max(0, -lowestOwn),
    providerEndCash: cash,
    investorDrawn: drawn,
    investorReceived: received,
    investorPeakOutstanding: peakOutstanding,
    investorOutstanding: outstanding,
    investorFlows,
    commissionerFlows,
    commissionerPayments: commissionerPayments.amounts.map((x) => -x),
    commissionerOutlay: outlay,
    saving
  }
}
