/**
 * The hot path of the weekly loop: one week on the programme for every engaged person. Events whose week is
 * known (`calendar.ts`) are handled kind by kind, each by its process's module (secondary care, community
 * services, setbacks, wellbeing, onward referral, discharge). The two clocks whose rates move every week with
 * the link worker's caseload, wellbeing gains and dropout, are counted down for everyone engaged, each a
 * person's own factor times their link worker's of the week: gains before the reviews that record them,
 * dropout last, at the risk the week's events left. Returns this week's hospital-cost saving.
 */
import { Due } from "./calendar.ts"
import { State } from "./constants.ts"
import { atSupportLimit, dischargeSettled } from "./discharge.ts"
import { disengage } from "./disengagement.ts"
import { retimeOnward, startOnwardReferral } from "./onwardReferral.ts"
import { refreshRates } from "./rates.ts"
import { engagedSaving, reachPlateau } from "./secondaryCare.ts"
import { closedServiceOccupied, releasePlace } from "./services.ts"
import { endSetback, startSetback } from "./setbacks.ts"
import type { Sim } from "./sim.ts"
import { stepDown } from "./transitions.ts"
import { gainPoints, review } from "./wellbeing.ts"

export const engagedWeeks = (sim: Sim, week: number): number => {
  const a = sim.people.arrays
  const cal = sim.calendar
  let id: number
  // Secondary care (secondaryCare.ts): effects that reach their maximum this week, then the week's saving.
  while ((id = cal.take(a, week, Due.plateau)) >= 0) reachPlateau(sim, id)
  const saving = engagedSaving(sim, week)
  // Community services (services.ts): a place ends, or its service closed (rare: then everyone is looked at).
  if (closedServiceOccupied(sim.services)) leaveClosedServices(sim, week)
  while ((id = cal.take(a, week, Due.serviceEnd)) >= 0) endPlace(sim, id, week)
  // The end of a setback, and of the raised dropout risk after a change of link worker or a failed referral.
  while ((id = cal.take(a, week, Due.setbackEnd)) >= 0) endSetback(sim, id, week)
  while ((id = cal.take(a, week, Due.changeEnd)) >= 0) if (isEngaged(a.state[id])) refreshRates(sim, id, week)
  while ((id = cal.take(a, week, Due.noServiceEnd)) >= 0) refreshRates(sim, id, week)
  // Setbacks (setbacks.ts), then the week's wellbeing gains (wellbeing.ts), before the reviews that record them.
  while ((id = cal.take(a, week, Due.setback)) >= 0) startSetback(sim, id, week)
  countDownGains(sim)
  // Reviews and onward referrals (wellbeing.ts, onwardReferral.ts).
  while ((id = cal.take(a, week, Due.review)) >= 0) review(sim, id, week)
  while ((id = cal.take(a, week, Due.onward)) >= 0) startOnwardReferral(sim, id, week)
  // Discharge at the support limit, then reaching goals or settling (discharge.ts).
  while ((id = cal.take(a, week, Due.supportLimit)) >= 0) atSupportLimit(sim, id, week)
  while ((id = cal.take(a, week, Due.phase)) >= 0) {
    if (a.state[id] === State.intensive) stepDown(sim, id, week)
    else dischargeSettled(sim, id, week)
  }
  // Dropout (disengagement.ts), at the risk the week's events left.
  countDownDropout(sim, week)
  return saving
}

const isEngaged = (state: number): boolean => state === State.intensive || state === State.maintenance

/** Wellbeing gains (wellbeing.ts) for everyone engaged: their own rate times their link worker's factor. */
const countDownGains = (sim: Sim): void => {
  const a = sim.people.arrays
  const { gainClock, gainRate, slot } = a
  const gainTable = sim.posts.gainTable
  const ids = sim.engaged.ids
  for (let j = 0; j < sim.engaged.count; j++) {
    const id = ids[j]
    const gain = gainClock[id] - gainTable[slot[id] >> 1] * gainRate[id]
    gainClock[id] = gain
    if (gain <= 0) gainPoints(sim, id)
  }
}

/**
 * Dropout (disengagement.ts) for everyone engaged, backwards, so that someone who drops out (their place taken by
 * the last in the list, already counted) leaves the rest in order.
 */
const countDownDropout = (sim: Sim, week: number): void => {
  const a = sim.people.arrays
  const { disengageClock, hazardRate, slot } = a
  const hazardTable = sim.posts.hazardTable
  const ids = sim.engaged.ids
  for (let j = sim.engaged.count - 1; j >= 0; j--) {
    const id = ids[j]
    const dropout = disengageClock[id] - hazardTable[slot[id]] * hazardRate[id]
    disengageClock[id] = dropout
    if (dropout <= 0) disengage(sim, id, week)
  }
}

/** The place ends: the person's gain rate falls back and the onward-referral clock runs again. */
const endPlace = (sim: Sim, id: number, week: number): void => {
  releasePlace(sim, id)
  refreshRates(sim, id, week)
  retimeOnward(sim, id, week)
}

/** Everyone whose service closed loses their place. */
const leaveClosedServices = (sim: Sim, week: number): void => {
  const a = sim.people.arrays
  const open = sim.services.open
  const ids = sim.engaged.ids
  for (let j = 0; j < sim.engaged.count; j++) {
    const id = ids[j]
    if (a.serviceId[id] >= 0 && open[a.serviceId[id]] === 0) endPlace(sim, id, week)
  }
}
