/**
 * Replicates of a scenario one after another in one thread, as a lane of the CLI's ensembles runs them
 * (src/ensemble/respond.ts): each run's person table and event logs are cleared and used again by the next
 * (`SimRecycler`) instead of ~4 MB of fresh typed arrays a run, whose allocating and collecting would be timed with
 * the engine (runs 6–35 at a median of ~37 ms against ~26, 2026-12-06). Shared by the benches.
 */
import type { ModelParams } from "../src/model/params.ts"
import { type Sim, SimRecycler } from "../src/model/sim.ts"
import { simulate } from "../src/model/simulate.ts"

/** Runs replicates 0 … count − 1; `each` sees each run and its time in ms before its table goes to the next. */
export const runRecycled = (params: ModelParams, seed: number, count: number, each: (sim: Sim, replicate: number, ms: number) => void): void => {
  const recycler = new SimRecycler()
  for (let r = 0; r < count; r++) {
    const t0 = performance.now()
    const sim = simulate(params, seed, r, recycler)
    each(sim, r, performance.now() - t0)
    recycler.give(sim)
  }
}

/** Person-weeks on the pathway in a run: weeks each referred person spent waiting, being contacted or supported. */
export const pathwayPersonWeeks = (sim: Sim): number => {
  const c = sim.weekly.columns
  let personWeeks = 0
  for (let w = 0; w < sim.weekly.weeks; w++) personWeeks += c.waiting[w] + c.contacting[w] + c.active[w]
  return personWeeks
}
