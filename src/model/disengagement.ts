/**
 * Disengagement: a weekly hazard, multiplied up by caseload pressure, a recent change of link worker (more
 * when unmanaged), having no link worker, a recent failed onward referral, a setback and anxiety or
 * depression (less with a link worker trained in mental health); lower in maintenance.
 */
import { State } from "./constants.ts"
import type { HotConstants } from "./params.ts"
import type { PeopleArrays } from "./people.ts"
import type { Sim } from "./sim.ts"
import type { Posts } from "./workforce.ts"
import { leave } from "./transitions.ts"

/**
 * The weekly dropout hazard of an engaged person, `lw` their link worker (-1 for none). Small and free of
 * side effects so the weekly loop can inline it.
 */
export const disengagementHazard = (
  a: PeopleArrays, posts: Posts, hot: HotConstants, id: number, lw: number, week: number, inSetback: boolean
): number => {
  let h = hot.disengageBaseWeek
  if (lw >= 0) {
    h *= posts.hazardFactor[lw]
    const change = a.lwChangeWeek[id]
    if (change >= 0 && week - change < hot.changeEffectWeeks) {
      h *= a.lwChangeManaged[id] ? hot.changeManagedMultiplier : hot.changeUnmanagedMultiplier
    }
    h *= posts.mentalHealthFactor[2 * lw + a.mentalHealth[id]]
  } else {
    h *= hot.unassignedMultiplier
    if (a.mentalHealth[id]) h *= hot.mentalHealthMultiplier
  }
  if (week < a.noServiceUntil[id]) h *= hot.noSuitableServiceMultiplier
  if (inSetback) h *= hot.setbackMultiplier
  h *= hot.disengageStateMultiplier[a.state[id]]
  return h
}

/** The dropout clock ran out: the person disengages. */
export const disengage = (sim: Sim, id: number, week: number): void => {
  sim.tally.disengaged++
  leave(sim, id, week, State.disengaged)
}
