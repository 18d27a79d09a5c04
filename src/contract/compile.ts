/**
 * Contracts checked and compiled once, when the scenario loads: every formula parsed against the variables
 * of its metric's basis, names checked. Problems are reported together, naming contract, metric and
 * expression, so that no run ever meets a NaN from a typo.
 */
import { Result } from "effect"
import type { Contract, OutcomeMetric } from "../scenario/sections/contracts.ts"
import type { Scenario } from "../scenario/schema.ts"
import { compileFormula, type Formula } from "./formula.ts"
import { helpers, toNumber } from "./transpile.ts"
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
   * Prices events `from` … of a log in one loop, up to the first at or after week `end`: what the formulas read of
   * each event (its log columns, and the person's own variables from `people`, the person table's arrays) is copied
   * into the scope, the two formulas priced (a result that is not a finite number pays nothing and is counted), the
   * person's own cap applied, then `caps.take` books what the contract's caps let through. Absent for period
   * metrics. Generated for this metric alone, so that its formulas are the only ones its calls meet and V8 inlines
   * them: one loop shared by every metric, calling a generated loader and the formulas, took ~40 ns an event.
   */
  readonly priceEvents?: PriceEvents
}

/** What `priceEvents` reports besides the amount: where it stopped, and formula results that were not finite. */
export interface PricedEvents {
  next: number
  invalid: number
}

export type PriceEvents = (
  columns: Readonly<Record<string, ArrayLike<number>>>, people: PersonValues, from: number, count: number, end: number,
  perPerson: Float64Array | undefined, cap: number, caps: CapsBooking, metric: number, out: PricedEvents
) => number

/** The contract's caps: `take` books the part of metric `metric`'s `amount` in week `week` that fits under them. */
export interface CapsBooking {
  take(metric: number, amount: number, week: number): number
}

/**
 * The pricing loop for one metric (see `CompiledMetric.priceEvents`). The only names pasted in as code are
 * `basisVariables`' fixed identifiers (never scenario text); the formulas come in as functions, or, when both run as
 * plain JavaScript (`Formula.inline`), as expressions built from their checked trees over local variables: then an
 * event costs no calls and no scope object (Ways to Wellness' two wellbeing metrics, with the caps passing over what
 * pays nothing: ~290 → ~220 instructions an event priced, the four contracts 0.84 → 0.69 ms a replicate).
 */
export const eventPricer = (
  columns: ReadonlyArray<string>, personColumns: ReadonlyArray<string>, quantity: Formula, payment: Formula,
  scope: Record<string, number>, tariff: number
): PriceEvents => {
  const inline = quantity.inline !== undefined && payment.inline !== undefined
  const q = quantity.inline?.((name) => `v_${name}`, "cq")
  const p = payment.inline?.((name) => `v_${name}`, "cp")
  const price = inline
    ? [
      ...columns.map((name) => `const v_${name} = c_${name}[i]`),
      ...personColumns.map((name) => `const v_${name} = a_${name}[who]`),
      "const v_tariff = tariff",
      `const v_quantity = ${q!.body}`,
      `let x = ${p!.body}`
    ]
    : [
      ...columns.map((name) => `s.${name} = c_${name}[i]`),
      ...personColumns.map((name) => `s.${name} = a_${name}[who]`),
      "s.quantity = q.evaluate(s)",
      "s.tariff = tariff",
      "let x = p.evaluate(s)"
    ]
  return new Function("q", "p", "s", "tariff", "h", "n", "cq", "cp", `return function priceEvents(c, a, i, count, end, perPerson, cap, caps, m, out) {
  const week = c.week
  const person = c.person
  ${[...columns.map((name) => `const c_${name} = c.${name}`), ...personColumns.map((name) => `const a_${name} = a.${name}`)].join("\n  ")}
  let amount = 0
  let invalid = 0
  for (; i < count && week[i] < end; i++) {
    const who = person[i]
    ${price.join("\n    ")}
    if (!Number.isFinite(x)) {
      invalid++
      x = 0
    }
    x = Math.max(0, x)
    if (perPerson !== undefined) x = Math.max(0, Math.min(x, cap - perPerson[who]))
    // Only what the contract's caps let through counts against the person's own cap.
    const taken = caps.take(m, x, week[i])
    if (perPerson !== undefined) perPerson[who] += taken
    amount += taken
  }
  out.next = i
  out.invalid += invalid
  return amount
}`)(quantity, payment, scope, tariff, helpers, toNumber, q?.calls, p?.calls) as PriceEvents
}

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
      metrics.push({
        metric, quantity: quantity.success, payment: payment.success, eventColumns, personColumns, scope,
        ...(metric.basis === "period" ? {} : { priceEvents: eventPricer(eventColumns, personColumns, quantity.success, payment.success, scope, metric.tariff) })
      })
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
