import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { applyChanges, scenarioChanges } from "../../web/src/share/scenarioChanges.ts"
import { decodeView, encodeView } from "../../web/src/share/shareUrl.ts"
import { initialView, urlOf, viewFromUrl } from "../../web/src/app/viewState.ts"
import { removeIn, setIn } from "../../web/src/controls/paths.ts"
import { allSchedules, buildControls } from "../../web/src/controls/buildControls.ts"
import { withEdit } from "../../web/src/controls/provenance.ts"
import { emptySchedule } from "../../web/src/views/scheduleEditor.ts"
import { spsimVersion } from "../../src/version.ts"
import { shipped, pickedScenario } from "./shipped.ts"

const scenario = pickedScenario

describe("a scenario as changes from a shipped one", () => {
  it("is nothing when nothing changed, and only the changed keys otherwise", () => {
    const wtw = scenario("ways-to-wellness")
    expect(scenarioChanges(wtw, wtw)).toBeUndefined()
    const high = scenario("high-caseload")
    expect(scenarioChanges(wtw, high)).toEqual({ name: "high-caseload", description: high.description, sources: high.sources, linkWorkers: { posts: 16, caseloadCapPerFte: 130 } })
  })

  it("round-trips every shipped scenario and edits through lists", () => {
    const wtw = scenario("ways-to-wellness")
    for (const name of ["austerity", "covid", "high-caseload", "england"]) {
      const other = scenario(name)
      expect(applyChanges(wtw, scenarioChanges(wtw, other))).toEqual(other)
    }
    const edited = setIn(wtw, ["contracts", 0, "payers", 1, "share"], 0.25)
    const changes = scenarioChanges(wtw, edited)
    expect(applyChanges(wtw, changes)).toEqual(edited)
  })

  it("carries a change inside a list as the changed items by index, so that adding a cap keeps the link short", () => {
    const wtw = scenario("ways-to-wellness")
    const capped = setIn(wtw, ["contracts", 1, "capPerYear"], 250000)
    const changes = scenarioChanges(wtw, capped)
    expect(changes).toEqual({ contracts: { $items: { 1: { capPerYear: 250000 } } } })
    expect(applyChanges(wtw, changes)).toEqual(capped)
    const url = encodeView({ version: spsimVersion, base: "ways-to-wellness", changes, seed: undefined, replicates: 200, contract: undefined })
    expect(url.length).toBeLessThan(200)
    // A list of another length goes whole.
    expect(scenarioChanges({ xs: [1, 2] }, { xs: [1, 2, 3] })).toEqual({ xs: [1, 2, 3] })
    expect(applyChanges({ xs: [1, 2] }, { xs: { $items: { 1: 5 } } })).toEqual({ xs: [1, 5] })
  })

  it("still reads a link that carries a changed list whole (links made before lists went by index)", () => {
    const wtw = scenario("ways-to-wellness")
    const capped = setIn(wtw, ["contracts", 0, "capTotal"], 900000)
    expect(applyChanges(wtw, { contracts: capped.contracts })).toEqual(capped)
  })

  it("records a key the scenario dropped as null, and drops it again", () => {
    const base = { a: 1, cap: { total: 5 } }
    const current = { a: 1 }
    expect(scenarioChanges(base, current)).toEqual({ cap: null })
    expect(applyChanges(base, scenarioChanges(base, current))).toEqual(current)
  })
})

