/**
 * One week of the model: the world moves (services, workforce, referrals, allocation), then every person on
 * the pathway takes their week (the engaged, then those being contacted), then the week is recorded. Plain code over typed arrays: no allocation per
 * person, no timers, no Effect.
 */
import { Post, State } from "./constants.ts"
import { allocate } from "./allocation.ts"
import { contactWeek } from "./contact.ts"
import { engagedWeeks } from "./engagedWeek.ts"
import { referPeople } from "./referral.ts"
import { closeEngagedSavings, fadeKeptEffects, keptSaving } from "./secondaryCare.ts"
import { updateServices } from "./services.ts"
import { holdResident, type Sim } from "./sim.ts"
import { Tally } from "./tally.ts"
import { measureLinkWorkers, updateWorkforce } from "./workforce.ts"
import {
  residentPeople,
  residentPostCaseload,
  residentPostFte,
  residentPostStatus,
  residentServiceCapacity,
  residentServiceOccupied,
  residentServiceOpen
} from "./resident.ts"

export const step = (sim: Sim, week: number): void => {
  // The engine reads the thread's resident tables: the run it steps must hold them (`resident.ts`).
  holdResident(sim)
  const before = snapshot(sim.tally)
  updateServices(sim, week)
  updateWorkforce(sim, week)
  referPeople(sim, week)
  allocate(sim, week)
  measureLinkWorkers(sim)
  let saving = keptSaving(sim, week)
  saving += engagedWeeks(sim, week)
  const a = residentPeople
  const live = sim.live.ids
  const count = sim.live.count
  let kept = 0
  for (let j = 0; j < count; j++) {
    const id = live[j]
    if (a.state[id] === State.contacting && a.lw[id] >= 0) contactWeek(sim, id, week)
    // Compact in place: people who engaged or left this week drop out, the order stays.
    if (a.state[id] <= State.contacting) live[kept++] = id
  }
  sim.live.count = kept
  fadeKeptEffects(sim)
  record(sim, week, before, saving)
  sim.week = week + 1
  if (sim.week === sim.params.horizonWeeks) closeEngagedSavings(sim)
}

type Counts = Pick<Tally, "newPeople" | "reEntries" | "engaged" | "disengaged" | "onwardReferrals" | "onwardFailures" | "setbacks" | "handovers" | "reviews" | "linkWorkerLeavers" | "hires"> & {
  neverEngaged: number
  discharged: number
}

const snapshot = (t: Tally): Counts => ({
  newPeople: t.newPeople,
  reEntries: t.reEntries,
  engaged: t.engaged,
  disengaged: t.disengaged,
  onwardReferrals: t.onwardReferrals,
  onwardFailures: t.onwardFailures,
  setbacks: t.setbacks,
  handovers: t.handovers,
  reviews: t.reviews,
  linkWorkerLeavers: t.linkWorkerLeavers,
  hires: t.hires,
  neverEngaged: t.neverEngagedDeclined + t.neverEngagedUnreachable,
  discharged: t.dischargedAtLimit + t.dischargedSettled
})

const record = (sim: Sim, week: number, before: Counts, saving: number): void => {
  const col = sim.weekly.columns
  const now = snapshot(sim.tally)
  const counts = sim.stateCounts
  col.newPeople[week] = now.newPeople - before.newPeople
  col.reEntries[week] = now.reEntries - before.reEntries
  col.referred[week] = col.newPeople[week] + col.reEntries[week]
  col.engagedNew[week] = now.engaged - before.engaged
  col.neverEngaged[week] = now.neverEngaged - before.neverEngaged
  col.disengaged[week] = now.disengaged - before.disengaged
  col.discharged[week] = now.discharged - before.discharged
  col.onwardReferrals[week] = now.onwardReferrals - before.onwardReferrals
  col.onwardFailures[week] = now.onwardFailures - before.onwardFailures
  col.setbacks[week] = now.setbacks - before.setbacks
  col.handovers[week] = now.handovers - before.handovers
  col.reviews[week] = now.reviews - before.reviews
  col.linkWorkerLeavers[week] = now.linkWorkerLeavers - before.linkWorkerLeavers
  col.hires[week] = now.hires - before.hires
  col.waiting[week] = counts[State.waiting]
  col.contacting[week] = counts[State.contacting]
  col.intensive[week] = counts[State.intensive]
  col.maintenance[week] = counts[State.maintenance]
  col.active[week] = counts[State.intensive] + counts[State.maintenance]
  col.unassigned[week] = sim.unassigned
  col.exitedNeverEngaged[week] = counts[State.neverEngaged]
  col.exitedDisengaged[week] = counts[State.disengaged]
  col.exitedDischarged[week] = counts[State.discharged]
  // The posts' resident arrays, as constants (`resident.ts`).
  const postStatus = residentPostStatus, postFte = residentPostFte, postCaseload = residentPostCaseload
  const posts = sim.posts.count
  let fte = 0
  let vacancies = 0
  let caseload = 0
  for (let i = 0; i < posts; i++) {
    if (postStatus[i] === Post.filled) {
      fte += postFte[i]
      caseload += postCaseload[i]
    } else if (postStatus[i] === Post.recruiting) vacancies++
  }
  col.linkWorkersFte[week] = fte
  col.vacancies[week] = vacancies
  col.meanCaseload[week] = fte > 0 ? caseload / fte : 0
  // The services' resident arrays, as constants (`resident.ts`).
  const serviceCapacity = residentServiceCapacity, serviceOpen = residentServiceOpen, serviceOccupied = residentServiceOccupied
  const services = sim.services.count
  let capacity = 0
  let open = 0
  let users = 0
  for (let i = 0; i < services; i++) {
    capacity += serviceCapacity[i]
    open += serviceOpen[i]
    users += serviceOccupied[i]
  }
  col.serviceCapacity[week] = capacity
  col.servicesOpen[week] = open
  col.serviceUsers[week] = users
  col.starMeanActive[week] = col.active[week] > 0 ? sim.starSumActive / col.active[week] : 0
  col.starReviewedToDate[week] = sim.starReviewedToDate
  col.starChangeMeanToDate[week] = sim.starReviewedToDate > 0 ? sim.starChangeSumToDate / sim.starReviewedToDate : 0
  const comparison = sim.comparisonBaseSum * sim.params.curves.growth[week]
  col.comparisonSecondaryCareCost[week] = comparison
  col.secondaryCareCost[week] = comparison - saving
}
