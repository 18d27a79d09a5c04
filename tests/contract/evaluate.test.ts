/**
 * What a contract pays on records small enough to work out by hand: tariffs on reviews, thresholds, shares
 * of a period's saving, every kind of cap, lags, block grants and fees, payers' shares, years and ceilings,
 * and formulas that fail at run time. Each case's expected numbers are worked out in its comments.
 */
import { describe, expect, it } from "vitest"
import { evaluateContract, type ContractPayments } from "../../src/contract/evaluate.ts"
import { contractMetrics } from "../../src/contract/results.ts"
import { contractMoney } from "../../src/contract/money.ts"
import type { Contract } from "../../src/scenario/sections/contracts.ts"
import { shippedScenario } from "../support/scenarios.ts"
import { compiled, contract, metric, payer } from "./fakeContract.ts"
import { fakeSim, type FakeSimSpec } from "./fakeSim.ts"

const pay = (c: Contract, spec: FakeSimSpec): ContractPayments => evaluateContract(compiled(c), fakeSim(spec))

/** Each new point of Star improvement over the baseline, once. */
const newPoints = "max(0, starChange - max(bestPreviousChange, 0))"
const wellbeing = (terms: Parameters<typeof metric>[3] = {}) => metric("wellbeing", "review", newPoints, { tariff: 100, ...terms })

/** Paid rows as [period, week, stream, payer, amount], amounts rounded to the penny (shares are not exact in binary). */
const paidRows = (r: ContractPayments) =>
  r.paid.map((p) => [p.period, p.week, p.stream, p.payer, Math.round(p.amount * 100) / 100])

