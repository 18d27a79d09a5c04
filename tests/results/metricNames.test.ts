/** The metric names a scenario can give, from the scenario alone: what --metric and a targets file are checked against before a run. */
import { describe, expect, it } from "vitest"
import { parseGroupMetric } from "../../src/results/groups.ts"
import { metricNames } from "../../src/results/metricNames.ts"
import { runReplicates, shippedScenario } from "../support/scenarios.ts"

describe("metricNames", () => {
  it("are exactly those a replicate gives, or explains the absence of, for the shipped scenario and its four contracts", () => {
    // Ways to Wellness: contracts with a total cap and social investment, with a cap only, and with neither.
    const scenario = shippedScenario()
    const names = metricNames(scenario)
    const [r] = runReplicates(scenario, 1)
    // Every figure a replicate gives is known.
    expect(Object.keys(r.metrics).filter((m) => !names.has(m))).toEqual([])
    // Every known name is given, or its absence is noted, or it is a group's measure with nobody to measure.
    const given = new Set([...Object.keys(r.metrics), ...Object.keys(r.notes)])
    expect([...names].filter((m) => !given.has(m) && parseGroupMetric(m) === undefined)).toEqual([])
    expect(["outcomes.capReachedWeek", "outcomes.investorIrr", "hybrid.capReachedWeek", "hybrid.npvGainOverFirst"].filter((m) => !names.has(m))).toEqual([])
    expect(["outcomes.npvGainOverFirst", "hybrid.investorIrr", "blockGrant.capReachedWeek", "blockGrant.investorIrr"].filter((m) => names.has(m))).toEqual([])
  })

  it("follow the scenario: its ethnic groups, its contracts", () => {
    const england = metricNames(shippedScenario("england"))
    for (const group of shippedScenario("england").population.ethnicGroups) expect(england.has(`group.ethnicity.${group.name}.engagedShare`)).toBe(true)
    expect([...england].filter((m) => m.startsWith("outcomes."))).toEqual([])
  })
})
