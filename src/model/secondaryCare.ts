/**
 * Secondary care: each person's hospital cost against a matched comparison counterpart who never joined.
 * Both share the person's baseline cost and its growth; only the service's effect separates them. The
 * effect ramps up linearly while engaged, to a maximum; on leaving, a share of it is kept and fades with a
 * half-life. Everything is in closed form: a person's saving while engaged is added when they leave (or at the
 * horizon), the kept effect's when they leave, and the week's saving comes from running sums over the people
 * engaged (those still ramping up, and those at the maximum). Nobody costs anything per week.
 */
import type { Sim } from "./sim.ts"
import { Due, schedule } from "./calendar.ts"
import { State } from "./constants.ts"
import { residentIds, residentPeople } from "./resident.ts"

/** Powers and partial sums of the weekly growth g, of t·g^t and of g·d (growth times effect decay), weeks 0..H. */
export interface CostCurves {
  readonly growth: Float64Array
  readonly growthSum: Float64Array
  /** Σ_{t<w} t·g^t at entry w. */
  readonly weekGrowthSum: Float64Array
  readonly keptSum: Float64Array
}

export const costCurves = (costGrowthWeek: number, effectDecayWeek: number, horizonWeeks: number): CostCurves => {
  const growth = new Float64Array(horizonWeeks + 1)
  const growthSum = new Float64Array(horizonWeeks + 2)
  const weekGrowthSum = new Float64Array(horizonWeeks + 2)
  const keptSum = new Float64Array(horizonWeeks + 2)
  let g = 1
  let gd = 1
  for (let w = 0; w <= horizonWeeks; w++) {
    growth[w] = g
    growthSum[w + 1] = growthSum[w] + g
    weekGrowthSum[w + 1] = weekGrowthSum[w] + w * g
    keptSum[w + 1] = keptSum[w] + gd
    g *= costGrowthWeek
    gd *= costGrowthWeek * effectDecayWeek
  }
  return { growth, growthSum, weekGrowthSum, keptSum }
}

/**
 * The effect of an engaged person in week t: from `effect` (its level when support began, in week e), one step
 * more each week, up to the maximum: min(max, effect + step·(t − e)). The week it reaches the maximum.
 */
const plateauWeek = (sim: Sim, id: number): number => {
  const a = residentPeople
  const { maxEffectEngaged: max, effectStepWeek: step } = sim.params.hot
  const e = a.effect[id]
  if (e >= max) return a.engagedWeek[id]
  return step > 0 ? a.engagedWeek[id] + Math.ceil((max - e) / step) : 1e9
}

/** The hospital-cost effect of an engaged person in week `week` (counted from the week after support began). */
export const effectInWeek = (sim: Sim, id: number, week: number): number => {
  const a = residentPeople
  const { maxEffectEngaged: max, effectStepWeek: step } = sim.params.hot
  return a.plateaued[id] ? max : Math.min(max, a.effect[id] + step * (week - a.engagedWeek[id]))
}

/** Support began (in week `week`): the effect ramps up from next week, from what was kept from an earlier episode. */
export const startEffect = (sim: Sim, id: number, week: number): void => {
  const a = residentPeople
  const base = a.hospitalBaseWeek[id]
  const p = plateauWeek(sim, id)
  if (p <= week + 1) {
    a.plateaued[id] = 1
    sim.effectPlateauSum += base * sim.params.hot.maxEffectEngaged
  } else {
    a.plateaued[id] = 0
    sim.effectRampSum += base * (a.effect[id] - sim.params.hot.effectStepWeek * a.engagedWeek[id])
    sim.effectRampBase += base
    schedule(id, Due.plateau, p)
  }
}

/** The effect reached its maximum: it moves from the ramp's sums to the plateau's. */
export const reachPlateau = (sim: Sim, id: number): void => {
  const a = residentPeople
  const base = a.hospitalBaseWeek[id]
  sim.effectRampSum -= base * (a.effect[id] - sim.params.hot.effectStepWeek * a.engagedWeek[id])
  sim.effectRampBase -= base
  a.plateaued[id] = 1
  sim.effectPlateauSum += base * sim.params.hot.maxEffectEngaged
}

/**
 * This week's saving from everyone engaged this week, at the end of their week: Σ base·g^t·effect from the running
 * sums over those still engaged, and what those who left this week saved in it.
 */
export const engagedSaving = (sim: Sim, week: number): number => {
  const stayed = sim.params.curves.growth[week] * (sim.effectRampSum + sim.params.hot.effectStepWeek * week * sim.effectRampBase + sim.effectPlateauSum)
  const left = sim.leaverSaving
  sim.leaverSaving = 0
  return stayed + left
}

/**
 * The person's saving while engaged, from the week after support began to week `last`, in closed form:
 * Σ base·g^t·(effect + step·(t − e)) while ramping up, then Σ base·g^t·max.
 */
const engagedSavingOf = (sim: Sim, id: number, last: number): number => {
  const a = residentPeople
  const { maxEffectEngaged: max, effectStepWeek: step } = sim.params.hot
  const { growthSum: G, weekGrowthSum: TG } = sim.params.curves
  const first = a.engagedWeek[id] + 1
  if (last < first) return 0
  const p = Math.max(first, Math.min(last + 1, plateauWeek(sim, id)))
  const intercept = a.effect[id] - step * a.engagedWeek[id]
  const ramp = intercept * (G[p] - G[first]) + step * (TG[p] - TG[first])
  const plateau = max * (G[last + 1] - G[p])
  return a.hospitalBaseWeek[id] * (ramp + plateau)
}

/**
 * Support ends in week `week` (that week counted, in the person's account and in the week's): the person's saving
 * while engaged is added, they leave the running sums, and `effect` becomes the effect they had, for `onExit` to
 * keep a share of.
 */
export const endEffect = (sim: Sim, id: number, week: number): void => {
  const a = residentPeople
  const { maxEffectEngaged: max, effectStepWeek: step } = sim.params.hot
  const base = a.hospitalBaseWeek[id]
  a.saving[id] += engagedSavingOf(sim, id, week)
  if (week > a.engagedWeek[id]) sim.leaverSaving += base * sim.params.curves.growth[week] * effectInWeek(sim, id, week)
  if (a.plateaued[id]) sim.effectPlateauSum -= base * max
  else {
    sim.effectRampSum -= base * (a.effect[id] - step * a.engagedWeek[id])
    sim.effectRampBase -= base
  }
  a.effect[id] = effectInWeek(sim, id, week)
  a.plateaued[id] = 0
}

/** The horizon: people still engaged are credited their saving to the last week. */
export const closeEngagedSavings = (sim: Sim): void => {
  const ids = residentIds
  const last = sim.params.horizonWeeks - 1
  for (let j = 0; j < sim.engaged.count; j++) if (ids[j] >= 0) residentPeople.saving[ids[j]] += engagedSavingOf(sim, ids[j], last)
}

/** First referral: the counterpart's cost from now to the horizon, and the cohort's weekly baseline. */
export const onFirstReferral = (sim: Sim, id: number, week: number): void => {
  const a = residentPeople
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
  const a = residentPeople
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
  const a = residentPeople
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
