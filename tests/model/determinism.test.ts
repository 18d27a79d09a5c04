/**
 * Reproducibility and common random numbers: a researcher re-running (scenario, seed, replicate) gets the
 * same run, bit for bit; a commissioner comparing two scenarios compares the same people, referred in the
 * same weeks, unless the change itself affects referral.
 */
import { describe, expect, it } from "vitest"
import type { Scenario } from "../../src/scenario/schema.ts"
import { compileParams } from "../../src/model/params.ts"
import { weekOf } from "../../src/model/schedule.ts"
import { createSim, type Sim, SimRecycler } from "../../src/model/sim.ts"
import { residentPeople } from "../../src/model/resident.ts"
import { PeopleArrays } from "../../src/model/people.ts"
import { simulate } from "../../src/model/simulate.ts"
import { weeklyColumns } from "../../src/model/weekly.ts"
import { scenarioWith, shippedScenario } from "../support/scenarios.ts"

const run = (scenario: Scenario, replicate = 0, seed = scenario.seed): Sim => simulate(compileParams(scenario), seed, replicate)

/** Each weekly column that differs between two runs before `untilWeek`, with the first week it differs. */
const weeklyDifferences = (a: Sim, b: Sim, untilWeek = a.params.horizonWeeks): Array<string> =>
  weeklyColumns.flatMap((name) => {
    const x = a.weekly.columns[name]
    const y = b.weekly.columns[name]
    for (let w = 0; w < untilWeek; w++) if (!Object.is(x[w], y[w])) return [`${name} from week ${w}: ${x[w]} vs ${y[w]}`]
    return []
  })

/** Every per-person typed array, cut to the people referred (fields with several entries per person keep them all). */
const personArrays = (sim: Sim): Record<string, Array<number>> => {
  const out: Record<string, Array<number>> = {}
  for (const [name, value] of Object.entries(sim.people.arrays)) {
    if (!ArrayBuffer.isView(value)) continue
    const array = value as unknown as ArrayLike<number>
    const perPerson = array.length / sim.people.capacity
    out[name] = Array.from((value as unknown as Uint8Array).subarray(0, sim.people.count * perPerson))
  }
  return out
}

/** Who was referred and when: what a person brings with them, before the service touches them. */
const attributes = [
  "key", "practice", "cluster", "firstReferredWeek", "ageBand", "female", "ethnicity", "languageNeed",
  "conditions", "mentalHealth", "isolated", "employed", "travels", "hospitalBaseWeek"
] as const

const attributesOf = (sim: Sim): Record<string, Array<number>> => {
  const all = personArrays(sim)
  return Object.fromEntries(attributes.map((name) => [name, all[name]]))
}

describe("a run is reproducible from (scenario, seed, replicate)", () => {
  const scenario = shippedScenario()
  const first = run(scenario, 0)
  const other = run(scenario, 1)
  // Another scenario in between: no state may leak from one run into the next through module-level caches.
  run(scenarioWith((d) => { d.linkWorkers.posts = 5 }), 3)
  const again = run(scenario, 0)

  it("gives identical weekly series, people, event counts and state counts", () => {
    expect(first.people.count).toBeGreaterThan(1000)
    expect(weeklyDifferences(first, again)).toEqual([])
    expect(again.people.count).toBe(first.people.count)
    expect(personArrays(again)).toEqual(personArrays(first))
    expect({ ...again.tally }).toEqual({ ...first.tally })
    expect(Array.from(again.stateCounts)).toEqual(Array.from(first.stateCounts))
  })

  it("is the same run after a replicate of a bigger scenario given back (as the explorer's workers do)", () => {
    const recycler = new SimRecycler()
    const bigger = scenarioWith((d) => { d.referral.ratePerEligiblePerYear *= 1.5 })
    const previous = simulate(compileParams(bigger), bigger.seed, 2, recycler)
    expect(previous.people.count).toBeGreaterThan(first.people.count)
    recycler.give(previous)
    const recycled = simulate(compileParams(scenario), scenario.seed, 0, recycler)
    // The thread's resident table, cleared of the bigger run's people, not copied out for it: it was given back, and
    // is left with no table rather than a view of the next run's.
    expect(recycled.people.arrays).toBe(residentPeople)
    expect(previous.people.arrays.capacity).toBe(0)
    expect(weeklyDifferences(first, recycled)).toEqual([])
    expect(personArrays(recycled)).toEqual(personArrays(first))
    expect({ ...recycled.tally }).toEqual({ ...first.tally })
    // And its event logs, cleared: the same rows as a fresh run's.
    for (const log of ["reviews", "engagements", "exits"] as const) {
      expect(recycled.records?.[log]).toBe(previous.records?.[log])
      const rows = (s: Sim) => Object.fromEntries(Object.entries(s.records?.[log].columns ?? {}).map(([k, v]) => [k, Array.from(v.subarray(0, s.records?.[log].count))]))
      expect(rows(recycled)).toEqual(rows(first))
    }
  })

  it("moves a run not given back out of the resident table, whole, when the next run starts", () => {
    const held = run(scenario, 0)
    expect(held.people.arrays).toBe(residentPeople)
    const before = personArrays(held)
    run(scenarioWith((d) => { d.linkWorkers.posts = 5 }), 3)
    expect(held.people.arrays).not.toBe(residentPeople)
    expect(held.people.arrays.capacity).toBe(held.people.count)
    expect(personArrays(held)).toEqual(before)
  })

  it("clears the resident table of a given-back run's people for the next, though only they are cleared", () => {
    const recycler = new SimRecycler()
    const used = simulate(compileParams(scenario), scenario.seed, 3, recycler)
    const n = used.people.count
    recycler.give(used)
    const next = createSim(compileParams(scenario), scenario.seed, 4, recycler)
    expect(next.people.arrays).toBe(residentPeople)
    const fresh = new PeopleArrays(n)
    for (const [name, value] of Object.entries(fresh)) {
      if (!ArrayBuffer.isView(value)) continue
      const cleared = (residentPeople[name as keyof PeopleArrays] as unknown as Uint8Array).subarray(0, (value as Uint8Array).length)
      expect({ name, values: Array.from(cleared) }).toEqual({ name, values: Array.from(value as unknown as ArrayLike<number>) })
    }
    recycler.give(next)
  })

  it("gives a different run for a different replicate or seed", () => {
    expect(Array.from(other.weekly.columns.newPeople)).not.toEqual(Array.from(first.weekly.columns.newPeople))
    expect(attributesOf(other).key.slice(0, 100)).not.toEqual(attributesOf(first).key.slice(0, 100))
    const reseeded = run(scenario, 0, scenario.seed + 1)
    expect(Array.from(reseeded.weekly.columns.newPeople)).not.toEqual(Array.from(first.weekly.columns.newPeople))
  })
})

