/**
 * A prepared scenario is read at every step of every replicate (`sim.scenario`, `sim.params`), so its objects must be
 * ones V8 keeps in fast mode whatever the decoded scenario was: decoded from its JSON text, as a worker thread decodes
 * it, Effect's Schema gave a dictionary-mode object, and a worker's replicates ran 5-9% slower than the main thread's
 * (docs/architecture.md, *A 1,000-replicate run on two lanes*).
 */
import { setFlagsFromString } from "node:v8"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { prepareScenario } from "../../src/ensemble/prepared.ts"
import { scenarioText } from "../../src/ensemble/respond.ts"
import { fastPlainData } from "../../src/model/params.ts"
import { decodeDocument } from "../../src/scenario/load.ts"
import { Scenario } from "../../src/scenario/schema.ts"
import { shippedScenario } from "../support/scenarios.ts"

// V8's own test of an object's property storage, made callable here (natives syntax is read when code is parsed).
setFlagsFromString("--allow-natives-syntax")
const hasFastProperties = new Function("o", "return %HasFastProperties(o)") as (o: object) => boolean

/** Every object and array in `value`, with where it sits. */
const objectsIn = (value: unknown, path = "scenario"): Array<[string, object]> =>
  value === null || typeof value !== "object"
    ? []
    : [[path, value], ...Object.entries(value).flatMap(([key, v]) => objectsIn(v, `${path}.${key}`))]

describe("a prepared scenario", () => {
  it("is the decoded scenario's data, in objects V8 keeps in fast mode, however it was decoded", async () => {
    // As a worker thread gets it: the scenario's JSON text, parsed and decoded; then, whatever Schema made of it, a
    // copy V8 certainly keeps as a dictionary (a property deleted and added again), as a worker thread's was.
    const decoded = await Effect.runPromise(decodeDocument(Scenario, JSON.parse(scenarioText(shippedScenario())), "scenario"))
    const dictionary: Record<string, unknown> = { ...decoded }
    const [first] = Object.keys(dictionary)
    const value = dictionary[first]
    delete dictionary[first]
    dictionary[first] = value
    expect(hasFastProperties(dictionary)).toBe(false)
    const prepared = prepareScenario(dictionary as unknown as Scenario)
    expect(prepared.scenario).toEqual(decoded)
    expect(prepared.params.scenario).toBe(prepared.scenario)
    const slow = objectsIn(prepared.scenario).filter(([, o]) => !hasFastProperties(o)).map(([path]) => path)
    expect(slow).toEqual([])
  })

  it("copies plain data to the same data, a new object", () => {
    const data = { a: 1, b: [1, 2, { c: "x" }], d: { e: null, f: true } }
    const copy = fastPlainData(data)
    expect(copy).toEqual(data)
    expect(copy).not.toBe(data)
  })
})
