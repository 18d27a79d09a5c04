import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { renderPath } from "../../src/scenario/issues.ts"
import { findParameter, listParameters, listSchedules } from "../../src/scenario/parameters.ts"
import type { Scenario } from "../../src/scenario/schema.ts"
import { allControls, allSchedules, buildControls, type ControlSpec, humanize, parameterLabel, type ScheduleGroupSpec, type ScheduleSpec } from "../../web/src/controls/buildControls.ts"
import { catalogue } from "../../web/src/controls/catalogue.ts"
import { type ConcretePath, expandPattern, getIn, parameterPathOf, removeIn, setIn } from "../../web/src/controls/paths.ts"
import { problemsOf, scenarioFromDocument } from "../../web/src/scenario/fromText.ts"
import { withEdit } from "../../web/src/controls/provenance.ts"
import { scheduleGroupCount, sliderRange, valueProblem } from "../../web/src/views/controlsPanel.ts"
import { emptySchedule, parseAt, scheduleHelp } from "../../web/src/views/scheduleEditor.ts"
import { tornadoParameters } from "../../web/src/views/analysisView.ts"
import { shippedScenario } from "../support/scenarios.ts"
import { decoded } from "./shipped.ts"

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
      // A schedule group's pattern names a schedule for every key of its record, each one the default leaves out (so optional).
      for (const g of section.scheduleGroups ?? []) {
        const paths = expandPattern(wtw, g.pattern, { orAbsent: true })
        expect(paths.length, g.pattern).toBeGreaterThan(0)
        for (const path of paths) {
          expect(listSchedules().some((x) => x.path === path.join(".")), path.join(".")).toBe(true)
          expect(getIn(wtw, path), path.join(".")).toBeUndefined()
        }
      }
    }
  })

  it("carry the Schema's annotations and the scenario's value", () => {
    for (const c of allControls(buildControls(wtw, 0))) {
      expect(c.info).toEqual(findParameter(parameterPathOf(c.path)))
      expect(c.value).toBe(getIn(wtw, c.path))
      expect(c.mark.assumed).toBe(c.info.confidence === "assumed")
      expect(c.optional !== undefined, c.key).toBe(c.info.optional)
      if (!c.info.optional) expect(typeof c.value, c.key).toBe("number")
    }
    const cap = allControls(buildControls(wtw, 0)).find((c) => c.key === "linkWorkers.caseloadCapPerFte")!
    expect(cap).toMatchObject({ label: "caseload cap per FTE", value: 90, mark: { assumed: true } })
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
    // Money left out (a yearly cap) slides over ten times its typical size, in round steps, not £0 to £100.
    expect(sliderRange(outcomes.get("contracts.0.capPerYear")!)).toEqual({ min: 0, max: 15e6, step: 50000 })
    // Only the last key may be missing: numbers inside an object the contract lacks (financing) are not offered.
    expect(expandPattern(wtw, "contracts[].capPerYear")).toEqual([])
    expect(expandPattern(wtw, "contracts[].capPerYear", { orAbsent: true })).toHaveLength(wtw.contracts.length)
    expect(expandPattern(wtw, "contracts[].financing.capitalCommitted", { orAbsent: true })).toEqual([["contracts", 0, "financing", "capitalCommitted"]])
  })

  it("add, change and remove an optional cap, the Schema checking each change and naming the control's path", () => {
    const path: ConcretePath = ["contracts", 0, "capPerYear"]
    const control = (s: Scenario): ControlSpec => allControls(buildControls(s, 0)).find((c) => c.key === "contracts.0.capPerYear")!
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
    // Round steps: the cap's 90 is on the slider's grid, and a key press moves it to 91, not 90.7.
    expect(sliderRange(cap)).toEqual({ min: 1, max: 270, step: 1 })
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

  it("name a parameter outside the panel (the sweep's axis, the tornado's bars) by its control's label and the part of the scenario it is in", () => {
    expect(parameterLabel(wtw, "linkWorkers.caseloadCapPerFte")).toBe("link workers · caseload cap per FTE")
    // Two labels the panel tells apart by their sections: here the scenario's part does.
    expect(parameterLabel(wtw, "setbacks.ratePerYear")).toBe("setbacks · rate per year")
    expect(parameterLabel(wtw, "disengagement.baseRatePerYear")).toBe("disengagement · base rate per year")
    const controls = allControls(buildControls(wtw, 0))
    const swung = tornadoParameters(wtw)
    expect(swung.length).toBeGreaterThan(5)
    for (const path of swung) {
      const label = parameterLabel(wtw, path)
      // The control's own words, never the path.
      expect(label.endsWith(` · ${controls.find((c) => c.key === path)!.label}`), label).toBe(true)
      expect(label).not.toMatch(/[a-z][A-Z]|\./)
    }
    expect(new Set(swung.map((p) => parameterLabel(wtw, p))).size).toBe(swung.length)
  })
})

