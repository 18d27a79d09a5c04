import { readFileSync } from "node:fs"
import { Schema } from "effect"
import { serviceCategories } from "../../src/scenario/sections/community.ts"
import { describe, expect, it } from "vitest"
import { Scenario } from "../../src/scenario/schema.ts"
import { findParameter, genericPath, getAtPath, isSetAt, listParameters, listSchedules, pathSuggestions, resolveParameter, setAtPath, unresolvedReason, unsetReason, withAtPath } from "../../src/scenario/parameters.ts"

const { $schema: _, ...document } = JSON.parse(
  readFileSync(new URL("../../scenarios/ways-to-wellness.json", import.meta.url), "utf8")
) as Record<string, unknown>
const decode = Schema.decodeUnknownSync(Scenario)
const scenario = decode(document)

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

/** Dot paths of every number in a scenario document, outside lists and schedules. */
const leafNumberPaths = (node: unknown, path = ""): Array<string> => {
  if (typeof node === "number") return [path]
  if (!isRecord(node) || ("interpolation" in node && "points" in node)) return []
  return Object.entries(node).flatMap(([key, value]) => leafNumberPaths(value, path === "" ? key : `${path}.${key}`))
}

describe("listParameters", () => {
  const parameters = listParameters()
  const paths = parameters.map((p) => p.path)

  it("lists every number of the Ways to Wellness scenario exactly once", () => {
    const leaves = leafNumberPaths(document)
    expect(leaves.length).toBeGreaterThan(100)
    for (const path of leaves) expect(paths.filter((p) => p === path), path).toHaveLength(1)
  })

  it("lists nothing the scenario does not have, and no path twice", () => {
    expect(new Set(paths).size).toBe(paths.length)
    const leaves = new Set(leafNumberPaths(document))
    for (const p of parameters.filter((p) => !p.perElement)) expect(leaves.has(p.path), p.path).toBe(true)
  })

  it("gives every parameter a unit, a meaning and a source", () => {
    for (const p of parameters) {
      expect(p.unit.trim(), p.path).not.toBe("")
      expect(p.description.trim(), p.path).not.toBe("")
      expect(p.source.trim(), p.path).not.toBe("")
      expect(p.min, p.path).toBeLessThanOrEqual(p.max)
    }
  })

  it("has the Ways to Wellness default inside every parameter's range", () => {
    for (const p of parameters.filter((p) => !p.perElement)) {
      const value = getAtPath(document, p.path) as number
      expect(value, p.path).toBeGreaterThanOrEqual(p.min)
      expect(value, p.path).toBeLessThanOrEqual(p.max)
      if (p.integer) expect(Number.isInteger(value), p.path).toBe(true)
    }
  })

  it("lists list elements once, with [] in the path, and checks every element's range", () => {
    const weight = findParameter("population.ethnicGroups[].weight")
    expect(weight).toMatchObject({ perElement: true, section: "population", unit: "relative weight", confidence: "low" })
    for (const group of scenario.population.ethnicGroups) {
      expect(group.weight).toBeGreaterThanOrEqual(weight!.min)
      expect(group.weight).toBeLessThanOrEqual(weight!.max)
    }
  })

  it("reads units, ranges, provenance and whole-number checks from the schema's annotations", () => {
    expect(findParameter("linkWorkers.caseloadCapPerFte")).toEqual({
      path: "linkWorkers.caseloadCapPerFte",
      section: "linkWorkers",
      unit: "people per FTE",
      min: 1,
      max: 1000,
      description: expect.stringContaining("Most people one full-time link worker holds at once"),
      source: "assumed",
      confidence: "assumed",
      calibratable: false,
      integer: false,
      perElement: false,
      optional: false,
      typical: 99.9
    })
    expect(findParameter("providerCosts.managementPerYear")).toMatchObject({ unit: "gbp", max: 1e10, typical: 250000 })
    expect(findParameter("discharge.maxSupportWeeks")).toMatchObject({ integer: true, confidence: "high", calibratable: false })
    expect(findParameter("wellbeing.gainEventsPerWeek")).toMatchObject({ calibratable: true })
    expect(findParameter("population.femaleShare")).toMatchObject({ unit: "share (0-1)", min: 0, max: 1, integer: false })
    expect(findParameter("seed")?.section).toBe("")
  })

  it("marks a parameter optional exactly when the Schema accepts the scenario without its key", () => {
    // Remove the key from the first element of each list on the way (every list here has one).
    // A document with a practice list too (the default draws its practices), so that its keys are tried.
    const listed = structuredClone(document) as { practices: Record<string, unknown> }
    listed.practices.list = [{ name: "A", listSize: 132000, area: 0, champion: true, referralMultiplier: 1 }]
    const without = (path: string) => {
      const draft = structuredClone(listed) as Record<string, unknown>
      const segments = path.split(".")
      let node: unknown = draft
      for (const segment of segments.slice(0, -1)) {
        node = (node as Record<string, unknown>)[segment.replace("[]", "")]
        if (segment.endsWith("[]")) node = (node as Array<unknown>)[0]
      }
      delete (node as Record<string, unknown>)[segments[segments.length - 1]]
      return draft
    }
    const accepts = (doc: unknown) => Schema.decodeUnknownExit(Scenario)(doc)._tag === "Success"
    for (const p of parameters) expect(accepts(without(p.path)), p.path).toBe(p.optional)
    expect(parameters.filter((p) => p.optional).map((p) => p.path)).toEqual([
      "practices.list[].area",
      "practices.list[].referralMultiplier",
      "contracts[].metrics[].perPersonCap",
      "contracts[].metrics[].cap",
      "contracts[].capPerYear",
      "contracts[].capTotal",
      "contracts[].payers[].fixedPerPayment"
    ])
    // Inside an optional object the numbers themselves are required.
    expect(findParameter("contracts[].financing.capitalCommitted")?.optional).toBe(false)
  })

  it("lists schedules apart from numeric parameters", () => {
    expect(listSchedules().map((s) => s.path)).toEqual([
      "referral.schedule",
      "linkWorkers.postsSchedule",
      ...serviceCategories.map((k) => `communityServices.categories.${k}.funding`),
      "communityServices.funding",
      "communityServices.availability"
    ])
    expect(paths.some((p) => p.includes("points"))).toBe(false)
  })
})

