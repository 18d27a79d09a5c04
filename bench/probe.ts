/**
 * The machine check behind `npm run bench`: the same seven-year run of ways-to-wellness.json, in a process
 * the bench pins to one CPU (`taskset -c K`). Prints the median of its runs in ms, and nothing else.
 *
 *   tsx bench/probe.ts [runs=12] [warmup=3]
 */
import { compileParams } from "../src/model/params.ts"
import { simulate } from "../src/model/simulate.ts"
import { SimRecycler } from "../src/model/sim.ts"
import { quantileSorted } from "../src/results/summary.ts"
import { loadShipped } from "./scenarios.ts"

const [runs = 12, warmup = 3] = process.argv.slice(2, 4).map(Number)
const scenario = loadShipped("ways-to-wellness")
const params = compileParams(scenario)
// Each run's person table used again by the next, as in bench/run.ts and the CLI's lanes.
const recycler = new SimRecycler()
const ms: Array<number> = []
for (let r = 0; r < warmup + runs; r++) {
  const t0 = performance.now()
  const sim = simulate(params, scenario.seed, r, recycler)
  if (r >= warmup) ms.push(performance.now() - t0)
  recycler.give(sim)
}
console.log(quantileSorted(Float64Array.from(ms).sort(), 0.5).toFixed(2))
