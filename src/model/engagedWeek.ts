/**
 * The hot path of the weekly loop: one week on the programme for every engaged person. The processes'
 * rules live in their own modules (setbacks, wellbeing, onward referral, secondary care, discharge,
 * disengagement); this file advances their clocks for everyone at once, with the arrays held in locals,
 * and calls into those modules only when an event happens. Returns this week's hospital-cost saving.
 */
import { State } from "./constants.ts"
import { atSupportLimit, dischargeSettled } from "./discharge.ts"
import { disengage, disengagementHazard } from "./disengagement.ts"
import { startOnwardReferral } from "./onwardReferral.ts"
import { closedServiceOccupied, releasePlace } from "./services.ts"
import { startSetback } from "./setbacks.ts"
import type { Sim } from "./sim.ts"
import { stepDown } from "./transitions.ts"
import { gainPoints, review } from "./wellbeing.ts"

export const engagedWeeks = (sim: Sim, week: number): number => {
  const a = sim.people.arrays
  const {
    state, lw: linkWorker, serviceId, serviceEndWeek, setbackUntil, setbackClock, setbackHazard, gainClock,
    nextReviewWeek, onwardClock, effect, hospitalBaseWeek, saving: personSaving, engagedWeek, supportLimitWeeks,
    phaseClock, disengageClock
  } = a
  const open = sim.services.open
  const posts = sim.posts
  const hot = sim.params.hot
  const gainFactor = posts.gainFactor
  const {
    gainEventsPerWeek, gainStateMultiplier, serviceGainMultiplier, onwardRateByState, phaseRateByState, maxEffectEngaged,
    effectStepWeek, intensiveWeeksMin
  } = hot
  const growth = sim.params.curves.growth[week]
  const live = sim.live.ids
  const count = sim.live.count
  // Closed services rarely hold anyone: only then is each place's service looked at.
  const closures = closedServiceOccupied(sim.services)
  let saving = 0
  for (let j = 0; j < count; j++) {
    const id = live[j]
    const st = state[id]
    if (st !== State.intensive && st !== State.maintenance) continue
    const lw = linkWorker[id]
    const maintenance = st === State.maintenance
    // Community service: the place ends (never, with no place), or the service closed.
    if (week >= serviceEndWeek[id] || (closures && serviceId[id] >= 0 && open[serviceId[id]] === 0)) releasePlace(sim, id)
    // Setbacks (setbacks.ts).
    let inSetback = week < setbackUntil[id]
    if (!inSetback) {
      const clock = setbackClock[id] - setbackHazard[id]
      setbackClock[id] = clock
      if (clock <= 0) {
        startSetback(sim, id, week)
        inSetback = true
      }
    }
    // Wellbeing gains and reviews (wellbeing.ts).
    // Attending a service (1) or not (0), and having a link worker (1) or not, as numbers: the factors below
    // are table entries and products rather than branches the processor cannot predict.
    const inService = (serviceId[id] >>> 31) ^ 1
    const withLinkWorker = (lw >>> 31) ^ 1
    if (!inSetback && lw >= 0) {
      const rate = gainEventsPerWeek * gainFactor[lw] * gainStateMultiplier[st] * serviceGainMultiplier[inService]
      const clock = gainClock[id] - rate
      gainClock[id] = clock
      if (clock <= 0) gainPoints(sim, id)
    }
    if (week >= nextReviewWeek[id]) review(sim, id, week)
    // Onward referral (onwardReferral.ts): the clock runs with a link worker and no service place (taking 0
    // off a clock leaves it as it is, and a clock that is not running is above 0).
    const onwardClockNow = onwardClock[id] - onwardRateByState[st] * ((inService ^ 1) & withLinkWorker)
    onwardClock[id] = onwardClockNow
    if (onwardClockNow <= 0) startOnwardReferral(sim, id, week)
    // Secondary care (secondaryCare.ts): the effect ramps up while engaged; this week's saving is counted.
    const e = Math.min(maxEffectEngaged, effect[id] + effectStepWeek)
    effect[id] = e
    const s = hospitalBaseWeek[id] * growth * e
    personSaving[id] += s
    saving += s
    // Phases and discharge (discharge.ts).
    const weeksEngaged = week - engagedWeek[id]
    if (weeksEngaged >= supportLimitWeeks[id] && atSupportLimit(sim, id, week)) continue
    // Reaching goals (intensive support, after its minimum length) or settling (maintenance, which starts only
    // after that minimum): one clock at the phase's rate.
    if (weeksEngaged >= intensiveWeeksMin) {
      const clock = phaseClock[id] - phaseRateByState[st]
      phaseClock[id] = clock
      if (clock <= 0) {
        if (!maintenance) stepDown(sim, id)
        else {
          dischargeSettled(sim, id, week)
          continue
        }
      }
    }
    // Disengagement (disengagement.ts).
    const h = disengagementHazard(a, posts, hot, id, lw, week, inSetback)
    const clock = disengageClock[id] - h
    disengageClock[id] = clock
    if (clock <= 0) disengage(sim, id, week)
  }
  return saving
}
