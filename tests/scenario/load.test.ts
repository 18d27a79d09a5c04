import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import { Effect, Schema } from "effect"
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, describe, expect, it } from "vitest"
import { ScenarioFileNotFound, type ScenarioLoadError } from "../../src/scenario/errors.ts"
import { decodeDocument, loadDocument, parseJsonText, resolveExtends } from "../../src/scenario/load.ts"
import { loadScenario } from "../../src/scenario/loadScenario.ts"

const TestScenario = Schema.Struct({
  title: Schema.String,
  weeks: Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 520 })),
  linkWorkers: Schema.Struct({
    fte: Schema.Number,
    caseloadCapPerFte: Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 1000 }))
  }),
  services: Schema.Array(Schema.String)
})

const dir = mkdtempSync(join(tmpdir(), "spsim-load-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const writeJson = (name: string, value: unknown): string => {
  const file = join(dir, name)
  mkdirSync(join(file, ".."), { recursive: true })
  writeFileSync(file, typeof value === "string" ? value : JSON.stringify(value, null, 2))
  return file
}

const run = <A, E>(effect: Effect.Effect<A, E, any>) =>
  Effect.runPromise(effect.pipe(Effect.provide(NodeFileSystem.layer)) as Effect.Effect<A, E>)

const loadFailure = (file: string): Promise<ScenarioLoadError> => run(Effect.flip(loadDocument(TestScenario, file)))

/** Runs `f` with `cwd` as the current directory (vitest runs each test file in its own process). */
const inDirectory = async <A>(cwd: string, f: () => Promise<A>): Promise<A> => {
  const previous = process.cwd()
  process.chdir(cwd)
  try {
    return await f()
  } finally {
    process.chdir(previous)
  }
}

const base = {
  $schema: "../spsim.schema.json",
  title: "base",
  weeks: 104,
  linkWorkers: { fte: 4, caseloadCapPerFte: 40 },
  services: ["walking", "arts"]
}

describe("parseJsonText", () => {
  const failure = (text: string) => Effect.runPromise(Effect.flip(parseJsonText(text, "x.json")))

  it("locates an error V8 reports with a position", async () => {
    const error = await failure(`{\n  "weeks": 10,\n  "title": "a",,\n}`)
    expect([error.line, error.column]).toEqual([3, 16])
    expect(error.render()).toBe("x.json:3:16: invalid JSON: Expected double-quoted property name")
  })

  it("locates an unexpected token V8 reports without a position", async () => {
    const error = await failure(`{\n  "weeks": 10,\n  "title": }\n}`)
    expect([error.line, error.column, error.detail]).toEqual([3, 12, "Unexpected token '}'"])
  })

  it("puts 'unexpected end of input' just after the last character of a truncated file", async () => {
    const error = await failure(`{\n  "weeks": 10,\n  "services": [1,\n\n`)
    expect(error.render()).toBe("x.json:3:18: invalid JSON: Unexpected end of JSON input")
  })

  it("puts other errors found at the end of a truncated file there too", async () => {
    const error = await failure(`{\n  "weeks": 10,\n  "services": [1, 2\n\n`)
    expect(error.render()).toBe("x.json:3:20: invalid JSON: Expected ',' or ']' after array element")
  })

  it("accepts a byte-order mark", async () => {
    expect(await Effect.runPromise(parseJsonText(`\uFEFF{"a": 1}`, "x.json"))).toEqual({ a: 1 })
  })
})

describe("resolveExtends", () => {
  const files: Record<string, unknown> = {
    "s/base.json": base,
    "s/mid.json": { extends: "./base.json", linkWorkers: { fte: 6 }, services: ["gardening"] },
    "s/variants/top.json": { extends: "../mid.json", title: "top", weeks: 52 },
    "s/loop-a.json": { extends: "./loop-b.json" },
    "s/loop-b.json": { extends: "loop-a.json" }
  }
  const readFile = (file: string) =>
    file in files ? Effect.succeed(JSON.stringify(files[file])) : Effect.fail(new ScenarioFileNotFound({ file }))
  const resolve = (file: string) => resolveExtends(files[file], file, readFile)

  it("deep-merges objects, replaces arrays and scalars, and drops extends and $schema", async () => {
    expect(await Effect.runPromise(resolve("s/variants/top.json"))).toEqual({
      title: "top",
      weeks: 52,
      linkWorkers: { fte: 6, caseloadCapPerFte: 40 },
      services: ["gardening"]
    })
  })

  it("reports a cycle with the chain of files", async () => {
    const error = await Effect.runPromise(Effect.flip(resolve("s/loop-a.json")))
    expect(error.render()).toBe(`s/loop-b.json: bad "extends": cycle: s/loop-a.json -> s/loop-b.json -> s/loop-a.json`)
  })

  it("refuses chains deeper than five files", async () => {
    const deep: Record<string, unknown> = { "d/0.json": { title: "root" } }
    for (let i = 1; i <= 6; i++) deep[`d/${i}.json`] = { extends: `./${i - 1}.json` }
    const read = (file: string) => Effect.succeed(JSON.stringify(deep[file]))
    expect(await Effect.runPromise(resolveExtends(deep["d/5.json"], "d/5.json", read))).toEqual({ title: "root" })
    const error = await Effect.runPromise(Effect.flip(resolveExtends(deep["d/6.json"], "d/6.json", read)))
    expect(error._tag).toBe("ScenarioExtendsError")
  })

  it("names the referring file when the base is missing", async () => {
    const error = await Effect.runPromise(Effect.flip(resolveExtends({ extends: "./gone.json" }, "s/x.json", readFile)))
    expect(error.render()).toBe(`s/x.json: bad "extends": ./gone.json not found (looked for s/gone.json)`)
  })

  describe("from a file named without a directory (in the current directory)", () => {
    const here: Record<string, unknown> = {
      "base.json": base,
      "mid.json": { extends: "./base.json", linkWorkers: { fte: 6 }, services: ["gardening"] },
      "top.json": { extends: "mid.json", title: "top", weeks: 52 },
      "up.json": { extends: "../s/mid.json", title: "up" },
      "../s/mid.json": { extends: "./base.json", title: "s-mid" },
      "../s/base.json": { ...base, title: "s-base" },
      "loop-a.json": { extends: "./loop-b.json" },
      "loop-b.json": { extends: "loop-a.json" }
    }
    const read = (file: string) =>
      file in here ? Effect.succeed(JSON.stringify(here[file])) : Effect.fail(new ScenarioFileNotFound({ file }))

    it("resolves ./name and name against the current directory, through every level", async () => {
      for (const file of ["top.json", "./top.json"]) {
        expect(await Effect.runPromise(resolveExtends(here["top.json"], file, read))).toEqual({
          title: "top",
          weeks: 52,
          linkWorkers: { fte: 6, caseloadCapPerFte: 40 },
          services: ["gardening"]
        })
      }
    })

    it("resolves ../ against the parent of the current directory, and the next level against that file", async () => {
      expect(await Effect.runPromise(resolveExtends(here["up.json"], "up.json", read))).toMatchObject({ title: "up", weeks: 104 })
    })

    it("names the relative path it looked for when the base is missing", async () => {
      const error = await Effect.runPromise(Effect.flip(resolveExtends({ extends: "./gone.json" }, "x.json", read)))
      expect(error.render()).toBe(`x.json: bad "extends": ./gone.json not found (looked for gone.json)`)
    })

    it("still reports a cycle", async () => {
      const error = await Effect.runPromise(Effect.flip(resolveExtends(here["loop-a.json"], "./loop-a.json", read)))
      expect(error.render()).toBe(`loop-b.json: bad "extends": cycle: loop-a.json -> loop-b.json -> loop-a.json`)
    })
  })

  it("keeps an absolute base absolute, and a file at the root resolves beside it", async () => {
    const seen: Array<string> = []
    const record = (file: string) => {
      seen.push(file)
      return Effect.succeed(JSON.stringify({ title: "t" }))
    }
    await Effect.runPromise(resolveExtends({ extends: "/abs/base.json" }, "x.json", record))
    await Effect.runPromise(resolveExtends({ extends: "./base.json" }, "/top.json", record))
    await Effect.runPromise(resolveExtends({ extends: "../base.json" }, "/top.json", record))
    expect(seen).toEqual(["/abs/base.json", "/base.json", "/base.json"])
  })

  it("rejects an extends that is not a path", async () => {
    const error = await Effect.runPromise(Effect.flip(resolveExtends({ extends: 3 }, "s/x.json", readFile)))
    expect(error._tag).toBe("ScenarioExtendsError")
  })
})

describe("loadDocument", () => {
  it("loads a scenario that extends another file", async () => {
    writeJson("chain/base.json", base)
    const file = writeJson("chain/variant.json", { extends: "./base.json", linkWorkers: { caseloadCapPerFte: 30 } })
    expect(await run(loadDocument(TestScenario, file))).toEqual({
      title: "base",
      weeks: 104,
      linkWorkers: { fte: 4, caseloadCapPerFte: 30 },
      services: ["walking", "arts"]
    })
  })

  it("loads a file named without a directory, or as ./name, from the current directory", async () => {
    writeJson("cwd/base.json", base)
    writeJson("cwd/variant.json", { extends: "./base.json", linkWorkers: { caseloadCapPerFte: 30 } })
    writeJson("cwd/nested/leaf.json", { extends: "../variant.json", title: "leaf" })
    const expected = { title: "base", weeks: 104, linkWorkers: { fte: 4, caseloadCapPerFte: 30 }, services: ["walking", "arts"] }
    for (const file of ["variant.json", "./variant.json"]) {
      expect(await inDirectory(join(dir, "cwd"), () => run(loadDocument(TestScenario, file)))).toEqual(expected)
    }
    // Two levels, the first through ../: each extends is resolved against the file that contains it.
    for (const file of ["leaf.json", "./leaf.json"]) {
      expect(await inDirectory(join(dir, "cwd/nested"), () => run(loadDocument(TestScenario, file)))).toEqual({ ...expected, title: "leaf" })
    }
    expect(await inDirectory(join(dir, "cwd"), () => run(loadDocument(TestScenario, "nested/../nested/leaf.json")))).toEqual({ ...expected, title: "leaf" })
  })

  it("loads every shipped scenario from inside the scenarios directory, named with and without ./", async () => {
    const scenarios = fileURLToPath(new URL("../../scenarios", import.meta.url))
    for (const name of ["high-caseload", "austerity", "covid", "england", "without-support", "poor-performance", "strong-performance"]) {
      for (const file of [`${name}.json`, `./${name}.json`]) {
        const scenario = await inDirectory(scenarios, () => run(loadScenario(file)))
        expect(scenario.name, file).toBe(name)
      }
    }
  })

  it("refuses a date the calendar does not have, in the start date and in a schedule, and takes a leap day", async () => {
    const scenarios = fileURLToPath(new URL("../../scenarios", import.meta.url))
    const schedule = (at: string) => ({ interpolation: "step", points: [{ at, value: 1 }] })
    const file = writeJson("dates.json", { extends: join(scenarios, "ways-to-wellness.json"), startDate: "2015-02-30", referral: { schedule: schedule("2020-13-01") } })
    const failure = await run(Effect.flip(loadScenario(file)))
    expect(failure.render()).toBe([
      `${file}: at startDate: expected a day the calendar has (month 01-12, and no 30 February), found "2015-02-30"`,
      `${file}: at referral.schedule.points[0].at: expected a day the calendar has (month 01-12, and no 30 February), found "2020-13-01"`
    ].join("\n"))
    const leap = writeJson("leap.json", { extends: join(scenarios, "ways-to-wellness.json"), startDate: "2016-02-29", referral: { schedule: schedule("2020-02-29") } })
    expect((await run(loadScenario(leap))).startDate).toBe("2016-02-29")
    const notLeap = writeJson("not-leap.json", { extends: join(scenarios, "ways-to-wellness.json"), startDate: "2015-02-29" })
    expect((await run(Effect.flip(loadScenario(notLeap)))).render()).toContain('found "2015-02-29"')
  })

  it("reports a missing file", async () => {
    const file = join(dir, "nope.json")
    expect((await loadFailure(file)).render()).toBe(`scenario file not found: ${file}`)
  })

  it("reports invalid JSON with line and column", async () => {
    const file = writeJson("broken.json", `{\n  "title": "x",\n  "weeks": 10\n  "services": []\n}`)
    expect((await loadFailure(file)).render()).toBe(`${file}:4:3: invalid JSON: Expected ',' or '}' after property value`)
  })

  it("lists every problem of an invalid document, one per line", async () => {
    const file = writeJson("invalid.json", {
      ...base,
      weeks: 0,
      linkWorkers: { fte: "four", caseloadCapPerFte: 5000 },
      colour: "blue"
    })
    const error = await loadFailure(file)
    expect(error._tag).toBe("ScenarioInvalid")
    expect(error.render().split("\n").sort()).toEqual([
      `${file}: at colour: no such field (unknown field), found "blue"`,
      `${file}: at linkWorkers.caseloadCapPerFte: expected a value between 1 and 1000, found 5000`,
      `${file}: at linkWorkers.fte: expected number, found "four"`,
      `${file}: at weeks: expected a value between 1 and 520, found 0`
    ])
  })
})

describe("decodeDocument", () => {
  it("decodes a document already in memory", async () => {
    const { $schema: _, ...doc } = base
    expect(await Effect.runPromise(decodeDocument(TestScenario, doc, "inline"))).toEqual(doc)
  })

  it("treats $schema as an unknown field when the caller has not resolved the document", async () => {
    const error = await Effect.runPromise(Effect.flip(decodeDocument(TestScenario, base, "inline")))
    expect(error.problems).toEqual([
      { path: "$schema", expected: "no such field (unknown field)", found: `"../spsim.schema.json"` }
    ])
  })
})
