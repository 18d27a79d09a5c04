/** The files generated from the scenario Schema, in one place for `npm run gen:schema` and the staleness test. */
import { renderJsonSchema } from "./jsonSchema.ts"
import { refreshParameterTables } from "./parameterTables.ts"
import { renderParametersDoc } from "./parametersDoc.ts"

export interface GeneratedFile {
  /** Path relative to the repository root. */
  readonly path: string
  readonly content: string
}

/** The scenario whose values the docs show as defaults. */
export const defaultScenarioPath = "scenarios/ways-to-wellness.json"
/** Hand-written, with parameter tables filled in between markers (see parameterTables.ts). */
export const modelDocPath = "docs/model.md"
export const contractsDocPath = "docs/contracts.md"

export interface GeneratorInputs {
  /** The parsed default scenario file. */
  readonly defaultScenario: unknown
  /** The current text of docs/model.md and docs/contracts.md. */
  readonly modelDoc: string
  readonly contractsDoc: string
}

/** Every file `npm run gen:schema` writes, with the content it should have. */
export const generatedFiles = ({ defaultScenario, modelDoc, contractsDoc }: GeneratorInputs): ReadonlyArray<GeneratedFile> => [
  { path: "scenarios/scenario.schema.json", content: renderJsonSchema() },
  { path: "docs/parameters.md", content: renderParametersDoc(defaultScenario) },
  { path: modelDocPath, content: refreshParameterTables(modelDoc, defaultScenario) },
  { path: contractsDocPath, content: refreshParameterTables(contractsDoc, defaultScenario) }
]
