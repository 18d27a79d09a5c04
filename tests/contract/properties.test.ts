/**
 * What must hold for any contract on any records: no cap or ceiling is ever exceeded, payers pay what is due
 * (less only what their ceilings or years leave unpaid) and never more, and money is conserved between the
 * payers, the provider and the investor. Checked on random contracts and records, and on real replicates of
 * the shipped scenario's four contracts.
 */
import fc from "fast-check"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { type CompiledContract, compileContracts } from "../../src/contract/compile.ts"
import { blockStream, type ContractPayments, evaluateContract, feesStream } from "../../src/contract/evaluate.ts"
import { contractMoney, type Money, providerCostPerWeek } from "../../src/contract/money.ts"
import { weeksPerQuarter, weeksPerYear } from "../../src/contract/periods.ts"
import { contractMetrics } from "../../src/contract/results.ts"
import type { Sim } from "../../src/model/sim.ts"
import type { Metrics } from "../../src/results/metrics.ts"
import type { Contract, OutcomeMetric } from "../../src/scenario/sections/contracts.ts"
import { runReplicates, shippedScenario } from "../support/scenarios.ts"
import { compiled, contract, type Financing, metric, type Payer } from "./fakeContract.ts"
import { fakeSim, type FakeSimSpec } from "./fakeSim.ts"

const scenario = shippedScenario()

