/** Where each value of a scenario comes from: the default's documented source, the scenario's own, or assumed. */
import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import { Effect, Exit } from "effect"
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, describe, expect, it } from "vitest"
import { loadScenario } from "../../src/scenario/loadScenario.ts"
import { listParameters, withAtPath } from "../../src/scenario/parameters.ts"
import { provenanceSummary, scenarioProvenance, sourceProblems, withoutSourcesFor } from "../../src/scenario/provenance.ts"
import type { Scenario } from "../../src/scenario/schema.ts"
import { scenarioWith, shippedScenario } from "../support/scenarios.ts"

const root = fileURLToPath(new URL("../..", import.meta.url))
const dir = mkdtempSync(join(tmpdir(), "spsim-provenance-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const load = (file: string) => Effect.runPromise(loadScenario(file).pipe(Effect.provide(NodeFileSystem.layer)))
const writeJson = (name: string, value: unknown): string => {
  const file = join(dir, name)
  writeFileSync(file, JSON.stringify(value, null, 2))
  return file
}
const at = (scenario: Scenario, path: string) => {
  const found = scenarioProvenance(scenario).find((v) => v.path === path)
  if (found === undefined) throw new Error(`no value at ${path}`)
  return found
}

describe("the default scenario", () => {
  const values = scenarioProvenance(shippedScenario())

  it("has every value at its documented source, list elements by name", () => {
    expect(values.every((v) => v.origin === "documented")).toBe(true)
    expect(provenanceSummary(values).unsourced).toEqual([])
    const cap = values.find((v) => v.path === "contracts[outcomes].capTotal")
    expect(cap?.parameter).toBe("contracts[].capTotal")
    const caseload = listParameters().find((p) => p.path === "linkWorkers.caseloadCapPerFte")
    expect(values.find((v) => v.path === "linkWorkers.caseloadCapPerFte")).toMatchObject({ source: caseload?.source, confidence: caseload?.confidence })
    expect(values.some((v) => v.path === "population.ethnicGroups[South Asian].weight")).toBe(true)
  })

  it("counts each value once by confidence and by origin", () => {
    const summary = provenanceSummary(values)
    const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0)
    expect(sum(summary.byConfidence)).toBe(summary.values)
    expect(sum(summary.byOrigin)).toBe(summary.values)
    expect(new Set(values.map((v) => v.path)).size).toBe(values.length)
    // Every single-valued parameter, and more than one value for parameters of lists.
    expect(values.length).toBeGreaterThan(listParameters().filter((p) => !p.perElement).length + 20)
  })
})

describe("a scenario's own values", () => {
  it("a changed value with no source is assumed, whatever the default's confidence", () => {
    const changed = scenarioWith((d) => {
      d.contact.attendFirstAppointment = 0.5
      d.seed = 7
    })
    const v = at(changed, "contact.attendFirstAppointment")
    expect(v).toMatchObject({ origin: "changed", confidence: "assumed", value: 0.5 })
    expect(at(shippedScenario(), "contact.attendFirstAppointment").confidence).not.toBe("assumed")
    // The seed is never an assumption.
    expect(at(changed, "seed").origin).toBe("documented")
    expect(provenanceSummary(scenarioProvenance(changed)).unsourced).toEqual(["contact.attendFirstAppointment"])
  })

  it("a stated source covers its path and everything below it; the longest path wins", () => {
    const s = scenarioWith((d) => {
      d.linkWorkers.posts = 30
      d.sources = {
        linkWorkers: { source: "section", confidence: "low" },
        "linkWorkers.posts": { source: "posts", confidence: "high" },
        "contracts[0]": { source: "the contract", confidence: "medium" }
      }
    })
    expect(at(s, "linkWorkers.posts")).toMatchObject({ origin: "stated", source: "posts", confidence: "high", statedBy: "linkWorkers.posts" })
    expect(at(s, "linkWorkers.turnoverPerYear")).toMatchObject({ origin: "stated", source: "section", confidence: "low" })
    // A list element named by position covers the values the report names by name.
    expect(at(s, "contracts[outcomes].capTotal")).toMatchObject({ origin: "stated", source: "the contract" })
    expect(at(s, "contact.attendFirstAppointment").origin).toBe("documented")
  })

  it("a schedule is one value, compared whole", () => {
    const s = scenarioWith((d) => {
      d.communityServices.funding = { interpolation: "step", points: [{ at: 10, value: 0.5 }] }
    })
    expect(at(s, "communityServices.funding")).toMatchObject({ origin: "changed", value: { interpolation: "step", points: [{ at: 10, value: 0.5 }] } })
    expect(at(s, "referral.schedule").origin).toBe("documented")
  })

  it("a value the default does not have (an added contract) is the scenario's own", () => {
    const s = scenarioWith((d) => {
      d.contracts.push({ ...structuredClone(d.contracts[0]), name: "second" })
    })
    const v = at(s, "contracts[second].capTotal")
    expect(v.reference).toBeUndefined()
    expect(v.origin).toBe("changed")
  })

  it("an optional key the default has and the scenario leaves out is a value too, none, assumed unless sourced", () => {
    const capless = scenarioWith((d) => {
      delete (d.contracts[0] as { capTotal?: number }).capTotal
    })
    const v = at(capless, "contracts[outcomes].capTotal")
    expect(v).toMatchObject({ value: undefined, reference: shippedScenario().contracts[0].capTotal, origin: "changed", confidence: "assumed" })
    expect(v.keys).toEqual(["contracts", 0, "capTotal"])
    expect(v.source).toContain("left out")
    expect(provenanceSummary(scenarioProvenance(capless)).unsourced).toEqual(["contracts[outcomes].capTotal"])
    const sourced = { ...capless, sources: { "contracts[outcomes].capTotal": { source: "no cap in the new contract", confidence: "high" as const } } }
    expect(sourceProblems(sourced)).toEqual([])
    expect(at(sourced, "contracts[outcomes].capTotal")).toMatchObject({ origin: "stated", confidence: "high" })
    // A key neither the default nor the scenario has (no yearly cap) may have a source: that it is left out.
    expect(sourceProblems({ ...capless, sources: { "contracts[outcomes].capPerYear": { source: "no yearly cap (schedule 2)", confidence: "high" } } })).toEqual([])
    // Putting the cap back drops the source that vouched for its absence.
    expect(withoutSourcesFor(sourced, "contracts[outcomes].capTotal").sources).toEqual({})
  })

  it("editing a value drops the stated sources that vouched for it, and splits a section's so its other values keep theirs", () => {
    const s = scenarioWith((d) => {
      d.sources = {
        "linkWorkers.posts": { source: "posts", confidence: "high" },
        linkWorkers: { source: "section", confidence: "low" },
        contact: { source: "contact", confidence: "medium" }
      }
    })
    const edited = withAtPath(withoutSourcesFor(s, "linkWorkers.posts"), "linkWorkers.posts", 40)
    expect(edited.linkWorkers.posts).toBe(40)
    const keys = Object.keys(edited.sources ?? {})
    expect(keys).toContain("contact")
    expect(keys).not.toContain("linkWorkers")
    expect(keys).not.toContain("linkWorkers.posts")
    expect(at(edited, "linkWorkers.posts").origin).toBe("changed")
    expect(at(edited, "contact.attemptsMax").origin).toBe("stated")
    // The section's other values keep its source, as before the edit.
    for (const v of scenarioProvenance(s).filter((x) => x.path.startsWith("linkWorkers.") && x.path !== "linkWorkers.posts")) {
      expect(at(edited, v.path), v.path).toMatchObject({ origin: "stated", source: "section", confidence: "low" })
    }
  })
})

describe("stated sources in files", () => {
  it("every shipped scenario gives a source for each value it changes", async () => {
    for (const file of readdirSync(join(root, "scenarios")).filter((f) => f.endsWith(".json") && f !== "scenario.schema.json")) {
      const s = await load(join(root, "scenarios", file))
      expect([file, provenanceSummary(scenarioProvenance(s)).unsourced]).toEqual([file, []])
    }
  })

  it("a key that names nothing in the scenario, or no model value, is an input error naming it", async () => {
    const file = writeJson("bad-sources.json", {
      extends: join(root, "scenarios/ways-to-wellness.json"),
      sources: {
        "practices.populaton": { source: "typo", confidence: "high" },
        name: { source: "not a value", confidence: "high" },
        "contracts[nope].capTotal": { source: "no such contract", confidence: "high" },
        "practices.population": { source: "fine", confidence: "high" }
      }
    })
    const exit = await Effect.runPromiseExit(loadScenario(file).pipe(Effect.provide(NodeFileSystem.layer)))
    expect(Exit.isFailure(exit)).toBe(true)
    const problems = sourceProblems(scenarioWith((d) => {
      d.sources = { "practices.populaton": { source: "typo", confidence: "high" }, name: { source: "x", confidence: "high" } }
    }))
    expect(problems).toEqual([
      { path: 'sources["practices.populaton"]', expected: expect.stringContaining("a path to a value"), found: '"practices.populaton", which is not in the scenario' },
      { path: 'sources["name"]', expected: expect.stringContaining("a path to a value"), found: '"name", which holds no model value' }
    ])
  })

  it("a file extending another keeps the base's sources only for the values it leaves alone", async () => {
    writeJson("base.json", {
      extends: join(root, "scenarios/ways-to-wellness.json"),
      linkWorkers: { posts: 30 },
      sources: {
        "linkWorkers.posts": { source: "base posts", confidence: "medium" },
        "linkWorkers.caseloadCapPerFte": { source: "base cap", confidence: "low" },
        contact: { source: "base contact", confidence: "low" }
      }
    })
    const child = await load(writeJson("child.json", {
      extends: "./base.json",
      linkWorkers: { posts: 35 },
      contact: { attemptsMax: 2 },
      sources: { "contact.attemptsMax": { source: "child attempts", confidence: "high" } }
    }))
    expect(Object.keys(child.sources ?? {})).not.toContain("linkWorkers.posts")
    expect(Object.keys(child.sources ?? {})).not.toContain("contact")
    expect(at(child, "linkWorkers.posts")).toMatchObject({ origin: "changed", confidence: "assumed" })
    expect(at(child, "linkWorkers.caseloadCapPerFte")).toMatchObject({ origin: "stated", source: "base cap" })
    expect(at(child, "contact.attemptsMax")).toMatchObject({ origin: "stated", source: "child attempts" })
    // The section's source is split: the values the child left alone keep it.
    expect(at(child, "contact.attendFirstAppointment")).toMatchObject({ origin: "stated", source: "base contact", confidence: "low" })
    expect(at(child, "contact.waitHalfLifeWeeks")).toMatchObject({ origin: "stated", source: "base contact" })
  })
})
