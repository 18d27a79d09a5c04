/**
 * Referral: Poisson referrals from each GP practice's eligible population, with ramp-up, champion and
 * schedule multipliers; new people get their attributes; people who left may be referred again.
 */
import type { Scenario } from "../scenario/schema.ts"
import { Draw, lognormalMeanOne, normalQuantile, poissonFromUniform, type Uniform } from "./random.ts"
import { personExponential, personUniform } from "./personRandom.ts"
import type { Sim } from "./sim.ts"
import { drawPerson } from "./population.ts"
import { enterWaiting } from "./transitions.ts"
import { residentPeople } from "./resident.ts"

export interface Practices {
  readonly count: number
  readonly eligible: Float64Array
  readonly champion: Uint8Array
  readonly cluster: Int32Array
  /** Each practice's referral rate relative to the scenario's (champion's multiplier and its own, together). */
  readonly rateMultiplier: Float64Array
  /** Eligible population weighted by each practice's rate multiplier. */
  readonly weightedEligible: number
}

/**
 * Practice list sizes (gamma-like spread around the mean, scaled to the total) and champions; or, for a scenario
 * that lists its practices, theirs. Either way the setup stream gives the same draws (one for each list size, one
 * for each champion), so what is drawn after the practices (community services) does not depend on the choice.
 */
export const createPractices = (scenario: Scenario, setup: Uniform): Practices => {
  const { count, population, listSizeCv, eligibleShare, championShare, clusters, list } = scenario.practices
  const drawn = Float64Array.from({ length: count }, () => lognormalMeanOne(listSizeCv, normalQuantile(setup())))
  const drawnSum = drawn.reduce((sum, x) => sum + x, 0)
  const eligible = new Float64Array(count)
  const champion = new Uint8Array(count)
  const cluster = new Int32Array(count)
  const rateMultiplier = new Float64Array(count)
  let weightedEligible = 0
  for (let i = 0; i < count; i++) {
    const listed = list?.[i]
    // A listed practice's own list size; drawn ones share out the population.
    eligible[i] = (listed === undefined ? population * drawn[i] / drawnSum : listed.listSize) * eligibleShare
    const drawnChampion = setup() < championShare
    champion[i] = (listed?.champion ?? drawnChampion) ? 1 : 0
    cluster[i] = listed?.area ?? i % clusters
    rateMultiplier[i] = (champion[i] ? scenario.referral.championMultiplier : 1) * (listed?.referralMultiplier ?? 1)
    weightedEligible += eligible[i] * rateMultiplier[i]
  }
  return { count, eligible, champion, cluster, rateMultiplier, weightedEligible }
}

/** This week's referrals: new people from each practice, then re-referrals falling due. */
export const referPeople = (sim: Sim, week: number): void => {
  const { practices, params, streams } = sim
  const scale = params.referralPerEligibleWeek * params.referralMultiplier[week]
  for (let pr = 0; pr < practices.count; pr++) {
    const mean = practices.eligible[pr] * scale * practices.rateMultiplier[pr]
    const n = poissonFromUniform(mean, streams.referral())
    for (let k = 0; k < n; k++) {
      const id = sim.people.add()
      drawPerson(sim, id, pr, week)
      sim.tally.newPeople++
      enterWaiting(sim, id, week)
    }
  }
  let id = sim.reReferralDue[week]
  while (id >= 0) {
    const next = residentPeople.nextInBucket[id]
    sim.tally.reEntries++
    enterWaiting(sim, id, week)
    id = next
  }
}

/** On leaving, a person may be referred again later: schedule it now, on their own random numbers. */
export const scheduleReReferral = (sim: Sim, id: number, week: number): void => {
  const a = residentPeople
  const r = sim.scenario.referral
  if (personUniform(a, id, Draw.reReferral) >= r.reReferralShare) return
  const delay = r.reReferralMeanDelayWeeks * personExponential(a, id, Draw.reReferral)
  const due = week + Math.max(1, r.reReferralMinGapWeeks + Math.round(delay))
  if (due >= sim.params.horizonWeeks) return
  a.nextInBucket[id] = sim.reReferralDue[due]
  sim.reReferralDue[due] = id
}
