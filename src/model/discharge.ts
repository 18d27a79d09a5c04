/**
 * Engagement phases and discharge: intensive support steps down to maintenance once goals are reached
 * (after a minimum time); people in maintenance are discharged early once settled; everyone is discharged
 * at the maximum support length, unless complex needs earn an extension.
 */
import { Due, schedule } from "./calendar.ts"
import { State } from "./constants.ts"
import { Draw } from "./random.ts"
import { personUniform } from "./personRandom.ts"
import type { Sim } from "./sim.ts"
import { leave } from "./transitions.ts"
import { residentPeople } from "./resident.ts"

/** At the maximum support length: extend for complex needs (once, at the link worker's discretion) or discharge; true if discharged. */
export const atSupportLimit = (sim: Sim, id: number, week: number): boolean => {
  const a = residentPeople
  const d = sim.scenario.discharge
  const complex = a.conditions[id] >= d.complexNeedsMinConditions || a.mentalHealth[id] === 1
  if (complex && !a.extended[id] && d.extensionWeeks > 0 && personUniform(a, id, Draw.extension) < d.extensionShare) {
    a.extended[id] = 1
    a.supportLimitWeeks[id] += d.extensionWeeks
    sim.tally.extensions++
    schedule(id, Due.supportLimit, a.engagedWeek[id] + a.supportLimitWeeks[id])
    return false
  }
  sim.tally.dischargedAtLimit++
  leave(sim, id, week, State.discharged)
  return true
}

/** Settled in maintenance: discharged early. */
export const dischargeSettled = (sim: Sim, id: number, week: number): void => {
  sim.tally.dischargedSettled++
  leave(sim, id, week, State.discharged)
}
