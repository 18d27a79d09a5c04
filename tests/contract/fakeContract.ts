/** Contracts written as plain objects for hand-worked cases: only what a case is about needs spelling out. */
import { Result } from "effect"
import { compileContract, type CompiledContract } from "../../src/contract/compile.ts"
import type { Contract, OutcomeMetric } from "../../src/scenario/sections/contracts.ts"

export type Payer = Contract["payers"][number]
export type Financing = NonNullable<Contract["financing"]>

/** A payer that pays for everything, every year, with no ceiling to speak of. */
export const payer = (name: string, terms: Partial<Payer> = {}): Payer => ({
  name, share: 1, pays: [], fromYear: 1, toYear: 20, ceiling: 1e10, ...terms
})

export const metric = (
  name: string, basis: OutcomeMetric["basis"], quantity: string, terms: Partial<OutcomeMetric> = {}
): OutcomeMetric => ({ name, description: "", basis, quantity, tariff: 1, payment: "tariff * quantity", ...terms })

/** Quarterly, no lag, no block grant or fees, one payer (`ccg`) for everything, unless `terms` say otherwise. */
export const contract = (terms: Partial<Contract>): Contract => ({
  name: "test",
  description: "",
  period: "quarterly",
  lagPeriods: 0,
  blockPerYear: 0,
  fees: { perReferral: 0, perEngagement: 0, perReview: 0 },
  metrics: [],
  payers: [payer("ccg")],
  ...terms
})

/** The contract compiled, or the test fails with the compiler's problems. */
export const compiled = (c: Contract): CompiledContract => {
  const result = compileContract(c)
  if (Result.isFailure(result)) throw new Error(`contract does not compile:\n${result.failure.join("\n")}`)
  return result.success
}
