/** "Did you mean …?": the name meant, or the names that may have been, for a scenario path, a metric, a series. */
import { describe, expect, it } from "vitest"
import { closestName, didYouMean, suggestNames, wordsOf } from "../../src/scenario/closestName.ts"

const metrics = [
  "people", "engaged", "engagedShare", "disengaged", "meanWaitWeeks", "starChangeMean", "secondaryCareSaving", "secondaryCareSavingShare",
  "onwardReferralFailureShare", "starImprovedShare", "handoversManagedShare", "secondaryCareSavingShareEngaged",
  "outcomes.capReachedWeek", "outcomes.capReachedChance", "outcomes.investorIrr", "hybrid.capReachedWeek", "hybrid.capReachedChance",
  ...["White British", "South Asian", "Black", "Other"].flatMap((g) => ["people", "engagedShare", "disengagedShare", "starChangeMean"].map((m) => `group.ethnicity.${g}.${m}`)),
  ...["female", "male"].flatMap((g) => ["people", "engagedShare", "disengagedShare"].map((m) => `group.sex.${g}.${m}`))
]

describe("suggestNames", () => {
  it("gives the name a slip away, as closestName does", () => {
    expect(closestName("engagedShre", metrics)).toBe("engagedShare")
    expect(suggestNames("engagedShre", metrics)).toEqual({ names: ["engagedShare"], more: 0 })
  })

  it("gives the full names a partial path begins, a few and how many more", () => {
    expect(closestName("group.ethnicity", metrics)).toBeUndefined()
    const s = suggestNames("group.ethnicity", metrics)
    expect(s.names).toEqual(["group.ethnicity.White British.people", "group.ethnicity.White British.engagedShare", "group.ethnicity.White British.disengagedShare", "group.ethnicity.White British.starChangeMean"])
    expect(s.more).toBe(12)
    expect(didYouMean(s)).toBe('did you mean one of "group.ethnicity.White British.people", "group.ethnicity.White British.engagedShare", "group.ethnicity.White British.disengagedShare", "group.ethnicity.White British.starChangeMean", … (12 more)?')
    expect(suggestNames("group.ethnicity.South Asian", metrics).names[1]).toBe("group.ethnicity.South Asian.engagedShare")
  })

  it("gives a contract's figure named without its contract, and a name that holds what was typed", () => {
    expect(suggestNames("capReachedWeek", metrics)).toEqual({ names: ["outcomes.capReachedWeek", "hybrid.capReachedWeek"], more: 0 })
    expect(suggestNames("waitWeeks", metrics).names).toEqual(["meanWaitWeeks"])
    expect(suggestNames("linkWorkers.caseloadCap", ["linkWorkers.posts", "linkWorkers.caseloadCapPerFte", "referral.ratePerWeek"]).names).toEqual(["linkWorkers.caseloadCapPerFte"])
  })

  it("gives names that share a distinctive word (after synonyms), not those that share only a common one", () => {
    // "Share" ends a third of the names: alone it suggests nothing.
    expect(suggestNames("dropoutShare", metrics)).toEqual({ names: [], more: 0 })
    expect(didYouMean(suggestNames("dropoutShare", metrics))).toBe("")
    const dropout = suggestNames("dropoutShare", metrics, { synonyms: { dropout: "disengaged" } })
    expect(dropout.names[0]).toBe("disengaged")
    expect([...dropout.names.slice(1)].every((n) => n.endsWith(".disengagedShare"))).toBe(true)
    expect(dropout.names.length + dropout.more).toBe(7)
    expect(suggestNames("improved", metrics).names).toEqual(["starImprovedShare"])
  })

  it("gives nothing for a name like none", () => {
    expect(suggestNames("nope", metrics)).toEqual({ names: [], more: 0 })
  })

  it("split names into words at dots, spaces and camelCase, plurals as singulars", () => {
    expect(wordsOf("group.ethnicity.South Asian.onwardReferralFailureShare")).toEqual(["group", "ethnicity", "south", "asian", "onward", "referral", "failure", "share"])
    expect(wordsOf("dropouts")).toEqual(["dropout"])
    expect(wordsOf("contracts[].capTotal")).toEqual(["contract", "cap", "total"])
  })
})
