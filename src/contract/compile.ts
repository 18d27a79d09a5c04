/**
 * Contracts checked and compiled once, when the scenario loads: every formula parsed against the variables
 * of its metric's basis, names checked. Problems are reported together, naming contract, metric and
 * expression, so that no run ever meets a NaN from a typo.
 */
import { Result } from "effect"
import type { Contract, OutcomeMetric } from "../scenario/sections/contracts.ts"
import type { Scenario } from "../scenario/schema.ts"
import { compileFormula, type Formula } from "./formula.ts"
import { periodTotalNames, periodWeeks } from "./periods.ts"
import { blockStream, feesStream } from "./evaluate.ts"

const personVariables = ["conditions", "mentalHealth"] as const
/** The person table's arrays of the variables a formula may read about the person (`PeopleArrays` has them). */
export type PersonValues = { readonly [K in (typeof personVariables)[number]]: ArrayLike<number> }

/** The variables a metric's formulas may use, by basis (the event logs' columns, or the period totals). */
export const basisVariables: Record<OutcomeMetric["basis"], ReadonlyArray<string>> = {
  review: ["episode", "reviewNumber", "weeksEngaged", "starScore", "starBaseline", "starChange", "bestPreviousChange", "starChangeSincePrevious", "areasImproved", ...personVariables],
  engagement: ["episode", "waitWeeks", "starBaseline", ...personVariables],
  exit: ["episode", "discharged", "disengaged", "weeksEngaged", "reviews", "starChange", ...personVariables],
  period: [...periodTotalNames, "period", "year", "weeks"]
}

export interface CompiledMetric {
  readonly metric: OutcomeMetric
  readonly quantity: Formula
  readonly payment: Formula
  /** Event-log columns copied into the scope for each event: those the formulas read (none for period metrics). */
  readonly eventColumns: ReadonlyArray<string>
  /** The person's own variables (`conditions`, `mentalHealth`) the formulas read, copied from the person table. */
  readonly personColumns: ReadonlyArray<string>
  /** A scope object reused for every evaluation (no allocation per person). */
  readonly scope: Record<string, number>
  /**
   * Copies what the formulas read of event `i` into the scope, property by property (built once: no keyed access
   * per event): its log columns, and the person's own variables from `people` (the person table's arrays).
   */
  readonly loadEvent: (
    scope: Record<string, number>, columns: Readonly<Record<string, ArrayLike<number>>>, people: PersonValues, i: number
  ) => void
}

/**
 * A loader with one named copy per column read. The names come from `basisVariables` (fixed identifiers, never
 * scenario text), so generating it as code is safe.
 */
const eventLoader = (columns: ReadonlyArray<string>, personColumns: ReadonlyArray<string>): CompiledMetric["loadEvent"] =>
  new Function("s", "c", "a", "i", [
    ...columns.map((name) => `s.${name} = c.${name}[i];`),
    ...(personColumns.length > 0 ? ["const p = c.person[i];", ...personColumns.map((name) => `s.${name} = a.${name}[p];`)] : [])
  ].join("\n")) as CompiledMetric["loadEvent"]

export interface CompiledContract {
  readonly contract: Contract
  readonly periodLength: number
  readonly metrics: ReadonlyArray<CompiledMetric>
}

export const compileContract = (contract: Contract): Result.Result<CompiledContract, Array<string>> => {
  const problems: Array<string> = []
  const metrics: Array<CompiledMetric> = []
  const where = (metric: string) => `contract "${contract.name}", metric "${metric}"`
  const names = new Set<string>()
  for (const metric of contract.metrics) {
    if (names.has(metric.name)) problems.push(`${where(metric.name)}: the name is used twice in this contract`)
    if (metric.name === blockStream || metric.name === feesStream) problems.push(`${where(metric.name)}: "${metric.name}" is reserved for the contract's ${metric.name} payments`)
    names.add(metric.name)
    const variables = basisVariables[metric.basis]
    const quantity = compileFormula(metric.quantity, variables, { contract: contract.name, metric: metric.name, field: "quantity" })
    const payment = compileFormula(metric.payment, [...variables, "tariff", "quantity"], { contract: contract.name, metric: metric.name, field: "payment" })
    if (Result.isFailure(quantity)) problems.push(quantity.failure.render())
    if (Result.isFailure(payment)) problems.push(payment.failure.render())
    if (Result.isSuccess(quantity) && Result.isSuccess(payment)) {
      const scope: Record<string, number> = { tariff: metric.tariff, quantity: 0 }
      for (const v of variables) scope[v] = 0
      // Only what the formulas read is copied for each event (a review log has nine columns; a tariff on the Star
      // change reads two): the rest of the scope stays at 0, unread.
      const read = new Set([...quantity.success.variables, ...payment.success.variables])
      const isPerson = (v: string) => (personVariables as ReadonlyArray<string>).includes(v)
      const eventColumns = metric.basis === "period" ? [] : variables.filter((v) => read.has(v) && !isPerson(v))
      const personColumns = metric.basis === "period" ? [] : variables.filter((v) => read.has(v) && isPerson(v))
      metrics.push({ metric, quantity: quantity.success, payment: payment.success, eventColumns, personColumns, scope, loadEvent: eventLoader(eventColumns, personColumns) })
    }
  }
  const streams = new Set([blockStream, feesStream, ...names])
  const payerNames = new Set<string>()
  contract.payers.forEach((payer) => {
    if (payerNames.has(payer.name)) problems.push(`contract "${contract.name}", payer "${payer.name}": the name is used twice`)
    payerNames.add(payer.name)
    if (payer.fromYear > payer.toYear) problems.push(`contract "${contract.name}", payer "${payer.name}": fromYear ${payer.fromYear} is after toYear ${payer.toYear}`)
    for (const s of payer.pays) {
      if (!streams.has(s)) problems.push(`contract "${contract.name}", payer "${payer.name}": pays for "${s}", which is not "block", "fees" or a metric of this contract (${[...names].join(", ") || "none"})`)
    }
  })
  if (problems.length > 0) return Result.fail(problems)
  return Result.succeed({ contract, periodLength: periodWeeks[contract.period], metrics })
}

/** All contracts of a scenario, or every problem in them. */
export const compileContracts = (scenario: Scenario): Result.Result<Array<CompiledContract>, Array<string>> => {
  const problems: Array<string> = []
  const compiled: Array<CompiledContract> = []
  const names = new Set<string>()
  for (const contract of scenario.contracts) {
    if (names.has(contract.name)) problems.push(`contract "${contract.name}": the name is used twice`)
    names.add(contract.name)
    const r = compileContract(contract)
    if (Result.isFailure(r)) problems.push(...r.failure)
    else compiled.push(r.success)
  }
  return problems.length > 0 ? Result.fail(problems) : Result.succeed(compiled)
}