describe("isSetAt", () => {
  it("holds for every single-valued parameter of a shipped scenario, and not for a key left out", () => {
    for (const p of listParameters().filter((p) => !p.perElement)) expect(isSetAt(scenario, p.path), p.path).toBe(true)
    const { turnoverPerYear: _left, ...rest } = scenario.linkWorkers
    expect(isSetAt({ ...scenario, linkWorkers: rest }, "linkWorkers.turnoverPerYear")).toBe(false)
    expect(isSetAt(scenario, "linkWorkers.noSuchKey")).toBe(false)
    expect(isSetAt(scenario, "noSuchSection.turnoverPerYear")).toBe(false)
  })
})

describe("getAtPath / setAtPath", () => {
  it("round-trips every settable parameter through a draft that still decodes", () => {
    for (const p of listParameters().filter((p) => !p.perElement)) {
      const draft = structuredClone(scenario)
      const value = getAtPath(draft, p.path) === p.max ? p.min : p.max
      setAtPath(draft, p.path, value)
      expect(getAtPath(draft, p.path), p.path).toBe(value)
      expect(getAtPath(decode(draft), p.path), p.path).toBe(value)
    }
  })

  it("changes only the named value (a sweep point)", () => {
    const draft = structuredClone(scenario)
    setAtPath(draft, "linkWorkers.caseloadCapPerFte", 40)
    const before = scenario.linkWorkers.caseloadCapPerFte
    expect(decode(draft)).toEqual({ ...scenario, linkWorkers: { ...scenario.linkWorkers, caseloadCapPerFte: 40 } })
    expect(scenario.linkWorkers.caseloadCapPerFte).toBe(before)
  })

  it("copies without mutating with withAtPath", () => {
    const before = scenario.population.starBaseline.meanPerArea
    const changed = withAtPath(scenario, "population.starBaseline.meanPerArea", before + 0.5)
    expect(changed.population.starBaseline.meanPerArea).toBe(before + 0.5)
    expect(scenario.population.starBaseline.meanPerArea).toBe(before)
    expect(changed.referral).toBe(scenario.referral)
    expect(decode(changed).population.starBaseline.meanPerArea).toBe(before + 0.5)
  })

  it("refuses paths that do not exist or name every element of a list", () => {
    expect(() => getAtPath(scenario, "linkWorkers.caseloadCap")).toThrow(/no "linkWorkers.caseloadCap"/)
    expect(() => setAtPath(structuredClone(scenario), "linkWorker.posts", 3)).toThrow(/no "linkWorker"/)
    expect(() => getAtPath(scenario, "population.ethnicGroups[].weight")).toThrow(/not a path to a single value.*give a position/)
    expect(() => withAtPath(scenario, "nope.x", 1)).toThrow(/no "nope"/)
    expect(() => getAtPath(scenario, "contracts[9].capTotal")).toThrow(/no "contracts\[9\]" in the scenario/)
    expect(() => getAtPath(scenario, "contracts[nope].capTotal")).toThrow(/no "contracts\[nope\]"/)
    expect(() => getAtPath(scenario, "contracts[0")).toThrow(/not closed/)
  })

  it("reach a list element by position or by its name, and change only it", () => {
    const outcomes = scenario.contracts.findIndex((c) => c.name === "outcomes")
    const wellbeing = scenario.contracts[outcomes].metrics.findIndex((m) => m.name === "wellbeing")
    expect(getAtPath(scenario, "contracts[outcomes].capTotal")).toBe(scenario.contracts[outcomes].capTotal)
    expect(getAtPath(scenario, `contracts[${outcomes}].metrics[${wellbeing}].tariff`)).toBe(scenario.contracts[outcomes].metrics[wellbeing].tariff)
    expect(getAtPath(scenario, "population.ethnicGroups[South Asian].weight")).toBe(0.12)
    const changed = withAtPath(scenario, "contracts[outcomes].metrics[wellbeing].tariff", 200)
    expect(changed.contracts[outcomes].metrics[wellbeing].tariff).toBe(200)
    expect(scenario.contracts[outcomes].metrics[wellbeing].tariff).not.toBe(200)
    expect(changed.contracts.filter((_, i) => i !== outcomes)).toEqual(scenario.contracts.filter((_, i) => i !== outcomes))
    expect(decode(changed).contracts[outcomes].metrics[wellbeing].tariff).toBe(200)
    const draft = structuredClone(scenario)
    setAtPath(draft, "contracts[hybrid].capTotal", 4e6)
    expect(decode(draft)).toEqual({ ...scenario, contracts: scenario.contracts.map((c) => (c.name === "hybrid" ? { ...c, capTotal: 4e6 } : c)) })
    expect(isSetAt(scenario, "contracts[blockGrant].capTotal")).toBe(false)
    expect(isSetAt(scenario, "contracts[outcomes].capTotal")).toBe(true)
  })

  it("resolve a list element's path to its parameter's unit and range, as one value", () => {
    const info = resolveParameter("contracts[outcomes].metrics[0].tariff")
    expect(info).toMatchObject({ path: "contracts[outcomes].metrics[0].tariff", perElement: false })
    expect({ ...info, path: undefined, perElement: undefined }).toEqual({ ...findParameter("contracts[].metrics[].tariff"), path: undefined, perElement: undefined })
    expect(resolveParameter("contracts[].capTotal")).toBeUndefined()
    expect(resolveParameter("contracts[0].nope")).toBeUndefined()
    expect(resolveParameter("linkWorkers.posts")).toEqual(findParameter("linkWorkers.posts"))
    expect(genericPath("contracts[outcomes].payers[1].share")).toBe("contracts[].payers[].share")
    // A schedule point's value: a multiplier within the Schema's 0 to 100.
    expect(resolveParameter("communityServices.funding.points[1].value")).toMatchObject({ unit: "multiplier", min: 0, max: 100, perElement: false, section: "communityServices" })
    expect(resolveParameter("communityServices.funding.points[1].at")).toBeUndefined()
    expect(getAtPath(scenario, "communityServices.funding.points[1].value")).toBe(scenario.communityServices.funding.points[1].value)
  })
})