describe("outcome metrics", () => {
  // Three people over two quarters (weeks 0–12 and 13–25).
  const reviews = [
    { week: 5, person: 0, starChange: 4, bestPreviousChange: 0 }, //   4 - max(0, 0)  = 4 → 400 (quarter 0)
    { week: 8, person: 1, starChange: -2, bestPreviousChange: 0 }, // -2 - 0          → 0
    { week: 18, person: 0, starChange: 6, bestPreviousChange: 4 }, //  6 - 4          = 2 → 200 (quarter 1)
    { week: 20, person: 2, starChange: 3, bestPreviousChange: -1 }, // 3 - max(-1, 0) = 3 → 300
    { week: 24, person: 1, starChange: 1, bestPreviousChange: -2 }, // 1 - max(-2, 0) = 1 → 100
    { week: 25, person: 0, starChange: 5, bestPreviousChange: 6 } //   5 - 6 < 0      → 0
  ]

  it("pays tariff × quantity at each review, in the period of the review", () => {
    const r = pay(contract({ metrics: [wellbeing()] }), { weeks: 26, reviews })
    // Quarter 0: 400; quarter 1: 200 + 300 + 100 = 600; no lag, so paid in the last week of each quarter.
    expect(r.due).toEqual([
      { period: 0, stream: "wellbeing", amount: 400 },
      { period: 1, stream: "wellbeing", amount: 600 }
    ])
    expect(paidRows(r)).toEqual([[0, 12, "wellbeing", "ccg", 400], [1, 25, "wellbeing", "ccg", 600]])
    expect(r.invalidResults).toBe(0)
    expect(r.capReachedWeek).toBeUndefined()
    expect(r.periodLength).toBe(13)
  })

  it.each(["starChange >= 2 ? 1 : 0", "starChange >= 2"])("pays a threshold (%s) once per review that reaches it", (quantity) => {
    const r = pay(contract({ metrics: [metric("target", "review", quantity, { tariff: 250 })] }), { weeks: 26, reviews })
    // starChange 4 (week 5) reaches 2 → 250 in quarter 0; 6, 3 and 5 (weeks 18, 20, 25) → 750 in quarter 1.
    expect(r.due).toEqual([
      { period: 0, stream: "target", amount: 250 },
      { period: 1, stream: "target", amount: 750 }
    ])
  })

  it("pays a share of a quarter's saving, and nothing for a negative saving", () => {
    const c = contract({ metrics: [metric("secondaryCare", "period", "saving", { payment: "0.5 * saving" })] })
    const r = pay(c, {
      weeks: 26,
      weekly: { comparisonSecondaryCareCost: 1000, secondaryCareCost: (w) => (w < 13 ? 800 : 1100) }
    })
    // Quarter 0: 13 × (1000 - 800) = 2600 saved → 0.5 × 2600 = 1300.
    // Quarter 1: 13 × (1000 - 1100) = -1300 → 0.5 × -1300 = -650, which pays nothing (and is no invalid result).
    expect(r.due).toEqual([{ period: 0, stream: "secondaryCare", amount: 1300 }])
    expect(r.invalidResults).toBe(0)
  })

  it("gives period metrics the cohort's totals, the period number, the contract year and the period's length", () => {
    const c = contract({
      metrics: [
        metric("when", "period", "year * 1000 + period * 10 + weeks"),
        metric("activity", "period", "referrals * 1000 + engaged * 100 + discharged * 10 + disengaged"),
        metric("support", "period", "activeWeeks + reviews / 100")
      ]
    })
    const r = pay(c, {
      weeks: 60,
      weekly: { referred: 1, engagedNew: { 3: 2 }, discharged: { 14: 3 }, disengaged: { 53: 4 }, active: { 2: 5, 30: 7 }, reviews: { 30: 200 } }
    })
    const of = (stream: string) => r.due.filter((d) => d.stream === stream).map((d) => [d.period, d.amount])
    // Quarters start at weeks 0, 13, 26, 39, 52; the last is 8 weeks long (52–59) and in contract year 2.
    expect(of("when")).toEqual([[0, 1023], [1, 1033], [2, 1043], [3, 1053], [4, 2058]])
    // 13 referrals a quarter (8 in the last); 2 engaged in week 3; 3 discharged in week 14; 4 disengaged in week 53.
    expect(of("activity")).toEqual([[0, 13200], [1, 13030], [2, 13000], [3, 13000], [4, 8004]])
    // 5 person-weeks in quarter 0; 7 person-weeks and 200 reviews in quarter 2.
    expect(of("support")).toEqual([[0, 5], [2, 9]])
  })

  it("measures first appointments and exits, with the person's conditions and mental health", () => {
    const c = contract({
      metrics: [
        metric("prompt", "engagement", "waitWeeks <= 4", { tariff: 50, payment: "tariff * quantity * (1 + mentalHealth)" }),
        metric("discharges", "exit", "discharged * max(starChange, 0)", { tariff: 10, payment: "tariff * quantity * (conditions >= 2 ? 2 : 1)" })
      ]
    })
    const r = pay(c, {
      weeks: 26,
      people: [{ conditions: 0, mentalHealth: 1 }, { conditions: 3, mentalHealth: 0 }],
      engagements: [
        { week: 1, person: 0, waitWeeks: 3 }, //  waited 3 ≤ 4, mental health → 50 × 1 × 2 = 100
        { week: 2, person: 1, waitWeeks: 6 }, //  waited 6 → 0
        { week: 14, person: 1, waitWeeks: 2 } //  re-entry, waited 2 → 50 (quarter 1)
      ],
      exits: [
        { week: 10, person: 0, discharged: 1, starChange: 5 }, //               5 × 10 × 1 = 50
        { week: 12, person: 1, disengaged: 1, starChange: 8 }, //               disengaged → 0
        { week: 20, person: 1, discharged: 1, starChange: 3, episode: 1 } //    3 × 10 × 2 (3 conditions) = 60
      ]
    })
    expect(r.due).toEqual([
      { period: 0, stream: "prompt", amount: 100 },
      { period: 0, stream: "discharges", amount: 50 },
      { period: 1, stream: "prompt", amount: 50 },
      { period: 1, stream: "discharges", amount: 60 }
    ])
  })

  it("pays nothing for a result that is not a finite number, and counts it", () => {
    const c = contract({ metrics: [metric("perWeek", "review", "starChange", { tariff: 100, payment: "tariff * quantity / weeksEngaged" })] })
    const r = pay(c, {
      weeks: 13,
      reviews: [
        { week: 1, person: 0, starChange: 3, weeksEngaged: 0 }, // 300 / 0 = Infinity → nothing, counted
        { week: 2, person: 1, starChange: 0, weeksEngaged: 0 }, //   0 / 0 = NaN      → nothing, counted
        { week: 5, person: 0, starChange: 4, weeksEngaged: 2 } //  400 / 2 = 200
      ]
    })
    expect(r.due).toEqual([{ period: 0, stream: "perWeek", amount: 200 }])
    expect(r.invalidResults).toBe(2)
    const run = { name: "test", payments: r, money: contractMoney(c, fakeSim({ weeks: 13 }), r.paid, new Float64Array(13)) }
    expect(contractMetrics(run, compiled(c), shippedScenario(), 1, 1).notes["test.formulaResults"]).toBe(
      "2 formula results were not finite numbers and paid nothing"
    )
  })
})

