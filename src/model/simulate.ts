/** Runs one replicate of a scenario from week 0 to the horizon. */
import type { ModelParams } from "./params.ts"
import { createSim, type Sim, type SimRecycler } from "./sim.ts"
import { step } from "./step.ts"

export const simulate = (params: ModelParams, seed: number, replicate: number, recycler?: SimRecycler): Sim => {
  const sim = createSim(params, seed, replicate, recycler)
  for (let week = 0; week < params.horizonWeeks; week++) step(sim, week)
  return sim
}
