/**
 * Contact and first appointment: one phone attempt a week once a link worker is allocated; when reached,
 * the person attends the first appointment with a chance that halves every `waitHalfLifeWeeks` of waiting.
 */
import { State } from "./constants.ts"
import { Draw } from "./random.ts"
import { personUniform } from "./personRandom.ts"
import type { Sim } from "./sim.ts"
import { engage, leave } from "./transitions.ts"
import { residentPeople } from "./resident.ts"

export const contactWeek = (sim: Sim, id: number, week: number): void => {
  const a = residentPeople
  const c = sim.scenario.contact
  if (personUniform(a, id, Draw.contact) >= c.attemptSuccess) {
    a.contactAttempts[id]++
    if (a.contactAttempts[id] >= c.attemptsMax) {
      sim.tally.neverEngagedUnreachable++
      leave(sim, id, week, State.neverEngaged)
    }
    return
  }
  // The chance halves every waitHalfLifeWeeks of waiting (tabulated once per scenario: `attendByWait`).
  const attend = sim.params.hot.attendByWait[week - a.referredWeek[id]]
  if (personUniform(a, id, Draw.attend) < attend) engage(sim, id, week)
  else {
    sim.tally.neverEngagedDeclined++
    leave(sim, id, week, State.neverEngaged)
  }
}
