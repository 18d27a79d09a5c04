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
  const d = sim.scenario.disengagement
  const lw = a.lw[id]
  let h = sim.params.disengageBaseWeek
  if (lw >= 0) {
    h *= 1 + d.caseloadPressureEffect * sim.posts.pressure[lw]
    if (a.lwChangeWeek[id] >= 0 && week - a.lwChangeWeek[id] < d.changeEffectWeeks) {
      h *= a.lwChangeManaged[id] ? d.changeManagedMultiplier : d.changeUnmanagedMultiplier
    }
  } else {
    h *= d.unassignedMultiplier
  }
  if (week < a.noServiceUntil[id]) h *= d.noSuitableServiceMultiplier
  if (inSetback) h *= d.setbackMultiplier
  if (a.mentalHealth[id]) {
    const mitigation = lw >= 0 && sim.posts.trained[lw] ? d.mentalHealthTrainingMitigation : 0
    h *= 1 + (d.mentalHealthMultiplier - 1) * (1 - mitigation)
  }
  if (a.state[id] === State.maintenance) h *= d.maintenanceMultiplier
  return h
}

/** Advances the dropout clock; true if the person disengaged this week. */
export const disengagementWeek = (sim: Sim, id: number, week: number, inSetback: boolean): boolean => {
  const a = sim.people.arrays
  a.disengageClock[id] -= disengagementHazard(sim, id, week, inSetback)
  if (a.disengageClock[id] > 0) return false
  sim.tally.disengaged++
  leave(sim, id, week, State.disengaged)
  return true
}

