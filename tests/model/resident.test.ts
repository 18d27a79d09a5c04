/**
 * The thread's resident tables (`src/model/resident.ts`: people, the list of the engaged, link workers' posts and
 * tables, services' places) only make the engine faster: the run being stepped holds them, a run that held them moves out into copies of its own when another starts or is stepped, and moves back in
 * when it is stepped again, with the same results to the bit as a run that never moved.
 */
import { describe, expect, it } from "vitest"
import { EngagedTable, joinEngaged } from "../../src/model/engagedTable.ts"
import { compileParams } from "../../src/model/params.ts"
import { type MakeColumn, People, PeopleArrays } from "../../src/model/people.ts"
import * as resident from "../../src/model/resident.ts"
import {
  moveIntoResident,
  residentGainTable,
  residentIds,
  residentPeople,
  residentPostCaseload,
  residentServiceOccupied
} from "../../src/model/resident.ts"
import { createSim, holdsResident, type Sim, SimRecycler } from "../../src/model/sim.ts"
import { simulate } from "../../src/model/simulate.ts"
import { step } from "../../src/model/step.ts"
import { weeklyColumns } from "../../src/model/weekly.ts"
import { shippedScenario } from "../support/scenarios.ts"

const scenario = shippedScenario()
const params = compileParams(scenario)
const seed = scenario.seed

/** Everything a run leaves that results are made of: weekly series, every person's rows, the event counts. */
const outcome = (sim: Sim) => ({
  weekly: Object.fromEntries(weeklyColumns.map((c) => [c, Array.from(sim.weekly.columns[c])])),
  people: Object.fromEntries(
    Object.entries(sim.people.arrays).flatMap(([name, value]) => {
      if (!ArrayBuffer.isView(value)) return []
      const array = value as unknown as Uint8Array
      return [[name, Array.from(array.subarray(0, sim.people.count * (array.length / sim.people.capacity)))]]
    })
  ),
  tally: { ...sim.tally }
})

