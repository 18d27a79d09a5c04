/**
 * Engagement phases and discharge: intensive support steps down to maintenance once goals are reached
 * (after a minimum time); people in maintenance are discharged early once settled; everyone is discharged
 * at the maximum support length, unless complex needs earn an extension.
 */
import { State } from "./constants.ts"
import { Draw } from "./random.ts"
import { personUniform } from "./personRandom.ts"
import type { Sim } from "./sim.ts"
import { leave, stepDown } from "./transitions.ts"

/** True if the person was discharged this week. */
export const phaseWeek = (sim: Sim, id: number, week: number): boolean => {
  const a = sim.people.arrays
  const sc = sim.scenario
  const weeksEngaged = week - a.engagedWeek[id]
  if (weeksEngaged >= a.supportLimitWeeks[id]) {
    const d = sc.discharge
    const complex = a.conditions[id] >= d.complexNeedsMinConditions || a.mentalHealth[id] === 1
    if (complex && !a.extended[id] && d.extensionWeeks > 0 && personUniform(a, id, Draw.extension) < d.extensionShare) {
      a.extended[id] = 1
      a.supportLimitWeeks[id] += d.extensionWeeks
      sim.tally.extensions++
    } else {
      sim.tally.dischargedAtLimit++
      leave(sim, id, week, State.discharged)
      return true
    }
  }
  if (a.state[id] === State.intensive) {
    if (weeksEngaged >= sc.engagement.intensiveWeeksMin) {
      a.goalClock[id] -= 1 / sc.engagement.intensiveWeeksMean
      if (a.goalClock[id] <= 0) stepDown(sim, id, week)
    }
    return false
  }
  a.settleClock[id] -= 1 / sc.discharge.settledWeeksMean
  if (a.settleClock[id] > 0) return false
  sim.tally.dischargedSettled++
  leave(sim, id, week, State.discharged)
  return true
}
