/**
 * "Is an outcomes contract better value than a block grant for the same service?": each contract against the
 * scenario's first, replicate by replicate on the same simulated people.
 */
import { describe, expect, it } from "vitest"
import { againstFirstContract } from "../../src/contract/results.ts"
import { runReplicates, scenarioWith } from "../support/scenarios.ts"

describe("contracts against the first", () => {
  it("give each later contract its NPV gain over the first and whether it is the better value", () => {
    const metrics = { "a.npvCommissioner": 5, "b.npvCommissioner": 7, "c.npvCommissioner": 4, "d.npvCommissioner": 5 }
    const { metrics: paired, notes } = againstFirstContract(["a", "b", "c", "d"], metrics)
    expect(paired).toEqual({
      "b.npvGainOverFirst": 2, "b.betterValueThanFirstChance": 1,
      "c.npvGainOverFirst": -1, "c.betterValueThanFirstChance": 0,
      // A tie is not better value.
      "d.npvGainOverFirst": 0, "d.betterValueThanFirstChance": 0
    })
    expect(notes).toEqual({ "a.npvGainOverFirst": "the first contract is what the others are compared with", "a.betterValueThanFirstChance": "the first contract is what the others are compared with" })
    expect(againstFirstContract(["a"], metrics)).toEqual({ metrics: {}, notes: {} })
  })

  it("are paired within each replicate of the shipped scenario, and absent for the first contract", () => {
    const scenario = scenarioWith((s) => { s.horizonWeeks = 104 })
    const names = scenario.contracts.map((c) => c.name)
    expect(names.length).toBeGreaterThan(1)
    for (const { metrics, notes } of runReplicates(scenario, 3)) {
      expect(metrics[`${names[0]}.npvGainOverFirst`]).toBeUndefined()
      expect(notes[`${names[0]}.npvGainOverFirst`]).toBe("the first contract is what the others are compared with")
      expect(metrics[`${names[0]}.betterValueThanFirstChance`]).toBeUndefined()
      for (const name of names.slice(1)) {
        const gain = metrics[`${name}.npvCommissioner`] - metrics[`${names[0]}.npvCommissioner`]
        expect(metrics[`${name}.npvGainOverFirst`], name).toBe(gain)
        expect(metrics[`${name}.betterValueThanFirstChance`], name).toBe(gain > 0 ? 1 : 0)
      }
    }
  })
})
