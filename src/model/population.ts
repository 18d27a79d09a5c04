/**
 * A new person's attributes. The population stream gives each new person a key; every attribute is then a
 * fixed draw from that key (draw n of process `attributeDraws`), so the k-th person referred is the same
 * person in every scenario that refers the same way, whatever their attributes' distributions.
 */
import { hashStream, normalQuantileFast, normalQuantileTable, pickCumulative, poissonCumulative, type QuantileTable, streamUniform, tableQuantile } from "./random.ts"
import { starAreas, starMax, starMin } from "./constants.ts"
import type { ModelParams } from "./params.ts"
import type { Sim } from "./sim.ts"
import { residentPeople } from "./resident.ts"

/** Process number of attribute draws (outside the per-person processes, which keep counters). */
const attributeDraws = 1000
const areaDraw = 11

/** What drawing a person needs, computed once per scenario. */
export interface PopulationTables {
  readonly femaleShare: number
  /** P(extra conditions ≤ j), j = 0 … maxConditions − 2: a person has 1 + (entries below their uniform). */
  readonly extraConditionsCumulative: Float64Array
  readonly mentalHealthShare: number
  readonly mentalHealthPerExtraCondition: number
  readonly isolatedShare: number
  readonly employedShare: number
  readonly travelsShare: number
  readonly starMean: number
  readonly starMentalHealthShift: number
  readonly starIsolationShift: number
  readonly starPersonSd: number
  readonly starAreaSd: number
  /** Hospital cost per week for 1, 2, … conditions (before the person's own lognormal factor). */
  readonly costPerWeekByConditions: Float64Array
  /** The person's own factor: lognormal with mean 1 and coefficient of variation `costCv`, by its quantile. */
  readonly costFactor: QuantileTable
  readonly setbackHazardByConditions: Float64Array
}

export const populationTables = (params: Omit<ModelParams, "population">): PopulationTables => {
  const { population: pop, secondaryCare: sc, setbacks } = params.scenario
  const sigma2 = Math.log(1 + sc.costCv * sc.costCv)
  const byConditions = (f: (extra: number) => number) => Float64Array.from({ length: pop.maxConditions + 1 }, (_, c) => f(Math.max(0, c - 1)))
  return {
    femaleShare: pop.femaleShare,
    extraConditionsCumulative: poissonCumulative(pop.extraConditionsMean, pop.maxConditions - 1),
    mentalHealthShare: pop.mentalHealthShare,
    mentalHealthPerExtraCondition: pop.mentalHealthPerExtraCondition,
    isolatedShare: pop.isolatedShare,
    employedShare: pop.employedShare,
    travelsShare: pop.travelsShare,
    starMean: pop.starBaseline.meanPerArea,
    starMentalHealthShift: pop.starBaseline.mentalHealthShift,
    starIsolationShift: pop.starBaseline.isolationShift,
    // One person-level and one area-level component, so that a person's areas are correlated.
    starPersonSd: pop.starBaseline.sdPerArea * 0.6,
    starAreaSd: pop.starBaseline.sdPerArea * 0.8,
    costPerWeekByConditions: byConditions((extra) => (sc.baselineCostPerYear * Math.pow(sc.perExtraConditionMultiplier, extra)) / 52),
    costFactor: normalQuantileTable((z) => Math.exp(-sigma2 / 2 + Math.sqrt(sigma2) * z)),
    setbackHazardByConditions: byConditions((extra) => params.setbackBaseWeek * (1 + setbacks.perExtraCondition * extra))
  }
}

/** The person's attribute uniforms: draws 0 … 18 of their attribute stream, filled in one tight loop. */
const attributeCount = areaDraw + starAreas
const attributeUniforms = new Float64Array(attributeCount)

export const drawPerson = (sim: Sim, id: number, practice: number, week: number): void => {
  const a = residentPeople
  const params = sim.params
  const t = params.population
  const key = Math.floor(sim.streams.population() * 4294967296) >>> 0
  a.key[id] = key
  a.practice[id] = practice
  a.cluster[id] = sim.practices.cluster[practice]
  a.firstReferredWeek[id] = week
  const draws = hashStream(key, attributeDraws)
  const u = attributeUniforms
  // Up to a constant count: `u.length` is read again every pass (V8 builds in the bound of the store only).
  for (let n = 0; n < attributeCount; n++) u[n] = streamUniform(draws, n)
  a.ageBand[id] = pickCumulative(params.ageCumulative, u[0])
  a.female[id] = u[1] < t.femaleShare ? 1 : 0
  const group = pickCumulative(params.ethnicCumulative, u[2])
  a.ethnicity[id] = group
  a.languageNeed[id] = u[3] < params.ethnicLanguageShare[group] ? 1 : 0
  // 1 + a Poisson count capped at maxConditions − 1: poissonFromUniform's draw, its sums made once per scenario.
  const extra = t.extraConditionsCumulative
  let conditions = 1
  for (let j = 0; j < extra.length; j++) conditions += u[4] > extra[j] ? 1 : 0
  a.conditions[id] = conditions
  const mentalHealth = u[5] < t.mentalHealthShare + t.mentalHealthPerExtraCondition * (conditions - 1)
  a.mentalHealth[id] = mentalHealth ? 1 : 0
  const isolated = u[6] < t.isolatedShare
  a.isolated[id] = isolated ? 1 : 0
  a.employed[id] = u[7] < t.employedShare ? 1 : 0
  a.travels[id] = u[8] < t.travelsShare ? 1 : 0
  const mean = t.starMean + (mentalHealth ? t.starMentalHealthShift : 0) + (isolated ? t.starIsolationShift : 0) +
    normalQuantileFast(u[9]) * t.starPersonSd
  const star = a.star
  const base = id * starAreas
  // In a local: the rare tail of the normal's table is a call, after which a field of `t` is read and checked again.
  const areaSd = t.starAreaSd
  for (let area = 0; area < starAreas; area++) {
    // Rounded half up as Math.round does for these values, which V8 does not inline in this loop.
    const score = Math.floor(mean + normalQuantileFast(u[areaDraw + area]) * areaSd + 0.5)
    star[base + area] = score < starMin ? starMin : score > starMax ? starMax : score
  }
  a.hospitalBaseWeek[id] = t.costPerWeekByConditions[conditions] * tableQuantile(t.costFactor, u[10])
  a.setbackHazard[id] = t.setbackHazardByConditions[conditions]
}