describe("each kind of service's own funding schedule", () => {
  const kinds = ["physicalActivity", "weightManagement", "selfManagement", "welfareAdvice", "artsSocial", "volunteeringEmployment", "culturallySpecific"]
  const keyOf = (kind: string) => `communityServices.categories.${kind}.funding`
  const pathOf = (kind: string): ConcretePath => ["communityServices", "categories", kind, "funding"]
  const group = (s: Scenario): ScheduleGroupSpec => {
    const section = buildControls(s, 0).find((g) => g.audience === "researcher")!.sections.find((x) => x.title === "Austerity and shocks")!
    expect(section.scheduleGroups).toHaveLength(1)
    return section.scheduleGroups[0]
  }
  const byKind = (s: Scenario): Map<string, ScheduleSpec> => new Map(group(s).schedules.map((sc) => [sc.key, sc]))
  const halved = { interpolation: "step" as const, points: [{ at: "2016-04-01", value: 0.5 }] }
  const withTwo = decoded(setIn(setIn(wtw, pathOf("welfareAdvice"), halved), pathOf("artsSocial"), { interpolation: "linear", points: [{ at: 0, value: 1 }, { at: 104, value: 0.8 }] }))

  it("are offered for every kind in the \"Austerity and shocks\" section, each following the overall funding where the scenario gives none", () => {
    const g = group(wtw)
    expect(g.title).toBe("Funding by kind of service")
    expect(g.schedules.map((sc) => sc.key)).toEqual(kinds.map(keyOf))
    for (const sc of g.schedules) {
      expect(sc.value, sc.key).toBeUndefined()
      expect(sc.optional).toEqual({ toggle: "own schedule", absent: "follows the overall funding" })
      expect(sc.info).toEqual(listSchedules().find((x) => x.path === sc.key))
    }
    expect(byKind(wtw).get(keyOf("welfareAdvice"))?.label).toBe("welfare advice · funding")
    expect(scheduleGroupCount(g, 0)).toBe("each kind follows the overall funding")
    expect(scheduleHelp(g.schedules[3])).toMatch(/^Funding of welfare, debt and housing advice services relative to the start, multiplying communityServices\.funding.*Optional: unticked means it follows the overall funding\.$/)
    // The overall schedules are editors as before, not optional.
    const overall = allSchedules(buildControls(wtw, 0)).filter((sc) => sc.optional === undefined).map((sc) => sc.key)
    expect(overall).toEqual(["linkWorkers.postsSchedule", "referral.schedule", "communityServices.funding", "communityServices.availability"])
    expect(allSchedules(buildControls(wtw, 0)).find((sc) => sc.key === "communityServices.funding")?.value).toEqual(wtw.communityServices.funding)
  })

  it("show the schedules a scenario (an uploaded one) gives, and leave the other kinds following the overall funding", () => {
    const specs = byKind(withTwo)
    expect(specs.get(keyOf("welfareAdvice"))?.value).toEqual(halved)
    expect(specs.get(keyOf("artsSocial"))?.value).toEqual({ interpolation: "linear", points: [{ at: 0, value: 1 }, { at: 104, value: 0.8 }] })
    for (const kind of kinds.filter((k) => k !== "welfareAdvice" && k !== "artsSocial")) expect(specs.get(keyOf(kind))?.value, kind).toBeUndefined()
    expect(scheduleGroupCount(group(withTwo), 2)).toBe("2 of 7 with their own schedule")
  })

  it("are added from no points (the overall funding alone) and removed again, the scenario decoding with and without the key", () => {
    // Added as the page adds it: the empty schedule, through the edit the page makes.
    const added = decoded(withEdit(wtw, pathOf("welfareAdvice"), emptySchedule))
    expect(added.communityServices.categories.welfareAdvice.funding).toEqual({ interpolation: "step", points: [] })
    expect(byKind(added).get(keyOf("welfareAdvice"))?.value).toEqual(emptySchedule)
    expect(Object.hasOwn(added.communityServices.categories.artsSocial, "funding")).toBe(false)
    expect(added.communityServices.categories.artsSocial).toEqual(wtw.communityServices.categories.artsSocial)

    const cut = decoded(withEdit(added, pathOf("welfareAdvice"), halved))
    expect(byKind(cut).get(keyOf("welfareAdvice"))?.value).toEqual(halved)

    const removed = decoded(withEdit(cut, pathOf("welfareAdvice"), undefined))
    expect(Object.hasOwn(removed.communityServices.categories.welfareAdvice, "funding")).toBe(false)
    expect(byKind(removed).get(keyOf("welfareAdvice"))?.value).toBeUndefined()
    expect(removed).toEqual(wtw)

    // One the scenario came with is removed the same way, the other kind keeping its own.
    const one = decoded(withEdit(withTwo, pathOf("artsSocial"), undefined))
    expect(Object.hasOwn(one.communityServices.categories.artsSocial, "funding")).toBe(false)
    expect(one.communityServices.categories.welfareAdvice.funding).toEqual(halved)

    // The Schema checks a kind's points as it checks the overall schedule's, naming the place the editor shows its problems.
    const bad = scenarioFromDocument(withEdit(wtw, pathOf("welfareAdvice"), { interpolation: "step", points: [{ at: "next spring", value: 0.5 }] }), "scenario")
    expect(Result.isFailure(bad) && problemsOf(bad.failure).map((p) => p.where)).toEqual([`${renderPath(pathOf("welfareAdvice"))}.points[0].at`])
  })
})
