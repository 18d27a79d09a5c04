/**
 * Onward referral: the link worker refers a person to a community service of a category they need. It
 * succeeds only where an open service of that category suits the person (sex, age, times, language,
 * culture) and has a free place, in their own area or, for people who travel, a neighbouring one.
 * Failures are recorded with their reason and raise the person's risk of dropping out for a while.
 */
import { serviceCategories } from "../scenario/sections/community.ts"
import { Due, runOutWeek, schedule } from "./calendar.ts"
import { OnwardFailure, olderAgeBand, State } from "./constants.ts"
import { Draw } from "./random.ts"
import { personExponential, personUniform } from "./personRandom.ts"
import { refreshRates } from "./rates.ts"
import { Requires } from "./services.ts"
import type { PeopleArrays } from "./people.ts"
import type { Sim } from "./sim.ts"
import {
  residentPeople,
  residentServiceCapacity,
  residentServiceGroup,
  residentServiceOccupied,
  residentServiceOpen,
  residentServiceRequires
} from "./resident.ts"

const K = serviceCategories.length

/** What person `id` lacks of what a service may require (`Requires`: not a woman, not older, employed, needs a language). */
export const personLacks = (a: PeopleArrays, id: number): number =>
  (a.female[id] ? 0 : Requires.women) | (a.ageBand[id] === olderAgeBand ? 0 : Requires.olderAdults) |
  (a.employed[id] ? Requires.daytime : 0) | (a.languageNeed[id] ? Requires.noLanguageSupport : 0)

/**
 * Why service i does not suit a person who lacks `lacks` and belongs to ethnic group `group`, or -1 if it does: the
 * lowest bit of what the service requires and the person lacks (in the order sex, age, times, language), then culture.
 * `requires` and `serviceGroup` are the services' (`Services`).
 */
export const unsuitable = (requires: Uint8Array, serviceGroup: Int16Array, i: number, lacks: number, group: number): number => {
  const unmet = requires[i] & lacks
  if (unmet !== 0) return OnwardFailure.unsuitableSex + 31 - Math.clz32(unmet & -unmet)
  if (serviceGroup[i] !== -1 && serviceGroup[i] !== group) return OnwardFailure.unsuitableCulture
  return -1
}

/** The suitable open service of category k in area c with most free places, or -(1 + failure reason). */
const search = (sim: Sim, id: number, c: number, k: number): number => {
  // The services' arrays as the resident constants they are for the run being stepped (`resident.ts`).
  const open = residentServiceOpen, requires = residentServiceRequires, serviceGroup = residentServiceGroup
  const capacity = residentServiceCapacity, occupied = residentServiceOccupied
  const lacks = personLacks(residentPeople, id)
  const group = residentPeople.ethnicity[id]
  const start = sim.services.start
  const end = start[c * K + k + 1]
  let best = -1
  let bestRoom = 0
  let anyOpen = false
  let anyFull = false
  let firstUnsuitable = -1
  for (let i = start[c * K + k]; i < end; i++) {
    if (!open[i]) continue
    anyOpen = true
    const why = unsuitable(requires, serviceGroup, i, lacks, group)
    if (why >= 0) {
      if (firstUnsuitable < 0) firstUnsuitable = why
      continue
    }
    const room = capacity[i] - occupied[i]
    if (room > bestRoom) {
      best = i
      bestRoom = room
    } else if (room <= 0) anyFull = true
  }
  if (best >= 0) return best
  const reason = !anyOpen ? OnwardFailure.noService : anyFull ? OnwardFailure.noCapacity : firstUnsuitable
  return -(1 + reason)
}

/** The category this person is referred to: by need, isolation and (for culturally specific) ethnicity. */
const chooseCategory = (sim: Sim, id: number): number => {
  const a = residentPeople
  const cumulative = sim.params.categories.cumulative
  const row = (2 * a.isolated[id] + sim.params.ethnicMajority[a.ethnicity[id]]) * K
  const total = cumulative[row + K - 1]
  if (total <= 0) return -1
  const target = personUniform(a, id, Draw.onwardCategory) * total
  // Branch-free: the number of running sums at or below the target (the last category otherwise).
  let k = 0
  for (let j = 0; j < K - 1; j++) k += target >= cumulative[row + j] ? 1 : 0
  return k
}

/** One onward referral for person id in week `week`. */
export const referOnward = (sim: Sim, id: number, week: number): void => {
  const a = residentPeople
  const k = chooseCategory(sim, id)
  if (k < 0) return
  sim.tally.onwardReferrals++
  sim.tally.onwardReferralsByCategory[k]++
  a.onwardReferrals[id]++
  const clusters = sim.scenario.practices.clusters
  const c = a.cluster[id]
  let found = search(sim, id, c, k)
  if (found < 0 && clusters > 1) {
    // Neighbouring areas: the next and previous (just one when there are two areas).
    for (let j = 0; j < (clusters === 2 ? 1 : 2); j++) {
      const n = j === 0 ? (c + 1) % clusters : (c + clusters - 1) % clusters
      const there = search(sim, id, n, k)
      if (there >= 0) {
        if (a.travels[id]) found = there
        else found = -(1 + OnwardFailure.tooFar)
        break
      }
    }
  }
  if (found >= 0) {
    residentServiceOccupied[found]++
    a.serviceId[id] = found
    a.serviceEndWeek[id] = Math.min(32000, week + Math.max(1, Math.round(sim.params.categories.useWeeksMean[k] * personExponential(a, id, Draw.serviceUse))))
    schedule(id, Due.serviceEnd, a.serviceEndWeek[id])
  } else {
    sim.tally.onwardFailures++
    sim.tally.onwardFailuresByReason[-found - 1]++
    a.onwardFailures[id]++
    a.noServiceUntil[id] = week + sim.scenario.disengagement.noSuitableServiceWeeks
    if (a.noServiceUntil[id] > week) schedule(id, Due.noServiceEnd, a.noServiceUntil[id])
  }
  refreshRates(sim, id, week)
}

/**
 * The onward-referral clock runs while the person is engaged, has a link worker and no service place, at its
 * state's rate. When any of these changes in week `week`, the clock is brought up to the start of the week at
 * the old rate and its run-out week found at the new one.
 */
export const retimeOnward = (sim: Sim, id: number, week: number): void => {
  const a = residentPeople
  const from = Math.max(week, a.onwardFrom[id])
  const clock = a.onwardClock[id] - a.onwardRate[id] * (from - a.onwardFrom[id])
  const st = a.state[id]
  const running = (st === State.intensive || st === State.maintenance) && a.lw[id] >= 0 && a.serviceId[id] < 0
  const rate = running ? sim.params.hot.onwardRateByState[st] : 0
  a.onwardClock[id] = clock
  a.onwardFrom[id] = from
  a.onwardRate[id] = rate
  schedule(id, Due.onward, runOutWeek(from, clock, rate))
}

/** The onward-referral clock ran out in week `week`: refer, and start the clock for the next one from next week. */
export const startOnwardReferral = (sim: Sim, id: number, week: number): void => {
  const a = residentPeople
  a.onwardClock[id] = personExponential(a, id, Draw.onward)
  a.onwardFrom[id] = week + 1
  referOnward(sim, id, week)
  retimeOnward(sim, id, week + 1)
}