/** Within rounding, relative to the sums at stake. */
const atMost = (value: number, limit: number, label: string): void => {
  expect(value, label).toBeLessThanOrEqual(limit + 1e-9 * Math.max(1, Math.abs(limit)))
}
const close = (value: number, expected: number, label: string): void => {
  expect(Math.abs(value - expected), `${label}: ${value} vs ${expected}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)))
}
const sum = (xs: Iterable<number>): number => {
  let s = 0
  for (const x of xs) s += x
  return s
}

// ---- Random contracts ----

const formulas: Record<OutcomeMetric["basis"], ReadonlyArray<string>> = {
  review: ["max(0, starChange - max(bestPreviousChange, 0))", "starChange >= 2 ? 1 : 0", "areasImproved", "starChangeSincePrevious"],
  engagement: ["waitWeeks <= 4", "1", "starBaseline / 10"],
  exit: ["discharged * max(starChange, 0)", "reviews", "disengaged + conditions"],
  period: ["saving", "engaged", "reviews - referrals", "activeWeeks / 10"]
}
// The last divides by zero when the quantity is 1: a result that is not a finite number pays nothing.
const paymentFormulas = ["tariff * quantity", "tariff * min(quantity, 3)", "quantity > 0 ? tariff : 0", "tariff * quantity / (quantity - 1)"]

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined })
const gbp = (max: number) => fc.integer({ min: 0, max })

const metricArb = fc.constantFrom("review", "engagement", "exit", "period").chain((basis: OutcomeMetric["basis"]) =>
  fc.record({
    basis: fc.constant(basis),
    quantity: fc.constantFrom(...formulas[basis]),
    payment: fc.constantFrom(...paymentFormulas),
    tariff: fc.constantFrom(0, 1, 10, 100, 250),
    perPersonCap: basis === "period" ? fc.constant(undefined) : optional(gbp(1500)),
    cap: optional(gbp(5000))
  })
)

const payerArb = (streams: ReadonlyArray<string>) =>
  fc.record({
    share: fc.integer({ min: 0, max: 10 }).map((n) => n / 10),
    fixedPerPayment: optional(gbp(2000)),
    pays: fc.subarray([...streams]),
    fromYear: fc.oneof({ arbitrary: fc.constant(1), weight: 3 }, { arbitrary: fc.integer({ min: 1, max: 3 }), weight: 1 }),
    years: fc.integer({ min: 0, max: 5 }),
    ceiling: fc.oneof({ arbitrary: gbp(20000), weight: 1 }, { arbitrary: fc.constant(1e9), weight: 2 })
  })

const financingArb: fc.Arbitrary<Financing> = fc.record({
  capitalCommitted: gbp(20000),
  providerStartingCash: gbp(2000),
  cashFloor: gbp(1000),
  returnShareAfterPrincipal: fc.integer({ min: 0, max: 10 }).map((n) => n / 10),
  returnCapMultiple: fc.integer({ min: 10, max: 30 }).map((n) => n / 10),
  facility: fc.constantFrom("fixed", "revolving", undefined)
}, { requiredKeys: ["capitalCommitted", "providerStartingCash", "cashFloor", "returnShareAfterPrincipal", "returnCapMultiple"] })

const contractArb: fc.Arbitrary<Contract> = fc.array(metricArb, { maxLength: 3 }).chain((drafts) => {
  const metrics = drafts.map((d, i) => metric(`m${i}`, d.basis, d.quantity, d))
  const streams = [blockStream, feesStream, ...metrics.map((m) => m.name)]
  return fc.record({
    period: fc.constantFrom("quarterly", "six-monthly", "annual"),
    lagPeriods: fc.integer({ min: 0, max: 3 }),
    blockPerYear: fc.oneof(fc.constant(0), gbp(100000)),
    fees: fc.record({ perReferral: gbp(200), perEngagement: gbp(500), perReview: gbp(100) }),
    capPerYear: optional(gbp(10000)),
    capTotal: optional(gbp(20000)),
    payers: fc.array(payerArb(streams), { minLength: 1, maxLength: 3 }),
    financing: optional(financingArb)
  }).map(({ payers, ...terms }) =>
    contract({
      ...terms,
      metrics,
      payers: payers.map(({ years, ...p }, i): Payer => ({ name: `p${i}`, ...p, toYear: p.fromYear + years }))
    })
  )
})

// ---- Random records ----

const simArb: fc.Arbitrary<FakeSimSpec & { readonly costs: ReadonlyArray<number> }> = fc
  .record({ weeks: fc.integer({ min: 13, max: 120 }), people: fc.integer({ min: 1, max: 5 }) })
  .chain(({ weeks, people }) => {
    const series = (max: number) => fc.array(fc.integer({ min: 0, max }), { minLength: weeks, maxLength: weeks })
    const week = fc.integer({ min: 0, max: weeks - 1 })
    const person = fc.integer({ min: 0, max: people - 1 })
    const events = <T>(arb: fc.Arbitrary<T>) => fc.array(arb, { maxLength: 25 })
    return fc.record({
      weeks: fc.constant(weeks),
      people: fc.array(fc.record({ conditions: fc.integer({ min: 0, max: 4 }), mentalHealth: fc.integer({ min: 0, max: 1 }) }), { minLength: people, maxLength: people }),
      weekly: fc.record({
        comparisonSecondaryCareCost: series(500),
        secondaryCareCost: series(500),
        referred: series(5),
        engagedNew: series(3),
        discharged: series(2),
        disengaged: series(2),
        reviews: series(4),
        active: series(30)
      }),
      reviews: events(fc.record({
        week, person,
        starChange: fc.integer({ min: -10, max: 30 }),
        bestPreviousChange: fc.integer({ min: -10, max: 30 }),
        starChangeSincePrevious: fc.integer({ min: -8, max: 12 }),
        areasImproved: fc.integer({ min: 0, max: 8 })
      })),
      engagements: events(fc.record({ week, person, waitWeeks: fc.integer({ min: 0, max: 20 }), starBaseline: fc.integer({ min: 8, max: 80 }) })),
      exits: events(fc.record({
        week, person,
        discharged: fc.integer({ min: 0, max: 1 }),
        disengaged: fc.integer({ min: 0, max: 1 }),
        reviews: fc.integer({ min: 0, max: 6 }),
        starChange: fc.integer({ min: -10, max: 30 })
      })),
      costs: series(1000)
    })
  })

// ---- The properties, shared by random and real runs ----

/**
 * The most a metric can pay before its contract-wide caps: each person's payments (negative or invalid ones
 * paying nothing), each person's total capped at the per-person cap, summed over people.
 */
const perPersonBound = (cm: CompiledContract["metrics"][number], sim: Sim): number => {
  const log = cm.metric.basis === "review" ? sim.records!.reviews : cm.metric.basis === "engagement" ? sim.records!.engagements : sim.records!.exits
  const cols = log.columns as Record<string, Int32Array>
  const byPerson = new Map<number, number>()
  for (let i = 0; i < log.count; i++) {
    const person = cols.person[i]
    const scope: Record<string, number> = { tariff: cm.metric.tariff, conditions: sim.people.arrays.conditions[person], mentalHealth: sim.people.arrays.mentalHealth[person] }
    for (const name of cm.eventColumns) scope[name] = cols[name][i]
    scope.quantity = cm.quantity.evaluate(scope)
    const x = cm.payment.evaluate(scope)
    byPerson.set(person, (byPerson.get(person) ?? 0) + (Number.isFinite(x) ? Math.max(0, x) : 0))
  }
  return sum([...byPerson.values()].map((x) => Math.min(x, cm.metric.perPersonCap ?? Infinity)))
}

const payerTakesPart = (p: Payer, stream: string, year: number): boolean =>
  year >= p.fromYear && year <= p.toYear && (p.pays.length === 0 || p.pays.includes(stream))

const checkCapsAndCeilings = (cc: CompiledContract, sim: Sim, r: ContractPayments): void => {
  const c = cc.contract
  const yearOf = (period: number) => Math.floor((period * r.periodLength) / weeksPerYear) + 1
  const outcome = r.due.filter((d) => d.stream !== blockStream && d.stream !== feesStream)
  for (const d of r.due) expect(d.amount, `${d.stream} due in period ${d.period}`).toBeGreaterThan(0)
  if (c.capTotal !== undefined) atMost(sum(outcome.map((d) => d.amount)), c.capTotal, "capTotal")
  if (c.capPerYear !== undefined) {
    for (const year of new Set(outcome.map((d) => yearOf(d.period)))) {
      atMost(sum(outcome.filter((d) => yearOf(d.period) === year).map((d) => d.amount)), c.capPerYear, `capPerYear, year ${year}`)
    }
  }
  for (const cm of cc.metrics) {
    const paid = sum(r.due.filter((d) => d.stream === cm.metric.name).map((d) => d.amount))
    if (cm.metric.cap !== undefined) atMost(paid, cm.metric.cap, `cap of ${cm.metric.name}`)
    if (cm.metric.perPersonCap !== undefined) atMost(paid, perPersonBound(cm, sim), `perPersonCap of ${cm.metric.name}`)
  }
  c.payers.forEach((p) => atMost(sum(r.paid.filter((row) => row.payer === p.name).map((row) => row.amount)), p.ceiling, `ceiling of ${p.name}`))
}

const checkPayers = (cc: CompiledContract, r: ContractPayments, metrics: Metrics): void => {
  const c = cc.contract
  const L = r.periodLength
  const paidTotal = (predicate: (row: ContractPayments["paid"][number]) => boolean) => sum(r.paid.filter(predicate).map((row) => row.amount))
  const payerTotal = new Map(c.payers.map((p) => [p.name, paidTotal((row) => row.payer === p.name)]))
  for (const row of r.paid) {
    expect(row.week, "paid at the end of the period measured plus the lag").toBe((row.period + 1 + c.lagPeriods) * L - 1)
    expect(row.amount).toBeGreaterThan(0)
    expect(r.due.some((d) => d.period === row.period && d.stream === row.stream), "a payment for something due").toBe(true)
  }
  for (const d of r.due) {
    const year = Math.floor((d.period * L) / weeksPerYear) + 1
    const paid = paidTotal((row) => row.period === d.period && row.stream === d.stream)
    const payers = c.payers.filter((p) => payerTakesPart(p, d.stream, year))
    atMost(paid, d.amount, `paid for ${d.stream} in period ${d.period}`)
    if (payers.length === 0) expect(paid).toBe(0)
    // While no payer of it has reached its ceiling, a payment is paid in full: fixed amounts first, the rest by
    // share (when someone has a share).
    const shares = sum(payers.map((p) => p.share))
    const fixed = Math.min(d.amount, sum(payers.map((p) => p.fixedPerPayment ?? 0)))
    if (payers.every((p) => payerTotal.get(p.name)! < p.ceiling - 1e-6)) close(paid, fixed + (shares > 0 ? d.amount - fixed : 0), `${d.stream} in period ${d.period} paid in full`)
    // Without fixed amounts, a payer that never reached its ceiling paid its full share of every payment it takes part in.
    if (shares === 0 || payers.some((p) => p.fixedPerPayment !== undefined)) continue
    for (const p of payers) {
      if (payerTotal.get(p.name)! >= p.ceiling - 1e-6) continue
      close(paidTotal((row) => row.period === d.period && row.stream === d.stream && row.payer === p.name), (d.amount * p.share) / shares, `${p.name}'s share of ${d.stream} in period ${d.period}`)
    }
  }
  // The summary's figures: by payer = by stream = the outlay; due less the outlay went unpaid.
  const m = (figure: string) => metrics[`${c.name}.${figure}`]
  const byPayer = sum(c.payers.map((p) => m(`paymentsByPayer.${p.name}`)))
  const byMetric = sum(cc.metrics.map((cm) => m(`outcomePaymentsByMetric.${cm.metric.name}`)))
  close(byMetric, m("outcomePayments"), "metrics add up to the outcome payments")
  close(byPayer, m("outcomePayments") + m("blockPayments") + m("feePayments"), "payers' payments = the streams' payments")
  close(byPayer, m("commissionerOutlay"), "payers' payments = the commissioner's outlay")
  close(byPayer + m("unpaidOverCeilings"), sum(r.due.map((d) => d.amount)), "paid + unpaid = due")
  // Nothing, or at least half a penny: the last bits of two sums of the same payments are not money unpaid.
  expect(m("unpaidOverCeilings") === 0 || m("unpaidOverCeilings") >= 0.005, `unpaid ${m("unpaidOverCeilings")}`).toBe(true)
}

