/**
 * The hot path of the weekly loop: one week on the programme for every engaged person, in list order. A
 * person's week is two count-downs whose rates move every week with their link worker's caseload, wellbeing
 * gains and dropout (each their own factor times an entry of the link worker's table), and, only in a week
 * their calendar names (`calendar.ts`), the events due then, each handled by its process's module: the effect
 * reaching its maximum, a service place ending, a setback ending or starting, a raised risk ending, then the
 * week's gains, then a review, an onward referral, the support limit, reaching goals or settling, and last
 * dropout, at the risk the week's events left. Returns this week's hospital-cost saving.
 */
import { Due, dueKinds, findNextEvent, never } from "./calendar.ts"
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
  const { nextEvent, gainClock, gainRate, disengageClock, hazardRate, slot, state } = a
  const { gainTable, hazardTable } = sim.posts
  // Closed services rarely hold anyone: only then is each person's place looked at.
  const closures = closedServiceOccupied(sim.services)
  const ids = sim.engaged.ids
  const count = sim.engaged.count
  let kept = 0
  for (let j = 0; j < count; j++) {
    const id = ids[j]
    if (closures) leaveClosedService(sim, id, week)
    const eventful = week >= nextEvent[id]
    if (eventful) eventsBeforeGains(sim, id, week)
    const gain = gainClock[id] - gainTable[slot[id] >> 1] * gainRate[id]
    gainClock[id] = gain
    if (gain <= 0) gainPoints(sim, id)
    if (eventful) {
      eventsAfterGains(sim, id, week)
      // Discharged: dropped from the list.
      if (state[id] > State.maintenance) continue
      findNextEvent(a, id)
    }
    const dropout = disengageClock[id] - hazardTable[slot[id]] * hazardRate[id]
    disengageClock[id] = dropout
    if (dropout <= 0) {
      disengage(sim, id, week)
      continue
    }
    ids[kept++] = id
  }
  sim.engaged.count = kept
  return engagedSaving(sim, week)
}

/** The effect at its maximum, a place or setback or raised risk ending, a setback starting. */
const eventsBeforeGains = (sim: Sim, id: number, week: number): void => {
  const due = sim.people.arrays.due
  const k = id * dueKinds
  if (due[k + Due.plateau] === week) {
    due[k + Due.plateau] = never
    reachPlateau(sim, id)
  }
  if (due[k + Due.serviceEnd] === week) {
    due[k + Due.serviceEnd] = never
    endPlace(sim, id, week)
  }
  if (due[k + Due.setbackEnd] === week) {
    due[k + Due.setbackEnd] = never
    endSetback(sim, id, week)
  }
  if (due[k + Due.changeEnd] === week || due[k + Due.noServiceEnd] === week) {
    if (due[k + Due.changeEnd] === week) due[k + Due.changeEnd] = never
    if (due[k + Due.noServiceEnd] === week) due[k + Due.noServiceEnd] = never
    refreshRates(sim, id, week)
  }
  if (due[k + Due.setback] === week) {
    due[k + Due.setback] = never
    startSetback(sim, id, week)
  }
}

/** A review (after the week's gains), an onward referral, discharge at the support limit, goals or settling. */
const eventsAfterGains = (sim: Sim, id: number, week: number): void => {
  const a = sim.people.arrays
  const due = a.due
  const k = id * dueKinds
  if (due[k + Due.review] === week) {
    due[k + Due.review] = never
    review(sim, id, week)
  }
  if (due[k + Due.onward] === week) {
    due[k + Due.onward] = never
    startOnwardReferral(sim, id, week)
  }
  if (due[k + Due.supportLimit] === week) {
    due[k + Due.supportLimit] = never
    if (atSupportLimit(sim, id, week)) return
  }
  if (due[k + Due.phase] === week) {
    due[k + Due.phase] = never
    if (a.state[id] === State.intensive) stepDown(sim, id, week)
    else dischargeSettled(sim, id, week)
  }
}

/** The place ends: the person's gain rate falls back and the onward-referral clock runs again. */
const endPlace = (sim: Sim, id: number, week: number): void => {
  releasePlace(sim, id)
  refreshRates(sim, id, week)
  retimeOnward(sim, id, week)
}

/** The person's service closed: they lose their place. */
const leaveClosedService = (sim: Sim, id: number, week: number): void => {
  const service = sim.people.arrays.serviceId[id]
  if (service >= 0 && sim.services.open[service] === 0) endPlace(sim, id, week)
}