describe("a path that names no value", () => {
  it("gets the parameter path meant, with its own list selectors put back", () => {
    expect(unresolvedReason("linkWorkers.caseloadCap")).toBe('"linkWorkers.caseloadCap" is not a numeric parameter of the scenario (see docs/parameters.md); did you mean "linkWorkers.caseloadCapPerFte"?')
    expect(pathSuggestions("linkWorker.caseloadCapPerFte").names).toEqual(["linkWorkers.caseloadCapPerFte"])
    expect(pathSuggestions("contracts[outcomes].capTotl").names).toEqual(["contracts[outcomes].capTotal"])
    expect(pathSuggestions("contracts[hybrid].metrics[wellbeing].tarif").names).toEqual(["contracts[hybrid].metrics[wellbeing].tariff"])
    expect(pathSuggestions("communityServices.fundng.points[1].value").names).toEqual(["communityServices.funding.points[1].value"])
    // A list without its selector gets a position.
    expect(pathSuggestions("contracts.capTotal").names).toEqual(["contracts[0].capTotal"])
    expect(unresolvedReason("nope.x")).toBe('"nope.x" is not a numeric parameter of the scenario (see docs/parameters.md)')
    expect(unresolvedReason("contracts[].capTotal")).toContain("name one by position or name, e.g. contracts[0].capTotal")
    for (const path of ["linkWorkers.caseloadCap", "contracts[outcomes].capTotl", "contracts.capTotal"]) {
      for (const meant of pathSuggestions(path).names) expect(resolveParameter(meant), meant).toBeDefined()
    }
  })

  it("gets the list element meant, or the elements there are, or says an optional term is left out", () => {
    expect(unsetReason(scenario, "contracts[outcome].capTotal")).toBe(
      'no element named "outcome" in contracts (it has 4: by position [0] to [3], or by name: outcomes, blockGrant, feeForService, hybrid); did you mean "contracts[outcomes].capTotal"?'
    )
    expect(unsetReason(scenario, "contracts[0].metrics[wellbeng].tariff")).toContain('did you mean "contracts[0].metrics[wellbeing].tariff"?')
    expect(unsetReason(scenario, "population.ethnicGroups[South Asain].weight")).toContain('did you mean "population.ethnicGroups[South Asian].weight"?')
    expect(unsetReason(scenario, "contracts[9].capTotal")).toBe("no element [9] in contracts (it has 4: by position [0] to [3], or by name: outcomes, blockGrant, feeForService, hybrid)")
    expect(unsetReason(scenario, "contracts[blockGrant].capTotal")).toBe('the scenario leaves out "contracts[blockGrant].capTotal", an optional term; set it in the file first')
  })
})
