/**
 * Disengagement: a weekly hazard, multiplied up by caseload pressure, a recent change of link worker (more
 * when unmanaged), having no link worker, a recent failed onward referral, a setback and anxiety or
 * depression (less with a link worker trained in mental health); lower in maintenance.
 *
 * The hazard is the product of the link worker's factors this week (caseload pressure, and anxiety or
 * depression with or without training; `measureLinkWorkers` tabulates them, with an entry for no link worker)
 * and the person's own, which change only at events (`personalHazard`, kept in `hazardRate` by `rates.ts`).
 */
import { State } from "./constants.ts"
import type { HotConstants } from "./params.ts"
import type { PeopleArrays } from "./people.ts"
import type { Sim } from "./sim.ts"
import { leave } from "./transitions.ts"

/** The person's own factors of the weekly dropout hazard in week `week` (the base rate included). */
export const personalHazard = (a: PeopleArrays, hot: HotConstants, id: number, week: number): number => {
  let h = hot.disengageBaseWeek
  const change = a.lwChangeWeek[id]
  if (a.lw[id] >= 0 && change >= 0 && week - change < hot.changeEffectWeeks) {
    h *= a.lwChangeManaged[id] ? hot.changeManagedMultiplier : hot.changeUnmanagedMultiplier
  }
  if (week < a.noServiceUntil[id]) h *= hot.noSuitableServiceMultiplier
  if (week < a.setbackUntil[id]) h *= hot.setbackMultiplier
  return h * hot.disengageStateMultiplier[a.state[id]]
}

/** The dropout clock ran out: the person disengages. */
export const disengage = (sim: Sim, id: number, week: number): void => {
  sim.tally.disengaged++
  leave(sim, id, week, State.disengaged)
}
