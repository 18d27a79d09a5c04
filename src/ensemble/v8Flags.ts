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
 *
 * With the budget, the per-function limit comes down from 460 to 300 bytes of bytecode
 * (`--max-inlined-bytecode-size`): the weekly step (~325) and the engaged pass (~400) are then compiled on their
 * own, once, instead of again inside each caller that takes them in (the step with the engaged pass, `simulate`
 * with both), each copy of the engaged pass with every handler in it. A thread compiles ~1.3 s of TurboFan code
 * in its first 40 replicates instead of ~4.2 s, which in a two-lane ensemble is CPU the lanes no longer share with
 * their compilers; a replicate takes the same time once compiled (docs/architecture.md, "What limits a replicate
 * now"). The few handlers of 300–460 bytes (`leave`, `startSetback`, the engaged pass's two event lists, …) are
 * calls instead.
 */
import { setFlagsFromString } from "node:v8"
import type { Scenario } from "../scenario/schema.ts"

export const engineV8Flags = [
  "--max-inlined-bytecode-size-cumulative=30000",
  "--max-inlined-bytecode-size-absolute=60000",
  "--max-inlined-bytecode-size=300"
]

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

/**
 * Whether a run of `count` replicates, replicate i of scenario `scenarioOf(i)`, is long enough to raise the budget
 * for: their catchment person-weeks added up, so that a sweep or sensitivity analysis is judged by all its design
 * points (a grid whose first points are small and whose last are national is a long run).
 */
export const isLongRun = (count: number, scenarioOf: (i: number) => Scenario): boolean => {
  let personWeeks = 0
  for (let i = 0; i < count; i++) {
    const scenario = scenarioOf(i)
    personWeeks += scenario.practices.population * scenario.horizonWeeks
    if (personWeeks >= longRunPersonWeeks) return true
  }
  return false
}

export const raiseInliningBudgetFor = (count: number, scenarioOf: (i: number) => Scenario): void => {
  if (isLongRun(count, scenarioOf)) raiseInliningBudget()
}
