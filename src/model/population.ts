/**
 * A new person's attributes, drawn from the population stream with a fixed number of draws per person, so
 * that the k-th person referred is the same person in every scenario that refers the same way.
 */
import { lognormalMeanOne, normalQuantileFast, pickCumulative, poissonFromUniform } from "./random.ts"
import { starAreas, starMax, starMin } from "./constants.ts"
import type { Sim } from "./sim.ts"

export const drawPerson = (sim: Sim, id: number, practice: number, week: number): void => {
  const a = sim.people.arrays
  const u = sim.streams.population
  const pop = sim.scenario.population
  const params = sim.params
  a.key[id] = Math.floor(u() * 4294967296) >>> 0
  a.practice[id] = practice
  a.cluster[id] = sim.practices.cluster[practice]
  a.firstReferredWeek[id] = week
  a.ageBand[id] = pickCumulative(params.ageCumulative, u())
  a.female[id] = u() < pop.femaleShare ? 1 : 0
  const group = pickCumulative(params.ethnicCumulative, u())
  a.ethnicity[id] = group
  a.languageNeed[id] = u() < params.ethnicLanguageShare[group] ? 1 : 0
  const conditions = Math.min(pop.maxConditions, 1 + poissonFromUniform(pop.extraConditionsMean, u()))
  a.conditions[id] = conditions
  a.mentalHealth[id] = u() < pop.mentalHealthShare + pop.mentalHealthPerExtraCondition * (conditions - 1) ? 1 : 0
  a.isolated[id] = u() < pop.isolatedShare ? 1 : 0
  a.employed[id] = u() < pop.employedShare ? 1 : 0
  a.travels[id] = u() < pop.travelsShare ? 1 : 0
  const sb = pop.starBaseline
  const shift = sb.meanPerArea + (a.mentalHealth[id] ? sb.mentalHealthShift : 0) + (a.isolated[id] ? sb.isolationShift : 0)
  // One person-level and one area-level component, so that a person's areas are correlated.
  const personLevel = normalQuantileFast(u()) * sb.sdPerArea * 0.6
  for (let k = 0; k < starAreas; k++) {
    const score = Math.round(shift + personLevel + normalQuantileFast(u()) * sb.sdPerArea * 0.8)
    a.star[id * starAreas + k] = Math.min(starMax, Math.max(starMin, score))
  }
  const sc = sim.scenario.secondaryCare
  const costPerYear = sc.baselineCostPerYear * Math.pow(sc.perExtraConditionMultiplier, conditions - 1) *
    lognormalMeanOne(sc.costCv, normalQuantileFast(u()))
  a.hospitalBaseWeek[id] = costPerYear / 52
  a.setbackHazard[id] = params.setbackBaseWeek * (1 + sim.scenario.setbacks.perExtraCondition * (conditions - 1))
}
