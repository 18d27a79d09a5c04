/**
 * Secondary care: each person's hospital cost against a matched comparison counterpart who never joined.
 * Both share the person's baseline cost and its growth; only the service's effect separates them. The
 * effect ramps up while engaged; on leaving, a share of it is kept and fades with a half-life. Costs after
 * leaving are added in closed form, so people who left cost nothing per week.
 */
import type { Sim } from "./sim.ts"
import { State } from "./constants.ts"

/** Powers and partial sums of the weekly growth g and of g·d (growth times effect decay), weeks 0..H. */
export interface CostCurves {
  readonly growth: Float64Array
  readonly growthSum: Float64Array
  readonly keptSum: Float64Array
}

export const costCurves = (costGrowthWeek: number, effectDecayWeek: number, horizonWeeks: number): CostCurves => {
  const growth = new Float64Array(horizonWeeks + 1)
  const growthSum = new Float64Array(horizonWeeks + 2)
  const keptSum = new Float64Array(horizonWeeks + 2)
  let g = 1
  let gd = 1
  for (let w = 0; w <= horizonWeeks; w++) {
    growth[w] = g
    growthSum[w + 1] = growthSum[w] + g
    keptSum[w + 1] = keptSum[w] + gd
    g *= costGrowthWeek
    gd *= costGrowthWeek * effectDecayWeek
  }
  return { growth, growthSum, keptSum }
}

/** First referral: the counterpart's cost from now to the horizon, and the cohort's weekly baseline. */
export const onFirstReferral = (sim: Sim, id: number, week: number): void => {
  const a = sim.people.arrays
  const { growthSum } = sim.params.curves
  const H = sim.params.horizonWeeks
  a.comparisonCost[id] = a.hospitalBaseWeek[id] * (growthSum[H] - growthSum[week])
  sim.comparisonBaseSum += a.hospitalBaseWeek[id]
}

/**
 * Re-referral: the effect still kept from the last episode stops fading on its own and is carried into the
 * new episode as its starting level (so effects never stack beyond the maximum). It counts again once the
 * person re-engages.
 */
export const onReReferral = (sim: Sim, id: number, week: number): void => {
  const a = sim.people.arrays
  const kept = a.effectAtExit[id]
  if (kept <= 0 || a.exitWeek[id] < 0) return
  const H = sim.params.horizonWeeks
  const keptNow = kept * Math.pow(sim.params.effectDecayWeek, week - a.exitWeek[id])
  const base = a.hospitalBaseWeek[id]
  // Take back what onExit counted from this week to the horizon, from the person and from the cohort's sum.
  a.saving[id] -= base * keptNow * sim.params.curves.growth[week] * sim.params.curves.keptSum[H - week]
  sim.keptEffectSum = Math.max(0, sim.keptEffectSum - base * keptNow)
  a.effectAtExit[id] = 0
  a.effect[id] = keptNow
}

/** Leaving: keep a share of the effect, fading from next week to the horizon. */
export const onExit = (sim: Sim, id: number, week: number, reason: number): void => {
  const a = sim.people.arrays
  const sc = sim.scenario.secondaryCare
  const H = sim.params.horizonWeeks
  const retained = reason === State.discharged ? sc.retainedAfterDischarge : reason === State.disengaged ? sc.retainedAfterDisengagement : 0
  const kept = a.effect[id] * retained
  a.effectAtExit[id] = kept
  a.effect[id] = 0
  if (kept <= 0 || week + 1 >= H) return
  const base = a.hospitalBaseWeek[id]
  // Σ_{t=week+1}^{H-1} g^t · kept · d^(t-week) = kept · g^week · Σ_{j=1}^{H-1-week} (g·d)^j
  a.saving[id] += base * kept * sim.params.curves.growth[week] * (sim.params.curves.keptSum[H - week] - 1)
  sim.keptEffectNew += base * kept
}

/** This week's saving from effects kept by people who left in earlier weeks. */
export const keptSaving = (sim: Sim, week: number): number => sim.keptEffectSum * sim.params.curves.growth[week]

/** End of a week: kept effects fade by one week, and this week's leavers join them. */
export const fadeKeptEffects = (sim: Sim): void => {
  sim.keptEffectSum = (sim.keptEffectSum + sim.keptEffectNew) * sim.params.effectDecayWeek
  sim.keptEffectNew = 0
}
