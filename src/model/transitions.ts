/**
 * State changes with all their bookkeeping in one place: state counts, the live list, queues, link-worker
 * caseloads, community-service places and the secondary-care accounts. Processes decide *when*; these
 * functions do *what*.
 */
import { cancel, clearDue, Due, nextEventOf, runOutWeek, schedule } from "./calendar.ts"
import { joinEngaged, leaveEngaged } from "./engagedTable.ts"
import { Draw } from "./random.ts"
import { personExponential } from "./personRandom.ts"
import { State } from "./constants.ts"
import { retimeOnward } from "./onwardReferral.ts"
import { refreshRates } from "./rates.ts"
import type { Sim } from "./sim.ts"
import { endEffect, onExit, onFirstReferral, onReReferral, startEffect } from "./secondaryCare.ts"
import { scheduleReReferral } from "./referral.ts"
import { noPlaceEndWeek, releasePlace } from "./services.ts"
import { timeNextSetback } from "./setbacks.ts"
import { starTotalOf, starWordsPerPerson } from "./starWords.ts"
import { forgetLastReview, personStarChange } from "./wellbeing.ts"
import { workloadOf } from "./workforce.ts"
import {
  residentDropoutClock,
  residentGainClock,
  residentNextEvent,
  residentPeople,
  residentPostCaseload,
  residentPostHead,
  residentPostWorkload
} from "./resident.ts"

const engaged = (state: number): boolean => state === State.intensive || state === State.maintenance

/** Change state, keeping the state counts and the link worker's workload right. */
const moveState = (sim: Sim, id: number, to: number): void => {
  const a = residentPeople
  const from = a.state[id]
  sim.stateCounts[from]--
  sim.stateCounts[to]++
  a.state[id] = to
  const lw = a.lw[id]
  if (lw >= 0) residentPostWorkload[lw] += workloadOf(sim, to) - workloadOf(sim, from)
}

/** Change state without touching workloads (the caller has accounted for them). */
const setState = (sim: Sim, id: number, to: number): void => {
  const a = residentPeople
  sim.stateCounts[a.state[id]]--
  sim.stateCounts[to]++
  a.state[id] = to
}

/** Referred (first time or again): join the area's waiting list. */
export const enterWaiting = (sim: Sim, id: number, week: number): void => {
  const a = residentPeople
  if (a.episodes[id] === 0) {
    a.state[id] = State.waiting
    sim.stateCounts[State.waiting]++
    onFirstReferral(sim, id, week)
  } else {
    moveState(sim, id, State.waiting)
    onReReferral(sim, id, week)
  }
  if (a.episodes[id] > 0) forgetLastReview(sim, id)
  a.episodes[id]++
  a.referredWeek[id] = week
  a.allocatedWeek[id] = -1
  a.engagedWeek[id] = -1
  a.exitWeek[id] = -1
  a.lw[id] = -1
  a.lwChangeWeek[id] = -1
  a.contactAttempts[id] = 0
  a.serviceId[id] = -1
  a.serviceEndWeek[id] = noPlaceEndWeek
  a.setbackUntil[id] = -1
  a.noServiceUntil[id] = -1
  a.reviews[id] = 0
  a.extended[id] = 0
  sim.live.add(id)
  sim.waiting.push(a.nextInQueue, a.cluster[id], id)
}

/** Give a person a link worker: first allocation from the waiting list, or a handover. */
export const assign = (sim: Sim, id: number, lw: number, week: number): void => {
  const a = residentPeople
  // The posts' arrays as the resident constants they are for the run being stepped (`resident.ts`).
  const head = residentPostHead
  a.lw[id] = lw
  a.prevInLw[id] = -1
  a.nextInLw[id] = head[lw]
  if (head[lw] >= 0) a.prevInLw[head[lw]] = id
  head[lw] = id
  residentPostCaseload[lw]++
  residentPostWorkload[lw] += workloadOf(sim, a.state[id] === State.waiting ? State.contacting : a.state[id])
  if (a.state[id] === State.waiting) {
    setState(sim, id, State.contacting)
    a.allocatedWeek[id] = week
    sim.tally.allocated++
    sim.tally.waitWeeksSum += week - a.referredWeek[id]
  } else {
    sim.unassigned--
    a.lwChangeWeek[id] = week
    a.lwChangeManaged[id] = a.handoverManaged[id]
    a.linkWorkerChanges[id]++
    sim.tally.handovers++
    if (a.handoverManaged[id]) sim.tally.handoversManaged++
    // The raised dropout risk after the change ends (it matters once engaged, if it has not ended by then).
    schedule(id, Due.changeEnd, week + sim.params.hot.changeEffectWeeks)
    if (engaged(a.state[id])) {
      refreshRates(sim, id, week)
      retimeOnward(sim, id, week)
    }
  }
}

/** Take a person off their link worker's caseload (the worker left, or the person did). */
export const unassign = (sim: Sim, id: number): void => {
  const a = residentPeople
  const lw = a.lw[id]
  if (lw < 0) return
  const prev = a.prevInLw[id]
  const next = a.nextInLw[id]
  if (prev >= 0) a.nextInLw[prev] = next
  else residentPostHead[lw] = next
  if (next >= 0) a.prevInLw[next] = prev
  residentPostCaseload[lw]--
  residentPostWorkload[lw] -= workloadOf(sim, a.state[id])
  a.lw[id] = -1
}

