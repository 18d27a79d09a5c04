/**
 * Setbacks: health shocks and family or money crises, more frequent with multimorbidity. A setback lasts a
 * while, costs Star points at once and raises the risk of dropping out until it ends.
 */
import { Due, runOutWeek, schedule } from "./calendar.ts"
import { starAreas, starMin } from "./constants.ts"
import { Draw } from "./random.ts"
import { personExponential, personUniform } from "./personRandom.ts"
import { refreshRates } from "./rates.ts"
import type { Sim } from "./sim.ts"
import { residentPeople } from "./resident.ts"

/** The setback clock ran out: a setback starts, costing Star points at once. */
export const startSetback = (sim: Sim, id: number, week: number): void => {
  const a = residentPeople
  const sb = sim.scenario.setbacks
  a.setbackClock[id] = personExponential(a, id, Draw.setback)
  a.setbackUntil[id] = Math.min(32000, week + Math.max(1, Math.round(sb.durationWeeksMean * personExponential(a, id, Draw.setbackLength))))
  a.setbacks[id]++
  sim.tally.setbacks++
  schedule(id, Due.setbackEnd, a.setbackUntil[id])
  const base = id * starAreas
  for (let n = 0; n < sb.starLossPoints; n++) {
    const k = Math.floor(personUniform(a, id, Draw.starLoss) * starAreas)
    if (a.star[base + k] > starMin) {
      a.star[base + k]--
      sim.starSumActive--
    }
  }
  refreshRates(sim, id, week)
}

/**
 * The setback clock starts counting down in week `week`: at the first week of support, and when a setback
 * ends (no new setback starts during one).
 */
export const timeNextSetback = (id: number, week: number): void => {
  const a = residentPeople
  schedule(id, Due.setback, runOutWeek(week, a.setbackClock[id], a.setbackHazard[id]))
}

/** The setback is over: gains resume, the dropout risk falls back, and the clock for the next one runs. */
export const endSetback = (sim: Sim, id: number, week: number): void => {
  refreshRates(sim, id, week)
  timeNextSetback(id, week)
}
