/**
 * V8's inlining budget, raised for long runs of the engine. Node only: the flags are process-wide, so the pool's
 * worker threads share them, and they must be set before the engine's functions are first optimized (before the
 * first replicate).
 *
 * By default TurboFan stops inlining into a function once the callees it has taken in add up to 920 bytes of
 * bytecode (`--max-inlined-bytecode-size-cumulative`), which the weekly step reaches after a few of its event
 * handlers (`engagedWeek.ts` and the modules it calls). With the budget raised, a Ways to Wellness replicate runs
 * ~10% faster once compiled (~26 against ~29.5 ms), but compiling the bigger functions takes the first runs
 * longer (the first 20 took ~65 ms each, pinned to one CPU), ~0.7 s lost at the start: a 20-replicate `spsim run`
 * took 2.3–3.0 s instead of 1.8–2.0. So the budget is raised only for runs long enough to gain from it
 * (docs/architecture.md, "Where the time goes"). Outputs are the same to the bit either way: the JIT does not
 * change the arithmetic. The browser explorer cannot set V8 flags and runs without it.
 */
import { setFlagsFromString } from "node:v8"
import type { Scenario } from "../scenario/schema.ts"

export const engineV8Flags = ["--max-inlined-bytecode-size-cumulative=30000", "--max-inlined-bytecode-size-absolute=60000"]

/**
 * Catchment person-weeks (population × weeks × replicates) from which a run raises the budget: about 400
 * replicates of Ways to Wellness (132,000 people, seven years; ~200 a lane on two cores, where ~3 ms saved a
 * replicate repays the compile), or one of `england.json` (63 million).
 */
export const longRunPersonWeeks = 2e10

let raised = false

export const raiseInliningBudget = (): void => {
  if (raised) return
  for (const flag of engineV8Flags) setFlagsFromString(flag)
  raised = true
}

/** Whether `replicates` of `scenario` (or of design points like it) make a run long enough to raise the budget for. */
export const isLongRun = (scenario: Scenario, replicates: number): boolean =>
  scenario.practices.population * scenario.horizonWeeks * replicates >= longRunPersonWeeks

export const raiseInliningBudgetFor = (scenario: Scenario, replicates: number): void => {
  if (isLongRun(scenario, replicates)) raiseInliningBudget()
}
