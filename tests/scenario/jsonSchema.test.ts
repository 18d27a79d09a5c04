import { readdirSync, readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { scenarioJsonSchema } from "../../src/scenario/jsonSchema.ts"
import { listParameters } from "../../src/scenario/parameters.ts"

type Node = Record<string, any>

const schema = scenarioJsonSchema() as Node
const wtw = JSON.parse(readFileSync(new URL("../../scenarios/ways-to-wellness.json", import.meta.url), "utf8")) as Node

const resolve = (node: Node): Node =>
  typeof node.$ref === "string" ? resolve(schema.$defs[node.$ref.replace("#/$defs/", "")]) : node

const typeOk = (type: string, value: unknown): boolean =>
  type === "integer" ? Number.isInteger(value)
    : type === "number" ? typeof value === "number"
    : type === "array" ? Array.isArray(value)
    : type === "object" ? typeof value === "object" && value !== null && !Array.isArray(value)
    : typeof value === type

/**
 * Problems with `value` under the JSON Schema keywords this schema uses (type, properties, required,
 * additionalProperties, items, anyOf, enum, bounds, pattern, if/else, $ref). Enough to check it in spirit.
 */
const problems = (node: Node, value: any, path = "$"): Array<string> => {
  const s = resolve(node)
  const out: Array<string> = []
  if (s.type !== undefined && !typeOk(s.type, value)) return [`${path}: expected ${s.type}`]
  if (s.enum !== undefined && !s.enum.includes(value)) out.push(`${path}: not one of ${s.enum}`)
  if (s.minimum !== undefined && value < s.minimum) out.push(`${path}: below ${s.minimum}`)
  if (s.maximum !== undefined && value > s.maximum) out.push(`${path}: above ${s.maximum}`)
  if (s.minLength !== undefined && value.length < s.minLength) out.push(`${path}: too short`)
  if (s.minItems !== undefined && value.length < s.minItems) out.push(`${path}: too few items`)
  if (s.pattern !== undefined && !new RegExp(s.pattern, "u").test(value)) out.push(`${path}: does not match ${s.pattern}`)
  if (s.anyOf !== undefined && !s.anyOf.some((branch: Node) => problems(branch, value, path).length === 0)) {
    out.push(`${path}: matches no alternative`)
  }
  for (const key of s.required ?? []) if (!(key in value)) out.push(`${path}.${key}: missing`)
  if (s.properties !== undefined) {
    for (const [key, child] of Object.entries(value)) {
      if (key in s.properties) out.push(...problems(s.properties[key], child, `${path}.${key}`))
      else if (s.additionalProperties === false) out.push(`${path}.${key}: unknown field`)
    }
  }
  if (s.items !== undefined) value.forEach((item: unknown, i: number) => out.push(...problems(s.items, item, `${path}[${i}]`)))
  if (s.if !== undefined) {
    const branch = problems(s.if, value, path).length === 0 ? s.then : s.else
    if (branch !== undefined) out.push(...problems(branch, value, path))
  }
  return out
}

/** The schema node of a parameter path ("[]" = array items). */
const nodeAt = (path: string): Node =>
  path.split(".").reduce((node, segment) => {
    const key = segment.replace("[]", "")
    const child = resolve(resolve(node).properties[key])
    return segment.endsWith("[]") ? resolve(child.items) : child
  }, schema)

describe("scenario.schema.json", () => {
  it("is a standalone draft 2020-12 schema with its definitions under $defs", () => {
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema")
    expect(schema.title).toBe("spsim scenario")
    expect(Object.keys(schema.$defs)).toEqual(expect.arrayContaining(["SchedulePoint", "CompleteScenario"]))
    expect(JSON.stringify(schema)).not.toContain("#/definitions")
  })

  it("accepts the shipped Ways to Wellness scenario, $schema included", () => {
    expect(problems(schema, wtw)).toEqual([])
  })

  it("accepts every shipped scenario file", () => {
    const dir = new URL("../../scenarios/", import.meta.url)
    const files = readdirSync(dir).filter((f) => f.endsWith(".json") && f !== "scenario.schema.json")
    expect(files).toContain("ways-to-wellness.json")
    for (const file of files) expect(problems(schema, JSON.parse(readFileSync(new URL(file, dir), "utf8"))), file).toEqual([])
  })

  it("accepts a file that extends another and sets only a few values", () => {
    const variant = { $schema: "./scenario.schema.json", extends: "./ways-to-wellness.json", linkWorkers: { caseloadCapPerFte: 40 } }
    expect(problems(schema, variant)).toEqual([])
    expect(problems(schema, { extends: "./base.json", communityServices: { funding: { points: [{ at: "2016-04-01", value: 0.8 }] } } })).toEqual([])
  })

  it("requires every field when there is no extends", () => {
    const { linkWorkers: _, ...rest } = wtw
    expect(problems(schema, rest)).toEqual(["$.linkWorkers: missing"])
    expect(problems(schema, { ...wtw, contact: { attemptsMax: 3 } })).toEqual([
      "$.contact.attemptSuccess: missing",
      "$.contact.attendFirstAppointment: missing",
      "$.contact.waitHalfLifeWeeks: missing"
    ])
  })

  it("rejects out-of-range values, wrong types, unknown fields and malformed dates", () => {
    const bad = structuredClone(wtw)
    bad.linkWorkers.caseloadCapPerFte = 5000
    bad.contact.attemptsMax = 2.5
    bad.discharge.extraWeeks = 3
    bad.startDate = "1 April 2015"
    bad.referral.schedule.interpolation = "cubic"
    expect(problems(schema, bad)).toEqual([
      "$.startDate: does not match ^\\d{4}-\\d{2}-\\d{2}$",
      "$.referral.schedule.interpolation: not one of step,linear",
      "$.linkWorkers.caseloadCapPerFte: above 1000",
      "$.contact.attemptsMax: expected integer",
      "$.discharge.extraWeeks: unknown field"
    ])
  })

  it("carries every parameter's range, meaning, unit and provenance to editors", () => {
    for (const p of listParameters()) {
      const node = nodeAt(p.path)
      expect(node, p.path).toMatchObject({
        type: p.integer ? "integer" : "number",
        minimum: p.min,
        maximum: p.max,
        description: p.description,
        "x-unit": p.unit,
        "x-source": p.source,
        "x-confidence": p.confidence,
        "x-calibratable": p.calibratable
      })
      expect(node.allOf, p.path).toBeUndefined()
    }
  })
})