const checkMoney = (c: Contract, r: ContractPayments, money: Money, costs: ArrayLike<number>): void => {
  const rows = (party: string, flow?: string) => money.cashflows.filter((row) => row.party === party && (flow === undefined || row.flow === flow))
  const total = (party: string, flow?: string) => sum(rows(party, flow).map((row) => row.amount))
  const quarterly = (party: string, flow: string) => {
    const out = new Map<number, number>()
    for (const row of rows(party, flow)) out.set(row.quarter, (out.get(row.quarter) ?? 0) + row.amount)
    return out
  }
  const payments = sum(r.paid.map((p) => p.amount))
  close(total("provider", "outcomeAndContractIncome"), payments, "provider's income = the payers' payments")
  close(money.providerIncome, payments, "providerIncome")
  close(total("commissioner", "payments"), -payments, "commissioner's payments")
  for (const p of c.payers) close(total(p.name), -sum(r.paid.filter((row) => row.payer === p.name).map((row) => row.amount)), `${p.name}'s rows`)
  // Payments land in the quarter they are paid in, on both sides.
  for (const [quarter, amount] of quarterly("provider", "outcomeAndContractIncome")) {
    close(amount, -(quarterly("commissioner", "payments").get(quarter) ?? 0), `income in quarter ${quarter}`)
    close(amount, sum(r.paid.filter((p) => Math.floor(p.week / weeksPerQuarter) === quarter).map((p) => p.amount)), `paid in quarter ${quarter}`)
  }
  // What the investor provides and receives is what the provider draws and pays back, quarter by quarter.
  const provided = quarterly("investor", "capitalProvided")
  const drawn = quarterly("provider", "capitalDrawn")
  const received = quarterly("investor", "repaymentAndReturn")
  const repaid = quarterly("provider", "paidToInvestor")
  expect([...provided.keys()]).toEqual([...drawn.keys()])
  for (const [q, x] of drawn) close(provided.get(q)!, -x, `capital in quarter ${q}`)
  expect([...received.keys()]).toEqual([...repaid.keys()])
  for (const [q, x] of repaid) close(received.get(q)!, -x, `repayments in quarter ${q}`)
  close(sum(drawn.values()), money.investorDrawn, "investorDrawn")
  close(sum(received.values()), money.investorReceived, "investorReceived")
  close(total("provider", "serviceCosts"), -sum(Array.from(costs)), "service costs")
  close(money.providerCost, sum(Array.from(costs)), "providerCost")
  const f = c.financing
  const start = f?.providerStartingCash ?? 0
  close(money.providerEndCash, start + money.investorDrawn + payments - money.investorReceived - money.providerCost, "the provider's cash adds up")
  expect(money.providerMinCash).toBeLessThanOrEqual(Math.min(start, money.providerEndCash))
  // The working capital needed: how far costs to date ran ahead of income to date at the worst week, with no
  // starting cash or investment; without either, the lowest cash is exactly its negative.
  const incomeByWeek = new Map<number, number>()
  for (const p of r.paid) incomeByWeek.set(p.week, (incomeByWeek.get(p.week) ?? 0) + p.amount)
  let balance = 0
  let need = 0
  for (let w = 0; w <= Math.max(costs.length - 1, ...incomeByWeek.keys()); w++) {
    balance += (incomeByWeek.get(w) ?? 0) - (w < costs.length ? costs[w] : 0)
    need = Math.max(need, -balance)
  }
  close(money.providerCashNeed, need, "working capital needed")
  if (f === undefined) close(money.providerCashNeed, Math.max(0, -money.providerMinCash), "need = -lowest cash without financing")
  if (f === undefined) {
    expect(money.investorDrawn).toBe(0)
    expect(rows("investor")).toEqual([])
  } else {
    const revolving = f.facility === "revolving"
    atMost(money.investorPeakOutstanding, Math.min(money.investorDrawn, f.capitalCommitted), "most outstanding ≤ drawn and committed")
    if (!revolving) atMost(money.investorDrawn, f.capitalCommitted, "capital drawn ≤ committed")
    atMost(money.investorReceived, f.returnCapMultiple * money.investorDrawn, "investor receives ≤ cap multiple × drawn")
    // The return beyond the principal repaid (drawn less still outstanding) is capped on the capital at risk.
    const principalRepaid = money.investorDrawn - money.investorOutstanding
    atMost(principalRepaid, money.investorReceived, "principal repaid ≤ received")
    atMost(money.investorReceived - principalRepaid, (f.returnCapMultiple - 1) * (revolving ? money.investorPeakOutstanding : money.investorDrawn), "return ≤ (cap multiple - 1) × capital")
    // Cash only falls below the floor once all the committed capital is drawn (outstanding, for a revolving facility).
    if (money.providerMinCash < Math.min(start, f.cashFloor) - 1e-6) {
      close(revolving ? money.investorPeakOutstanding : money.investorDrawn, f.capitalCommitted, "all capital drawn before cash falls below the floor")
    }
  }
}

