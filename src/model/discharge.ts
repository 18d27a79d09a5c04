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
  const hot = sim.params.hot
  const weeksEngaged = week - a.engagedWeek[id]
  if (weeksEngaged >= a.supportLimitWeeks[id] && atSupportLimit(sim, id, week)) return true
  if (a.state[id] === State.intensive) {
    if (weeksEngaged >= hot.intensiveWeeksMin) {
      const clock = a.goalClock[id] - hot.goalHazardWeek
      a.goalClock[id] = clock
      if (clock <= 0) stepDown(sim, id, week)
    }
    return false
  }
  const clock = a.settleClock[id] - hot.settleHazardWeek
  a.settleClock[id] = clock
  if (clock > 0) return false
  sim.tally.dischargedSettled++
  leave(sim, id, week, State.discharged)
  return true
}

/** At the maximum support length: extend for complex needs (once, at the link worker's discretion) or discharge. */
const atSupportLimit = (sim: Sim, id: number, week: number): boolean => {
  const a = sim.people.arrays
  {
    const d = sim.scenario.discharge
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
  return false
}
