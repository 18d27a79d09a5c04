import { Effect } from "effect"
import { loadDocument } from "./load.ts"
import { Scenario } from "./schema.ts"

/** Reads, resolves `extends`, and decodes a scenario file; every problem is reported, nothing runs on bad input. */
export const loadScenario = (file: string) => loadDocument(Scenario, file).pipe(Effect.withSpan("loadScenario"))
