import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { renderPath } from "../../src/scenario/issues.ts"
import { findParameter, listParameters, listSchedules } from "../../src/scenario/parameters.ts"
import type { Scenario } from "../../src/scenario/schema.ts"
import { allControls, buildControls, type ControlSpec, humanize } from "../../web/src/controls/buildControls.ts"
import { catalogue } from "../../web/src/controls/catalogue.ts"
import { type ConcretePath, expandPattern, getIn, parameterPathOf, removeIn, setIn } from "../../web/src/controls/paths.ts"
import { problemsOf, scenarioFromDocument } from "../../web/src/scenario/fromText.ts"
import { sliderRange, valueProblem } from "../../web/src/views/controlsPanel.ts"
import { parseAt } from "../../web/src/views/scheduleEditor.ts"
import { shippedScenario } from "../support/scenarios.ts"

const wtw = shippedScenario()

describe("the controls", () => {
  it("group the parameters by commissioner, provider and researcher, every pattern naming parameters of the Schema", () => {
    const groups = buildControls(wtw, 0)
    expect(groups.map((g) => g.audience)).toEqual(["commissioner", "provider", "researcher"])
    const paths = listParameters().map((p) => p.path)
    for (const section of catalogue.flatMap((g) => g.sections)) {
      for (const pattern of section.parameters) {
        const re = new RegExp(`^${pattern.replace(/[.[\]]/g, (c) => `\\${c}`).replace(/\*/g, "[^.]+")}$`)
        expect(paths.some((p) => re.test(p)), pattern).toBe(true)
      }
      // Optional contract terms (a yearly cap, a per-metric cap) have a place even where the scenario leaves them out.
      for (const pattern of section.parameters) expect(expandPattern(wtw, pattern, { orAbsent: true }).length, pattern).toBeGreaterThan(0)
      for (const s of section.schedules ?? []) expect(listSchedules().some((x) => x.path === s), s).toBe(true)
    }
  })

  it("carry the Schema's annotations and the scenario's value", () => {
    for (const c of allControls(buildControls(wtw, 0))) {
      expect(c.info).toEqual(findParameter(parameterPathOf(c.path)))
      expect(c.value).toBe(getIn(wtw, c.path))
      expect(c.assumed).toBe(c.info.confidence === "assumed")
      expect(c.optional !== undefined, c.key).toBe(c.info.optional)
      if (!c.info.optional) expect(typeof c.value, c.key).toBe("number")
    }
    const cap = allControls(buildControls(wtw, 0)).find((c) => c.key === "linkWorkers.caseloadCapPerFte")!
    expect(cap).toMatchObject({ label: "caseload cap per FTE", value: 90, assumed: true })
    expect(cap.info).toMatchObject({ unit: "people per FTE", min: 1, max: 1000, source: "assumed" })
  })

  it("show only the contract in view, naming list elements and categories", () => {
    const hybrid = wtw.contracts.findIndex((c) => c.name === "hybrid")
    const controls = allControls(buildControls(wtw, hybrid))
    const contractKeys = controls.filter((c) => c.path[0] === "contracts")
    expect(contractKeys.length).toBeGreaterThan(0)
    expect(contractKeys.every((c) => c.path[1] === hybrid)).toBe(true)
    expect(controls.find((c) => c.key === `contracts.${hybrid}.metrics.0.tariff`)?.label).toBe("wellbeing · tariff")
    expect(controls.find((c) => c.key === "communityServices.categories.artsSocial.placesPerService")?.label).toBe("arts social · places per service")
    const outcomes = allControls(buildControls(wtw, 0))
    expect(outcomes.find((c) => c.key === "contracts.0.payers.1.share")?.label).toBe("bigLotteryFund · share")
  })

  it("offer every cap of the contract in view, set or not, saying \"no cap\" where the scenario has none", () => {
    const byKey = (contract: number) => new Map(allControls(buildControls(wtw, contract)).map((c) => [c.key, c]))
    const outcomes = byKey(0)
    expect(outcomes.get("contracts.0.capTotal")).toMatchObject({ value: 10_000_000, label: "cap total", optional: { toggle: "cap", absent: "no cap" } })
    expect(outcomes.get("contracts.0.capPerYear")).toMatchObject({ value: undefined, label: "cap per year", optional: { toggle: "cap", absent: "no cap" } })
    expect(outcomes.get("contracts.0.capPerYear")?.info).toMatchObject({ unit: "gbp", min: 0, max: 1e10, optional: true, source: "assumed" })
    expect(outcomes.get("contracts.0.metrics.0.perPersonCap")).toMatchObject({ value: 1800, label: "wellbeing · per person cap" })
    expect(outcomes.get("contracts.0.metrics.1.perPersonCap")).toMatchObject({ value: undefined, label: "secondaryCare · per person cap" })
    expect(outcomes.get("contracts.0.metrics.0.cap")).toMatchObject({ value: undefined, label: "wellbeing · cap" })
    expect(outcomes.get("contracts.0.payers.0.fixedPerPayment")).toMatchObject({ value: undefined, optional: { toggle: "fixed amount", absent: "none" } })
    // A block grant has neither cap nor metrics: both contract caps are offered, no metric caps.
    const block = wtw.contracts.findIndex((c) => c.name === "blockGrant")
    const blockKeys = [...byKey(block).keys()]
    expect(blockKeys).toEqual(expect.arrayContaining([`contracts.${block}.capTotal`, `contracts.${block}.capPerYear`]))
    expect(blockKeys.some((k) => k.includes(".metrics."))).toBe(false)
    // A required number the scenario lacks (the block grant has no financing) is not offered.
    expect(blockKeys.some((k) => k.includes(".financing."))).toBe(false)
    expect(sliderRange(outcomes.get("contracts.0.capPerYear")!)).toMatchObject({ min: 0 })
    // Only the last key may be missing: numbers inside an object the contract lacks (financing) are not offered.
    expect(expandPattern(wtw, "contracts[].capPerYear")).toEqual([])
    expect(expandPattern(wtw, "contracts[].capPerYear", { orAbsent: true })).toHaveLength(wtw.contracts.length)
    expect(expandPattern(wtw, "contracts[].financing.capitalCommitted", { orAbsent: true })).toEqual([["contracts", 0, "financing", "capitalCommitted"]])
  })

  it("add, change and remove an optional cap, the Schema checking each change and naming the control's path", () => {
    const path: ConcretePath = ["contracts", 0, "capPerYear"]
    const control = (s: Scenario): ControlSpec => allControls(buildControls(s, 0)).find((c) => c.key === "contracts.0.capPerYear")!
    const decoded = (doc: Scenario): Scenario => {
      const result = scenarioFromDocument(doc, "scenario")
      if (Result.isFailure(result)) throw new Error(JSON.stringify(problemsOf(result.failure)))
      return result.success
    }
    const added = decoded(setIn(wtw, path, 400_000))
    expect(added.contracts[0].capPerYear).toBe(400_000)
    expect(control(added).value).toBe(400_000)
    expect(wtw.contracts[0].capPerYear).toBeUndefined()

    const changed = decoded(setIn(added, path, 250_000))
    expect(control(changed).value).toBe(250_000)

    const removed = decoded(removeIn(changed, path))
    expect(Object.hasOwn(removed.contracts[0], "capPerYear")).toBe(false)
    expect(control(removed).value).toBeUndefined()
    expect(removed).toEqual(wtw)
    expect(Object.hasOwn(changed.contracts[0], "capPerYear")).toBe(true)

    // A cap the scenario ships with can be removed too, leaving the rest shared.
    const uncapped = removeIn(wtw, ["contracts", 0, "capTotal"])
    expect(Object.hasOwn(uncapped.contracts[0], "capTotal")).toBe(false)
    expect(wtw.contracts[0].capTotal).toBe(10_000_000)
    expect(uncapped.linkWorkers).toBe(wtw.linkWorkers)
    expect(uncapped.contracts[1]).toBe(wtw.contracts[1])
    expect(Result.isSuccess(scenarioFromDocument(uncapped, "scenario"))).toBe(true)

    // The Schema still checks an added cap, and names the place the control shows its problems.
    const negative = scenarioFromDocument(setIn(wtw, path, -5), "scenario")
    expect(Result.isFailure(negative) && problemsOf(negative.failure).map((p) => p.where)).toEqual([renderPath(control(wtw).path)])
    expect(valueProblem(control(wtw), "-5")).toBe("expected a value between 0 and 10000000000 (gbp), found -5")
  })

  it("edit one value without touching the rest of the scenario", () => {
    const next = setIn(wtw, ["contracts", 0, "payers", 1, "share"], 0.3)
    expect(next.contracts[0].payers[1].share).toBe(0.3)
    expect(wtw.contracts[0].payers[1].share).toBe(0.2)
    expect(next.linkWorkers).toBe(wtw.linkWorkers)
    expect(next.contracts[1]).toBe(wtw.contracts[1])
  })

  it("check typed values against the declared range and kind", () => {
    const cap = allControls(buildControls(wtw, 0)).find((c) => c.key === "linkWorkers.caseloadCapPerFte")!
    const posts = allControls(buildControls(wtw, 0)).find((c) => c.key === "linkWorkers.posts")!
    expect(valueProblem(cap, "120")).toBeUndefined()
    expect(valueProblem(cap, "5000")).toBe("expected a value between 1 and 1000 (people per FTE), found 5000")
    expect(valueProblem(cap, "abc")).toBe("expected a number, found \"abc\"")
    expect(valueProblem(posts, "2.5")).toBe("expected a whole number, found 2.5")
    expect(sliderRange(cap)).toEqual({ min: 1, max: 270, step: 1.3 })
    expect(sliderRange(posts).step).toBe(1)
  })

  it("read a schedule point's time as a week number or a date, leaving anything else for the Schema to reject", () => {
    expect(parseAt(" 52 ")).toBe(52)
    expect(parseAt("2019-04-01")).toBe("2019-04-01")
    expect(parseAt("next spring")).toBe("next spring")
  })

  it("say parameter names in words", () => {
    expect(humanize("caseloadCapPerFte")).toBe("caseload cap per FTE")
    expect(humanize("turnoverPerYear")).toBe("turnover per year")
  })
})
