/**
 * Who pays: for each payment due, the payers that pay for that stream in that contract year first pay their
 * fixed amounts (if any, in the order listed), and then share the rest in proportion to their shares, each
 * up to its ceiling over the contract. A payer at its ceiling pays nothing more: its part goes unpaid (the
 * provider bears it), as when a top-up fund is exhausted.
 */
import type { Contract } from "../scenario/sections/contracts.ts"
import { weeksPerYear } from "./periods.ts"
import type { DueRow } from "./evaluate.ts"

export interface PaymentRow {
  readonly period: number
  /** Week the payment is made: the end of the period measured plus the contract's lag. */
  readonly week: number
  readonly stream: string
  readonly payer: string
  readonly amount: number
}

export const allocateToPayers = (contract: Contract, due: ReadonlyArray<DueRow>, periodLength: number): Array<PaymentRow> => {
  const paidSoFar = new Float64Array(contract.payers.length)
  const rows: Array<PaymentRow> = []
  for (const d of due) {
    const year = Math.floor((d.period * periodLength) / weeksPerYear) + 1
    const week = (d.period + 1 + contract.lagPeriods) * periodLength - 1
    const amounts = new Float64Array(contract.payers.length)
    let rest = d.amount
    let shareTotal = 0
    contract.payers.forEach((payer, i) => {
      if (!pays(payer, d.stream, year)) return
      shareTotal += payer.share
      if (payer.fixedPerPayment === undefined) return
      // The fixed part is this payer's alone: what its ceiling stops goes unpaid, not to the others.
      const part = Math.min(payer.fixedPerPayment, rest)
      const amount = Math.min(part, Math.max(0, payer.ceiling - paidSoFar[i]))
      amounts[i] += amount
      paidSoFar[i] += amount
      rest -= part
    })
    if (shareTotal > 0 && rest > 0) {
      contract.payers.forEach((payer, i) => {
        if (!pays(payer, d.stream, year) || payer.share <= 0) return
        const amount = Math.min((rest * payer.share) / shareTotal, Math.max(0, payer.ceiling - paidSoFar[i]))
        amounts[i] += amount
        paidSoFar[i] += amount
      })
    }
    contract.payers.forEach((payer, i) => {
      if (amounts[i] > 0) rows.push({ period: d.period, week, stream: d.stream, payer: payer.name, amount: amounts[i] })
    })
  }
  return rows
}

const pays = (payer: Contract["payers"][number], stream: string, year: number): boolean =>
  year >= payer.fromYear && year <= payer.toYear && (payer.pays.length === 0 || payer.pays.includes(stream))
