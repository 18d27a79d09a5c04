/**
 * Setbacks: health shocks and family or money crises, more frequent with multimorbidity. A setback lasts a
 * while, costs Star points at once and raises the risk of dropping out until it ends.
 */
import { starAreas, starMin } from "./constants.ts"
import { Draw } from "./random.ts"
import { personExponential, personUniform } from "./personRandom.ts"
import type { Sim } from "./sim.ts"

/** The setback clock ran out: a setback starts, costing Star points at once. */
export const startSetback = (sim: Sim, id: number, week: number): void => {
  const a = sim.people.arrays
  const sb = sim.scenario.setbacks
  a.setbackClock[id] = personExponential(a, id, Draw.setback)
  a.setbackUntil[id] = Math.min(32000, week + Math.max(1, Math.round(sb.durationWeeksMean * personExponential(a, id, Draw.setbackLength))))
  a.setbacks[id]++
  sim.tally.setbacks++
  const base = id * starAreas
  for (let n = 0; n < sb.starLossPoints; n++) {
    const k = Math.floor(personUniform(a, id, Draw.starLoss) * starAreas)
    if (a.star[base + k] > starMin) {
      a.star[base + k]--
      sim.starSumActive--
    }
  }
}
