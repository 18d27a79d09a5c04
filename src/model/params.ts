/**
 * The scenario compiled for the weekly loop: yearly rates turned into weekly hazards, schedules into
 * per-week arrays, categorical distributions into cumulative weights. Computed once per scenario.
 */
import type { Scenario } from "../scenario/schema.ts"
import { State, stateCount } from "./constants.ts"
import { serviceCategories } from "../scenario/sections/community.ts"
import { compileSchedule } from "./schedule.ts"
import { costCurves, type CostCurves } from "./secondaryCare.ts"
import { populationTables, type PopulationTables } from "./population.ts"


const cumulative = (weights: ReadonlyArray<number>): Float64Array => {
  const out = new Float64Array(weights.length)
  let sum = 0
  weights.forEach((w, i) => {
    sum += w
    out[i] = sum
  })
  if (sum <= 0) out.fill(1)
  return out
}

/** `ModelParams.categories.cumulative`: running sums of need weights, per (isolated, majority) row. */
const categoryCumulative = (categories: Scenario["communityServices"]["categories"]): Float64Array => {
  const K = serviceCategories.length
  const out = new Float64Array(4 * K)
  for (let row = 0; row < 4; row++) {
    const isolated = row >= 2
    const majority = row % 2 === 1
    let total = 0
    serviceCategories.forEach((name, k) => {
      const c = categories[name]
      const w = name === "culturallySpecific" && majority ? 0 : c.needWeight * (isolated ? c.isolatedNeedMultiplier : 1)
      total += w
      out[row * K + k] = total
    })
  }
  return out
}

/** A yearly event rate as a weekly hazard. */
const weekly = (perYear: number): number => perYear / 52

/** `ModelParams.serviceFunding`: the overall funding schedule times each category's own, where it has one. */
const categoryFunding = (services: Scenario["communityServices"], startDate: string, H: number): Float64Array => {
  const overall = compileSchedule(services.funding, startDate, H)
  const out = new Float64Array(serviceCategories.length * H)
  serviceCategories.forEach((k, i) => {
    const own = services.categories[k].funding
    const mine = own === undefined ? undefined : compileSchedule(own, startDate, H)
    for (let w = 0; w < H; w++) out[i * H + w] = mine === undefined ? overall[w] : overall[w] * mine[w]
  })
  return out
}

/** A table by pathway state: the given entries, `otherwise` elsewhere. */
const byState = (entries: Partial<Record<number, number>>, otherwise: number): Float64Array =>
  Float64Array.from({ length: stateCount }, (_, st) => entries[st] ?? otherwise)

/** Numbers the weekly loop and its events read, flattened out of the scenario for speed. */
export interface HotConstants {
  readonly intensiveWeeksMin: number
  readonly gainEventsPerWeek: number
  readonly effectStepWeek: number
  readonly maxEffectEngaged: number
  readonly disengageBaseWeek: number
  readonly changeEffectWeeks: number
  readonly changeManagedMultiplier: number
  readonly changeUnmanagedMultiplier: number
  readonly noSuitableServiceMultiplier: number
  readonly setbackMultiplier: number
  /**
   * Factors that depend on the pathway state, as tables indexed by state (1 where the state has none).
   */
  readonly disengageStateMultiplier: Float64Array
  readonly gainStateMultiplier: Float64Array
  readonly onwardRateByState: Float64Array
  /** The phase clock's rate: reaching goals in intensive support, settling in maintenance. */
  readonly phaseRateByState: Float64Array
  /** The gain-rate factor of attending a community service, by 0 (not attending) or 1. */
  readonly serviceGainMultiplier: Float64Array
  /** The chance of attending the first appointment after waiting w weeks (index w, 0 … horizon): halving every `waitHalfLifeWeeks`. */
  readonly attendByWait: Float64Array
}

export interface ModelParams {
  readonly hot: HotConstants
  readonly population: PopulationTables
  readonly scenario: Scenario
  readonly horizonWeeks: number
  /** Referral-rate multiplier per week: ramp-up times schedule. */
  readonly referralMultiplier: Float64Array
  readonly referralPerEligibleWeek: number
  readonly postsMultiplier: Float64Array
  /** Community-service funding and availability per week. */
  /**
   * Funding of each category of community service relative to the start, week by week: the overall schedule times
   * the category's own (`serviceCategories` order; category k's week w at k * horizonWeeks + w).
   */
  readonly serviceFunding: Float64Array
  readonly serviceAvailability: Float64Array
  readonly ageCumulative: Float64Array
  readonly ethnicCumulative: Float64Array
  readonly ethnicLanguageShare: Float64Array
  readonly ethnicMajority: Uint8Array
  readonly turnoverHazardWeek: number
  readonly setbackBaseWeek: number
  /** Per-week discount of a kept hospital-cost effect after leaving. */
  readonly effectDecayWeek: number
  /** Cost-weighted relative effect over the three components, and each component's normalised share. */
  readonly componentShares: Float64Array
  readonly componentEffects: Float64Array
  readonly meanRelativeEffect: number
  /** Per service category (in `serviceCategories` order). */
  readonly categories: {
    readonly useWeeksMean: Float64Array
    /**
     * Cumulative referral weights over the categories, one row of K for each of: not isolated and of a
     * minority group, not isolated and of the majority, isolated and minority, isolated and majority (row
     * 2 × isolated + majority). The majority is never referred to culturally specific services.
     */
    readonly cumulative: Float64Array
  }
  readonly curves: CostCurves
  /** Whether any contract measures per-person events (reviews, first appointments, exits). */
  readonly recordEvents: boolean
}

