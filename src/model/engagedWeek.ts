/**
 * The hot path of the weekly loop: one week on the programme for every engaged person, in list order. A
 * person's week is two count-downs whose rates move every week with their link worker's caseload, wellbeing
 * gains and dropout (each their own factor times an entry of the link worker's table), and, only in a week
 * their calendar names (`calendar.ts`), the events due then, each handled by its process's module: the effect
 * reaching its maximum, a service place ending, a setback ending or starting, a raised risk ending, then the
 * week's gains, then a review, an onward referral, the support limit, reaching goals or settling, and last
 * dropout, at the risk the week's events left. What the loop reads every week is kept by place in the list of
 * the engaged (`engagedTable.ts`); the handlers find a person's place through `engagedAt`. Returns this week's
 * hospital-cost saving.
 */
import { Due, dueKinds, never, nextEventOf } from "./calendar.ts"
import { State } from "./constants.ts"
import { atSupportLimit, dischargeSettled } from "./discharge.ts"
import { disengage } from "./disengagement.ts"
import { closeUpEngaged } from "./engagedTable.ts"
import { retimeOnward, startOnwardReferral } from "./onwardReferral.ts"
import { refreshRates } from "./rates.ts"
import {
  residentDropoutClock,
  residentGainClock,
  residentGainRate,
  residentGainTable,
  residentHazardRate,
  residentHazardTable,
  residentIds,
  residentNextEvent,
  residentPeople,
  residentServiceOpen,
  residentSlot
} from "./resident.ts"
import { engagedSaving, reachPlateau } from "./secondaryCare.ts"
import { closedServiceOccupied, releasePlace } from "./services.ts"
import { endSetback, startSetback } from "./setbacks.ts"
import type { Sim } from "./sim.ts"
import { stepDown } from "./transitions.ts"
import { gainPoints, review } from "./wellbeing.ts"

export const engagedWeeks = (sim: Sim, week: number): number => {
  const t = sim.engaged
  // The list's arrays by place (`engagedTable.ts`) and the link workers' tables, as the module constants they are
  // while the run holds the thread's resident tables, as every run being stepped does (`resident.ts`): TurboFan
  // builds in their addresses and lengths. Taken here, outside the loops: read inside a loop, V8 resolved them too
  // late to drop the checks.
  const ids = residentIds, nextEvent = residentNextEvent, slot = residentSlot, gainClock = residentGainClock
  const gainRate = residentGainRate, dropoutClock = residentDropoutClock, hazardRate = residentHazardRate
  const gainTable = residentGainTable, hazardTable = residentHazardTable
  // Closed services rarely hold anyone: only then is each person's place looked at.
  const closures = closedServiceOccupied(sim.services)
  const count = t.count
  for (let j = 0; j < count; j++) {
    // A run of quiet weeks, front to back through the list: no event due, neither clock runs out. Nothing else in it:
    // ~38 instructions a person-week over the constants (a wellbeing gain taken inside it, as it once was, cost the
    // run more in registers than the ~36,000 gains a replicate saved by not stopping). The first person who needs
    // more (or a hole) stops the run with their clocks untouched and takes the whole week below, with the same
    // arithmetic.
    if (!closures) {
      for (; j < count; j++) {
        if (week >= nextEvent[j]) break
        const s = slot[j]
        const gain = gainClock[j] - gainTable[s >> 1] * gainRate[j]
        const dropout = dropoutClock[j] - hazardTable[s] * hazardRate[j]
        if (dropout <= 0 || gain <= 0) break
        gainClock[j] = gain
        dropoutClock[j] = dropout
      }
      if (j === count) break
    }
    const id = ids[j]
    // A hole: someone who left.
    if (id < 0) continue
    if (closures) leaveClosedService(sim, id, week)
    if (week >= nextEvent[j]) {
      eventfulWeek(sim, j, id, week)
      continue
    }
    const gain = gainClock[j] - gainTable[slot[j] >> 1] * gainRate[j]
    gainClock[j] = gain
    if (gain <= 0) gainPoints(sim, id)
    const dropout = dropoutClock[j] - hazardTable[slot[j]] * hazardRate[j]
    dropoutClock[j] = dropout
    if (dropout <= 0) disengage(sim, id, week)
  }
  closeUpEngaged(t)
  return engagedSaving(sim, week)
}

/**
 * The whole week of person `id`, at place `j` in the list, when something is due on their calendar: the effect at its
 * maximum, a place or setback or raised risk ending, a setback starting; then the week's gains; then a review, an
 * onward referral, discharge at the support limit, goals or settling; then dropout, at the risk the week's events
 * left. One call from the pass for all of it (the handlers' calls are the rest).
 */
const eventfulWeek = (sim: Sim, j: number, id: number, week: number): void => {
  const a = residentPeople
  const due = a.due
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
  const gain = residentGainClock[j] - residentGainTable[residentSlot[j] >> 1] * residentGainRate[j]
  residentGainClock[j] = gain
  if (gain <= 0) gainPoints(sim, id)
  if (due[k + Due.review] === week) {
    due[k + Due.review] = never
    review(sim, id, week)
  }
  if (due[k + Due.onward] === week) {
    due[k + Due.onward] = never
    startOnwardReferral(sim, id, week)
  }
  let discharged = false
  if (due[k + Due.supportLimit] === week) {
    due[k + Due.supportLimit] = never
    discharged = atSupportLimit(sim, id, week)
  }
  if (!discharged && due[k + Due.phase] === week) {
    due[k + Due.phase] = never
    if (a.state[id] === State.intensive) stepDown(sim, id, week)
    else dischargeSettled(sim, id, week)
  }
  // Discharged: a hole now.
  if (residentIds[j] < 0) return
  residentNextEvent[j] = nextEventOf(due, id)
  const dropout = residentDropoutClock[j] - residentHazardTable[residentSlot[j]] * residentHazardRate[j]
  residentDropoutClock[j] = dropout
  if (dropout <= 0) disengage(sim, id, week)
}

/** The place ends: the person's gain rate falls back and the onward-referral clock runs again. */
const endPlace = (sim: Sim, id: number, week: number): void => {
  releasePlace(id)
  refreshRates(sim, id, week)
  retimeOnward(sim, id, week)
}

/** The person's service closed: they lose their place. */
const leaveClosedService = (sim: Sim, id: number, week: number): void => {
  const service = residentPeople.serviceId[id]
  if (service >= 0 && residentServiceOpen[service] === 0) endPlace(sim, id, week)
}
