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
  return yield* checkContracts(yield* loadDocument(Scenario, file), file)
})

/** A decoded scenario whose contracts' formulas compile, or every problem with them (the explorer checks uploads with it too). */
export const checkContracts = (scenario: Scenario, file: string): Effect.Effect<Scenario, ScenarioContractError> => {
  const contracts = compileContracts(scenario)
  return Result.isFailure(contracts) ? Effect.fail(new ScenarioContractError({ file, problems: contracts.failure })) : Effect.succeed(scenario)
}
