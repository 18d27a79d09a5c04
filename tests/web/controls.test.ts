import { describe, expect, it } from "vitest"
import { findParameter, listParameters, listSchedules } from "../../src/scenario/parameters.ts"
import { allControls, buildControls, humanize } from "../../web/src/controls/buildControls.ts"
import { catalogue } from "../../web/src/controls/catalogue.ts"
import { expandPattern, getIn, parameterPathOf, setIn } from "../../web/src/controls/paths.ts"
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
      // Optional contract terms (a yearly cap, a per-metric cap) appear only when the scenario sets them.
      for (const pattern of section.parameters.filter((p) => !/capPerYear|\.cap$/.test(p))) expect(expandPattern(wtw, pattern).length, pattern).toBeGreaterThan(0)
      for (const s of section.schedules ?? []) expect(listSchedules().some((x) => x.path === s), s).toBe(true)
    }
  })

  it("carry the Schema's annotations and the scenario's value", () => {
    for (const c of allControls(buildControls(wtw, 0))) {
      expect(c.info).toEqual(findParameter(parameterPathOf(c.path)))
      expect(c.value).toBe(getIn(wtw, c.path))
      expect(c.assumed).toBe(c.info.confidence === "assumed")
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