describe("common random numbers across scenarios", () => {
  const base = shippedScenario()
  const baseRuns = [0, 1].map((r) => run(base, r))

  // Neither the workforce nor the caseload cap can change who is referred, or when.
  const notAboutReferral: ReadonlyArray<[string, Scenario]> = [
    ["more link-worker turnover", scenarioWith((d) => { d.linkWorkers.turnoverPerYear = 0.6 })],
    ["a lower caseload cap", scenarioWith((d) => { d.linkWorkers.caseloadCapPerFte = 45 })]
  ]

  for (const [label, changed] of notAboutReferral) {
    it(`${label} leaves new referrals and every referred person's attributes unchanged`, () => {
      for (const [r, before] of baseRuns.entries()) {
        const after = run(changed, r)
        // The change did take effect...
        expect(weeklyDifferences(before, after)).not.toEqual([])
        // ...but the same people were referred in the same weeks, from the same practices.
        expect(Array.from(after.weekly.columns.newPeople)).toEqual(Array.from(before.weekly.columns.newPeople))
        expect(after.people.count).toBe(before.people.count)
        expect(attributesOf(after)).toEqual(attributesOf(before))
      }
    })
  }

  it("a change that starts on a date leaves every weekly figure before that date unchanged", () => {
    // Points added after the shipped schedules' last points: funding falls on from 2019-04-01, referrals drop then.
    const cutFrom = "2019-04-01"
    const cut = scenarioWith((d) => {
      d.communityServices.funding.points.push({ at: "2020-04-01", value: 0.5 })
      d.referral.schedule.points.push({ at: cutFrom, value: 0.7 })
    })
    expect(base.communityServices.funding.points.at(-1)?.at).toBe(cutFrom)
    const week = weekOf(cutFrom, base.startDate)
    const after = run(cut, 0)
    expect(weeklyDifferences(baseRuns[0], after, week)).toEqual([])
    expect(after.weekly.columns.serviceCapacity[week + 4]).toBeLessThan(baseRuns[0].weekly.columns.serviceCapacity[week + 4])
    expect(after.weekly.columns.newPeople.slice(week).reduce((s, x) => s + x, 0))
      .toBeLessThan(baseRuns[0].weekly.columns.newPeople.slice(week).reduce((s, x) => s + x, 0))
  })

  it("funding more link-worker posts from a date leaves every weekly figure before that date unchanged", () => {
    // Each post draws its own random numbers, so posts that open later do not disturb the others' turnover.
    const from = "2019-04-01"
    const more = scenarioWith((d) => {
      d.linkWorkers.postsSchedule = { interpolation: "step", points: [{ at: from, value: 1.5 }] }
    })
    const week = weekOf(from, base.startDate)
    const after = run(more, 0)
    expect(weeklyDifferences(baseRuns[0], after, week)).toEqual([])
    expect(after.weekly.columns.linkWorkersFte[week + 20]).toBeGreaterThan(baseRuns[0].weekly.columns.linkWorkersFte[week + 20])
  })
})