describe("caps", () => {
  it("pays a person exactly their cap, and others in full", () => {
    const r = pay(contract({ metrics: [wellbeing({ perPersonCap: 500 })] }), {
      weeks: 13,
      reviews: [
        { week: 1, person: 0, starChange: 3 }, //                         300 (person 0: 300)
        { week: 2, person: 1, starChange: 2 }, //                         200 (person 1: 200)
        { week: 4, person: 0, starChange: 7, bestPreviousChange: 3 }, //  400, cut to 200 (person 0: 500, the cap)
        { week: 6, person: 1, starChange: 4, bestPreviousChange: 2 }, //  200 (person 1: 400)
        { week: 9, person: 0, starChange: 9, bestPreviousChange: 7 } //   200, cut to 0
      ]
    })
    // 500 for person 0 + 400 for person 1.
    expect(r.due).toEqual([{ period: 0, stream: "wellbeing", amount: 900 }])
  })

  it("stops outcome payments exactly at the total cap, in the week of the event that reached it; fees go on", () => {
    const c = contract({ metrics: [wellbeing()], capTotal: 1000, fees: { perReferral: 0, perEngagement: 0, perReview: 10 } })
    const reviews = [
      { week: 2, person: 0, starChange: 4 }, //                          400 (total 400)
      { week: 6, person: 1, starChange: 5 }, //                          500 (total 900)
      { week: 9, person: 2, starChange: 3 }, //                          300, only 100 fits (total 1000): cap reached
      { week: 11, person: 3, starChange: 2 }, //                         200, none fits
      { week: 15, person: 0, starChange: 6, bestPreviousChange: 4 } //   200, none fits (quarter 1)
    ]
    const r = pay(c, { weeks: 26, reviews, weekly: { reviews: Object.fromEntries(reviews.map((e) => [e.week, 1])) } })
    // Fees are not capped: 4 reviews × 10 in quarter 0, 1 × 10 in quarter 1.
    expect(r.due).toEqual([
      { period: 0, stream: "fees", amount: 40 },
      { period: 0, stream: "wellbeing", amount: 1000 },
      { period: 1, stream: "fees", amount: 10 }
    ])
    expect(r.capReachedWeek).toBe(9)
  })

  it("dates a total cap reached by a period metric at the last week of that period", () => {
    const c = contract({ metrics: [metric("secondaryCare", "period", "saving")], capTotal: 1000 })
    // 600 saved each quarter: 600 in quarter 0; 400 of 600 in quarter 1 (weeks 13–25); nothing in quarter 2.
    const r = pay(c, { weeks: 39, weekly: { comparisonSecondaryCareCost: { 0: 600, 13: 600, 26: 600 } } })
    expect(r.due.map((d) => [d.period, d.amount])).toEqual([[0, 600], [1, 400]])
    expect(r.capReachedWeek).toBe(25)
  })

  it("reports the cap reached as a chance of 1 or 0 in each replicate, and none without a total cap", () => {
    const chanceOf = (capTotal: number | undefined) => {
      const c = contract({ metrics: [metric("secondaryCare", "period", "saving")], ...(capTotal === undefined ? {} : { capTotal }) })
      const r = pay(c, { weeks: 39, weekly: { comparisonSecondaryCareCost: { 0: 600, 13: 600, 26: 600 } } })
      const run = { name: "test", payments: r, money: contractMoney(c, fakeSim({ weeks: 39 }), r.paid, new Float64Array(39)) }
      return contractMetrics(run, compiled(c), shippedScenario(), 1, 1)
    }
    expect(chanceOf(1000).metrics["test.capReachedChance"]).toBe(1)
    // 1800 saved in all: a cap of 5000 is never reached.
    expect(chanceOf(5000).metrics["test.capReachedChance"]).toBe(0)
    expect(chanceOf(5000).notes["test.capReachedWeek"]).toBe("the total cap was not reached")
    expect(chanceOf(undefined).metrics["test.capReachedChance"]).toBeUndefined()
    expect(chanceOf(undefined).notes["test.capReachedChance"]).toBe("the contract has no total cap")
  })

  it("caps each metric over the contract and all outcome payments in each contract year", () => {
    const c = contract({
      period: "annual",
      capPerYear: 1000,
      metrics: [wellbeing({ cap: 600 }), metric("secondaryCare", "period", "saving")]
    })
    const r = pay(c, {
      weeks: 104,
      // Saving 20 a week in year 1 (1040), 25 a week in year 2 (1300).
      weekly: { comparisonSecondaryCareCost: (w) => (w < 52 ? 20 : 25) },
      reviews: [
        { week: 10, person: 0, starChange: 4 }, // 400 (wellbeing 400, year 1 400)
        { week: 20, person: 1, starChange: 5 }, // 500, wellbeing cap leaves 200 (wellbeing 600, year 1 600)
        { week: 30, person: 2, starChange: 3 }, // 300, wellbeing cap leaves 0
        { week: 60, person: 3, starChange: 2 } //  200, wellbeing cap leaves 0 in year 2 as well
      ]
    })
    // Year 1: secondaryCare 1040, the year's cap leaves 1000 - 600 = 400. Year 2: 1300, the year's cap leaves 1000.
    expect(r.due).toEqual([
      { period: 0, stream: "wellbeing", amount: 600 },
      { period: 0, stream: "secondaryCare", amount: 400 },
      { period: 1, stream: "secondaryCare", amount: 1000 }
    ])
    expect(r.capReachedWeek).toBeUndefined()
  })

  // The schema's perPersonCap is "most paid for this metric for one person over the contract". Person 1's
  // first improvement is measured in a year whose cap is already used up, so it pays them nothing; their
  // next, in year 2, should then be paid up to the full per-person cap.
  it("does not count against a person's cap what the yearly cap kept from them", () => {
    const c = contract({ period: "annual", capPerYear: 500, metrics: [wellbeing({ perPersonCap: 500 })] })
    const r = pay(c, {
      weeks: 104,
      reviews: [
        { week: 5, person: 0, starChange: 5 }, //                         500 (year 1: 500, the cap)
        { week: 10, person: 1, starChange: 3 }, //                        300, the year's cap leaves 0: person 1 paid 0
        { week: 60, person: 1, starChange: 8, bestPreviousChange: 3 } //  500; person 1 has room 500, year 2 room 500
      ]
    })
    expect(r.due).toEqual([
      { period: 0, stream: "wellbeing", amount: 500 },
      { period: 1, stream: "wellbeing", amount: 500 }
    ])
  })
})

