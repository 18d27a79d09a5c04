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

export interface Money {
  readonly cashflows: ReadonlyArray<CashflowRow>
  readonly providerCost: number
  readonly providerIncome: number
  readonly providerMinCash: number
  readonly providerEndCash: number
  readonly investorDrawn: number
  readonly investorReceived: number
  /** Quarterly net flows: the investor's (−drawn + received) and the commissioner's (saving − payments). */
  readonly investorFlows: Float64Array
  readonly commissionerFlows: Float64Array
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

export const contractMoney = (contract: Contract, sim: Sim, paid: ReadonlyArray<PaymentRow>, costs: Float64Array): Money => {
  const H = sim.weekly.weeks
  const lastWeek = paid.reduce((w, p) => Math.max(w, p.week), H - 1)
  const quarters = Math.floor(lastWeek / weeksPerQuarter) + 1
  const income = new Float64Array(lastWeek + 1)
  for (const p of paid) income[p.week] += p.amount
  const rows = new Map<string, CashflowRow>()
  const book = (week: number, party: string, flow: string, amount: number): void => {
    if (amount === 0) return
    const quarter = Math.floor(week / weeksPerQuarter)
    const key = `${quarter}\u0000${party}\u0000${flow}`
    const row = rows.get(key)
    rows.set(key, { quarter, party, flow, amount: (row?.amount ?? 0) + amount })
  }
  const f = contract.financing
  let cash = f?.providerStartingCash ?? 0
  let minCash = cash
  let drawn = 0
  let outstanding = 0
  let received = 0
  let providerCost = 0
  for (let w = 0; w <= lastWeek; w++) {
    const receipt = income[w]
    cash += receipt
    book(w, "provider", "outcomeAndContractIncome", receipt)
    if (f !== undefined && receipt > 0) {
      // The waterfall: principal first, then a share of each receipt, up to the investor's cap.
      const repay = Math.min(outstanding, Math.max(0, cash - f.cashFloor))
      outstanding -= repay
      let toInvestor = repay
      if (outstanding <= 0 && drawn > 0) {
        const room = f.returnCapMultiple * drawn - received - repay
        toInvestor += Math.max(0, Math.min(f.returnShareAfterPrincipal * receipt, room, cash - f.cashFloor - repay))
      }
      cash -= toInvestor
      received += toInvestor
      book(w, "provider", "paidToInvestor", -toInvestor)
      book(w, "investor", "repaymentAndReturn", toInvestor)
    }
    const cost = w < H ? costs[w] : 0
    cash -= cost
    providerCost += cost
    book(w, "provider", "serviceCosts", -cost)
    if (f !== undefined && cash < f.cashFloor && drawn < f.capitalCommitted) {
      const draw = Math.min(f.cashFloor - cash, f.capitalCommitted - drawn)
      cash += draw
      drawn += draw
      outstanding += draw
      book(w, "provider", "capitalDrawn", draw)
      book(w, "investor", "capitalProvided", -draw)
    }
    if (cash < minCash) minCash = cash
  }
  let outlay = 0
  for (const p of paid) {
    outlay += p.amount
    book(p.week, p.payer, `${p.stream}Payments`, -p.amount)
    book(p.week, "commissioner", "payments", -p.amount)
  }
  let saving = 0
  const col = sim.weekly.columns
  for (let w = 0; w < H; w++) {
    const s = col.comparisonSecondaryCareCost[w] - col.secondaryCareCost[w]
    saving += s
    book(w, "commissioner", "hospitalSaving", s)
  }
  const cashflows = [...rows.values()].sort((x, y) => x.quarter - y.quarter || (x.party < y.party ? -1 : x.party > y.party ? 1 : x.flow < y.flow ? -1 : 1))
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
    providerEndCash: cash,
    investorDrawn: drawn,
    investorReceived: received,
    investorFlows,
    commissionerFlows,
    commissionerOutlay: outlay,
    saving
  }
}
