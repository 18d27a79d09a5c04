/**
 * Community-service places under a funding cut: a person takes a whole place, so each area's services of a kind
 * share out the whole number of places nearest what funding pays for, the extra ones going to the most resilient.
 */
import { describe, expect, it } from "vitest"
import { compileParams } from "../../src/model/params.ts"
import { createSim } from "../../src/model/sim.ts"
import { updateServices } from "../../src/model/services.ts"
import { OnwardFailure } from "../../src/model/constants.ts"
import { serviceCategories } from "../../src/scenario/sections/community.ts"
import { simulate } from "../../src/model/simulate.ts"
import { scenarioWith } from "../support/scenarios.ts"

const constantFunding = (value: number, closureShareOfCut: number) =>
  scenarioWith((d) => {
    d.communityServices.funding = { interpolation: "step", points: [{ at: 0, value }] }
    d.communityServices.closureShareOfCut = closureShareOfCut
  })

/** Week 0's services of a scenario, replicate 0. */
const servicesOf = (scenario: ReturnType<typeof constantFunding>) => {
  const sim = createSim(compileParams(scenario), scenario.seed, 0)
  updateServices(sim, 0)
  return sim.services
}

describe("community-service places", () => {
  it.each([
    [0.9995, 0],
    [0.9, 0],
    [0.9, 0.5],
    [0.63, 0.5],
    [0.25, 0.2]
  ])("at funding %s (closing for a share %s of the cut) are whole, sum to the nearest whole total in each area and kind, and differ by at most one, favouring the resilient", (funding, closure) => {
    const s = servicesOf(constantFunding(funding, closure))
    const openShare = 1 - closure * (1 - funding)
    const scale = funding / openShare
    for (let g = 0; g + 1 < s.start.length; g++) {
      let total = 0
      let places = 0
      const open: Array<number> = []
      for (let i = s.start[g]; i < s.start[g + 1]; i++) {
        expect(Number.isInteger(s.capacity[i])).toBe(true)
        if (s.open[i]) {
          open.push(i)
          total += s.places[i] * scale
          places += s.capacity[i]
        } else expect(s.capacity[i]).toBe(0)
      }
      expect(places).toBe(Math.round(total))
      const byResilience = [...open].sort((x, y) => s.resilience[y] - s.resilience[x])
      for (let j = 1; j < byResilience.length; j++) {
        expect(s.capacity[byResilience[j - 1]]).toBeGreaterThanOrEqual(s.capacity[byResilience[j]])
        expect(s.capacity[byResilience[0]] - s.capacity[byResilience[j]]).toBeLessThanOrEqual(1)
      }
    }
  })

  it("at full funding are every service's own places", () => {
    const s = servicesOf(constantFunding(1, 0.5))
    for (let i = 0; i < s.count; i++) expect([s.open[i], s.capacity[i]]).toEqual([1, s.places[i]])
  })

  it("lose nothing to a cut too small to take a place (rounding each service down lost one in every service)", () => {
    const full = simulate(compileParams(constantFunding(1, 0)), 7, 0)
    const trimmed = simulate(compileParams(constantFunding(0.9995, 0)), 7, 0)
    expect(trimmed.tally.onwardFailures).toBe(full.tally.onwardFailures)
    expect(Array.from(trimmed.weekly.columns.serviceCapacity)).toEqual(Array.from(full.weekly.columns.serviceCapacity))
  })

  it("report as this week's capacity the places people can take", () => {
    const scenario = constantFunding(0.9, 0.5)
    const sim = simulate(compileParams(scenario), scenario.seed, 0)
    const s = sim.services
    let usable = 0
    for (let i = 0; i < s.count; i++) usable += s.capacity[i]
    expect(sim.weekly.columns.serviceCapacity[sim.weekly.weeks - 1]).toBe(usable)
    expect(Number.isInteger(usable)).toBe(true)
  })

  describe("a category's own funding schedule", () => {
    const advice = serviceCategories.indexOf("welfareAdvice")
    const withAdvice = (overall: number, own: number | undefined) =>
      scenarioWith((d) => {
        d.communityServices.funding = { interpolation: "step", points: [{ at: 0, value: overall }] }
        d.communityServices.closureShareOfCut = 0.5
        if (own !== undefined) d.communityServices.categories.welfareAdvice.funding = { interpolation: "step", points: [{ at: 0, value: own }] }
      })
    const byCategory = (s: ReturnType<typeof servicesOf>, k: number) =>
      Array.from({ length: s.count }, (_, i) => i).filter((i) => s.category[i] === k).map((i) => [s.open[i], s.capacity[i]])

    it("multiplies the overall schedule for that category alone", () => {
      const own = servicesOf(withAdvice(0.8, 0.5))
      const same = servicesOf(withAdvice(0.4, undefined))
      const overall = servicesOf(withAdvice(0.8, undefined))
      for (let k = 0; k < serviceCategories.length; k++) {
        expect(byCategory(own, k), serviceCategories[k]).toEqual(byCategory(k === advice ? same : overall, k))
      }
      expect(byCategory(own, advice)).not.toEqual(byCategory(overall, advice))
    })

    it("cut to nothing, places nobody in that kind of service: every such referral fails for want of a service or a place", () => {
      const scenario = withAdvice(1, 0)
      const base = withAdvice(1, undefined)
      const cut = simulate(compileParams(scenario), scenario.seed, 0)
      const full = simulate(compileParams(base), base.seed, 0)
      expect(cut.tally.onwardReferralsByCategory[advice]).toBeGreaterThan(0)
      // Half the cut closes services (closureShareOfCut 0.5); those left open have no places.
      const wanting = (sim: typeof cut) => sim.tally.onwardFailuresByReason[OnwardFailure.noService] + sim.tally.onwardFailuresByReason[OnwardFailure.noCapacity]
      expect(wanting(cut)).toBeGreaterThan(wanting(full) + cut.tally.onwardReferralsByCategory[advice] / 2)
      for (let i = 0; i < cut.services.count; i++) if (cut.services.category[i] === advice) expect(cut.services.capacity[i]).toBe(0)
    })
  })
})
