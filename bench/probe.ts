/**
 * The machine check behind `npm run bench`: the same seven-year run of ways-to-wellness.json, in a process
 * the bench pins to one CPU (`taskset -c K`). Prints the median of its runs in ms, and nothing else.
 *
 *   tsx bench/probe.ts [runs=12] [warmup=3]
 */
import { compileParams } from "../src/model/params.ts"
import { quantileSorted } from "../src/results/summary.ts"
import { runRecycled } from "./replicates.ts"
import { loadShipped } from "./scenarios.ts"

const [runs = 12, warmup = 3] = process.argv.slice(2, 4).map(Number)
const scenario = loadShipped("ways-to-wellness")
const params = compileParams(scenario)
const ms: Array<number> = []
runRecycled(params, scenario.seed, warmup + runs, (_, r, t) => {
  if (r >= warmup) ms.push(t)
})
console.log(quantileSorted(Float64Array.from(ms).sort(), 0.5).toFixed(2))
