/**
 * Every party's money, worked by hand: the provider's costs from the staff it employs and hires, social
 * investment drawn to keep the provider above its cash floor and repaid principal first, then a share of
 * receipts up to the investor's cap; a provider with no investor running into the red; and the quarterly
 * rows of cashflows.csv giving the investor's IRR and the commissioner's NPV that summary.json reports.
 */
import { describe, expect, it } from "vitest"
import { irr, npv } from "../../src/contract/finance.ts"
import { contractMoney, type CashflowRow, type Money, providerCostPerWeek } from "../../src/contract/money.ts"
import type { PaymentRow } from "../../src/contract/payers.ts"
import { compileContracts } from "../../src/contract/compile.ts"
import { evaluateContract } from "../../src/contract/evaluate.ts"
import { contractMetrics } from "../../src/contract/results.ts"
import type { Contract } from "../../src/scenario/sections/contracts.ts"
import { Result } from "effect"
import { runReplicates, scenarioWith, shippedScenario } from "../support/scenarios.ts"
import { compiled, contract, type Financing } from "./fakeContract.ts"
import { fakeSim, type FakeSimSpec } from "./fakeSim.ts"

/** A block payment from the CCG in a given week. */
const receipt = (week: number, amount: number): PaymentRow => ({ period: 0, week, stream: "block", payer: "ccg", amount })

/** A party's rows summed by quarter, as a spreadsheet would. */
const byQuarter = (rows: ReadonlyArray<CashflowRow>, party: string, flow?: string): Array<number> => {
  const out: Array<number> = []
  for (const r of rows) {
    if (r.party !== party || (flow !== undefined && r.flow !== flow)) continue
    while (out.length <= r.quarter) out.push(0)
    out[r.quarter] += r.amount
  }
  return out
}

/** Payments are not read when the money is given (contractMetrics takes the outlay from the money). */
const noPayments = { due: [], paid: [], capReachedWeek: undefined, invalidResults: 0, periodLength: 13 }

const flowsOf = (money: Money, party: string) =>
  Object.fromEntries(money.cashflows.filter((r) => r.party === party).map((r) => [`${r.quarter} ${r.flow}`, r.amount]))

describe("provider costs", () => {
  it("are link workers actually employed, with overheads, plus hires, management and grants", () => {
    const scenario = scenarioWith((d) => {
      d.providerCosts = { linkWorkerCostPerFteYear: 52000, hiringCostPerHire: 1000, managementPerYear: 5200, overheadShare: 0.5, serviceGrantsPerYear: 2600 }
    })
    const sim = fakeSim({ weeks: 4, weekly: { linkWorkersFte: [2, 2, 1.5, 0], hires: [0, 1, 0, 2] } })
    // Staff: FTE × 52000 × 1.5 / 52 = 1500 per FTE-week; management and grants (5200 + 2600) / 52 = 150 a week.
    // Week 0: 2 FTE → 3000 + 150; week 1: + one hire 1000; week 2: 1.5 FTE → 2250 + 150; week 3: all posts
    // vacant (no staff cost), two hires → 2000 + 150.
    expect([...providerCostPerWeek(scenario, sim)]).toEqual([3150, 4150, 2400, 2150])
  })
})

