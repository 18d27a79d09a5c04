/**
 * The child of `bench/instructions.ts`: runs the seven-year replicates of a shipped scenario one after another in
 * one thread, with the person table recycled as an ensemble lane does, and prints the person-weeks on the pathway
 * (waiting, being contacted or supported, as `npm run bench` counts them) of all of them. V8 prints its basic-block
 * counts (`--turbo-profiling-verbose`) at exit.
 *
 *   node --turbo-profiling-verbose … instructionsRun.mjs <scenario> <replicates>
 */
import { compileParams } from "../src/model/params.ts"
import { pathwayPersonWeeks, runRecycled } from "./replicates.ts"
import { loadShipped } from "./scenarios.ts"

const name = process.argv[2] ?? "ways-to-wellness"
const replicates = Number(process.argv[3] ?? 20)
const scenario = loadShipped(name)
let personWeeks = 0
runRecycled(compileParams(scenario), scenario.seed, replicates, (sim) => {
  personWeeks += pathwayPersonWeeks(sim)
})
console.log(`@@personWeeks ${personWeeks}`)
