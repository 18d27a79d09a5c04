/**
 * Change that would have happened anyway: `scenarios/without-support.json` keeps the Ways to Wellness people,
 * engagement, reviews and hospital costs (the Star is an outcome only) and moves the Star only at an assumed
 * natural rate, so its Star payments are what the contracts would pay for change without the service.
 */
import { describe, expect, it } from "vitest"
import { meanOf, runMetrics, scenarioWith, shippedScenario } from "../support/scenarios.ts"

describe("the without-support counterfactual", () => {
  const withSupport = runMetrics(shippedScenario(), 2)
  const without = runMetrics(shippedScenario("without-support"), 2)

  it("has the same people, engagement, reviews and hospital costs, replicate by replicate", () => {
    for (const name of ["referrals", "engaged", "disengaged", "discharged", "starReviewed", "onwardReferrals", "secondaryCareSaving"]) {
      expect(without.map((m) => m[name]), name).toEqual(withSupport.map((m) => m[name]))
    }
  })

  it("moves the Star less, and pays less for it, but not nothing", () => {
    expect(meanOf(without, "starChangeMean")).toBeLessThan(meanOf(withSupport, "starChangeMean") - 1)
    for (const contract of ["outcomes", "hybrid"]) {
      const paid = `${contract}.outcomePaymentsByMetric.wellbeing`
      expect(meanOf(without, paid), paid).toBeGreaterThan(0)
      expect(meanOf(without, paid), paid).toBeLessThan(0.5 * meanOf(withSupport, paid))
    }
  })

  it("pays nothing for the Star when nothing would have changed anyway (setbacks only take points away)", () => {
    const still = runMetrics(scenarioWith((d) => {
      d.wellbeing.gainEventsPerWeek = 0
    }, shippedScenario("without-support")), 1)
    expect(still[0]["outcomes.outcomePaymentsByMetric.wellbeing"]).toBe(0)
    expect(still[0].starChangeMean).toBeLessThan(0)
  })
})