describe("social investment", () => {
  // 26 weeks (quarters 0 and 1) at 100 a week; five receipts.
  const costs = new Float64Array(26).fill(100)
  const receipts = [receipt(8, 400), receipt(12, 500), receipt(16, 600), receipt(20, 2000), receipt(25, 3000)]
  const financing: Financing = { capitalCommitted: 600, providerStartingCash: 150, cashFloor: 50, returnShareAfterPrincipal: 0.25, returnCapMultiple: 2 }
  const sim = fakeSim({ weeks: 26 })

  it("draws capital to stay at the floor, repays principal first, then a share of receipts up to the cap", () => {
    const money = contractMoney(contract({ financing }), sim, receipts, costs)
    // Week 0: 150 - 100 = 50, at the floor. Weeks 1–6: 100 drawn each week, 600 in all, all that is committed.
    // Week 7: -50, nothing more to draw.
    // Week 8: +400 → 350; the 300 above the floor repays 300 of the 600 (300 outstanding); -100 → -50. Week 11: -350.
    // Week 12: +500 → 150; 100 above the floor repays 100 (200 outstanding); -100 → -50. Week 15: -350.
    // Week 16: +600 → 250; 200 repays the rest, which leaves the floor and no cash for a return; -100 → -50.
    // Week 19: -350. Week 20: +2000 → 1650; principal repaid, so a quarter of the receipt, 500 (under the cap of
    //   2 × 600 = 1200 less 600 received), goes to the investor: 1150; -100 → 1050.
    // Week 24: 650. Week 25: +3000 → 3650; a quarter would be 750, but only 1200 - 1100 = 100 is left under the
    //   cap: 3550; -100 → 3450.
    expect(money.investorDrawn).toBe(600)
    expect(money.investorReceived).toBe(1200)
    expect(money.providerMinCash).toBe(-350)
    // Whatever the financing: income to date runs at most 800 behind costs to date (week 7, as without it, below).
    expect(money.providerCashNeed).toBe(800)
    expect(money.providerEndCash).toBe(3450)
    expect(money.providerCost).toBe(2600)
    expect(money.providerIncome).toBe(6500)
    // Quarter 0 is weeks 0–12, quarter 1 weeks 13–25.
    expect(flowsOf(money, "provider")).toEqual({
      "0 capitalDrawn": 600, "0 outcomeAndContractIncome": 900, "0 paidToInvestor": -400, "0 serviceCosts": -1300,
      "1 outcomeAndContractIncome": 5600, "1 paidToInvestor": -800, "1 serviceCosts": -1300
    })
    expect(flowsOf(money, "investor")).toEqual({ "0 capitalProvided": -600, "0 repaymentAndReturn": 400, "1 repaymentAndReturn": 800 })
    expect(flowsOf(money, "ccg")).toEqual({ "0 blockPayments": -900, "1 blockPayments": -5600 })
    expect(flowsOf(money, "commissioner")).toEqual({ "0 payments": -900, "1 payments": -5600 })
    const m = contractMetrics({ name: "test", payments: noPayments, money }, compiled(contract({ financing })), shippedScenario(), 1, 1).metrics
    // Surplus: 6500 income - 2600 costs - (1200 - 600) returned above the capital = 3300 (3450 at the end - 150 at the start).
    expect(m["test.providerSurplus"]).toBe(3300)
    expect(m["test.investorMultiple"]).toBe(2)
    expect(m["test.investorLossChance"]).toBe(0)
  })

  it("counts a replicate in which the investor gets back less than it put in as a loss", () => {
    // Weeks 1–6 draw 600; one receipt of 400 in week 8 repays 300 of it (the cash above the floor), and nothing more comes.
    const money = contractMoney(contract({ financing }), sim, [receipt(8, 400)], costs)
    expect(money.investorDrawn).toBe(600)
    expect(money.investorReceived).toBe(300)
    const m = contractMetrics({ name: "test", payments: noPayments, money }, compiled(contract({ financing })), shippedScenario(), 1, 1).metrics
    expect(m["test.investorMultiple"]).toBe(0.5)
    expect(m["test.investorLossChance"]).toBe(1)
  })

  it("takes the share of the very receipt that completes the principal, as far as cash above the floor allows", () => {
    const money = contractMoney(contract({ financing: { ...financing, returnCapMultiple: 10 } }), sim, [receipt(8, 2000)], costs)
    // Weeks 1–6 draw 600; week 7: -50. Week 8: +2000 → 1950; 600 repays the principal, then a quarter of the
    // receipt, 500, goes as return: 1100 to the investor, 850 left; -100 → 750.
    expect(flowsOf(money, "investor")).toEqual({ "0 capitalProvided": -600, "0 repaymentAndReturn": 1100 })
  })

  it("a revolving facility caps the capital outstanding, so repaid capital is drawn again, and pays its return on the most out at once", () => {
    const revolving: Financing = { ...financing, facility: "revolving" }
    const money = contractMoney(contract({ financing: revolving }), sim, receipts, costs)
    // Weeks 1–6 draw 100 each: 600 outstanding, the whole facility. Week 7: -50, nothing left to draw.
    // Week 8: +400 → 350; 300 repays principal (300 outstanding); -100 → -50, and 100 is drawn again (400 out).
    // Weeks 9–10: 100 more each (600 out); week 11: -50. Week 12: +500 → 450; 400 repays (200 out); -100, drawn
    //   again, and weeks 13–15 likewise: 600 out. Week 16: +600 → 650; 600 repays it all, no cash left for a return;
    //   -100, drawn again; weeks 17–19: 400 out, 1700 drawn in all. Week 20: +2000 → 2050; 400 repays the rest, then
    //   a quarter of the receipt, 500, as return (the cap: (2 - 1) × 600 at most out at once = 600 of return):
    //   1150; -100 → 1050. Week 24: 650. Week 25: +3000; 100 of return is left under the cap: 3550; -100 → 3450.
    expect(money.investorDrawn).toBe(1700)
    expect(money.investorPeakOutstanding).toBe(600)
    expect(money.investorReceived).toBe(2300)
    // The fixed facility of the same size left the provider at -350 (above); this one only at -50, in weeks 7 and 11.
    expect(money.providerMinCash).toBe(-50)
    expect(money.providerCashNeed).toBe(800)
    expect(money.providerEndCash).toBe(3450)
    const m = contractMetrics({ name: "test", payments: noPayments, money }, compiled(contract({ financing: revolving })), shippedScenario(), 1, 1).metrics
    // On the capital at risk: (600 + 600 of return) / 600, not 2300 / 1700.
    expect(m["test.investorMultiple"]).toBe(2)
    expect(m["test.investorPeakOutstanding"]).toBe(600)
    expect(m["test.investorLossChance"]).toBe(0)
    expect(m["test.providerSurplus"]).toBe(3300)
  })

  it("a fixed facility's peak outstanding is below what it drew when repayments come between draws", () => {
    const money = contractMoney(contract({ financing }), sim, receipts, costs)
    expect(money.investorPeakOutstanding).toBe(600)
    const later = contractMoney(contract({ financing: { ...financing, capitalCommitted: 1000 } }), sim, receipts, costs)
    // 600 out by week 6, 100 more in week 7 (700); week 8 repays 400 (300 out) and weeks 8–10 draw the last 300: 700 at most.
    expect(later.investorDrawn).toBe(1000)
    expect(later.investorPeakOutstanding).toBe(700)
  })

  it("without financing, the provider's cash goes below zero and its lowest point is the working capital it needs", () => {
    const money = contractMoney(contract({}), sim, receipts, costs)
    // Cash is receipts so far less 100 a week: -800 in week 7 (the lowest), -500 in week 8, -800 in week 11, -400 in
    // week 12, -700 in week 15, -200 in week 16, -500 in week 19, 1400 in week 20, 3900 at the end.
    expect(money.providerMinCash).toBe(-800)
    expect(money.providerCashNeed).toBe(800)
    expect(money.providerEndCash).toBe(3900)
    expect(money.investorDrawn).toBe(0)
    expect(money.cashflows.filter((r) => r.party === "investor" || r.flow === "capitalDrawn" || r.flow === "paidToInvestor")).toEqual([])
    const { metrics, notes } = contractMetrics({ name: "test", payments: noPayments, money }, compiled(contract({})), shippedScenario(), 1, 1)
    expect(metrics["test.providerMinCash"]).toBe(-800)
    expect(metrics["test.providerSurplus"]).toBe(3900)
    expect(notes["test.investorIrr"]).toBe("no social investment in this contract")
    expect(metrics["test.investorLossChance"]).toBeUndefined()
    expect(notes["test.investorLossChance"]).toBe("no social investment in this contract")
  })
})

