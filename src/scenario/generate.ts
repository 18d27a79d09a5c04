/** The files generated from the scenario Schema, in one place for `npm run gen:schema` and the staleness test. */
import { renderJsonSchema } from "./jsonSchema.ts"
import { renderParametersDoc } from "./parametersDoc.ts"

export interface GeneratedFile {
  /** Path relative to the repository root. */
  readonly path: string
  readonly content: string
}

/** The scenario whose values docs/parameters.md shows as defaults. */
export const defaultScenarioPath = "scenarios/ways-to-wellness.json"

/** Every generated file, given the parsed default scenario document. */
export const generatedFiles = (defaultScenario: unknown): ReadonlyArray<GeneratedFile> => [
  { path: "scenarios/scenario.schema.json", content: renderJsonSchema() },
  { path: "docs/parameters.md", content: renderParametersDoc(defaultScenario) }
]
