import { Result, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { formatSchemaError, renderPath } from "../../src/scenario/issues.ts"

const Service = Schema.Struct({
  name: Schema.String,
  capacityPerWeek: Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 500 }))
})

const TestScenario = Schema.Struct({
  title: Schema.String,
  linkWorkers: Schema.Struct({
    fte: Schema.Number,
    caseloadCapPerFte: Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 1000 })),
    allocation: Schema.Literals(["roundRobin", "leastLoaded"])
  }),
  services: Schema.Array(Service),
  notes: Schema.optional(Schema.String)
})

const problemsFor = (input: unknown) => {
  const result = Schema.decodeUnknownResult(TestScenario)(input, { errors: "all", onExcessProperty: "error" })
  if (Result.isSuccess(result)) throw new Error("expected the input to be invalid")
  return formatSchemaError(result.failure, input)
}

const valid = {
  title: "test",
  linkWorkers: { fte: 4, caseloadCapPerFte: 40, allocation: "roundRobin" },
  services: [{ name: "walking group", capacityPerWeek: 20 }]
}

const problemAt = (input: unknown, path: string) => problemsFor(input).find((p) => p.path === path)

describe("formatSchemaError", () => {
  it("reports a wrong type with the found value", () => {
    expect(problemAt({ ...valid, title: 7 }, "title")).toEqual({ path: "title", expected: "expected string", found: "7" })
  })

  it("reports an out-of-range number with the range from the schema", () => {
    const input = { ...valid, linkWorkers: { ...valid.linkWorkers, caseloadCapPerFte: 5000 } }
    expect(problemsFor(input)).toEqual([
      { path: "linkWorkers.caseloadCapPerFte", expected: "expected a value between 1 and 1000", found: "5000" }
    ])
  })

  it("reports a missing required field with its expected type", () => {
    const { fte: _, ...linkWorkers } = valid.linkWorkers
    expect(problemsFor({ ...valid, linkWorkers })).toEqual([
      { path: "linkWorkers.fte", expected: "expected number", found: "missing" }
    ])
  })

  it("reports an unknown field as an error, not silently dropped", () => {
    const input = { ...valid, linkWorkers: { ...valid.linkWorkers, caseloadCap: 30 } }
    expect(problemsFor(input)).toEqual([
      { path: "linkWorkers.caseloadCap", expected: "no such field (unknown field)", found: "30" }
    ])
  })

  it("reports a wrong literal listing the allowed values", () => {
    const input = { ...valid, linkWorkers: { ...valid.linkWorkers, allocation: "random" } }
    expect(problemsFor(input)).toEqual([
      { path: "linkWorkers.allocation", expected: `expected "roundRobin" | "leastLoaded"`, found: `"random"` }
    ])
  })

  it("points into array elements with bracketed indices", () => {
    const input = { ...valid, services: [valid.services[0], { name: "art class", capacityPerWeek: 2.5 }] }
    expect(problemsFor(input)).toEqual([
      { path: "services[1].capacityPerWeek", expected: "expected an integer", found: "2.5" }
    ])
  })

  it("drops the '| undefined' of optional fields, which JSON cannot express", () => {
    expect(problemAt({ ...valid, notes: false }, "notes")).toEqual({
      path: "notes",
      expected: "expected string",
      found: "false"
    })
  })

  it("lists every problem of a document at once", () => {
    const input = {
      title: 1,
      linkWorkers: { fte: "four", caseloadCapPerFte: 0, allocation: "roundRobin" },
      services: [{ name: "x", capacityPerWeek: 600, extra: { a: 1 } }],
      colour: "blue"
    }
    expect(problemsFor(input).map((p) => `${p.path}: ${p.expected}, found ${p.found}`).sort()).toEqual([
      "colour: no such field (unknown field), found \"blue\"",
      "linkWorkers.caseloadCapPerFte: expected a value between 1 and 1000, found 0",
      "linkWorkers.fte: expected number, found \"four\"",
      "services[0].capacityPerWeek: expected a value between 0 and 500, found 600",
      "services[0].extra: no such field (unknown field), found {\"a\":1}",
      "title: expected string, found 1"
    ])
  })

  it("looks inside the one union member a tag selects", () => {
    const Dist = Schema.Union([
      Schema.Struct({ kind: Schema.Literal("fixed"), weeks: Schema.Number }),
      Schema.Struct({ kind: Schema.Literal("uniform"), minWeeks: Schema.Number, maxWeeks: Schema.Number })
    ])
    const input = { kind: "uniform", minWeeks: 2 }
    const result = Schema.decodeUnknownResult(Dist)(input, { errors: "all", onExcessProperty: "error" })
    if (Result.isSuccess(result)) throw new Error("expected the input to be invalid")
    expect(formatSchemaError(result.failure, input)).toEqual([
      { path: "maxWeeks", expected: "expected number", found: "missing" }
    ])
  })

  it("reports a non-object document at the root", () => {
    expect(problemsFor([1, 2])).toEqual([{ path: "", expected: "expected object", found: "[1,2]" }])
  })

  it("truncates long found values", () => {
    const found = problemAt({ ...valid, title: { text: "x".repeat(200) } }, "title")?.found ?? ""
    expect(found.length).toBe(60)
    expect(found.endsWith("…")).toBe(true)
  })
})

describe("renderPath", () => {
  it("writes dotted keys, bracketed indices and quoted odd keys", () => {
    expect(renderPath(["a", "b", 3, "c"])).toBe("a.b[3].c")
    expect(renderPath([0, "x"])).toBe("[0].x")
    expect(renderPath(["weights", "GP practice"])).toBe(`weights["GP practice"]`)
  })
})
