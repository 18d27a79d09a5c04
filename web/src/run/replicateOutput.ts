/**
 * What a worker sends back for one replicate: the same metrics and notes the CLI summarises, and the series
 * the charts band (laid out by `seriesLayout`), as flat typed arrays that move between threads without copying.
 * Everything here is derived from `runReplicate`'s result; the engine and contracts are not re-implemented.
 */
import { blockStream, feesStream } from "../../../src/contract/evaluate.ts"
import type { ContractRun } from "../../../src/contract/results.ts"
import { weeksPerQuarter } from "../../../src/contract/periods.ts"
import type { Sim } from "../../../src/model/sim.ts"
import type { ReplicateResult } from "../../../src/ensemble/replicate.ts"
import { personStarChange } from "../../../src/model/wellbeing.ts"
import type { Metrics } from "../../../src/results/metrics.ts"
import { cashParties, type SeriesLayout, starChangeBins, starChangeMin } from "./layout.ts"

export interface ReplicateOutput {
  readonly replicate: number
  readonly metrics: Metrics
  readonly notes: Record<string, string>
  /** `layout.weekly.length × layout.weeks` values. */
  readonly weekly: Float64Array
  /** `layout.quarterly.length × layout.quarters` values. */
  readonly quarterly: Float64Array
  /** Share of the people reviewed twice or more in each bin of Star change (`starChangeBins` values). */
  readonly starChange: Float64Array
}

const weeklyValues = (sim: Sim, layout: SeriesLayout): Float64Array => {
  const out = new Float64Array(layout.weekly.length * layout.weeks)
  layout.weekly.forEach((name, s) => {
    out.set(sim.weekly.columns[name as keyof typeof sim.weekly.columns].subarray(0, layout.weeks), s * layout.weeks)
  })
  return out
}

/** Adds `amount` at `quarter` (clamped to the layout) to series `s`, then later turned into running totals. */
const quarterAdder = (out: Float64Array, layout: SeriesLayout) => {
  const index = new Map(layout.quarterly.map((name, s) => [name, s]))
  return (series: string, quarter: number, amount: number): void => {
    const s = index.get(series)
    if (s === undefined) return
    out[s * layout.quarters + Math.min(quarter, layout.quarters - 1)] += amount
  }
}

const quarterlyValues = (contracts: ReadonlyArray<ContractRun>, layout: SeriesLayout): Float64Array => {
  const out = new Float64Array(layout.quarterly.length * layout.quarters)
  const add = quarterAdder(out, layout)
  contracts.forEach((run, i) => {
    const names = layout.contracts[i]
    for (const p of run.payments.paid) {
      const quarter = Math.floor(p.week / weeksPerQuarter)
      const payer = names.paidByPayer.find((x) => x.payer === p.payer)
      if (payer !== undefined) add(payer.series, quarter, p.amount)
      add(names.totalPaid, quarter, p.amount)
      if (p.stream !== blockStream && p.stream !== feesStream) add(names.outcomePaid, quarter, p.amount)
    }
    for (const row of run.money.cashflows) {
      const party = cashParties.find((x) => x === row.party)
      if (party !== undefined) add(names.cash[party], row.quarter, row.amount)
    }
  })
  for (let s = 0; s < layout.quarterly.length; s++) {
    for (let q = 1; q < layout.quarters; q++) out[s * layout.quarters + q] += out[s * layout.quarters + q - 1]
  }
  return out
}

/** Star change per person as `starOutcomes` (src/results/metrics.ts) defines it, as shares by bin. */
const starChangeShares = (sim: Sim): Float64Array => {
  const a = sim.people.arrays
  const out = new Float64Array(starChangeBins)
  let reviewed = 0
  for (let id = 0; id < sim.people.count; id++) {
    if (a.reviews[id] < 2) continue
    reviewed++
    const d = personStarChange(a, id)
    out[Math.min(starChangeBins - 1, Math.max(0, d - starChangeMin))]++
  }
  if (reviewed > 0) for (let b = 0; b < starChangeBins; b++) out[b] /= reviewed
  return out
}

export const replicateOutput = (result: ReplicateResult, layout: SeriesLayout): ReplicateOutput => ({
  replicate: result.replicate,
  metrics: result.metrics,
  notes: result.notes,
  weekly: weeklyValues(result.sim, layout),
  quarterly: quarterlyValues(result.contracts, layout),
  starChange: starChangeShares(result.sim)
})

/** The buffers to transfer (not copy) with a `postMessage` of the output. */
export const transferables = (output: ReplicateOutput): Array<ArrayBuffer> =>
  [output.weekly.buffer, output.quarterly.buffer, output.starChange.buffer] as Array<ArrayBuffer>
