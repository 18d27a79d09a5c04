import { Effect, Result } from "effect"
import { compileContracts } from "../contract/compile.ts"
import { ScenarioContractError } from "./errors.ts"
import { loadDocument } from "./load.ts"
import { Scenario } from "./schema.ts"

/**
 * Reads, resolves `extends`, decodes a scenario file and checks its contracts' formulas; every problem is
 * reported, and nothing runs on bad input.
 */
export const loadScenario = Effect.fn("loadScenario")(function*(file: string) {
  const scenario = yield* loadDocument(Scenario, file)
  const contracts = compileContracts(scenario)
  if (Result.isFailure(contracts)) return yield* new ScenarioContractError({ file, problems: contracts.failure })
  return scenario
})
