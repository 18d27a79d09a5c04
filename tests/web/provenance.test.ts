/** The explorer's marks: each control's "assumed" badge and hover text from the scenario's per-value provenance, and an edit dropping the stated source that covered the value. */
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { provenanceSummary, scenarioProvenance } from "../../src/scenario/provenance.ts"
import type { Scenario } from "../../src/scenario/schema.ts"
import { allControls, allSchedules, buildControls, type ControlSpec, type ScheduleSpec } from "../../web/src/controls/buildControls.ts"
import { type ConcretePath, setIn } from "../../web/src/controls/paths.ts"
import { markTitle, provenanceLine, withEdit } from "../../web/src/controls/provenance.ts"
import { initialView, urlOf, viewFromUrl } from "../../web/src/app/viewState.ts"
import { tornadoParameters } from "../../web/src/views/analysisView.ts"
import { emptySchedule } from "../../web/src/views/scheduleEditor.ts"
import { shipped, pickedScenario, decoded } from "./shipped.ts"

const scenario = pickedScenario
/** An edit as the page makes it: the value set (or left out), the covering sources dropped, the Schema checking the result. */
const edited = (s: Scenario, path: ConcretePath, value: unknown): Scenario => decoded(withEdit(s, path, value))

const contractOf = (s: Scenario, name = "outcomes") => s.contracts.findIndex((c) => c.name === name)
const control = (s: Scenario, key: string, contract = 0): ControlSpec => {
  const found = allControls(buildControls(s, contract)).find((c) => c.key === key)
  if (found === undefined) throw new Error(`no control ${key}`)
  return found
}
const schedule = (s: Scenario, key: string): ScheduleSpec => {
  const found = allSchedules(buildControls(s, 0)).find((x) => x.key === key)
  if (found === undefined) throw new Error(`no schedule ${key}`)
  return found
}
const funding = "communityServices.funding"
const fundingPath: ConcretePath = ["communityServices", "funding"]

describe("a control's mark", () => {
  it("is the parameter's documented source where the value is the Ways to Wellness default's", () => {
    const wtw = scenario("ways-to-wellness")
    for (const c of allControls(buildControls(wtw, 0))) {
      expect(c.mark, c.key).toMatchObject({ origin: "documented", source: c.info.source, confidence: c.info.confidence })
      expect(c.mark.assumed, c.key).toBe(c.info.confidence === "assumed")
    }
    const cap = control(wtw, "linkWorkers.caseloadCapPerFte")
    expect(cap.mark.assumed).toBe(true)
    expect(markTitle(cap.mark)).toBe("Confidence: assumed (nothing published). Source: none published, for the Ways to Wellness default's value.")
    const turnover = control(wtw, "linkWorkers.turnoverPerYear")
    expect(turnover.mark.assumed).toBe(false)
    expect(markTitle(turnover.mark)).toBe(`Confidence: ${turnover.info.confidence}. Source: ${turnover.info.source}, for the Ways to Wellness default's value.`)
  })

  it("is the scenario's stated source where it gives one: austerity's funding schedule is low, its closure share assumed", () => {
    const austerity = scenario("austerity")
    const cut = schedule(austerity, funding)
    expect(cut.mark).toMatchObject({ origin: "stated", confidence: "low", statedBy: funding, assumed: false })
    expect(cut.mark.source).toBe(austerity.sources?.[funding]?.source)
    expect(markTitle(cut.mark)).toBe(`Confidence: low. Source, as this scenario states it for ${funding}: ${austerity.sources?.[funding]?.source}.`)
    const closures = control(austerity, "communityServices.closureShareOfCut")
    expect(closures.mark).toMatchObject({ origin: "stated", confidence: "assumed", source: "more of the cut taken as closures than in the default", assumed: true })
    expect(markTitle(closures.mark)).toContain("Confidence: assumed (nothing published). Source, as this scenario states it for communityServices.closureShareOfCut: more of the cut")
    // The Ways to Wellness funding schedule is assumed (schedules have no published source).
    expect(schedule(scenario("ways-to-wellness"), funding).mark).toMatchObject({ origin: "documented", confidence: "assumed", assumed: true })
  })

  it("says assumed, differing from the default with no source given, for a value changed without one", () => {
    const wtw = scenario("ways-to-wellness")
    const changed = decoded(setIn(wtw, ["linkWorkers", "turnoverPerYear"], 0.5))
    const turnover = control(changed, "linkWorkers.turnoverPerYear")
    expect(turnover.mark).toMatchObject({ origin: "changed", confidence: "assumed", assumed: true, reference: wtw.linkWorkers.turnoverPerYear })
    expect(turnover.mark.assumed).toBe(true)
    expect(markTitle(turnover.mark)).toBe(`Confidence: assumed (nothing published). Differs from the Ways to Wellness default (${wtw.linkWorkers.turnoverPerYear}), with no source given.`)
    // A cap the default has, left out: assumed; one the default lacks, left out: as documented.
    const uncapped = decoded(withEdit(wtw, ["contracts", 0, "capTotal"], undefined))
    expect(control(uncapped, "contracts.0.capTotal").mark).toMatchObject({ origin: "left out", assumed: true })
    expect(markTitle(control(uncapped, "contracts.0.capTotal").mark)).toBe("Confidence: assumed (nothing published). Left out, unlike the Ways to Wellness default (10,000,000), with no source given.")
    expect(control(wtw, "contracts.0.capPerYear").mark).toMatchObject({ origin: "documented", source: "assumed", assumed: true })
  })
})