const checkAll = (cc: CompiledContract, sim: Sim, r: ContractPayments, money: Money, costs: ArrayLike<number>, metrics: Metrics): void => {
  checkCapsAndCeilings(cc, sim, r)
  checkPayers(cc, r, metrics)
  checkMoney(cc.contract, r, money, costs)
}

describe("on random contracts and records", () => {
  it("caps and ceilings hold, payers pay what is due, and money is conserved", () => {
    fc.assert(
      fc.property(contractArb, simArb, (c, spec) => {
        const cc = compiled(c)
        const sim = fakeSim(spec)
        const costs = Float64Array.from(spec.costs)
        const payments = evaluateContract(cc, sim)
        const money = contractMoney(c, sim, payments.paid, costs)
        const { metrics } = contractMetrics({ name: c.name, payments, money }, cc, scenario, 1, 1)
        checkAll(cc, sim, payments, money, costs, metrics)
      }),
      { numRuns: 200 }
    )
  })

  it("tight caps and ceilings bind and still hold", () => {
    const tight = contractArb.chain((c) =>
      fc.record({ capTotal: gbp(500), capPerYear: gbp(300), ceiling: gbp(400) }).map(({ capTotal, capPerYear, ceiling }) => ({
        ...c,
        capTotal,
        capPerYear,
        metrics: c.metrics.map((m) => ({ ...m, tariff: 100 })),
        payers: c.payers.map((p) => ({ ...p, ceiling }))
      }))
    )
    fc.assert(
      fc.property(tight, simArb, (c, spec) => {
        const cc = compiled(c)
        const sim = fakeSim(spec)
        const payments = evaluateContract(cc, sim)
        const money = contractMoney(c, sim, payments.paid, Float64Array.from(spec.costs))
        const { metrics } = contractMetrics({ name: c.name, payments, money }, cc, scenario, 1, 1)
        checkAll(cc, sim, payments, money, Float64Array.from(spec.costs), metrics)
      }),
      { numRuns: 100 }
    )
  })
})

