/**
 * Putting values back as the file has them: one value (an edit whose value is the file's, after which the file's
 * stated sources come back for what is the file's again), or all of them (the file itself), and the share URL and
 * the "reset" buttons that follow from it.
 */
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { canonicalJson } from "../../src/scenario/canonicalJson.ts"
import { scenarioProvenance } from "../../src/scenario/provenance.ts"
import type { Scenario } from "../../src/scenario/schema.ts"
import { initialView, urlOf, viewFromUrl } from "../../web/src/app/viewState.ts"
import { allChoices, allControls, allSchedules, buildControls } from "../../web/src/controls/buildControls.ts"
import type { ConcretePath } from "../../web/src/controls/paths.ts"
import { withEdit } from "../../web/src/controls/provenance.ts"
import { differsFromFile, fileValueAt, fileValueWords, sameValues, valueDiffers, withFileSources } from "../../web/src/controls/reset.ts"
import { shipped, pickedScenario, decoded } from "./shipped.ts"

const scenario = pickedScenario
/** A change as the page makes it: the edit (covering sources dropped), the file's sources back where the values are the file's, the Schema. */
const change = (file: Scenario, current: Scenario, path: ConcretePath, value: unknown): Scenario => {
  const next = withFileSources(file, withEdit(current, path, value))
  return next === file ? file : decoded(next)
}
/** One value put back as the file has it, as the page's reset button does. */
const resetOne = (file: Scenario, current: Scenario, path: ConcretePath): Scenario => change(file, current, path, fileValueAt(file, path))

const funding: ConcretePath = ["communityServices", "funding"]
const closures: ConcretePath = ["communityServices", "closureShareOfCut"]
const caseloadCap: ConcretePath = ["linkWorkers", "caseloadCapPerFte"]
const facility: ConcretePath = ["contracts", 0, "financing", "facility"]

describe("putting one value back as the file has it", () => {
  it("gives the file itself, its stated sources and all, when it was the only change", () => {
    const austerity = scenario("austerity")
    const halved = change(austerity, austerity, funding, { ...austerity.communityServices.funding, points: austerity.communityServices.funding.points.map((p, i) => (i === 1 ? { ...p, value: 0.5 } : p)) })
    expect(Object.keys(halved.sources ?? {})).toEqual(["communityServices.closureShareOfCut"])
    expect(differsFromFile(austerity, halved)).toBe(true)
    const back = resetOne(austerity, halved, funding)
    expect(back).toBe(austerity)
    expect(differsFromFile(austerity, back)).toBe(false)
  })

  it("brings back the file's source for that value only, while another value stays changed and unsourced", () => {
    const austerity = scenario("austerity")
    const cut = change(austerity, austerity, closures, 0.9)
    const both = change(austerity, cut, funding, { interpolation: "step", points: [] })
    expect(both.sources).toEqual({})
    const one = resetOne(austerity, both, funding)
    // The funding schedule is the file's again, with its source; the closure share is still the edit's, with none.
    expect(canonicalJson(one.communityServices.funding)).toBe(canonicalJson(austerity.communityServices.funding))
    expect(one.communityServices.closureShareOfCut).toBe(0.9)
    expect(one.sources).toEqual({ "communityServices.funding": austerity.sources?.["communityServices.funding"] })
    const marks = new Map(scenarioProvenance(one).map((v) => [v.path, v]))
    expect(marks.get("communityServices.funding")).toMatchObject({ origin: "stated", confidence: "low" })
    expect(marks.get("communityServices.closureShareOfCut")).toMatchObject({ origin: "changed", confidence: "assumed" })
    expect(differsFromFile(austerity, one)).toBe(true)
    expect(resetOne(austerity, one, closures)).toBe(austerity)
  })

  it("brings a broad source (a whole section) back whole once every value under it is the file's, replacing what an edit split it into", () => {
    const england = scenario("england")
    const shorter = change(england, england, ["discharge", "maxSupportWeeks"], 30)
    const posts = change(england, shorter, ["linkWorkers", "posts"], england.linkWorkers.posts + 1)
    expect(posts.sources?.discharge).toBeUndefined()
    const back = resetOne(england, posts, ["discharge", "maxSupportWeeks"])
    expect(back).not.toBe(england)
    expect(back.sources?.discharge).toEqual(england.sources?.discharge)
    // No entry split off the section is left beside it.
    expect(Object.keys(back.sources ?? {}).filter((k) => k.startsWith("discharge."))).toEqual(Object.keys(england.sources ?? {}).filter((k) => k.startsWith("discharge.")))
  })

  it("leaves an optional key out again where the file leaves it out, and puts a choice back", () => {
    const wtw = scenario("ways-to-wellness")
    const capped = change(wtw, wtw, ["contracts", 0, "capPerYear"], 900_000)
    const revolving = change(wtw, capped, facility, "revolving")
    expect(fileValueAt(wtw, ["contracts", 0, "capPerYear"])).toBeUndefined()
    const uncapped = resetOne(wtw, revolving, ["contracts", 0, "capPerYear"])
    expect(Object.hasOwn(uncapped.contracts[0], "capPerYear")).toBe(false)
    expect(uncapped.contracts[0].financing?.facility).toBe("revolving")
    expect(resetOne(wtw, uncapped, facility)).toBe(wtw)
  })

  it("is what typing the file's value back by hand gives too", () => {
    const austerity = scenario("austerity")
    const moved = change(austerity, austerity, closures, 0.2)
    expect(change(austerity, moved, closures, austerity.communityServices.closureShareOfCut)).toBe(austerity)
  })
})