describe("an edit in the explorer", () => {
  it("drops the stated source that covered the value: austerity's funding schedule is low, then assumed after an edit", () => {
    const austerity = scenario("austerity")
    const cut = schedule(austerity, funding)
    const next = edited(austerity, fundingPath, { ...austerity.communityServices.funding, points: austerity.communityServices.funding.points.map((p, i) => (i === 1 ? { ...p, value: 0.5 } : p)) })
    expect(Object.keys(next.sources ?? {})).toEqual(["communityServices.closureShareOfCut"])
    expect(cut.mark.assumed).toBe(false)
    const after = schedule(next, funding)
    expect(after.mark).toMatchObject({ origin: "changed", confidence: "assumed", assumed: true })
    expect(markTitle(after.mark)).toBe("Confidence: assumed (nothing published). Differs from the Ways to Wellness default, with no source given.")
    // The other stated source stays, and the count moves by the one value.
    expect(control(next, "communityServices.closureShareOfCut").mark).toMatchObject({ origin: "stated", confidence: "assumed" })
    const before = provenanceSummary(scenarioProvenance(austerity))
    const now = provenanceSummary(scenarioProvenance(next))
    expect(now.byConfidence.assumed).toBe(before.byConfidence.assumed + 1)
    expect(now.unsourced).toEqual([funding])
    // Without the edit's dropping, the edited schedule would still claim its published source.
    const kept = decoded(setIn(austerity, fundingPath, next.communityServices.funding))
    expect(schedule(kept, funding).mark.confidence).toBe("low")
  })

  it("drops a stated source above the value (a whole section), and one for a key being left out or added", () => {
    const england = scenario("england")
    expect(control(england, "discharge.maxSupportWeeks").mark).toMatchObject({ origin: "stated", statedBy: "discharge", confidence: "low" })
    const shorter = edited(england, ["discharge", "maxSupportWeeks"], 30)
    expect(shorter.sources?.discharge).toBeUndefined()
    expect(control(shorter, "discharge.maxSupportWeeks").mark).toMatchObject({ origin: "changed", assumed: true })

    // A source for the cap itself: leaving the cap out drops it (else the source would name nothing, and the Schema's check refuses it).
    const wtw = scenario("ways-to-wellness")
    const outcomes = contractOf(wtw)
    const sourced = decoded({ ...wtw, sources: { "contracts[outcomes].capTotal": { source: "the contract", confidence: "medium" }, "contracts[outcomes]": { source: "the contract's terms", confidence: "high" } } })
    expect(control(sourced, `contracts.${outcomes}.capTotal`).mark).toMatchObject({ origin: "stated", confidence: "medium", assumed: false })
    // An absent key under a stated element: covered by it.
    expect(control(sourced, `contracts.${outcomes}.capPerYear`).mark).toMatchObject({ origin: "stated", statedBy: "contracts[outcomes]", confidence: "high" })
    const uncapped = edited(sourced, ["contracts", outcomes, "capTotal"], undefined)
    expect(Object.keys(uncapped.sources ?? {})).not.toContain("contracts[outcomes].capTotal")
    expect(Object.keys(uncapped.sources ?? {})).not.toContain("contracts[outcomes]")
    expect(control(uncapped, `contracts.${outcomes}.capTotal`).mark).toMatchObject({ origin: "left out", assumed: true })
    // The contract's other terms keep the element's source, split out value by value.
    expect(control(uncapped, `contracts.${outcomes}.metrics.0.tariff`).mark).toMatchObject({ origin: "stated", confidence: "high" })
    // Adding a cap under a stated element: the element's source no longer vouches for it, but still for the rest.
    const yearly = edited(decoded({ ...wtw, sources: { "contracts[outcomes]": { source: "the contract's terms", confidence: "high" } } }), ["contracts", outcomes, "capPerYear"], 900_000)
    expect(Object.keys(yearly.sources ?? {})).not.toContain("contracts[outcomes]")
    expect(control(yearly, `contracts.${outcomes}.capPerYear`).mark).toMatchObject({ origin: "changed", assumed: true })
    expect(control(yearly, `contracts.${outcomes}.metrics.0.tariff`).mark).toMatchObject({ origin: "stated", confidence: "high" })
  })

  it("leaves a scenario without stated sources as it was, and a value put back to the default documented again", () => {
    const wtw = scenario("ways-to-wellness")
    const changed = edited(wtw, ["linkWorkers", "turnoverPerYear"], 0.5)
    expect(Object.hasOwn(changed, "sources")).toBe(false)
    const back = edited(changed, ["linkWorkers", "turnoverPerYear"], wtw.linkWorkers.turnoverPerYear)
    expect(back).toEqual(wtw)
    expect(control(back, "linkWorkers.turnoverPerYear").mark.origin).toBe("documented")
  })

  it("survives the share link, the dropped source staying dropped", () => {
    const austerity = scenario("austerity")
    const next = edited(austerity, fundingPath, { interpolation: "step", points: [{ at: 0, value: 1 }, { at: 104, value: 0.6 }] })
    const view = { ...initialView("austerity", austerity, 20), scenario: next }
    const back = viewFromUrl(urlOf(view), shipped)
    expect(back !== undefined && Result.isSuccess(back)).toBe(true)
    if (back === undefined || Result.isFailure(back)) return
    expect(back.success.view.scenario).toEqual(next)
    expect(back.success.view.scenario.sources?.[funding]).toBeUndefined()
    expect(schedule(back.success.view.scenario, funding).mark).toMatchObject({ origin: "changed", assumed: true })
    // Every source dropped: the link still reads.
    const bare = edited(next, ["communityServices", "closureShareOfCut"], 0.7)
    expect(bare.sources).toEqual({})
    const again = viewFromUrl(urlOf({ ...view, scenario: bare }), shipped)
    expect(again !== undefined && Result.isSuccess(again) && again.success.view.scenario).toEqual(bare)
  })
})

