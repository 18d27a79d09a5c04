/**
 * Turns one replicate's simulated records into what a contract pays: each period's block grant and fees,
 * and each outcome metric measured per person (at reviews, first appointments, exits) or per period (on the
 * cohort's totals), priced by its formula, then capped per person, per metric, per year and in total, in the
 * order things happened. The payers then share each payment, each up to its ceiling (`payers.ts`).
 */
import type { Sim } from "../model/sim.ts"
import type { ContractRecords } from "../model/eventLog.ts"
import type { CapsBooking, CompiledContract, CompiledMetric, PricedEvents } from "./compile.ts"
import { periodTotalNames, periodTotals, weeksPerYear } from "./periods.ts"
import { allocateToPayers, type PaymentRow } from "./payers.ts"

/** What is due for one stream (block, fees or a metric) in one period, after the contract's caps. */
export interface DueRow {
  readonly period: number
  readonly stream: string
  readonly amount: number
}

export interface ContractPayments {
  readonly due: ReadonlyArray<DueRow>
  readonly paid: ReadonlyArray<PaymentRow>
  /** First week in which outcome payments due reached the total cap, if they did. */
  readonly capReachedWeek: number | undefined
  /** Formula results that were not finite numbers (counted as no payment). */
  readonly invalidResults: number
  readonly periodLength: number
}

export const blockStream = "block"
export const feesStream = "fees"

/** Running totals of outcome payments for the caps. */
class Caps implements CapsBooking {
  total = 0
  readonly byMetric: Float64Array
  readonly byYear: Float64Array
  reachedWeek: number | undefined = undefined
  /** Each metric's cap, and the contract's per year and in total (Infinity for none): read for every event priced. */
  private readonly metricCap: Float64Array
  private readonly capPerYear: number
  private readonly capTotal: number
  constructor(compiled: CompiledContract, horizonWeeks: number) {
    this.byMetric = new Float64Array(compiled.metrics.length)
    this.byYear = new Float64Array(Math.ceil(horizonWeeks / weeksPerYear) + 2)
    this.metricCap = Float64Array.from(compiled.metrics, (m) => m.metric.cap ?? Infinity)
    this.capPerYear = compiled.contract.capPerYear ?? Infinity
    this.capTotal = compiled.contract.capTotal ?? Infinity
  }

  /** The part of `amount` that fits under the caps, booked. */
  take(m: number, amount: number, week: number): number {
    // Nothing to book (most Star reviews pay nothing): the same result and totals as below, without the work.
    if (amount <= 0) {
      if (this.reachedWeek === undefined && this.total >= this.capTotal - 1e-6) this.reachedWeek = week
      return 0
    }
    const year = Math.floor(week / weeksPerYear) + 1
    const room = Math.min(amount, this.metricCap[m] - this.byMetric[m], this.capPerYear - this.byYear[year], this.capTotal - this.total)
    const paid = Math.max(0, room)
    this.byMetric[m] += paid
    this.byYear[year] += paid
    this.total += paid
    if (this.reachedWeek === undefined && this.total >= this.capTotal - 1e-6) this.reachedWeek = week
    return paid
  }
}

const eventLog = (records: ContractRecords | undefined, metric: CompiledMetric) => {
  if (records === undefined) throw new Error(`contract metric ${metric.metric.name} needs per-person records, which were not kept`)
  return metric.metric.basis === "review" ? records.reviews : metric.metric.basis === "engagement" ? records.engagements : records.exits
}

export const evaluateContract = (compiled: CompiledContract, sim: Sim): ContractPayments => {
  const c = compiled.contract
  const L = compiled.periodLength
  const H = sim.weekly.weeks
  const totals = periodTotals(sim, L)
  const caps = new Caps(compiled, H)
  const a = sim.people.arrays
  const cursors = new Int32Array(compiled.metrics.length)
  const paidPerPerson = compiled.metrics.map((m) => (m.metric.perPersonCap !== undefined ? new Float64Array(sim.people.count) : undefined))
  const due: Array<DueRow> = []
  let invalidResults = 0
  const priced: PricedEvents = { next: 0, invalid: 0 }
  const price = (cm: CompiledMetric, scope: Record<string, number>): number => {
    const quantity = cm.quantity.evaluate(scope)
    scope.quantity = quantity
    scope.tariff = cm.metric.tariff
    const amount = cm.payment.evaluate(scope)
    if (!Number.isFinite(amount)) {
      invalidResults++
      return 0
    }
    return Math.max(0, amount)
  }
  for (let p = 0; p < totals.count; p++) {
    const start = p * L
    const end = Math.min(H, start + L)
    const year = Math.floor(start / weeksPerYear) + 1
    if (c.blockPerYear > 0) due.push({ period: p, stream: blockStream, amount: (c.blockPerYear * (end - start)) / weeksPerYear })
    const fees = c.fees.perReferral * totals.totals.referrals[p] + c.fees.perEngagement * totals.totals.engaged[p] +
      c.fees.perReview * totals.totals.reviews[p]
    if (fees > 0) due.push({ period: p, stream: feesStream, amount: fees })
    compiled.metrics.forEach((cm, m) => {
      let amount = 0
      if (cm.metric.basis === "period") {
        const scope = cm.scope
        for (const name of periodTotalNames) scope[name] = totals.totals[name][p]
        scope.period = p + 1
        scope.year = year
        scope.weeks = end - start
        amount = caps.take(m, price(cm, scope), end - 1)
      } else {
        const log = eventLog(sim.records, cm)
        amount = cm.priceEvents!(log.columns, a, cursors[m], log.count, end, paidPerPerson[m], cm.metric.perPersonCap ?? Infinity, caps, m, priced)
        cursors[m] = priced.next
      }
      if (amount > 0) due.push({ period: p, stream: cm.metric.name, amount })
    })
  }
  return {
    due,
    paid: allocateToPayers(c, due, L),
    capReachedWeek: caps.reachedWeek,
    invalidResults: invalidResults + priced.invalid,
    periodLength: L
  }
}
