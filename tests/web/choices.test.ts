import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { renderPath } from "../../src/scenario/issues.ts"
import { scenarioProvenance } from "../../src/scenario/provenance.ts"
import type { Scenario } from "../../src/scenario/schema.ts"
import { allChoices, allControls, buildControls, type ChoiceSpec } from "../../web/src/controls/buildControls.ts"
import { catalogue } from "../../web/src/controls/catalogue.ts"
import { findChoice, listChoices } from "../../src/scenario/choices.ts"
import { expandPattern, getIn, setIn } from "../../web/src/controls/paths.ts"
import { withEdit } from "../../web/src/controls/provenance.ts"
import { scenarioJson } from "../../web/src/download/resultFiles.ts"
import { problemsOf, scenarioFromDocument } from "../../web/src/scenario/fromText.ts"
import { scenarioChanges } from "../../web/src/share/scenarioChanges.ts"
import { decodeView, encodeView } from "../../web/src/share/shareUrl.ts"
import { spsimVersion } from "../../src/version.ts"
import { initialView, loadShipped, urlOf, viewFromUrl } from "../../web/src/app/viewState.ts"
import { choiceHelp, choiceShown, choiceValue } from "../../web/src/views/controlsPanel.ts"
import { runMetrics } from "../support/scenarios.ts"
import { shipped, decoded } from "./shipped.ts"

const wtw = Result.getOrThrow(loadShipped("ways-to-wellness", shipped))
const contractIndex = (name: string): number => wtw.contracts.findIndex((c) => c.name === name)


/** The section of the commissioner's group that holds a choice, by its title. */
const section = (s: Scenario, contract: number, title: string) =>
  buildControls(s, contract).find((g) => g.audience === "commissioner")!.sections.find((x) => x.title === title)!

const choiceAt = (s: Scenario, contract: number, key: string): ChoiceSpec | undefined =>
  allChoices(buildControls(s, contract)).find((c) => c.key === key)

/** The scenario after choosing `option` at a choice, as the page makes the change: `choiceValue`, then `withEdit`, then the Schema. */
const choose = (s: Scenario, c: ChoiceSpec, option: string): Scenario => decoded(withEdit(s, c.path, choiceValue(c, option)))

const period = ["contracts", 0, "period"] as const
const facility = ["contracts", 0, "financing", "facility"] as const

describe("the scenario's choices, read from the Schema", () => {
  it("are the values the Schema lets be one of a few strings, with their description and whether the key may be left out", () => {
    expect(findChoice("contracts[].period")).toEqual({ path: "contracts[].period", options: ["quarterly", "six-monthly", "annual"], description: "How often payments are measured and made", optional: false })
    const facilityInfo = findChoice("contracts[].financing.facility")
    expect(facilityInfo).toMatchObject({ options: ["fixed", "revolving"], optional: true })
    expect(facilityInfo?.description).toMatch(/^fixed \(the default\): capitalCommitted caps the capital drawn in all/)
    // Numbers are parameters, not choices; nor is a string the Schema leaves open (a name, a formula).
    expect(findChoice("linkWorkers.caseloadCapPerFte")).toBeUndefined()
    expect(findChoice("contracts[].name")).toBeUndefined()
    expect(findChoice("contracts[].metrics[].quantity")).toBeUndefined()
    expect(listChoices().map((c) => c.path)).toContain("contracts[].metrics[].basis")
  })

  it("list exactly the options the Schema accepts: each decodes, another string is refused at the choice's path", () => {
    for (const [path, info] of [[period, findChoice("contracts[].period")!], [facility, findChoice("contracts[].financing.facility")!]] as const) {
      for (const option of info.options) expect(getIn(decoded(setIn(wtw, path, option)), path), option).toBe(option)
      const wrong = scenarioFromDocument(setIn(wtw, path, "monthly"), "scenario")
      expect(Result.isFailure(wrong) && problemsOf(wrong.failure).map((p) => p.where)).toEqual([renderPath(path)])
    }
  })

  it("each named by a catalogue entry whose pattern is a choice of the Schema, the option for a key left out among its options", () => {
    const entries = catalogue.flatMap((g) => g.sections.flatMap((s) => s.choices ?? []))
    expect(entries.map((e) => e.pattern)).toEqual(["contracts[].period", "contracts[].financing.facility"])
    for (const entry of entries) {
      const info = findChoice(entry.pattern)
      expect(info, entry.pattern).toBeDefined()
      expect(entry.absent !== undefined, entry.pattern).toBe(info!.optional)
      if (entry.absent !== undefined) expect(info!.options).toContain(entry.absent)
      expect(expandPattern(wtw, entry.pattern, { orAbsent: true }).length, entry.pattern).toBeGreaterThan(0)
    }
  })
})