describe("a kind of service's own funding schedule", () => {
  const advice = "communityServices.categories.welfareAdvice.funding"
  const advicePath: ConcretePath = ["communityServices", "categories", "welfareAdvice", "funding"]

  it("is marked as the default's while left out, and as a change with no source (assumed) once added, until removed again", () => {
    const wtw = scenario("ways-to-wellness")
    const left = schedule(wtw, advice)
    expect(left.value).toBeUndefined()
    expect(left.mark).toMatchObject({ origin: "documented", confidence: "assumed", assumed: true })
    expect(markTitle(left.mark)).toBe("Confidence: assumed (nothing published). Source: the schedule's (docs/model.md), for the Ways to Wellness default's value.")

    const added = edited(wtw, advicePath, emptySchedule)
    const mark = schedule(added, advice).mark
    expect(mark).toMatchObject({ origin: "changed", confidence: "assumed", assumed: true, reference: undefined })
    expect(markTitle(mark)).toBe("Confidence: assumed (nothing published). Differs from the Ways to Wellness default, with no source given.")
    // Counted: one value more, assumed and changed with no source given.
    const before = provenanceSummary(scenarioProvenance(wtw))
    const now = provenanceSummary(scenarioProvenance(added))
    expect(now.values).toBe(before.values + 1)
    expect(now.byConfidence.assumed).toBe(before.byConfidence.assumed + 1)
    expect(now.unsourced).toEqual([advice])
    expect(provenanceLine(scenarioProvenance(added))).toMatch(/; 1 changed here or in the file with no source given\.$/)
    // The other kinds still follow the overall funding, as the default does.
    expect(schedule(added, "communityServices.categories.artsSocial.funding").mark).toMatchObject({ origin: "documented" })

    const removed = edited(added, advicePath, undefined)
    expect(schedule(removed, advice).mark).toEqual(left.mark)
    expect(provenanceSummary(scenarioProvenance(removed))).toEqual(before)
  })

  it("has the source a scenario states for it, dropped when it is edited or removed", () => {
    const wtw = scenario("ways-to-wellness")
    const sourced = decoded({
      ...setIn(wtw, advicePath, { interpolation: "step", points: [{ at: "2016-04-01", value: 0.5 }] }),
      sources: { [advice]: { source: "the council's advice-services budget", confidence: "medium" } }
    })
    expect(schedule(sourced, advice).mark).toMatchObject({ origin: "stated", statedBy: advice, confidence: "medium", assumed: false })
    const changed = edited(sourced, advicePath, { interpolation: "step", points: [{ at: "2016-04-01", value: 0.3 }] })
    expect(changed.sources).toEqual({})
    expect(schedule(changed, advice).mark).toMatchObject({ origin: "changed", assumed: true })
    // Removed: the source, which would name nothing, goes with it (the Schema's check would refuse it).
    const removed = edited(sourced, advicePath, undefined)
    expect(removed.sources).toEqual({})
    expect(Object.hasOwn(removed.communityServices.categories.welfareAdvice, "funding")).toBe(false)
    // A source for the whole section no longer vouches for a schedule added under it, but still for the rest.
    const section = decoded({ ...wtw, sources: { communityServices: { source: "the provider's directory of services", confidence: "high" } } })
    expect(schedule(section, advice).mark).toMatchObject({ origin: "stated", statedBy: "communityServices" })
    const under = edited(section, advicePath, emptySchedule)
    expect(schedule(under, advice).mark).toMatchObject({ origin: "changed", assumed: true })
    expect(schedule(under, funding).mark).toMatchObject({ origin: "stated", confidence: "high" })
  })
})

