/**
 * A new person's attributes. The population stream gives each new person a key; every attribute is then a
 * fixed draw from that key, so the k-th person referred is the same person in every scenario that refers
 * the same way, whatever their attributes' distributions.
 */
import { hashUniform, lognormalMeanOne, normalQuantileFast, pickCumulative, poissonFromUniform } from "./random.ts"
import { starAreas, starMax, starMin } from "./constants.ts"
import type { Sim } from "./sim.ts"

/** Process number of attribute draws (outside the per-person processes, which have counters). */
const attributeDraws = 1000

export const drawPerson = (sim: Sim, id: number, practice: number, week: number): void => {
  const a = sim.people.arrays
  const pop = sim.scenario.population
  const params = sim.params
  const key = Math.floor(sim.streams.population() * 4294967296) >>> 0
  a.key[id] = key
  let k = 0
  const u = (): number => hashUniform(key, attributeDraws, k++)
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
  for (let area = 0; area < starAreas; area++) {
    const score = Math.round(shift + personLevel + normalQuantileFast(u()) * sb.sdPerArea * 0.8)
    a.star[id * starAreas + area] = Math.min(starMax, Math.max(starMin, score))
  }
  const sc = sim.scenario.secondaryCare
  const costPerYear = sc.baselineCostPerYear * Math.pow(sc.perExtraConditionMultiplier, conditions - 1) *
    lognormalMeanOne(sc.costCv, normalQuantileFast(u()))
  a.hospitalBaseWeek[id] = costPerYear / 52
  a.setbackHazard[id] = params.setbackBaseWeek * (1 + sim.scenario.setbacks.perExtraCondition * (conditions - 1))
}