describe("the choice controls", () => {
  it("offer the contract in view's payment period beside its tariffs, and its facility beside its investment, as the Schema describes them", () => {
    const tariffs = section(wtw, 0, "Tariffs")
    expect(tariffs.choices).toHaveLength(1)
    expect(tariffs.choices[0]).toMatchObject({ key: "contracts.0.period", label: "period", value: "quarterly", absent: undefined })
    expect(tariffs.choices[0].info).toEqual(findChoice("contracts[].period"))
    expect(choiceShown(tariffs.choices[0])).toBe("quarterly")
    expect(choiceHelp(tariffs.choices[0])).toBe("How often payments are measured and made.")

    const investment = section(wtw, 0, "Investment and appraisal")
    expect(investment.choices).toHaveLength(1)
    const fac = investment.choices[0]
    // The default leaves the key out: the control says so (data-set false on the page) and shows what that amounts to.
    expect(fac).toMatchObject({ key: "contracts.0.financing.facility", label: "facility", value: undefined, absent: "fixed" })
    expect(fac.info).toEqual(findChoice("contracts[].financing.facility"))
    expect(choiceShown(fac)).toBe("fixed")
    expect(choiceHelp(fac)).toMatch(/^fixed \(the default\): .* can be drawn again\. Optional: left out, it is fixed, and choosing fixed leaves it out\.$/)
    // The numbers of the sections are as before.
    expect(investment.controls.map((c) => c.key)).toEqual(["contracts.0.financing.capitalCommitted", "contracts.0.financing.returnCapMultiple", "appraisal.discountRatePerYear"])
  })

  it("give every contract in view its own period, and a facility only to a contract with financing", () => {
    for (const [i, contract] of wtw.contracts.entries()) {
      const choices = allChoices(buildControls(wtw, i))
      // Only the contract in view.
      expect(choices.every((c) => c.path[1] === i), contract.name).toBe(true)
      expect(choices.find((c) => c.key === `contracts.${i}.period`)?.value, contract.name).toBe(contract.period)
      const hasFacility = choices.some((c) => c.key === `contracts.${i}.financing.facility`)
      expect(hasFacility, contract.name).toBe(contract.financing !== undefined)
    }
    expect(wtw.contracts.filter((c) => c.financing !== undefined).map((c) => c.name)).toEqual(["outcomes"])
    // Another contract given financing gets a facility control too; a stated facility shows as set.
    const hybrid = contractIndex("hybrid")
    const financed = decoded(setIn(wtw, ["contracts", hybrid, "financing"], { ...wtw.contracts[0].financing, facility: "revolving" }))
    expect(choiceAt(financed, hybrid, `contracts.${hybrid}.financing.facility`)).toMatchObject({ value: "revolving", absent: "fixed", label: "facility" })
    // Choices are not numbers: the numeric controls are unchanged by them.
    expect(allControls(buildControls(wtw, 0)).some((c) => c.key.endsWith(".period") || c.key.endsWith(".facility"))).toBe(false)
  })

  it("change the scenario as a number's control does: the Schema checks it, the rest is shared, and going back gives the file again", () => {
    const periodControl = choiceAt(wtw, 0, "contracts.0.period")!
    expect(choiceValue(periodControl, "annual")).toBe("annual")
    const annual = choose(wtw, periodControl, "annual")
    expect(annual.contracts[0].period).toBe("annual")
    expect(annual.contracts[1]).toEqual(wtw.contracts[1])
    expect(annual.linkWorkers).toEqual(wtw.linkWorkers)
    expect(choiceAt(annual, 0, "contracts.0.period")?.value).toBe("annual")
    expect(choose(annual, choiceAt(annual, 0, "contracts.0.period")!, "quarterly")).toEqual(wtw)

    // Revolving writes the key; fixed, what leaving it out amounts to, leaves it out again: the scenario as the file had it.
    const facilityControl = choiceAt(wtw, 0, "contracts.0.financing.facility")!
    const revolving = choose(wtw, facilityControl, "revolving")
    expect(revolving.contracts[0].financing?.facility).toBe("revolving")
    expect(choiceAt(revolving, 0, "contracts.0.financing.facility")).toMatchObject({ value: "revolving" })
    const fixed = choose(revolving, choiceAt(revolving, 0, "contracts.0.financing.facility")!, "fixed")
    expect(choiceValue(facilityControl, "fixed")).toBeUndefined()
    expect(Object.hasOwn(fixed.contracts[0].financing!, "facility")).toBe(false)
    expect(fixed).toEqual(wtw)
    expect(choiceAt(fixed, 0, "contracts.0.financing.facility")).toMatchObject({ value: undefined })

    // A file that states "fixed" shows it as set; choosing fixed after revolving leaves the key out, which the model reads alike (below).
    const stated = decoded(setIn(wtw, facility, "fixed"))
    expect(choiceAt(stated, 0, "contracts.0.financing.facility")).toMatchObject({ value: "fixed" })
    const back = choose(choose(stated, choiceAt(stated, 0, "contracts.0.financing.facility")!, "revolving"), facilityControl, "fixed")
    expect(back).toEqual(wtw)

    // The downloaded scenario carries the choice, and no facility key once fixed is chosen again.
    expect(JSON.parse(scenarioJson(revolving)).contracts[0].financing.facility).toBe("revolving")
    expect(JSON.parse(scenarioJson(annual)).contracts[0].period).toBe("annual")
    expect(scenarioJson(fixed)).not.toContain("\"facility\"")
  })

  it("split a stated source over the contract, as an edit of a number does, so its numbers keep it and the choice is no longer vouched for as a whole", () => {
    // `sources` can name a choice only through what holds it (a contract): provenance counts numbers and schedules.
    const sourced = decoded({ ...wtw, sources: { "contracts[outcomes]": { source: "the 2015 contract", confidence: "high" } } })
    const stated = (s: Scenario) => scenarioProvenance(s).filter((v) => v.keys[0] === "contracts" && v.keys[1] === 0)
    expect(stated(sourced).every((v) => v.origin === "stated" && v.statedBy === "contracts[outcomes]")).toBe(true)
    const annual = choose(sourced, choiceAt(sourced, 0, "contracts.0.period")!, "annual")
    expect(Object.keys(annual.sources ?? {})).not.toContain("contracts[outcomes]")
    expect(Object.keys(annual.sources ?? {}).length).toBe(stated(sourced).length)
    expect(stated(annual).map((v) => [v.path, v.origin, v.source])).toEqual(stated(sourced).map((v) => [v.path, "stated", "the 2015 contract"]))
  })

  it("mean the same to the model left out as fixed, and revolving keeps the provider at its floor where fixed does not", () => {
    const replicates = 2
    const absent = runMetrics(wtw, replicates)
    const stated = runMetrics(decoded(setIn(wtw, facility, "fixed")), replicates)
    const revolving = runMetrics(choose(wtw, choiceAt(wtw, 0, "contracts.0.financing.facility")!, "revolving"), replicates)
    expect(stated).toEqual(absent)
    for (const [i, m] of revolving.entries()) {
      expect(absent[i]["outcomes.providerMinCash"]).toBeLessThan(-100_000)
      expect(m["outcomes.providerMinCash"]).toBe(0)
      // The other contracts have no financing: untouched.
      expect(m["hybrid.providerMinCash"]).toBe(absent[i]["hybrid.providerMinCash"])
    }
  })
})

