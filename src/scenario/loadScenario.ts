import { Effect, Result } from "effect"
import { compileContracts } from "../contract/compile.ts"
import { ScenarioContractError, ScenarioInvalid } from "./errors.ts"
import { loadDocument } from "./load.ts"
import { practiceProblems } from "./practiceList.ts"
import { sourceProblems } from "./provenance.ts"
import { Scenario } from "./schema.ts"

/**
 * Reads, resolves `extends`, decodes a scenario file and checks its stated sources and its contracts' formulas;
 * every problem is reported, and nothing runs on bad input.
 */
export const loadScenario = Effect.fn("loadScenario")(function*(file: string) {
  return yield* checkScenario(yield* loadDocument(Scenario, file), file)
})

/**
 * A decoded scenario that agrees with itself (a practice list with its count and population, `sources` that name
 * values of it) and whose contracts' formulas compile (the explorer checks uploads with it too).
 */
export const checkScenario = (scenario: Scenario, file: string): Effect.Effect<Scenario, ScenarioInvalid | ScenarioContractError> => {
  const problems = [...practiceProblems(scenario), ...sourceProblems(scenario)]
  return problems.length > 0 ? Effect.fail(new ScenarioInvalid({ file, problems })) : checkContracts(scenario, file)
}

/** A decoded scenario whose contracts' formulas compile, or every problem with them. */
export const checkContracts = (scenario: Scenario, file: string): Effect.Effect<Scenario, ScenarioContractError> => {
  const contracts = compileContracts(scenario)
  return Result.isFailure(contracts) ? Effect.fail(new ScenarioContractError({ file, problems: contracts.failure })) : Effect.succeed(scenario)
}