describe("the share URL", () => {
  it("round-trips the view, including text outside ASCII", () => {
    const view = { version: "0.1.0", base: "covid", changes: { name: "Bradford £ – test", seed: 4 }, seed: 7, replicates: 50, contract: "hybrid" }
    expect(decodeView(encodeView(view))).toEqual(view)
    expect(decodeView("")).toBeUndefined()
    expect(decodeView("#s=covid")).toEqual({ version: undefined, base: "covid", changes: undefined, seed: undefined, replicates: 200, contract: undefined })
    expect(decodeView("#n=3")).toBe("the link names no scenario")
    expect(decodeView("#s=covid&d=%%%")).toBe("the link's scenario changes are damaged")
  })

  it("reopens an edited view exactly, with the model version", () => {
    const wtw = scenario("ways-to-wellness")
    const view = { ...initialView("ways-to-wellness", wtw, 40), scenario: setIn(wtw, ["linkWorkers", "caseloadCapPerFte"], 55), contract: "hybrid", seed: 99 }
    const url = urlOf(view)
    expect(url).toContain(`v=${spsimVersion}`)
    const back = viewFromUrl(url, shipped)
    expect(back !== undefined && Result.isSuccess(back)).toBe(true)
    if (back === undefined || Result.isFailure(back)) return
    expect(back.success.view.scenario).toEqual(view.scenario)
    expect(back.success.view).toMatchObject({ seed: 99, replicates: 40, contract: "hybrid", baseName: "ways-to-wellness" })
    expect(back.success.notes).toEqual([])
  })

  it("reopens a view with a cap added and a cap removed", () => {
    const wtw = scenario("ways-to-wellness")
    const edited = removeIn(setIn(wtw, ["contracts", 0, "capPerYear"], 300_000), ["contracts", 3, "capTotal"])
    const back = viewFromUrl(urlOf({ ...initialView("ways-to-wellness", wtw, 10), scenario: edited }), shipped)
    expect(back !== undefined && Result.isSuccess(back)).toBe(true)
    if (back === undefined || Result.isFailure(back)) return
    const [outcomes, , , hybrid] = back.success.view.scenario.contracts
    expect(outcomes.capPerYear).toBe(300_000)
    expect(outcomes.capTotal).toBe(10_000_000)
    expect(hybrid.name).toBe("hybrid")
    expect(Object.hasOwn(hybrid, "capTotal")).toBe(false)
    expect(back.success.view.scenario).toEqual(edited)
  })

  it("reopens a view with one kind of service given its own funding schedule and another's removed", () => {
    const wtw = scenario("ways-to-wellness")
    const kind = (name: string) => ["communityServices", "categories", name, "funding"] as const
    // As uploaded: arts and social groups and weight management with schedules of their own.
    const uploaded = setIn(setIn(wtw, kind("artsSocial"), { interpolation: "linear", points: [{ at: 0, value: 1 }, { at: 104, value: 0.8 }] }), kind("weightManagement"), { interpolation: "step", points: [{ at: 52, value: 0.9 }] })
    // Welfare advice cut to half from 2016; arts and social groups back to the overall funding.
    const edited = removeIn(setIn(uploaded, kind("welfareAdvice"), { interpolation: "step", points: [{ at: "2016-04-01", value: 0.5 }] }), kind("artsSocial"))
    const back = viewFromUrl(urlOf({ ...initialView("ways-to-wellness", wtw, 10), scenario: edited }), shipped)
    expect(back !== undefined && Result.isSuccess(back)).toBe(true)
    if (back === undefined || Result.isFailure(back)) return
    const { categories } = back.success.view.scenario.communityServices
    expect(categories.welfareAdvice.funding).toEqual({ interpolation: "step", points: [{ at: "2016-04-01", value: 0.5 }] })
    expect(categories.weightManagement.funding).toEqual({ interpolation: "step", points: [{ at: 52, value: 0.9 }] })
    expect(Object.hasOwn(categories.artsSocial, "funding")).toBe(false)
    expect(back.success.view.scenario).toEqual(edited)
    // The reopened page's controls: welfare advice and weight management with their own, arts and social groups following the overall funding.
    const own = allSchedules(buildControls(back.success.view.scenario, 0)).filter((sc) => sc.optional !== undefined && sc.value !== undefined).map((sc) => sc.key)
    expect(own).toEqual(["communityServices.categories.weightManagement.funding", "communityServices.categories.welfareAdvice.funding"])

    // Added as the page adds one (no points) to the shipped scenario: the link carries the key, and reopens with it.
    const added = withEdit(wtw, kind("culturallySpecific"), emptySchedule)
    const link = urlOf({ ...initialView("ways-to-wellness", wtw, 10), scenario: added })
    expect(decodeView(link)).toMatchObject({ changes: { communityServices: { categories: { culturallySpecific: { funding: emptySchedule } } } } })
    const reopened = viewFromUrl(link, shipped)
    expect(reopened !== undefined && Result.isSuccess(reopened) && reopened.success.view.scenario.communityServices.categories.culturallySpecific.funding).toEqual(emptySchedule)

    // Against a base that has the schedule, the removed one travels as null and is left out again.
    const changes = scenarioChanges(uploaded, edited)
    expect(changes).toEqual({ communityServices: { categories: { welfareAdvice: { funding: edited.communityServices.categories.welfareAdvice.funding }, artsSocial: { funding: null } } } })
    const applied = applyChanges(uploaded, changes) as typeof edited
    expect(Object.hasOwn(applied.communityServices.categories.artsSocial, "funding")).toBe(false)
    expect(applied).toEqual(edited)
  })

  it("refuses a link whose changes break the scenario, naming the field", () => {
    const url = encodeView({ version: spsimVersion, base: "ways-to-wellness", changes: { linkWorkers: { caseloadCapPerFte: -3 } }, seed: undefined, replicates: 5, contract: undefined })
    const back = viewFromUrl(url, shipped)
    expect(back !== undefined && Result.isFailure(back) && back.failure[0].where).toBe("linkWorkers.caseloadCapPerFte")
  })
})
