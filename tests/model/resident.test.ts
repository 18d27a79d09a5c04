/**
 * The thread's resident arrays (`src/model/resident.ts`) only make the engaged pass faster: a run that holds them, one
 * that finds them held and keeps its own, one that outgrows them halfway and one stepped side by side with another
 * all give the same results to the bit, and a run gives them back when it ends.
 */
import { afterEach, describe, expect, it } from "vitest"
import { moveEngaged } from "../../src/model/engagedTable.ts"
import { compileParams } from "../../src/model/params.ts"
import { claimResident, releaseResident, residentGainTable, residentIds, residentPlaces } from "../../src/model/resident.ts"
import { createSim, type Sim, vacateResident } from "../../src/model/sim.ts"
import { simulate } from "../../src/model/simulate.ts"
import { step } from "../../src/model/step.ts"
import { weeklyColumns } from "../../src/model/weekly.ts"
import { shippedScenario } from "../support/scenarios.ts"

const scenario = shippedScenario()
const params = compileParams(scenario)
const seed = scenario.seed

/** Everything a run leaves that results are made of: weekly series, every person's arrays, the event counts. */
const outcome = (sim: Sim) => ({
  weekly: Object.fromEntries(weeklyColumns.map((c) => [c, Array.from(sim.weekly.columns[c])])),
  people: Object.fromEntries(
    Object.entries(sim.people.arrays).flatMap(([name, value]) => {
      if (!ArrayBuffer.isView(value)) return []
      const array = value as unknown as ArrayLike<number>
      return [[name, Array.from(array).slice(0, sim.people.count * (array.length / sim.people.capacity))]]
    })
  ),
  tally: { ...sim.tally }
})

/** True if no run holds the resident arrays now (and leaves them free). */
const residentFree = (): boolean => {
  if (!claimResident()) return false
  releaseResident()
  return true
}

afterEach(() => {
  expect(residentFree()).toBe(true)
})

describe("the resident arrays of the engaged pass", () => {
  const reference = simulate(params, seed, 2)

  it("are held by a run while it runs and given back, with its own copies, when it ends", () => {
    const sim = createSim(params, seed, 2)
    expect(sim.resident).toBe(true)
    expect(sim.engaged.ids).toBe(residentIds)
    expect(sim.posts.gainTable).toBe(residentGainTable)
    expect(residentFree()).toBe(false)
    for (let week = 0; week < params.horizonWeeks; week++) step(sim, week)
    const list = Array.from(sim.engaged.ids.subarray(0, sim.engaged.count))
    const gains = Array.from(sim.posts.gainTable.subarray(0, sim.posts.count + 1))
    vacateResident(sim)
    expect(sim.resident).toBe(false)
    expect(sim.engaged.ids).not.toBe(residentIds)
    expect(Array.from(sim.engaged.ids.subarray(0, sim.engaged.count))).toEqual(list)
    expect(sim.posts.gainTable).not.toBe(residentGainTable)
    expect(Array.from(sim.posts.gainTable)).toEqual(gains)
    expect(outcome(sim)).toEqual(outcome(reference))
  })

  it("a run that finds them held keeps arrays of its own and gives the same results", () => {
    expect(claimResident()).toBe(true)
    try {
      const sim = simulate(params, seed, 2)
      expect(sim.engaged.ids).not.toBe(residentIds)
      expect(outcome(sim)).toEqual(outcome(reference))
    } finally {
      releaseResident()
    }
  })

  it("a run whose list outgrows them moves out halfway and gives the same results", () => {
    const sim = createSim(params, seed, 2)
    for (let week = 0; week < params.horizonWeeks; week++) {
      // What `joinEngaged` does when the list fills the resident places.
      if (week === 150) moveEngaged(sim.engaged, 2 * residentPlaces)
      step(sim, week)
      if (week === 150) expect(sim.engaged.resident).toBe(false)
    }
    vacateResident(sim)
    expect(outcome(sim)).toEqual(outcome(reference))
  })

  it("two runs stepped side by side: one holds them, the other keeps its own, both give the same results", () => {
    const first = createSim(params, seed, 2)
    const second = createSim(params, seed, 2)
    expect([first.resident, second.resident]).toEqual([true, false])
    for (let week = 0; week < params.horizonWeeks; week++) {
      step(first, week)
      step(second, week)
    }
    vacateResident(first)
    vacateResident(second)
    expect(outcome(first)).toEqual(outcome(reference))
    expect(outcome(second)).toEqual(outcome(reference))
  })
})
