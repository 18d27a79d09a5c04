/** One ensemble of the default scenario (with its contracts) in this process: wall time and peak memory. */
import { Effect, Stream } from "effect"
import { runEnsemble } from "../src/ensemble/pool.ts"
import { summarise } from "../src/results/summary.ts"
import type { Metrics } from "../src/results/metrics.ts"
import { loadShipped } from "./scenarios.ts"

const [replicates, workers] = process.argv.slice(2, 4).map(Number)
const scenario = loadShipped("ways-to-wellness")
const metrics: Array<Metrics> = []
const t0 = performance.now()
await Effect.runPromise(Stream.runForEach(
  runEnsemble({ scenario, seed: scenario.seed, replicates, workers, rows: { weekly: false, people: false, contracts: false } }),
  (r) => Effect.sync(() => metrics.push(r.metrics))
))
summarise(metrics)
const seconds = (performance.now() - t0) / 1000
console.log(JSON.stringify({ seconds, peakGb: (process.resourceUsage().maxRSS * 1024) / 1e9 }))
