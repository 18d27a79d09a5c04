/** Cost per outcome in today's money: payments and outcomes discounted alike, by the quarter they happen in. */
import { describe, expect, it } from "vitest"
import { discountedOutcomes, presentValueOfWeekly } from "../../src/contract/results.ts"
import { prepareScenario } from "../../src/ensemble/prepared.ts"
import { runReplicate } from "../../src/ensemble/replicate.ts"
import { scenarioWith, shippedScenario } from "../support/scenarios.ts"

describe("discounted outcomes", () => {
  it("sum a weekly series by quarter and discount each quarter as the payments are", () => {
    const weekly = new Float64Array(60)
    weekly[5] = 2 // quarter 0: not discounted
    weekly[14] = 1 // quarter 1 (weeks 13-25)
    weekly[55] = 4 // quarter 4: a year on
    expect(presentValueOfWeekly(weekly, 0.035)).toBeCloseTo(2 + 1 / Math.pow(1.035, 0.25) + 4 / 1.035, 12)
    expect(presentValueOfWeekly(weekly, 0)).toBe(7)
  })

  it("at a zero rate, the cost per outcome in today's money is the cost per outcome", () => {
    const s = scenarioWith((d) => {
      d.appraisal.discountRatePerYear = 0
    })
    const r = runReplicate(prepareScenario(s), s.seed, 0)
    for (const c of s.contracts) {
      expect(r.metrics[`${c.name}.costPerEngagedPv`], c.name).toBeCloseTo(r.metrics[`${c.name}.costPerEngaged`], 6)
      expect(r.metrics[`${c.name}.costPerStarPointPv`] / r.metrics[`${c.name}.costPerStarPoint`], c.name).toBeCloseTo(1, 9)
    }
  })

  it("at the Green Book rate, fewer outcomes in today's terms than counted, by at most the horizon's discount", () => {
    const s = shippedScenario()
    const r = runReplicate(prepareScenario(s), s.seed, 0)
    const d = discountedOutcomes(r.sim, s.appraisal.discountRatePerYear)
    const years = s.horizonWeeks / 52
    const starPoints = r.metrics.starChangeMean * r.metrics.starReviewed
    expect(d.engaged).toBeLessThan(r.metrics.engaged)
    expect(d.engaged).toBeGreaterThan(r.metrics.engaged / Math.pow(1.035, years))
    expect(d.starPoints).toBeLessThan(starPoints)
    expect(d.starPoints).toBeGreaterThan(starPoints / Math.pow(1.035, years))
    const outlayPv = r.metrics["outcomes.commissionerOutlayPv"]
    expect(r.metrics["outcomes.costPerEngagedPv"]).toBeCloseTo(outlayPv / d.engaged, 6)
  })
})
