/**
 * Outcomes by group: every person counted once in each dimension, the groups adding up to the whole, and the
 * differences the mechanisms put there (anxiety or depression raises dropout only where the scenario says so;
 * more conditions, more setbacks and smaller Star gains).
 */
import { describe, expect, it } from "vitest"
import { groupDimensions, groupMeasures, groupMetricName, parseGroupMetric } from "../../src/results/groups.ts"
import { State } from "../../src/model/constants.ts"
import { runReplicates, scenarioWith, shippedScenario } from "../support/scenarios.ts"

const [run] = runReplicates(shippedScenario(), 1)
const m = run.metrics
const key = (dimension: string, group: string, measure: string) => `group.${dimension}.${group}.${measure}`

describe("outcomes by group", () => {
  it("names every measure of every group, and each dimension's groups add up to everyone referred", () => {
    for (const { dimension, groups } of groupDimensions(run.sim.scenario)) {
      let people = 0
      let engaged = 0
      for (const g of groups) {
        for (const measure of groupMeasures) expect(m[key(dimension, g, measure)], key(dimension, g, measure)).toBeTypeOf("number")
        people += m[key(dimension, g, "people")]
        engaged += m[key(dimension, g, "people")] * m[key(dimension, g, "engagedShare")]
      }
      expect(people, dimension).toBe(m.people)
      // The share who engaged at least once, computed straight from the person table.
      const a = run.sim.people.arrays
      let everEngaged = 0
      for (let id = 0; id < run.sim.people.count; id++) everEngaged += a.everEngaged[id]
      expect(engaged, dimension).toBeCloseTo(everEngaged, 6)
    }
  })

  it("counts each group's people, and those who engaged, as the person table does", () => {
    const a = run.sim.people.arrays
    const groupOf: Record<string, (id: number) => number> = {
      ageBand: (id) => a.ageBand[id],
      sex: (id) => 1 - a.female[id],
      ethnicity: (id) => a.ethnicity[id],
      conditions: (id) => Math.min(a.conditions[id], 3) - 1,
      mentalHealth: (id) => 1 - a.mentalHealth[id],
      isolated: (id) => 1 - a.isolated[id]
    }
    for (const { dimension, groups } of groupDimensions(run.sim.scenario)) {
      const people = groups.map(() => 0)
      const engaged = groups.map(() => 0)
      for (let id = 0; id < run.sim.people.count; id++) {
        people[groupOf[dimension](id)]++
        engaged[groupOf[dimension](id)] += a.everEngaged[id]
      }
      groups.forEach((g, j) => {
        expect(m[key(dimension, g, "people")], key(dimension, g, "people")).toBe(people[j])
        if (people[j] > 0) expect(m[key(dimension, g, "engagedShare")], key(dimension, g, "engagedShare")).toBe(engaged[j] / people[j])
      })
    }
  })

  it("gives the dropout share over everyone as each group's: people who engaged whose last episode ended in dropout", () => {
    const a = run.sim.people.arrays
    let engaged = 0
    let droppedOut = 0
    for (let id = 0; id < run.sim.people.count; id++) {
      if (a.everEngaged[id] !== 1) continue
      engaged++
      if (a.state[id] === State.disengaged) droppedOut++
    }
    expect(m.disengagedShare).toBeCloseTo(droppedOut / engaged, 12)
    // The groups of a dimension, weighted by the people who engaged in each, make the whole.
    let weighted = 0
    for (const g of ["female", "male"]) {
      const engagedIn = m[key("sex", g, "people")] * m[key("sex", g, "engagedShare")]
      weighted += engagedIn * m[key("sex", g, "disengagedShare")]
    }
    expect(weighted / engaged).toBeCloseTo(m.disengagedShare, 9)
  })

  it("weights the Star change of people reviewed twice or more as the headline figure does", () => {
    let reviewed = 0
    let total = 0
    for (const g of ["female", "male"]) {
      const a = run.sim.people.arrays
      let n = 0
      for (let id = 0; id < run.sim.people.count; id++) if (a.reviews[id] >= 2 && (a.female[id] === 1) === (g === "female")) n++
      reviewed += n
      total += n * m[key("sex", g, "starChangeMean")]
    }
    expect(reviewed).toBe(m.starReviewed)
    expect(total / reviewed).toBeCloseTo(m.starChangeMean, 9)
  })

  it("shows more dropout among people with anxiety or depression, and none of it when the multiplier is 1", () => {
    const dropout = (metrics: Record<string, number>, g: string) => metrics[key("mentalHealth", g, "disengagedShare")]
    expect(dropout(m, "anxietyOrDepression")).toBeGreaterThan(dropout(m, "neither") * 1.1)
    const even = runReplicates(scenarioWith((d) => {
      d.disengagement.mentalHealthMultiplier = 1
    }), 3).map((r) => r.metrics)
    const mean = (g: string) => even.reduce((s, x) => s + dropout(x, g), 0) / even.length
    expect(Math.abs(mean("anxietyOrDepression") - mean("neither"))).toBeLessThan(0.02)
  })

  it("shows smaller Star gains with more long-term conditions (more setbacks)", () => {
    const gain = (g: string) => m[key("conditions", g, "starChangeMean")]
    expect(gain("1")).toBeGreaterThan(gain("2"))
    expect(gain("2")).toBeGreaterThan(gain("3+"))
  })

  it("names a group's measure so that it can be taken apart again, whatever the group's name", () => {
    for (const [dimension, group, measure] of [["ethnicity", "White British", "engagedShare"], ["ethnicity", "Other (incl. Irish)", "people"], ["conditions", "3+", "starChangeMean"]]) {
      expect(parseGroupMetric(groupMetricName(dimension, group, measure))).toEqual({ dimension, group, measure })
    }
    expect(parseGroupMetric("engagedShare")).toBeUndefined()
    expect(parseGroupMetric("outcomes.capReachedChance")).toBeUndefined()
  })
})
