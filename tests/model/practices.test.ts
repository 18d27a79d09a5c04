/** A scenario that lists its GP practices: their list sizes, areas, champions and referral rates, checked for consistency. */
import { describe, expect, it } from "vitest"
import { compileParams } from "../../src/model/params.ts"
import { createSim } from "../../src/model/sim.ts"
import { simulate } from "../../src/model/simulate.ts"
import { practiceProblems, variantProblems } from "../../src/scenario/practiceList.ts"
import { assumedSingleValues } from "../../src/analysis/sensitivity.ts"
import { gridOf } from "../../src/analysis/grid.ts"
import { scenarioProvenance } from "../../src/scenario/provenance.ts"
import type { ListedPractice } from "../../src/scenario/sections/referral.ts"
import { scenarioWith } from "../support/scenarios.ts"

const listed = (list: Array<ListedPractice>, clusters = 2) =>
  scenarioWith((d) => {
    d.practices.list = list
    d.practices.count = list.length
    d.practices.population = list.reduce((s, p) => s + p.listSize, 0)
    d.practices.clusters = clusters
  })

const four: Array<ListedPractice> = [
  { name: "Elswick", listSize: 20000, area: 1, champion: true },
  { name: "Benwell", listSize: 10000, area: 1, champion: false, referralMultiplier: 2 },
  { name: "Fenham", listSize: 30000, area: 0 },
  { name: "Walker", listSize: 40000 }
]

