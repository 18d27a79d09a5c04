/**
 * A measurement, not a test: wall time of N replicates of a scenario with 1 worker (this thread alone), with
 * `workers` lanes (this thread and workers-1 threads), and with `workers` threads and this thread idle; runs
 * interleaved, medians and their ratios. Thread start-up (tsx loading the model in each thread) is counted, as
 * a user of `spsim run` pays it.
 *
 *   npm run bench:ensemble -- [replicates=40] [runs=5] [workers=2] [rows=all|none]
 */
import { loadavg } from "node:os"
import { Effect, Stream } from "effect"
import { type EnsembleOptions, runEnsemble } from "../src/ensemble/pool.ts"
import { loadShipped } from "./scenarios.ts"

const [replicates = 40, runs = 5, workers = 2] = process.argv.slice(2, 5).map(Number)
const withRows = process.argv[5] !== "none"
const rows = { weekly: withRows, people: withRows, contracts: withRows }
const scenario = loadShipped("ways-to-wellness")

/** Seconds to pull every response (the CSV bodies are only measured, as a writer would take them). */
const timeRun = (lanes: Partial<EnsembleOptions>): Promise<number> => {
  const start = performance.now()
  let bytes = 0
  const run = runEnsemble({ ...lanes, scenario, seed: scenario.seed, replicates, rows })
  return Effect.runPromise(Stream.runForEach(run, (r) => Effect.sync(() => {
    bytes += (r.weeklyCsv?.length ?? 0) + (r.peopleCsv?.length ?? 0)
  }))).then(() => (performance.now() - start) / 1000)
}

const median = (xs: ReadonlyArray<number>): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 === 1 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

const modes: ReadonlyArray<[string, Partial<EnsembleOptions>]> = [
  ["1 worker (this thread)", { workers: 1 }],
  [`${workers} workers (this thread + ${workers - 1} thread${workers > 2 ? "s" : ""})`, { workers }],
  [`${workers} threads only`, { workers, inThisThread: false }]
]
const times = modes.map((): Array<number> => [])
console.log(`${replicates} replicates of ${scenario.name}, rows ${withRows ? "weekly+people+contracts" : "none"}, load average ${loadavg()[0].toFixed(2)}`)
for (let run = 0; run < runs; run++) {
  // Rotate which goes first, so that none always gets the warmer machine.
  for (let k = 0; k < modes.length; k++) {
    const m = (run + k) % modes.length
    const seconds = await timeRun(modes[m][1])
    times[m].push(seconds)
    console.log(`run ${run + 1}: ${modes[m][0]} ${seconds.toFixed(2)} s`)
  }
}
const base = median(times[0])
for (let m = 0; m < modes.length; m++) {
  const t = median(times[m])
  console.log(`median ${modes[m][0]}: ${t.toFixed(2)} s, speed-up ×${(base / t).toFixed(2)}`)
}
console.log(`load average ${loadavg()[0].toFixed(2)}`)