/**
 * Plain data (a decoded scenario) copied through its JSON text, whose parser builds objects V8 keeps in fast mode.
 * Effect's Schema decodes an object by adding its fields one by one under computed keys, and V8 may then keep it as
 * a dictionary (V8 allows only a few properties added that way before it does; a scenario has 21 at the top): every
 * read of it in the engine then goes through V8's generic property lookup. So it did in worker threads, whose
 * replicates ran 5–9% slower than the main thread's (docs/architecture.md, *A 1,000-replicate run on two lanes*). A
 * scenario is JSON by construction (worker threads are sent it as JSON text), so the copy is the same data.
 */
export const fastPlainData = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T

export const compileParams = (decoded: Scenario): ModelParams => {
  const scenario = fastPlainData(decoded)
  const H = scenario.horizonWeeks
  const { referral, population, linkWorkers, secondaryCare, communityServices } = scenario
  const schedule = compileSchedule(referral.schedule, scenario.startDate, H)
  const referralMultiplier = new Float64Array(H)
  for (let w = 0; w < H; w++) {
    const ramp = referral.rampUpWeeks > 0 && w < referral.rampUpWeeks
      ? referral.rampUpStartShare + ((1 - referral.rampUpStartShare) * w) / referral.rampUpWeeks
      : 1
    referralMultiplier[w] = ramp * schedule[w]
  }
  const components = [secondaryCare.components.admissions, secondaryCare.components.emergency, secondaryCare.components.outpatients]
  const shareTotal = components.reduce((s, c) => s + c.costShare, 0) || 1
  const componentShares = Float64Array.from(components, (c) => c.costShare / shareTotal)
  const componentEffects = Float64Array.from(components, (c) => c.relativeEffect)
  const meanRelativeEffect = componentShares.reduce((s, share, k) => s + share * componentEffects[k], 0)
  const { engagement, wellbeing, onwardReferral, disengagement, discharge } = scenario
  const hot: HotConstants = {
    intensiveWeeksMin: engagement.intensiveWeeksMin,
    gainEventsPerWeek: wellbeing.gainEventsPerWeek,
    effectStepWeek: secondaryCare.effectRampWeeks > 0 ? secondaryCare.maxEffectEngaged / secondaryCare.effectRampWeeks : secondaryCare.maxEffectEngaged,
    maxEffectEngaged: secondaryCare.maxEffectEngaged,
    disengageBaseWeek: weekly(disengagement.baseRatePerYear),
    changeEffectWeeks: disengagement.changeEffectWeeks,
    changeManagedMultiplier: disengagement.changeManagedMultiplier,
    changeUnmanagedMultiplier: disengagement.changeUnmanagedMultiplier,
    noSuitableServiceMultiplier: disengagement.noSuitableServiceMultiplier,
    setbackMultiplier: disengagement.setbackMultiplier,
    disengageStateMultiplier: byState({ [State.maintenance]: disengagement.maintenanceMultiplier }, 1),
    gainStateMultiplier: byState({ [State.maintenance]: wellbeing.maintenanceGainMultiplier }, 1),
    onwardRateByState: byState({
      [State.intensive]: onwardReferral.ratePerWeek,
      [State.maintenance]: onwardReferral.ratePerWeek * onwardReferral.maintenanceMultiplier
    }, 0),
    phaseRateByState: byState({ [State.intensive]: 1 / engagement.intensiveWeeksMean, [State.maintenance]: 1 / discharge.settledWeeksMean }, 0),
    serviceGainMultiplier: Float64Array.of(1, wellbeing.onwardReferralGainMultiplier),
    attendByWait: Float64Array.from({ length: H + 1 }, (_, waited) => scenario.contact.attendFirstAppointment * Math.pow(0.5, waited / scenario.contact.waitHalfLifeWeeks))
  }
  const effectDecayWeek = Math.pow(0.5, 1 / secondaryCare.effectHalfLifeWeeks)
  const compiled: Omit<ModelParams, "population"> = {
    hot,
    scenario,
    horizonWeeks: H,
    referralMultiplier,
    referralPerEligibleWeek: weekly(referral.ratePerEligiblePerYear),
    postsMultiplier: compileSchedule(linkWorkers.postsSchedule, scenario.startDate, H),
    serviceFunding: categoryFunding(communityServices, scenario.startDate, H),
    serviceAvailability: compileSchedule(communityServices.availability, scenario.startDate, H),
    ageCumulative: cumulative(Object.values(population.ageBands)),
    ethnicCumulative: cumulative(population.ethnicGroups.map((g) => g.weight)),
    ethnicLanguageShare: Float64Array.from(population.ethnicGroups, (g) => g.languageSupportShare),
    ethnicMajority: Uint8Array.from(population.ethnicGroups, (g) => (g.majority ? 1 : 0)),
    turnoverHazardWeek: weekly(-Math.log(1 - Math.min(linkWorkers.turnoverPerYear, 0.999999))),
    setbackBaseWeek: weekly(scenario.setbacks.ratePerYear),
    effectDecayWeek,
    componentShares,
    componentEffects,
    meanRelativeEffect,
    categories: {
      useWeeksMean: Float64Array.from(serviceCategories, (k) => communityServices.categories[k].useWeeksMean),
      cumulative: categoryCumulative(communityServices.categories)
    },
    recordEvents: scenario.contracts.some((c) => c.metrics.some((m) => m.basis !== "period")),
    curves: costCurves(Math.pow(1 + secondaryCare.costGrowthPerYear, 1 / 52), effectDecayWeek, H)
  }
  return { ...compiled, population: populationTables(compiled) }
}