describe("timing", () => {
  it("pays a quarterly contract one quarter in arrears: quarter 0 in week 25", () => {
    const c = contract({ lagPeriods: 1, blockPerYear: 5200, metrics: [wellbeing()] })
    const r = pay(c, { weeks: 26, reviews: [{ week: 3, person: 0, starChange: 2 }] })
    // Block: 5200 × 13 / 52 = 1300 a quarter. Quarter q is paid at the end of quarter q + 1: week (q + 2) × 13 - 1.
    expect(paidRows(r)).toEqual([
      [0, 25, "block", "ccg", 1300],
      [0, 25, "wellbeing", "ccg", 200],
      [1, 38, "block", "ccg", 1300]
    ])
  })

  it.each([
    ["annual", 0, [51, 103]],
    ["annual", 1, [103, 155]],
    ["six-monthly", 2, [77, 103, 129, 155]],
    ["quarterly", 0, [12, 25, 38, 51, 64, 77, 90, 103]]
  ] as const)("%s with lag %i pays in weeks %j", (period, lagPeriods, weeks) => {
    const r = pay(contract({ period, lagPeriods, blockPerYear: 5200 }), { weeks: 104 })
    expect(r.paid.map((p) => p.week)).toEqual(weeks)
    // Every period of a 104-week horizon gets its share of 2 × 5200.
    expect(r.paid.reduce((s, p) => s + p.amount, 0)).toBeCloseTo(10400, 9)
  })
})

