/**
 * Disengagement: a weekly hazard, multiplied up by caseload pressure, a recent change of link worker (more
 * when unmanaged), having no link worker, a recent failed onward referral, a setback and anxiety or
 * depression (less with a link worker trained in mental health); lower in maintenance.
 */
import { State } from "./constants.ts"
import type { Sim } from "./sim.ts"
import { leave } from "./transitions.ts"

export const disengagementHazard = (sim: Sim, id: number, week: number, inSetback: boolean): number => {
  const a = sim.people.arrays
  const hot = sim.params.hot
  const lw = a.lw[id]
  let h = hot.disengageBaseWeek
  if (lw >= 0) {
    h *= sim.posts.hazardFactor[lw]
    const change = a.lwChangeWeek[id]
    if (change >= 0 && week - change < hot.changeEffectWeeks) {
      h *= a.lwChangeManaged[id] ? hot.changeManagedMultiplier : hot.changeUnmanagedMultiplier
    }
    if (a.mentalHealth[id]) h *= sim.posts.mentalHealthFactor[lw]
  } else {
    h *= hot.unassignedMultiplier
    if (a.mentalHealth[id]) h *= hot.mentalHealthMultiplier
  }
  if (week < a.noServiceUntil[id]) h *= hot.noSuitableServiceMultiplier
  if (inSetback) h *= hot.setbackMultiplier
  if (a.state[id] === State.maintenance) h *= hot.maintenanceDisengageMultiplier
  return h
}

/** Advances the dropout clock; true if the person disengaged this week. */
export const disengagementWeek = (sim: Sim, id: number, week: number, inSetback: boolean): boolean => {
  const a = sim.people.arrays
  const clock = a.disengageClock[id] - disengagementHazard(sim, id, week, inSetback)
  a.disengageClock[id] = clock
  if (clock > 0) return false
  sim.tally.disengaged++
  leave(sim, id, week, State.disengaged)
  return true
}

