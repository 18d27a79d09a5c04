/**
 * The shipped scenarios as the explorer reads them, for the web tests: the files' texts by name, a scenario by name
 * (`loadShipped`, as the page's picker loads it), and a document decoded as an edit or an upload is.
 */
import { readdirSync, readFileSync } from "node:fs"
import { Result } from "effect"
import type { Scenario } from "../../src/scenario/schema.ts"
import { loadShipped } from "../../web/src/app/viewState.ts"
import { problemsOf, scenarioFromDocument } from "../../web/src/scenario/fromText.ts"

/** Every file in scenarios/, by file name. */
export const shipped: Record<string, string> = Object.fromEntries(
  readdirSync("scenarios").filter((f) => f.endsWith(".json")).map((f) => [f, readFileSync(`scenarios/${f}`, "utf8")])
)

/** A shipped scenario by name (e.g. "ways-to-wellness") as the page's picker loads it (tests/support/scenarios.ts loads it as the CLI does). */
export const pickedScenario = (name: string): Scenario => Result.getOrThrow(loadShipped(name, shipped))

/** A document through the Schema, as the page checks an edit: the scenario, or a throw listing every problem. */
export const decoded = (doc: unknown): Scenario => {
  const result = scenarioFromDocument(doc, "scenario")
  if (Result.isFailure(result)) throw new Error(JSON.stringify(problemsOf(result.failure)))
  return result.success
}
