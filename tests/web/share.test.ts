import { readdirSync, readFileSync } from "node:fs"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { applyChanges, scenarioChanges } from "../../web/src/share/scenarioChanges.ts"
import { decodeView, encodeView } from "../../web/src/share/shareUrl.ts"
import { initialView, loadShipped, urlOf, viewFromUrl } from "../../web/src/app/viewState.ts"
import { removeIn, setIn } from "../../web/src/controls/paths.ts"
import { spsimVersion } from "../../src/version.ts"

const shipped = Object.fromEntries(readdirSync("scenarios").filter((f) => f.endsWith(".json")).map((f) => [f, readFileSync(`scenarios/${f}`, "utf8")]))
const scenario = (name: string) => Result.getOrThrow(loadShipped(name, shipped))

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

  it("refuses a link whose changes break the scenario, naming the field", () => {
    const url = encodeView({ version: spsimVersion, base: "ways-to-wellness", changes: { linkWorkers: { caseloadCapPerFte: -3 } }, seed: undefined, replicates: 5, contract: undefined })
    const back = viewFromUrl(url, shipped)
    expect(back !== undefined && Result.isFailure(back) && back.failure[0].where).toBe("linkWorkers.caseloadCapPerFte")
  })
})