describe("the resident tables", () => {
  const reference = outcome(simulate(params, seed, 2))

  it("are held by the run being stepped: its people, its list of the engaged and its link-worker tables", () => {
    const sim = createSim(params, seed, 2)
    expect(holdsResident(sim)).toBe(true)
    expect(sim.people.arrays).toBe(residentPeople)
    expect(sim.engaged.ids).toBe(residentIds)
    expect(sim.posts.gainTable).toBe(residentGainTable)
    expect(sim.services.occupied).toBe(residentServiceOccupied)
    expect(sim.posts.caseload).toBe(residentPostCaseload)
    for (let week = 0; week < params.horizonWeeks; week++) step(sim, week)
    expect(outcome(sim)).toEqual(reference)
  })

  it("a run moves out, copied whole, when another starts, and back in when it is stepped again, with the same results", () => {
    const first = createSim(params, seed, 2)
    for (let week = 0; week < 150; week++) step(first, week)
    const halfway = outcome(first)
    const list = Array.from(first.engaged.ids.subarray(0, first.engaged.count))
    const gains = Array.from(first.posts.gainTable.subarray(0, first.posts.count + 1))
    const places = [first.services.occupied, first.services.capacity, first.services.open].map((x) => Array.from(x.subarray(0, first.services.count)))
    const caseloads = [first.posts.caseload, first.posts.workload, first.posts.status].map((x) => Array.from(x.subarray(0, first.posts.count)))
    const second = createSim(params, seed, 3)
    expect(holdsResident(first)).toBe(false)
    expect(first.people.arrays).not.toBe(residentPeople)
    expect(outcome(first)).toEqual(halfway)
    expect(Array.from(first.engaged.ids.subarray(0, first.engaged.count))).toEqual(list)
    expect(Array.from(first.posts.gainTable)).toEqual(gains)
    expect(first.services.occupied).not.toBe(residentServiceOccupied)
    expect([first.services.occupied, first.services.capacity, first.services.open].map((x) => Array.from(x))).toEqual(places)
    expect(first.posts.caseload).not.toBe(residentPostCaseload)
    expect([first.posts.caseload, first.posts.workload, first.posts.status].map((x) => Array.from(x))).toEqual(caseloads)
    step(second, 0)
    for (let week = 150; week < params.horizonWeeks; week++) step(first, week)
    expect(first.people.arrays).toBe(residentPeople)
    expect(holdsResident(second)).toBe(false)
    expect(outcome(first)).toEqual(reference)
  })

  it("two runs stepped side by side, taking turns at the tables every week, give the results of runs alone", () => {
    const first = createSim(params, seed, 2)
    const second = createSim(params, seed, 5)
    for (let week = 0; week < params.horizonWeeks; week++) {
      step(first, week)
      step(second, week)
    }
    expect(outcome(first)).toEqual(reference)
    const alone = outcome(second)
    expect(alone).toEqual(outcome(simulate(params, seed, 5)))
  })

  it("a run given back is not copied out: the next takes the tables as they are, cleared of its people", () => {
    const recycler = new SimRecycler()
    const done = simulate(params, seed, 2, recycler)
    recycler.give(done)
    expect(holdsResident(done)).toBe(false)
    expect(done.people.arrays.capacity).toBe(0)
    const next = simulate(params, seed, 2, recycler)
    expect(next.people.arrays).toBe(residentPeople)
    expect(outcome(next)).toEqual(reference)
    recycler.give(next)
  })

  it("a run that needs more people than the table holds stops with an error naming the limit", () => {
    const people = new People(new PeopleArrays(2))
    expect([people.add(), people.add()]).toEqual([0, 1])
    expect(() => people.add()).toThrow(/refers more than 2 people, the most one run may have here/)
  })

  it("a table with more entries than its resident arrays hold is refused with an error naming the limit, unmoved", () => {
    const own = new Uint8Array([1, 2, 3, 4, 5])
    const owner = { places: own }
    expect(() => moveIntoResident(owner, { places: new Uint8Array(3) }, 5, "places")).toThrow(/needs more than 3 places, the most one run may have/)
    expect(owner.places).toBe(own)
    const room = new Uint8Array(8)
    moveIntoResident(owner, { places: room }, 5, "places")
    expect([owner.places === room, Array.from(room)]).toEqual([true, [1, 2, 3, 4, 5, 0, 0, 0]])
  })

  it("are carved out of one block of memory, no two arrays sharing a byte (a view of Star words starts where its bytes do)", () => {
    const arrays = [
      ...Object.values(resident).filter((v) => ArrayBuffer.isView(v)),
      ...Object.entries(residentPeople).filter(([name, v]) => ArrayBuffer.isView(v) && !name.endsWith("Words")).map(([, v]) => v)
    ] as Array<Uint8Array>
    expect(new Set(arrays.map((a) => a.buffer)).size).toBe(1)
    const spans = arrays.map((a) => [a.byteOffset, a.byteOffset + a.byteLength]).sort((x, y) => x[0] - y[0])
    for (let i = 1; i < spans.length; i++) expect(spans[i][0]).toBeGreaterThanOrEqual(spans[i - 1][1])
    expect(spans.length).toBe(19 + Object.keys(residentPeople).filter((n) => ArrayBuffer.isView((residentPeople as never)[n]) && !n.endsWith("Words")).length)
    expect(residentPeople.starWords.byteOffset).toBe(residentPeople.star.byteOffset)
  })

  it("a person table carved out of one block clears and copies each of its fields, not only the first", () => {
    const block = new ArrayBuffer(1 << 16)
    let offset = 0
    const carve: MakeColumn = (kind, length) => {
      const array = new kind(block, offset, length)
      offset += Math.ceil((length * kind.BYTES_PER_ELEMENT) / 8) * 8
      return array
    }
    const carved = new PeopleArrays(8, true, carve)
    carved.practice[3] = 7
    carved.setbackClock[3] = 2.5
    carved.star[3 * 8 + 1] = 4
    const copy = new PeopleArrays(8)
    copy.copyRows(carved, 4)
    expect([copy.practice[3], copy.setbackClock[3], copy.star[25], copy.starWords[6]]).toEqual([7, 2.5, 4, 4 << 8])
    carved.reset(4)
    expect([carved.practice[3], carved.setbackClock[3], carved.star[25]]).toEqual([0, 0, 0])
  })

  it("a list of the engaged in arrays of its own (a run moved out) grows as it needs", () => {
    const a = new PeopleArrays(5)
    const t = new EngagedTable(false, 2)
    for (let id = 0; id < 5; id++) expect(joinEngaged(t, a, id)).toBe(id)
    expect(Array.from(t.ids.subarray(0, 5))).toEqual([0, 1, 2, 3, 4])
    expect(t.ids.length).toBeGreaterThanOrEqual(5)
  })
})