describe("cashflows.csv reproduces the summary's IRR and NPV", () => {
  it("on a hand-worked case: -1300 then +1950 a quarter later is 50% a quarter, 406.25% a year", () => {
    const financing: Financing = { capitalCommitted: 10000, providerStartingCash: 0, cashFloor: 0, returnShareAfterPrincipal: 0.5, returnCapMultiple: 1.5 }
    const c: Contract = contract({ financing, lagPeriods: 1, blockPerYear: 8000 })
    const spec: FakeSimSpec = { weeks: 13, weekly: { comparisonSecondaryCareCost: 50, secondaryCareCost: 30 } }
    const sim = fakeSim(spec)
    const payments = evaluateContract(compiled(c), sim)
    const money = contractMoney(c, sim, payments.paid, new Float64Array(13).fill(100))
    // Block: 8000 × 13 / 52 = 2000 for quarter 0, paid in week 25. Costs: 100 a week for 13 weeks, all drawn
    // (floor 0): 1300 in quarter 0. Week 25: 1300 repays the principal, then a half of 2000 capped at
    // 1.5 × 1300 - 1300 = 650: 1950 to the investor in quarter 1.
    expect(byQuarter(money.cashflows, "investor")).toEqual([-1300, 1950])
    // Commissioner: 13 × (50 - 30) = 260 saved in quarter 0, 2000 paid in quarter 1.
    expect(byQuarter(money.cashflows, "commissioner")).toEqual([260, -2000])
    const { metrics } = contractMetrics({ name: "test", payments, money }, compiled(c), shippedScenario(), 1, 1)
    expect(metrics["test.investorIrr"]).toBeCloseTo(Math.pow(1.5, 4) - 1, 9)
    expect(metrics["test.npvCommissioner"]).toBeCloseTo(260 - 2000 / Math.pow(1.035, 0.25), 9)
  })

  it("on a replicate of the shipped scenario", () => {
    const scenario = shippedScenario()
    const contracts = compileContracts(scenario)
    if (Result.isFailure(contracts)) throw new Error(contracts.failure.join("\n"))
    const [replicate] = runReplicates(scenario, 1)
    for (const run of replicate.contracts) {
      const m = (figure: string) => replicate.metrics[`${run.name}.${figure}`]
      const investor = byQuarter(run.money.cashflows, "investor")
      const r = irr(investor, 4)
      if (m("investorIrr") !== undefined) {
        expect(r.ok && r.annualRate, run.name).toBeCloseTo(m("investorIrr"), 10)
        const total = (flow: string) => byQuarter(run.money.cashflows, "investor", flow).reduce((s, f) => s + f, 0)
        expect(total("repaymentAndReturn") / -total("capitalProvided")).toBeCloseTo(m("investorMultiple"), 9)
      } else {
        expect(investor, run.name).toEqual([])
      }
      const commissioner = byQuarter(run.money.cashflows, "commissioner")
      expect(npv(commissioner, scenario.appraisal.discountRatePerYear, 4), run.name).toBeCloseTo(m("npvCommissioner"), 4)
      expect(byQuarter(run.money.cashflows, "provider", "serviceCosts").reduce((s, f) => s + f, 0)).toBeCloseTo(-m("providerCost"), 4)
    }
    // The social impact bond draws capital; the others have no investor.
    expect(replicate.metrics["outcomes.investorCapitalDrawn"]).toBeGreaterThan(0)
    expect(replicate.metrics["outcomes.investorIrr"]).toBeTypeOf("number")
  })
})