describe("the panel's count", () => {
  it("says how many values are assumed and how many were changed with no source given", () => {
    const wtw = scenario("ways-to-wellness")
    const summary = provenanceSummary(scenarioProvenance(wtw))
    expect(provenanceLine(scenarioProvenance(wtw))).toBe(`${summary.byConfidence.assumed} of ${summary.values} values are assumed (nothing published); none changed here or in the file with no source given.`)
    const turnover = edited(wtw, ["linkWorkers", "turnoverPerYear"], 0.5)
    expect(provenanceLine(scenarioProvenance(turnover))).toBe(`${summary.byConfidence.assumed + 1} of ${summary.values} values are assumed (nothing published); 1 changed here or in the file with no source given.`)
  })
})

describe("the tornado's parameters", () => {
  it("are the catalogue's single values assumed in this scenario, not in the default", () => {
    const wtw = scenario("ways-to-wellness")
    const support = "discharge.maxSupportWeeks"
    expect(tornadoParameters(wtw)).not.toContain(support)
    expect(tornadoParameters(wtw)).toContain("linkWorkers.caseloadCapPerFte")
    // Changed with no source given: assumed here, so swung.
    expect(tornadoParameters(edited(wtw, ["discharge", "maxSupportWeeks"], 52))).toContain(support)
    // A stated published source takes a value out of the tornado.
    const sourced = decoded({ ...wtw, sources: { "linkWorkers.caseloadCapPerFte": { source: "the provider's own policy", confidence: "high" } } })
    expect(tornadoParameters(sourced)).not.toContain("linkWorkers.caseloadCapPerFte")
  })
})
