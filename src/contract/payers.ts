/**
 * Who pays: each payment due is shared by the payers that pay for that stream in that contract year, in
 * proportion to their shares, each up to its ceiling over the contract. A payer at its ceiling pays nothing
 * more: its share goes unpaid (the provider bears it), as when a top-up fund is exhausted.
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
    let shareTotal = 0
    contract.payers.forEach((payer) => {
      if (pays(payer, d.stream, year)) shareTotal += payer.share
    })
    if (shareTotal <= 0) continue
    contract.payers.forEach((payer, i) => {
      if (!pays(payer, d.stream, year)) return
      const amount = Math.min((d.amount * payer.share) / shareTotal, Math.max(0, payer.ceiling - paidSoFar[i]))
      if (amount <= 0) return
      paidSoFar[i] += amount
      rows.push({ period: d.period, week, stream: d.stream, payer: payer.name, amount })
    })
  }
  return rows
}

const pays = (payer: Contract["payers"][number], stream: string, year: number): boolean =>
  year >= payer.fromYear && year <= payer.toYear && (payer.pays.length === 0 || payer.pays.includes(stream))
