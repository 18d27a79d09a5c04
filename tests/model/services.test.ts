/**
 * Community-service places under a funding cut: a person takes a whole place, so each area's services of a kind
 * share out the whole number of places nearest what funding pays for, the extra ones going to the most resilient.
 */
import { describe, expect, it } from "vitest"
import { compileParams } from "../../src/model/params.ts"
import { createSim, holdResident, type Sim } from "../../src/model/sim.ts"
import { Requires, updateServices } from "../../src/model/services.ts"
import { OnwardFailure, olderAgeBand } from "../../src/model/constants.ts"
import { PeopleArrays } from "../../src/model/people.ts"
import { personLacks, unsuitable } from "../../src/model/onwardReferral.ts"
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

  it("recomputed only in weeks whose schedules moved, are those computed afresh in every week", () => {
    // Funding that holds, steps down, holds and ramps: weeks where it did not move keep last week's places.
    const scenario = scenarioWith((d) => {
      d.communityServices.funding = { interpolation: "linear", points: [{ at: 0, value: 1 }, { at: 10, value: 1 }, { at: 11, value: 0.6 }, { at: 30, value: 0.6 }, { at: 40, value: 0.9 }] }
      d.communityServices.closureShareOfCut = 0.4
    })
    const params = compileParams(scenario)
    const running = createSim(params, scenario.seed, 0)
    const n = running.services.count
    const places = (sim: Sim) => [sim.services.capacity, sim.services.open].map((x) => Array.from(x.subarray(0, n)))
    for (let week = 0; week < 60; week++) {
      // The engine works on the run holding the resident tables, as `step` makes sure (`holdResident`).
      holdResident(running)
      updateServices(running, week)
      const kept = places(running)
      const fresh = createSim(params, scenario.seed, 0)
      updateServices(fresh, week)
      expect(kept, `week ${week}`).toEqual(places(fresh))
    }
  })
})

describe("a service's suitability", () => {
  it("in one test of requirement bits gives the reason the checks one by one give, in their order", () => {
    // The checks as they read before the bits: sex, age, times, language, culture.
    const byChecks = (flags: number, serviceGroup: number, female: number, older: boolean, employed: number, languageNeed: number, group: number): number => {
      if (flags & 1 && !female) return OnwardFailure.unsuitableSex
      if (flags & 2 && !older) return OnwardFailure.unsuitableAge
      if (flags & 4 && employed) return OnwardFailure.unsuitableTimes
      if (languageNeed && !(flags & 8)) return OnwardFailure.unsuitableLanguage
      if (serviceGroup !== -1 && serviceGroup !== group) return OnwardFailure.unsuitableCulture
      return -1
    }
    const a = new PeopleArrays(1)
    const services = { requires: new Uint8Array(1), group: new Int16Array(1) }
    let cases = 0
    // flags: women only, older only, daytime only, language support (bit 8 on: has it).
    for (let flags = 0; flags < 16; flags++) {
      services.requires[0] = (flags & 1 ? Requires.women : 0) | (flags & 2 ? Requires.olderAdults : 0) | (flags & 4 ? Requires.daytime : 0) | (flags & 8 ? 0 : Requires.noLanguageSupport)
      for (const serviceGroup of [-1, -2, 0, 2]) {
        services.group[0] = serviceGroup
        for (let person = 0; person < 16; person++) {
          for (const group of [0, 1, 2]) {
            a.female[0] = person & 1
            a.ageBand[0] = person & 2 ? olderAgeBand : 0
            a.employed[0] = (person >> 2) & 1
            a.languageNeed[0] = (person >> 3) & 1
            const expected = byChecks(flags, serviceGroup, person & 1, (person & 2) !== 0, (person >> 2) & 1, (person >> 3) & 1, group)
            expect(unsuitable(services.requires, services.group, 0, personLacks(a, 0), group), `flags ${flags} group ${serviceGroup} person ${person} of ${group}`).toBe(expected)
            cases++
          }
        }
      }
    }
    expect(cases).toBe(16 * 4 * 16 * 3)
  })
})