describe("the scenario as loaded, and the share URL", () => {
  it("is the file the page opened: a shipped scenario, or a share link's scenario with its changes", () => {
    const wtw = scenario("ways-to-wellness")
    const view = initialView("ways-to-wellness", wtw, 4)
    expect(view.loaded).toBe(wtw)
    const edited = { ...view, scenario: change(view.loaded, view.scenario, caseloadCap, 80) }
    expect(urlOf(edited)).toContain("d=")
    // Reset: the URL is the one the page opened with.
    expect(urlOf({ ...edited, scenario: edited.loaded })).toBe(urlOf(view))

    const opened = viewFromUrl(urlOf(edited), shipped)
    if (opened === undefined || Result.isFailure(opened)) throw new Error("the link did not open")
    const link = opened.success.view
    expect(link.loaded.linkWorkers.caseloadCapPerFte).toBe(80)
    const again = { ...link, scenario: change(link.loaded, link.scenario, facility, "revolving") }
    expect(urlOf(again)).not.toBe(urlOf(link))
    expect(urlOf({ ...again, scenario: again.loaded })).toBe(urlOf(edited))
    // One value back: the link's value (80), not the shipped file's.
    expect(canonicalJson(resetOne(link.loaded, again.scenario, caseloadCap))).toBe(canonicalJson(again.scenario))
    expect(resetOne(link.loaded, again.scenario, facility)).toBe(link.loaded)
  })
})

describe("which controls differ from the file", () => {
  it("are exactly the values changed, choices and schedules included", () => {
    const austerity = scenario("austerity")
    const edited = change(austerity, change(austerity, change(austerity, austerity, caseloadCap, 80), facility, "revolving"), funding, { interpolation: "step", points: [] })
    const groups = buildControls(edited, 0)
    const differing = [...allChoices(groups), ...allControls(groups), ...allSchedules(groups)].filter((c) => valueDiffers(austerity, edited, c.path)).map((c) => c.key)
    expect(differing.sort()).toEqual(["communityServices.funding", "contracts.0.financing.facility", "linkWorkers.caseloadCapPerFte"])
    expect(sameValues(austerity, edited)).toBe(false)
  })

  it("name the file's value on their button", () => {
    const austerity = scenario("austerity")
    expect(fileValueWords(fileValueAt(austerity, caseloadCap))).toBe(austerity.linkWorkers.caseloadCapPerFte.toLocaleString("en-GB"))
    expect(fileValueWords(fileValueAt(austerity, facility))).toBe("left out")
    expect(fileValueWords(fileValueAt(austerity, funding))).toBe("3 points")
    expect(fileValueWords("revolving")).toBe("revolving")
    expect(fileValueWords(0.125)).toBe("0.125")
  })
})
