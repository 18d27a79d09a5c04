/** A scenario made ready to run: the engine's compiled parameters and the contracts' compiled formulas. */
import { Result } from "effect"
import { compileContracts, type CompiledContract } from "../contract/compile.ts"
import { compileParams, type ModelParams } from "../model/params.ts"
import type { Scenario } from "../scenario/schema.ts"

export interface PreparedScenario {
  readonly scenario: Scenario
  readonly params: ModelParams
  readonly contracts: ReadonlyArray<CompiledContract>
}

/** Throws on contracts that do not compile: `loadScenario` has already reported those as input errors. */
export const prepareScenario = (scenario: Scenario): PreparedScenario => {
  const contracts = compileContracts(scenario)
  if (Result.isFailure(contracts)) throw new Error(`invalid contracts:\n${contracts.failure.join("\n")}`)
  // The engine's copy of the scenario (fast-mode objects: `fastPlainData`), read by the contracts and metrics too.
  const params = compileParams(scenario)
  return { scenario: params.scenario, params, contracts: contracts.success }
}