/** Their link worker left in week `week`: wait, ahead of new referrals, for another. */
export const awaitHandover = (sim: Sim, id: number, managed: boolean, week: number): void => {
  const a = residentPeople
  unassign(sim, id)
  a.handoverManaged[id] = managed ? 1 : 0
  sim.unassigned++
  if (engaged(a.state[id])) {
    refreshRates(sim, id, week)
    retimeOnward(sim, id, week)
  }
  // Already queued (an entry left from an earlier handover is still waiting to be popped): one entry is enough.
  if (a.inHandover[id]) return
  a.inHandover[id] = 1
  sim.handover.push(a.nextInHandover, a.cluster[id], id)
}

/**
 * First appointment attended in week `week`: intensive support starts and the baseline Star is recorded. From
 * next week the person's clocks run: the calendar gets their first review, support limit, goals, setback and
 * onward referral, and the weekly loop counts down their gains and dropout.
 */
export const engage = (sim: Sim, id: number, week: number): void => {
  const a = residentPeople
  const hot = sim.params.hot
  moveState(sim, id, State.intensive)
  const at = joinEngaged(sim.engaged, a, id)
  a.engagedWeek[id] = week
  a.everEngaged[id] = 1
  a.supportLimitWeeks[id] = sim.scenario.discharge.maxSupportWeeks
  residentDropoutClock[at] = personExponential(a, id, Draw.disengage)
  a.setbackClock[id] = personExponential(a, id, Draw.setback)
  residentGainClock[at] = personExponential(a, id, Draw.gain)
  a.phaseClock[id] = personExponential(a, id, Draw.goal)
  a.onwardClock[id] = personExponential(a, id, Draw.onward)
  for (let w = id * starWordsPerPerson; w < (id + 1) * starWordsPerPerson; w++) {
    a.starBaselineWords[w] = a.starWords[w]
    a.starLastReviewWords[w] = a.starWords[w]
  }
  a.reviews[id] = 1
  a.bestStarChange[id] = 0
  const baseline = starTotalOf(a.starWords, id)
  sim.starSumActive += baseline
  const log = sim.records?.engagements
  if (log !== undefined) {
    const row = log.addFor(week, id, a.episodes[id])
    const c = log.columns
    c.waitWeeks[row] = week - a.referredWeek[id]
    c.starBaseline[row] = baseline
  }
  sim.tally.engaged++
  const next = week + 1
  a.nextReviewWeek[id] = week + Math.max(1, sim.scenario.wellbeing.reviewIntervalWeeks)
  schedule(id, Due.review, a.nextReviewWeek[id])
  schedule(id, Due.supportLimit, week + Math.max(1, a.supportLimitWeeks[id]))
  // Goals can be reached once intensive support has lasted its minimum.
  schedule(id, Due.phase, runOutWeek(week + Math.max(1, hot.intensiveWeeksMin), a.phaseClock[id], hot.phaseRateByState[State.intensive]))
  timeNextSetback(id, next)
  a.onwardFrom[id] = next
  a.onwardRate[id] = 0
  retimeOnward(sim, id, next)
  // A change of link worker while being contacted: its raised risk may have ended already.
  if (a.lwChangeWeek[id] < 0 || a.lwChangeWeek[id] + hot.changeEffectWeeks <= next) cancel(a, id, Due.changeEnd)
  refreshRates(sim, id, next)
  startEffect(sim, id, week)
  residentNextEvent[at] = nextEventOf(a.due, id)
}

/**
 * Goals reached in week `week`: support steps down to maintenance. The settling clock and the onward-referral
 * clock at its maintenance rate run from next week; this week's dropout risk is already maintenance's.
 */
export const stepDown = (sim: Sim, id: number, week: number): void => {
  const a = residentPeople
  moveState(sim, id, State.maintenance)
  a.phaseClock[id] = personExponential(a, id, Draw.settle)
  schedule(id, Due.phase, runOutWeek(week + 1, a.phaseClock[id], sim.params.hot.phaseRateByState[State.maintenance]))
  sim.tally.maintenanceEntries++
  refreshRates(sim, id, week)
  retimeOnward(sim, id, week + 1)
}

/**
 * Leave the pathway (until a possible re-referral): never engaged, disengaged or discharged. Nothing stays due for
 * them; the weekly loop or the contact pass drops them from its list.
 */
export const leave = (sim: Sim, id: number, week: number, reason: number): void => {
  const a = residentPeople
  if (a.lw[id] >= 0) unassign(sim, id)
  else if (a.state[id] !== State.waiting) sim.unassigned--
  if (a.serviceId[id] >= 0) releasePlace(id)
  if (a.engagedWeek[id] >= 0) {
    sim.tally.episodesCompleted++
    sim.tally.episodeWeeksSum += week - a.engagedWeek[id]
    recordExit(sim, id, week, reason)
  }
  if (engaged(a.state[id])) {
    sim.starSumActive -= starTotalOf(a.starWords, id)
    endEffect(sim, id, week)
    leaveEngaged(sim.engaged, a, id)
  }
  clearDue(a, id)
  onExit(sim, id, week, reason)
  moveState(sim, id, reason)
  a.exitWeek[id] = week
  scheduleReReferral(sim, id, week)
}


/** An engaged episode ends: logged for contracts that pay on exits. */
const recordExit = (sim: Sim, id: number, week: number, reason: number): void => {
  const log = sim.records?.exits
  if (log === undefined) return
  const a = residentPeople
  const row = log.addFor(week, id, a.episodes[id])
  const c = log.columns
  c.discharged[row] = reason === State.discharged ? 1 : 0
  c.disengaged[row] = reason === State.disengaged ? 1 : 0
  c.weeksEngaged[row] = week - a.engagedWeek[id]
  c.reviews[row] = a.reviews[id] - 1
  c.starChange[row] = personStarChange(a, id)
}
