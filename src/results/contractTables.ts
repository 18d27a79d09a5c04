/** The rows of payments.csv and cashflows.csv for one replicate. */
import type { ContractRun } from "../contract/results.ts"
import type { CsvWriter } from "../io/csv.ts"

export const paymentsHeader = ["replicate", "contract", "period", "week", "metric", "payer", "amount"] as const

/** One row per payment made: the period measured (1-based), the week paid, the stream (metric, block or fees), the payer. */
export const writePaymentRows = (replicate: number, runs: ReadonlyArray<ContractRun>, out: CsvWriter): void => {
  for (const run of runs) {
    for (const p of run.payments.paid) out.row([replicate, run.name, p.period + 1, p.week, p.stream, p.payer, p.amount])
  }
}

export const cashflowsHeader = ["replicate", "contract", "quarter", "party", "flow", "amount"] as const

/** One row per quarter, party and flow; amounts signed from the party's own point of view. */
export const writeCashflowRows = (replicate: number, runs: ReadonlyArray<ContractRun>, out: CsvWriter): void => {
  for (const run of runs) {
    for (const r of run.money.cashflows) out.row([replicate, run.name, r.quarter, r.party, r.flow, r.amount])
  }
}