describe("on replicates of the shipped scenario", () => {
  const contracts = compileContracts(scenario)
  if (Result.isFailure(contracts)) throw new Error(contracts.failure.join("\n"))
  // Three: replicate 2's outcome payments, summed in two orders, differ in their last bits (unpaidOverCeilings).
  const replicates = runReplicates(scenario, 3)

  it.each(scenario.contracts.map((c, i) => [c.name, i] as const))("%s: caps and ceilings hold, payers pay what is due, money is conserved", (_, i) => {
    const cc = contracts.success[i]
    for (const replicate of replicates) {
      const run = replicate.contracts[i]
      expect(run.name).toBe(cc.contract.name)
      const costs = providerCostPerWeek(scenario, replicate.sim)
      checkCapsAndCeilings(cc, replicate.sim, run.payments)
      checkPayers(cc, run.payments, replicate.metrics)
      checkMoney(cc.contract, run.payments, run.money, costs)
      expect(run.payments.invalidResults).toBe(0)
    }
  })

  it("all four contracts see the same people: the same hospital saving for the commissioner", () => {
    for (const replicate of replicates) {
      const savings = replicate.contracts.map((run) => sum(run.money.cashflows.filter((r) => r.party === "commissioner" && r.flow === "hospitalSaving").map((r) => r.amount)))
      for (const s of savings) close(s, savings[0], "saving")
      expect(savings[0]).toBeGreaterThan(0)
    }
  })

  it("the payments' present value: below the cash total at a positive rate, and the NPV is the saving's less it", () => {
    const rate = scenario.appraisal.discountRatePerYear
    expect(rate).toBeGreaterThan(0)
    for (const replicate of replicates) {
      for (const run of replicate.contracts) {
        const m = (figure: string) => replicate.metrics[`${run.name}.${figure}`]
        expect(m("commissionerOutlayPv")).toBeGreaterThan(0)
        expect(m("commissionerOutlayPv")).toBeLessThan(m("commissionerOutlay"))
        // Quarter q discounted by (1 + rate)^(-q/4), the convention of npvCommissioner.
        let savingPv = 0
        for (const r of run.money.cashflows) if (r.party === "commissioner" && r.flow === "hospitalSaving") savingPv += r.amount * (1 + rate) ** (-r.quarter / 4)
        close(m("npvCommissioner"), savingPv - m("commissionerOutlayPv"), `${run.name} npv`)
      }
    }
  })
})