describe("listed practices", () => {
  it("take their list sizes, areas, champions and referral multipliers from the list", () => {
    const s = listed(four)
    const sim = createSim(compileParams(s), s.seed, 0)
    const p = sim.practices
    const share = s.practices.eligibleShare
    expect(Array.from(p.eligible)).toEqual([20000, 10000, 30000, 40000].map((n) => n * share))
    expect(Array.from(p.cluster)).toEqual([1, 1, 0, 1])
    expect([p.champion[0], p.champion[1]]).toEqual([1, 0])
    expect(Array.from(p.rateMultiplier).slice(0, 2)).toEqual([s.referral.championMultiplier, 2])
  })

  it("leave the world drawn after them (community services) as a drawn list of the same count would", () => {
    const s = listed(four)
    const drawn = scenarioWith((d) => {
      d.practices.count = 4
      d.practices.population = 100000
      d.practices.clusters = 2
    })
    const a = createSim(compileParams(s), s.seed, 0).services
    const b = createSim(compileParams(drawn), drawn.seed, 0).services
    expect(Array.from(a.resilience)).toEqual(Array.from(b.resilience))
    expect(Array.from(a.group.subarray(0, a.count))).toEqual(Array.from(b.group.subarray(0, b.count)))
  })

  it("refer in proportion to list size and referral multiplier", () => {
    const s = listed([
      { name: "A", listSize: 30000, area: 0, champion: false },
      { name: "B", listSize: 30000, area: 0, champion: false, referralMultiplier: 2 },
      { name: "C", listSize: 60000, area: 0, champion: false }
    ], 1)
    const sim = simulate(compileParams(s), s.seed, 0)
    const byPractice = [0, 0, 0]
    for (let id = 0; id < sim.people.count; id++) byPractice[sim.people.arrays.practice[id]]++
    expect(byPractice[1] / byPractice[0]).toBeGreaterThan(1.8)
    expect(byPractice[1] / byPractice[0]).toBeLessThan(2.2)
    expect(byPractice[2] / byPractice[0]).toBeGreaterThan(1.8)
    expect(byPractice[2] / byPractice[0]).toBeLessThan(2.2)
  })

  it("must agree with the count, the population and the areas, and name each practice once", () => {
    const s = scenarioWith((d) => {
      d.practices.list = [...four, { name: "Fenham", listSize: 5, area: 7 }]
      d.practices.clusters = 2
    })
    expect(practiceProblems(s)).toEqual([
      { path: "practices.count", expected: "expected 5, the number of practices in practices.list", found: String(s.practices.count) },
      { path: "practices.population", expected: "expected 100005, the sum of the list sizes in practices.list", found: String(s.practices.population) },
      { path: "practices.list[4].area", expected: "expected an area from 0 to 1 (practices.clusters is 2)", found: "7" },
      { path: "practices.list[4].name", expected: "expected a name no other practice in the list has", found: '"Fenham"' }
    ])
    expect(practiceProblems(listed(four))).toEqual([])
  })

  it("are values of the scenario by name, assumed until the scenario gives a source, which the count and population share", () => {
    const values = scenarioProvenance(listed(four))
    // The spread of drawn list sizes is not read with a list, so it is not counted among the scenario's values.
    expect(values.map((v) => v.path)).not.toContain("practices.listSizeCv")
    expect(scenarioProvenance(scenarioWith(() => {})).map((v) => v.path)).toContain("practices.listSizeCv")
    expect(values.find((v) => v.path === "practices.list[Benwell].referralMultiplier")).toMatchObject({ value: 2, origin: "changed", confidence: "assumed" })
    expect(values.find((v) => v.path === "practices.list[Walker].listSize")?.value).toBe(40000)
    expect(values.find((v) => v.path === "practices.population")?.origin).toBe("changed")
    const sourced = scenarioProvenance({ ...listed(four), sources: { "practices.list": { source: "NHS Digital, January 2024", confidence: "high" } } })
    for (const path of ["practices.list[Walker].listSize", "practices.count", "practices.population"]) {
      expect(sourced.find((v) => v.path === path), path).toMatchObject({ origin: "stated", source: "NHS Digital, January 2024", confidence: "high" })
    }
  })

  it("rule out sweep and sensitivity points that disagree with the list, and are not swung where the list fixes them", () => {
    const s = listed(four)
    const points = gridOf(s, [{ path: "practices.count", values: [4, 5] }])
    expect(variantProblems(points.map((p) => ({ label: `count ${p.values[0]}`, scenario: p.scenario })))).toEqual([
      "count 5: at practices.count: expected 4, the number of practices in practices.list, found 5"
    ])
    const areas = gridOf(s, [{ path: "practices.clusters", values: [2, 1] }])
    expect(variantProblems(areas.map((p) => ({ label: `clusters ${p.values[0]}`, scenario: p.scenario })))).toEqual([
      "clusters 1: at practices.list[0].area: expected an area from 0 to 0 (practices.clusters is 1), found 1",
      "clusters 1: at practices.list[1].area: expected an area from 0 to 0 (practices.clusters is 1), found 1"
    ])
    const swung = assumedSingleValues(s)
    for (const fixed of ["practices.count", "practices.population", "practices.listSizeCv", "practices.clusters"]) expect(swung).not.toContain(fixed)
    // Without areas in the list, the number of areas is the scenario's to vary.
    expect(assumedSingleValues(listed(four.map(({ area: _, ...p }) => p)))).toContain("practices.clusters")
    expect(swung).toContain("practices.championShare")
    expect(assumedSingleValues(scenarioWith(() => {}))).toContain("practices.listSizeCv")
  })

  it("swept, a practice's list size carries the population with it, and more people are referred", () => {
    const s = listed(four)
    const points = gridOf(s, [{ path: "practices.list[Walker].listSize", values: [40000, 80000] }])
    expect(points.map((p) => p.scenario.practices.population)).toEqual([100000, 140000])
    expect(variantProblems(points.map((p) => ({ label: "", scenario: p.scenario })))).toEqual([])
    const [small, large] = points.map((p) => simulate(compileParams(p.scenario), s.seed, 0))
    const walker = (sim: typeof small) => Array.from({ length: sim.people.count }, (_, id) => sim.people.arrays.practice[id]).filter((pr) => pr === 3).length
    expect(walker(large) / walker(small)).toBeGreaterThan(1.8)
    expect(large.people.count).toBeGreaterThan(small.people.count)
  })
})
