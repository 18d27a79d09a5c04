/** Payment periods and what the simulation measured in each: the cohort totals period metrics are paid on. */
import type { Sim } from "../model/sim.ts"

export type PeriodName = "quarterly" | "six-monthly" | "annual"
export const periodWeeks: Record<PeriodName, number> = { quarterly: 13, "six-monthly": 26, annual: 52 }
export const weeksPerYear = 52
export const weeksPerQuarter = 13

export const periodTotalNames = [
  "saving", "comparisonCost", "cost", "referrals", "engaged", "discharged", "disengaged", "reviews", "activeWeeks"
] as const
export type PeriodTotalName = (typeof periodTotalNames)[number]

export interface PeriodTotals {
  readonly count: number
  readonly length: number
  readonly totals: Record<PeriodTotalName, Float64Array>
}

/** Sums of the weekly series over each payment period of `length` weeks (the last may be shorter). */
export const periodTotals = (sim: Sim, length: number): PeriodTotals => {
  const H = sim.weekly.weeks
  const count = Math.ceil(H / length)
  const col = sim.weekly.columns
  const totals = Object.fromEntries(periodTotalNames.map((n) => [n, new Float64Array(count)])) as Record<PeriodTotalName, Float64Array>
  for (let w = 0; w < H; w++) {
    const p = Math.floor(w / length)
    totals.comparisonCost[p] += col.comparisonSecondaryCareCost[w]
    totals.cost[p] += col.secondaryCareCost[w]
    totals.saving[p] += col.comparisonSecondaryCareCost[w] - col.secondaryCareCost[w]
    totals.referrals[p] += col.referred[w]
    totals.engaged[p] += col.engagedNew[w]
    totals.discharged[p] += col.discharged[w]
    totals.disengaged[p] += col.disengaged[w]
    totals.reviews[p] += col.reviews[w]
    totals.activeWeeks[p] += col.active[w]
  }
  return { count, length, totals }
}
