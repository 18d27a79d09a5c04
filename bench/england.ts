/** One full national-scale run, reporting wall time and peak memory of this process. */
import { compileParams } from "../src/model/params.ts"
import { simulate } from "../src/model/simulate.ts"
import { loadShipped } from "./scenarios.ts"
import { raiseInliningBudget } from "../src/ensemble/v8Flags.ts"

// As `spsim run scenarios/england.json` does (a long run): before the engine is first compiled.
raiseInliningBudget()
const scenario = loadShipped("england")
const t0 = performance.now()
const sim = simulate(compileParams(scenario), scenario.seed, 0)
const seconds = (performance.now() - t0) / 1000
const peakGb = (process.resourceUsage().maxRSS * 1024) / 1e9
console.log(`  ${sim.people.count.toLocaleString("en-GB")} people referred over ${scenario.horizonWeeks} weeks`)
console.log(`  ${seconds.toFixed(1)} s wall time, peak memory ${peakGb.toFixed(2)} GB`)
