/**
 * Wellbeing: the Well-being Star moves in one-point steps. Gains come at a rate that grows with link-worker
 * time per person and while attending a community service, slower in maintenance and none during a
 * setback; each lands in a random area below the top of the scale. Reviews record the Star every
 * `reviewIntervalWeeks` from the first appointment.
 */
import { Due, schedule } from "./calendar.ts"
import { starAreas, starMax } from "./constants.ts"
import { Draw } from "./random.ts"
import { personExponential, personUniform } from "./personRandom.ts"
import type { HotConstants } from "./params.ts"
import type { PeopleArrays } from "./people.ts"
import type { Sim } from "./sim.ts"
import { areasAbove, areasAboveOf, areasTotal, starTotalOf, starWordsPerPerson } from "./starWords.ts"
import { residentGainClock, residentPeople } from "./resident.ts"

/** Gain-rate multiplier from link-worker time (0 with no link worker). */
export const linkWorkerTimeFactor = (sim: Sim, hoursPerPerson: number): number => {
  if (hoursPerPerson <= 0) return 0
  const wb = sim.scenario.wellbeing
  const ratio = hoursPerPerson / sim.scenario.engagement.referenceHoursPerPersonWeek
  return Math.min(wb.linkWorkerTimeMaxFactor, Math.pow(ratio, wb.linkWorkerTimeElasticity))
}

/**
 * The person's own factor of the weekly gain rate in week `week`: none during a setback, slower in maintenance,
 * faster while attending a community service. The link worker's factor (time per person; none without a link
 * worker) multiplies it each week.
 */
export const personalGainRate = (a: PeopleArrays, hot: HotConstants, id: number, week: number): number =>
  week < a.setbackUntil[id] ? 0 : hot.gainStateMultiplier[a.state[id]] * hot.serviceGainMultiplier[a.serviceId[id] >= 0 ? 1 : 0]

/** One-point gains until the clock is positive again (usually one). */
export const gainPoints = (sim: Sim, id: number): void => {
  const a = residentPeople
  const clock = residentGainClock
  const at = a.engagedAt[id] - 1
  const base = id * starAreas
  while (clock[at] <= 0) {
    clock[at] += personExponential(a, id, Draw.gain)
    let k = Math.floor(personUniform(a, id, Draw.gainArea) * starAreas)
    for (let tries = 0; tries < starAreas && a.star[base + k] >= starMax; tries++) k = (k + 1) % starAreas
    if (a.star[base + k] < starMax) {
      a.star[base + k]++
      sim.starSumActive++
    }
  }
}

/** A person's Star change at their last review: last review minus baseline, total of the 8 areas. */
export const personStarChange = (a: PeopleArrays, id: number): number =>
  starTotalOf(a.starLastReviewWords, id) - starTotalOf(a.starBaselineWords, id)

/**
 * A new episode: the person's last review no longer counts in the Star outcomes to date (`starOutcomes` counts
 * each person's last episode with two or more reviews).
 */
export const forgetLastReview = (sim: Sim, id: number): void => {
  const a = residentPeople
  if (a.reviews[id] < 2) return
  sim.starReviewedToDate--
  sim.starChangeSumToDate -= personStarChange(a, id)
  sim.starImprovedToDate -= areasAboveOf(a.starLastReviewWords, a.starBaselineWords, id) > 0 ? 1 : 0
  sim.starBaselineSumToDate -= starTotalOf(a.starBaselineWords, id)
}

/** A Star review: the current scores are recorded (and logged for contracts that pay on them). */
export const review = (sim: Sim, id: number, week: number): void => {
  const a = residentPeople
  let score = 0
  let previous = 0
  let baseline = 0
  let areasImproved = 0
  let areasImprovedBefore = 0
  // Four areas at a time (`starWords.ts`), with no branch on an area (a coin toss to the branch predictor).
  const { starWords, starLastReviewWords, starBaselineWords } = a
  for (let w = id * starWordsPerPerson; w < (id + 1) * starWordsPerPerson; w++) {
    const now = starWords[w]
    const from = starBaselineWords[w]
    const last = starLastReviewWords[w]
    score += areasTotal(now)
    previous += areasTotal(last)
    baseline += areasTotal(from)
    areasImproved += areasAbove(now, from)
    areasImprovedBefore += areasAbove(last, from)
    starLastReviewWords[w] = now
  }
  // The Star outcomes to date: this review replaces the person's last (or is their first after the baseline).
  const improved = areasImproved > 0 ? 1 : 0
  const improvedBefore = areasImprovedBefore > 0 ? 1 : 0
  if (a.reviews[id] === 1) {
    sim.starReviewedToDate++
    sim.starChangeSumToDate += score - baseline
    sim.starImprovedToDate += improved
    sim.starBaselineSumToDate += baseline
  } else {
    sim.starChangeSumToDate += score - previous
    sim.starImprovedToDate += improved - improvedBefore
  }
  a.reviews[id]++
  a.nextReviewWeek[id] = week + Math.max(1, sim.scenario.wellbeing.reviewIntervalWeeks)
  schedule(id, Due.review, a.nextReviewWeek[id])
  sim.tally.reviews++
  const change = score - baseline
  const log = sim.records?.reviews
  if (log !== undefined) {
    const row = log.addFor(week, id, a.episodes[id])
    const c = log.columns
    c.reviewNumber[row] = a.reviews[id] - 1
    c.weeksEngaged[row] = week - a.engagedWeek[id]
    c.starScore[row] = score
    c.starBaseline[row] = baseline
    c.starChange[row] = change
    c.bestPreviousChange[row] = a.bestStarChange[id]
    c.starChangeSincePrevious[row] = score - previous
    c.areasImproved[row] = areasImproved
  }
  if (change > a.bestStarChange[id]) a.bestStarChange[id] = change
}
