/**
 * A scenario from the text of a file, as `spsim validate` reads one: JSON with line and column on errors,
 * `extends` resolved (against the shipped scenarios, the only files a page can read), decoded with the same
 * Schema with every problem collected, and the contracts' formulas checked. Nothing here touches the DOM.
 */
import { Effect, Result } from "effect"
import { ScenarioFileNotFound, type ScenarioLoadError } from "../../../src/scenario/errors.ts"
import { decodeDocument, parseJsonText, resolveExtends } from "../../../src/scenario/load.ts"
import { checkScenario } from "../../../src/scenario/loadScenario.ts"
import { Scenario } from "../../../src/scenario/schema.ts"

/** Shipped scenario files by name, e.g. "ways-to-wellness.json" → its text. */
export type ShippedTexts = Readonly<Record<string, string>>

const baseName = (path: string): string => path.slice(path.lastIndexOf("/") + 1)

const readShipped = (shipped: ShippedTexts) => (file: string): Effect.Effect<string, ScenarioLoadError> => {
  const text = shipped[baseName(file)]
  return text === undefined ? Effect.fail(new ScenarioFileNotFound({ file })) : Effect.succeed(text)
}

export const scenarioFromText = (text: string, file: string, shipped: ShippedTexts): Result.Result<Scenario, ScenarioLoadError> =>
  Effect.runSync(Effect.result(Effect.gen(function*() {
    const doc = yield* parseJsonText(text, file)
    const resolved = yield* resolveExtends(doc, file, readShipped(shipped))
    return yield* checkScenario(yield* decodeDocument(Scenario, resolved, file), file)
  })))

/** A scenario already resolved (plain data, e.g. after edits): decoded and checked again. */
export const scenarioFromDocument = (doc: unknown, file: string): Result.Result<Scenario, ScenarioLoadError> =>
  Effect.runSync(Effect.result(Effect.flatMap(decodeDocument(Scenario, doc, file), (s) => checkScenario(s, file))))

/** One problem to show beside the field it is about: where, what was expected, what was found. */
export interface ShownProblem {
  /** A JSON path (e.g. "linkWorkers.caseloadCapPerFte"), a line and column, or "" for the whole file. */
  readonly where: string
  /** As the CLI words it, e.g. "expected a value between 1 and 1000". */
  readonly expected: string
  readonly found: string
}

export const problemsOf = (error: ScenarioLoadError): Array<ShownProblem> => {
  switch (error._tag) {
    case "ScenarioInvalid":
      return error.problems.map((p) => ({ where: p.path, expected: p.expected, found: p.found }))
    case "ScenarioJsonError":
      return [{ where: `line ${error.line}, column ${error.column}`, expected: "expected valid JSON", found: error.detail }]
    case "ScenarioContractError":
      return error.problems.map((p) => ({ where: "contracts", expected: "expected contracts whose formulas work", found: p }))
    default:
      return [{ where: "", expected: "expected a scenario the explorer can read", found: error.render() }]
  }
}
