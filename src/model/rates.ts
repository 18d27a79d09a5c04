/**
 * A person's own factors of the two rates that move every week: wellbeing gains (`wellbeing.ts`) and dropout
 * (`disengagement.ts`). They change only at events (a setback starts or ends, a service place starts or ends,
 * a change of link worker, a failed onward referral and the raised risk after each, a step down), and each of
 * those calls `refreshRates`; the weekly loop multiplies them by the link worker's factors of the week.
 */
import { personalHazard } from "./disengagement.ts"
import type { Sim } from "./sim.ts"
import { personalGainRate } from "./wellbeing.ts"
import { residentGainRate, residentHazardRate, residentPeople, residentSlot } from "./resident.ts"

/** Recomputes the (engaged) person's rates and link-worker table entry as they stand in week `week`. */
export const refreshRates = (sim: Sim, id: number, week: number): void => {
  const a = residentPeople
  const hot = sim.params.hot
  const lw = a.lw[id]
  const at = a.engagedAt[id] - 1
  residentSlot[at] = 2 * (lw >= 0 ? lw : sim.posts.count) + a.mentalHealth[id]
  residentGainRate[at] = personalGainRate(a, hot, id, week)
  residentHazardRate[at] = personalHazard(a, hot, id, week)
}