describe("a choice in the share link", () => {
  const reopen = (scenario: Scenario, contract = "outcomes") => {
    const url = urlOf({ ...initialView("ways-to-wellness", wtw, 10), scenario, contract })
    const back = viewFromUrl(url, shipped)
    if (back === undefined || Result.isFailure(back)) throw new Error(`the link did not open: ${url}`)
    return { url, view: back.success.view }
  }

  it("carries a facility chosen and reopens it, with the control showing it", () => {
    const revolving = choose(wtw, choiceAt(wtw, 0, "contracts.0.financing.facility")!, "revolving")
    const { url, view } = reopen(revolving)
    expect(decodeView(url)).toMatchObject({ changes: { contracts: { $items: { 0: { financing: { facility: "revolving" } } } } } })
    expect(view.scenario).toEqual(revolving)
    expect(choiceAt(view.scenario, 0, "contracts.0.financing.facility")?.value).toBe("revolving")
    // Back to fixed: no change from the shipped scenario is left to carry.
    const fixed = choose(view.scenario, choiceAt(view.scenario, 0, "contracts.0.financing.facility")!, "fixed")
    expect(scenarioChanges(wtw, fixed)).toBeUndefined()
    expect(decodeView(reopen(fixed).url)).toMatchObject({ changes: undefined })
  })

  it("carries a payment period chosen for the contract in view and reopens it there", () => {
    const hybrid = contractIndex("hybrid")
    const sixMonthly = choose(wtw, choiceAt(wtw, hybrid, `contracts.${hybrid}.period`)!, "six-monthly")
    const { url, view } = reopen(sixMonthly, "hybrid")
    expect(decodeView(url)).toMatchObject({ contract: "hybrid", changes: { contracts: { $items: { [hybrid]: { period: "six-monthly" } } } } })
    expect(view.contract).toBe("hybrid")
    expect(view.scenario).toEqual(sixMonthly)
    expect(choiceAt(view.scenario, hybrid, `contracts.${hybrid}.period`)?.value).toBe("six-monthly")
    expect(view.scenario.contracts[0].period).toBe("quarterly")
  })

  it("refuses a link whose choice the Schema does not allow, naming the field", () => {
    const url = encodeView({ version: spsimVersion, base: "ways-to-wellness", changes: { contracts: { $items: { 0: { period: "monthly" } } } }, seed: undefined, replicates: 5, contract: undefined })
    const back = viewFromUrl(url, shipped)
    expect(back !== undefined && Result.isFailure(back) && back.failure.map((p) => p.where)).toEqual([renderPath(period)])
  })
})
