/**
 * The child of `bench/instructions.ts`: runs the seven-year replicates of a shipped scenario one after another in
 * one thread, with the person table recycled as an ensemble lane does, and prints the person-weeks on the pathway
 * (waiting, being contacted or supported, as `npm run bench` counts them) of all of them. V8 prints its basic-block
 * counts (`--turbo-profiling-verbose`) at exit.
 *
 *   node --turbo-profiling-verbose … instructionsRun.mjs <scenario> <replicates>
 */
import { compileParams } from "../src/model/params.ts"
import { SimRecycler } from "../src/model/sim.ts"
import { simulate } from "../src/model/simulate.ts"
import { loadShipped } from "./scenarios.ts"

const name = process.argv[2] ?? "ways-to-wellness"
const replicates = Number(process.argv[3] ?? 20)
const scenario = loadShipped(name)
const params = compileParams(scenario)
const recycler = new SimRecycler()
let personWeeks = 0
for (let r = 0; r < replicates; r++) {
  const sim = simulate(params, scenario.seed, r, recycler)
  const c = sim.weekly.columns
  for (let w = 0; w < sim.weekly.weeks; w++) personWeeks += c.waiting[w] + c.contacting[w] + c.active[w]
  recycler.give(sim)
}
console.log(`@@personWeeks ${personWeeks}`)