describe("block grants and fees", () => {
  it("pays the block grant in equal parts per period (pro rata for a short last period) and fees on the period's activity", () => {
    const c = contract({ blockPerYear: 52000, fees: { perReferral: 10, perEngagement: 50, perReview: 20 } })
    const r = pay(c, { weeks: 20, weekly: { referred: 2, engagedNew: { 3: 4 }, reviews: { 15: 5 } } })
    // Block: 52000 × 13 / 52 = 13000 for quarter 0; quarter 1 is weeks 13–19, 7 weeks: 52000 × 7 / 52 = 7000.
    // Fees, quarter 0: 26 referrals × 10 + 4 first appointments × 50 = 460; quarter 1: 14 × 10 + 5 reviews × 20 = 240.
    expect(r.due).toEqual([
      { period: 0, stream: "block", amount: 13000 },
      { period: 0, stream: "fees", amount: 460 },
      { period: 1, stream: "block", amount: 7000 },
      { period: 1, stream: "fees", amount: 240 }
    ])
  })
})

describe("payers", () => {
  it("share each payment 70/20/10; a payer at its ceiling pays no more and the others pay as before", () => {
    const c = contract({
      blockPerYear: 5200,
      payers: [payer("ccg", { share: 0.7 }), payer("bigLotteryFund", { share: 0.2, ceiling: 300 }), payer("cabinetOffice", { share: 0.1 })]
    })
    const r = pay(c, { weeks: 39 })
    // 1300 a quarter: 910 / 260 / 130. The fund's ceiling of 300 leaves it 40 in quarter 1 and nothing after.
    expect(paidRows(r)).toEqual([
      [0, 12, "block", "ccg", 910], [0, 12, "block", "bigLotteryFund", 260], [0, 12, "block", "cabinetOffice", 130],
      [1, 25, "block", "ccg", 910], [1, 25, "block", "bigLotteryFund", 40], [1, 25, "block", "cabinetOffice", 130],
      [2, 38, "block", "ccg", 910], [2, 38, "block", "cabinetOffice", 130]
    ])
    // Unpaid: 220 in quarter 1 and 260 in quarter 2.
    const run = { name: "test", payments: r, money: contractMoney(c, fakeSim({ weeks: 39 }), r.paid, new Float64Array(39)) }
    const { metrics } = contractMetrics(run, compiled(c), shippedScenario(), 1, 1)
    expect(metrics["test.unpaidOverCeilings"]).toBeCloseTo(480, 9)
    expect(metrics["test.paymentsByPayer.bigLotteryFund"]).toBeCloseTo(300, 9)
    expect(metrics["test.paymentsByPayer.ccg"]).toBeCloseTo(2730, 9)
    expect(metrics["test.blockPayments"]).toBeCloseTo(3900 - 480, 9)
  })

  it("pay fixed amounts first and share the rest; a fixed payer at its ceiling leaves its part unpaid", () => {
    const c = contract({
      blockPerYear: 5200,
      payers: [
        payer("cabinetOffice", { share: 0, fixedPerPayment: 100, ceiling: 150 }),
        payer("ccg", { share: 0.8 }),
        payer("bigLotteryFund", { share: 0.2 })
      ]
    })
    const r = pay(c, { weeks: 39 })
    // 1300 a quarter. Quarter 0: the Cabinet Office's 100, then 1200 shared 80/20: 960 and 240.
    // Quarter 1: only 50 is left under its ceiling of 150; quarter 2: nothing. As for a payer by share, the part it
    // no longer pays goes unpaid: the others still pay 960 and 240.
    expect(paidRows(r)).toEqual([
      [0, 12, "block", "cabinetOffice", 100], [0, 12, "block", "ccg", 960], [0, 12, "block", "bigLotteryFund", 240],
      [1, 25, "block", "cabinetOffice", 50], [1, 25, "block", "ccg", 960], [1, 25, "block", "bigLotteryFund", 240],
      [2, 38, "block", "ccg", 960], [2, 38, "block", "bigLotteryFund", 240]
    ])
  })

  it("pay a fixed amount at most the payment itself, in the order listed", () => {
    const c = contract({
      blockPerYear: 5200,
      payers: [payer("cabinetOffice", { share: 0, fixedPerPayment: 1000 }), payer("bigLotteryFund", { share: 0, fixedPerPayment: 1000 }), payer("ccg", { share: 1 })]
    })
    const r = pay(c, { weeks: 13 })
    // 1300: the Cabinet Office's 1000, then the fund's 1000 is cut to the 300 left, and nothing is left to share.
    expect(paidRows(r)).toEqual([[0, 12, "block", "cabinetOffice", 1000], [0, 12, "block", "bigLotteryFund", 300]])
  })

  it("pay in their contract years only, by the year of the period measured", () => {
    const c = contract({
      lagPeriods: 1,
      blockPerYear: 5200,
      payers: [payer("ccg", { fromYear: 1, toYear: 1 }), payer("bigLotteryFund", { fromYear: 2, toYear: 2 })]
    })
    const r = pay(c, { weeks: 156 })
    // Quarters 0–3 (year 1) by the CCG, quarter 3 though paid in week 64 of year 2; quarters 4–7 by the fund;
    // nobody pays for year 3, so its 4 × 1300 are due but unpaid.
    expect(r.paid.map((p) => [p.period, p.week, p.payer])).toEqual([
      [0, 25, "ccg"], [1, 38, "ccg"], [2, 51, "ccg"], [3, 64, "ccg"],
      [4, 77, "bigLotteryFund"], [5, 90, "bigLotteryFund"], [6, 103, "bigLotteryFund"], [7, 116, "bigLotteryFund"]
    ])
    expect(r.due.reduce((s, d) => s + d.amount, 0) - r.paid.reduce((s, p) => s + p.amount, 0)).toBeCloseTo(5200, 9)
  })

  it("pay for the streams they list, sharing with the payers of everything", () => {
    const c = contract({
      blockPerYear: 4000,
      fees: { perReferral: 100, perEngagement: 0, perReview: 0 },
      metrics: [wellbeing()],
      payers: [
        payer("ccg", { share: 0.5, pays: ["block"] }),
        payer("bigLotteryFund", { share: 0.5, pays: ["wellbeing"] }),
        payer("cabinetOffice", { share: 0.5, pays: [] })
      ]
    })
    const r = pay(c, { weeks: 13, weekly: { referred: { 0: 1 } }, reviews: [{ week: 4, person: 0, starChange: 4 }] })
    // Block 1000: CCG and Cabinet Office half each. Fees 100: Cabinet Office alone. Wellbeing 400: fund and Cabinet Office.
    expect(paidRows(r)).toEqual([
      [0, 12, "block", "ccg", 500], [0, 12, "block", "cabinetOffice", 500],
      [0, 12, "fees", "cabinetOffice", 100],
      [0, 12, "wellbeing", "bigLotteryFund", 200], [0, 12, "wellbeing", "cabinetOffice", 200]
    ])
  })
})
