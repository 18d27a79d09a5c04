/**
 * `npm run bench`: speed and scale of the engine, printed as figures (not a test: shared machines are noisy).
 *   1. one seven-year run of ways-to-wellness.json, single thread: median ms and person-weeks per second;
 *   2. cost against size: england.json scaled to 1/40 and 1/10 of its population (ms per referred person);
 *   3. england.json in full in a fresh process: wall time and peak memory;
 *   4. an ensemble of ways-to-wellness.json with its contracts, 1 worker and 2, through the bundled CLI as a
 *      user runs it, three pairs taking turns: wall time (medians), peak memory and the parallel speed-up (the
 *      median of the pairs' ratios), bracketed by a machine check (the run of 1. pinned to each CPU in turn), since
 *      a shared machine's CPUs are not always equally fast.
 * Parts 1–3 run from a bundle made as the CLI's is (scripts/build-bench.mjs), as a user's runs are; `tsx
 * bench/run.ts` runs them from the sources instead, ~12% slower (scripts/constBindings.mjs).
 * `npm run bench -- --quick` skips the national run and runs one pair of 100 replicates instead of three of 1,000.
 */
import { spawnSync } from "node:child_process"
import { existsSync } from "node:fs"
import { cpus } from "node:os"
import { fileURLToPath } from "node:url"
import { compileParams } from "../src/model/params.ts"
import { simulate } from "../src/model/simulate.ts"
import type { Scenario } from "../src/scenario/schema.ts"
import { quantileSorted } from "../src/results/summary.ts"
import { pathwayPersonWeeks, runRecycled } from "./replicates.ts"
import { loadShipped } from "./scenarios.ts"
import { raiseInliningBudget } from "../src/ensemble/v8Flags.ts"

/**
 * Node's arguments to run bench/NAME.ts as this file runs: from its bundle beside this one (dist/bench-NAME.mjs,
 * `npm run bench`: scripts/build-bench.mjs), or through tsx (`tsx bench/run.ts`).
 */
const sibling = (name: string): Array<string> =>
  import.meta.url.endsWith(".mjs")
    ? [fileURLToPath(new URL(`./bench-${name}.mjs`, import.meta.url))]
    : ["--import", "tsx", fileURLToPath(new URL(`./${name}.ts`, import.meta.url))]

const median = (xs: Array<number>): number => quantileSorted(Float64Array.from(xs).sort(), 0.5)

/** Runs one after another as an ensemble lane runs them (`runRecycled`); the warm-up covers V8's compiling. */
const timeRuns = (scenario: Scenario, runs: number, warmup: number) => {
  const ms: Array<number> = []
  let personWeeks = 0
  let people = 0
  runRecycled(compileParams(scenario), scenario.seed, warmup + runs, (sim, r, t) => {
    if (r < warmup) return
    ms.push(t)
    personWeeks += pathwayPersonWeeks(sim)
    people += sim.people.count
  })
  return { medianMs: median(ms), minMs: Math.min(...ms), personWeeksPerRun: personWeeks / runs, peoplePerRun: people / runs }
}

const scaled = (scenario: Scenario, factor: number): Scenario => ({
  ...scenario,
  practices: {
    ...scenario.practices,
    count: Math.max(1, Math.round(scenario.practices.count * factor)),
    population: Math.round(scenario.practices.population * factor),
    clusters: Math.max(1, Math.round(scenario.practices.clusters * factor))
  },
  linkWorkers: { ...scenario.linkWorkers, posts: Math.round(scenario.linkWorkers.posts * factor) }
})

const fmt = (n: number, digits = 1) => n.toLocaleString("en-GB", { maximumFractionDigits: digits })

// As a long run of the CLI does (src/ensemble/v8Flags.ts); the machine check (bench/probe.ts) runs without.
raiseInliningBudget()
const wtw = loadShipped("ways-to-wellness")
const a = timeRuns(wtw, 30, 10)
console.log("ways-to-wellness.json, one seven-year run, single thread (30 runs after 10 warm-up, person table recycled and V8's inlining budget raised, as in a long run's lanes)")
console.log(`  median ${fmt(a.medianMs)} ms (min ${fmt(a.minMs)} ms); ${fmt(a.peoplePerRun, 0)} people, ${fmt(a.personWeeksPerRun, 0)} person-weeks on the pathway`)
console.log(`  ${fmt((a.personWeeksPerRun / a.medianMs) * 1000 / 1e6, 2)} million person-weeks per second`)

const england = loadShipped("england")
/**
 * The two sizes take turns (one warm-up each, then rounds alternating which goes first), so that a busy minute on
 * a shared machine falls on both; each run's cost per person is its own time over its own people.
 */
const rounds = 5
const sizes = [1 / 40, 1 / 10].map((f) => ({ f, params: compileParams(scaled(england, f)), nsPerPerson: [] as Array<number>, people: 0, ms: [] as Array<number> }))
console.log(`\nCost against size: england.json scaled down (${rounds} runs each, taking turns, after 1 warm-up)`)
for (let round = -1; round < rounds; round++) {
  const order = round % 2 === 0 ? sizes : [...sizes].reverse()
  for (const size of order) {
    const replicate = Math.max(0, round)
    const t0 = performance.now()
    const sim = simulate(size.params, england.seed, replicate)
    const ms = performance.now() - t0
    if (round < 0) continue
    size.ms.push(ms)
    size.people += sim.people.count / rounds
    size.nsPerPerson.push((ms * 1e6) / sim.people.count)
  }
}
for (const { f, ms, people, nsPerPerson } of sizes) {
  console.log(`  1/${Math.round(1 / f)} scale: ${fmt(people, 0)} people, median ${fmt(median(ms), 0)} ms, ${fmt(median(nsPerPerson), 0)} ns per person`)
}
const ratio = median(sizes[1].nsPerPerson) / median(sizes[0].nsPerPerson)
console.log(`  cost per person at 4x the size: ${fmt(ratio, 2)}x (1.00 = linear)`)

if (!process.argv.includes("--quick")) {
  console.log("\nengland.json in full, one seven-year run in a fresh process")
  const child = spawnSync(process.execPath, sibling("england"), { encoding: "utf8" })
  process.stdout.write(child.stdout)
  if (child.status !== 0) process.stderr.write(child.stderr)
}

const replicates = process.argv.includes("--quick") ? 100 : 1000
console.log(`\nways-to-wellness.json with its contracts, ${replicates} replicates, as a user runs it (the bundled CLI, worker start-up included)`)
// The bundle must match the sources being measured.
spawnSync(process.execPath, [fileURLToPath(new URL("../scripts/build-cli.mjs", import.meta.url))], { stdio: "inherit" })
const cli = fileURLToPath(new URL("../dist/cli/main.mjs", import.meta.url))
const scenarioFile = fileURLToPath(new URL("../scenarios/ways-to-wellness.json", import.meta.url))
/** Wall time, and peak memory from GNU time where the machine has it. */
const ensemble = (workers: number): { seconds: number; peakGb: number | undefined } => {
  const args = [cli, "run", scenarioFile, "--replicates", String(replicates), "--workers", String(workers), "--quiet", "--json"]
  const gnuTime = existsSync("/usr/bin/time")
  const start = performance.now()
  const child = gnuTime
    ? spawnSync("/usr/bin/time", ["-f", "peakKb=%M", process.execPath, ...args], { encoding: "utf8", maxBuffer: 1 << 26 })
    : spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 1 << 26 })
  const seconds = (performance.now() - start) / 1000
  if (child.status !== 0) throw new Error(child.stderr)
  const peakKb = /peakKb=(\d+)/.exec(child.stderr)?.[1]
  return { seconds, peakGb: peakKb === undefined ? undefined : (Number(peakKb) * 1024) / 1e9 }
}
/**
 * The same run pinned to each CPU (`bench/probe.ts` under `taskset`), median ms per CPU; none where the machine
 * has no `taskset`. On a shared machine one CPU can be much slower than another for minutes at a time (another
 * tenant on the same physical core): then no program gets twice one worker's speed from two.
 */
const machineCheck = (): Array<number> | undefined => {
  if (!existsSync("/usr/bin/taskset")) return undefined
  return cpus().map((_, cpu) => {
    const child = spawnSync("/usr/bin/taskset", ["-c", String(cpu), process.execPath, ...sibling("probe")], { encoding: "utf8" })
    if (child.status !== 0) throw new Error(child.stderr)
    return Number(child.stdout.trim())
  })
}
const printCheck = (when: string, ms: Array<number> | undefined): void => {
  if (ms === undefined) {
    console.log(`  machine check ${when}: skipped (no /usr/bin/taskset to pin a run to one CPU)`)
    return
  }
  const [fastest, slowest] = [Math.min(...ms), Math.max(...ms)]
  // Two lanes of these speeds do at most 1/fastest + 1/slowest replicates per ms; one lane at best 1/fastest.
  const cap = ms.reduce((sum, t) => sum + fastest / t, 0)
  console.log(`  machine check ${when}: one run pinned to each CPU, median ${ms.map((t, cpu) => `cpu${cpu} ${fmt(t)} ms`).join(", ")}` +
    (slowest > fastest * 1.15 ? `: unequal, so ${ms.length} workers can be at most ${fmt(cap, 2)}x one worker on the fastest CPU` : ""))
}

const memory = (gb: number | undefined) => (gb === undefined ? "" : `, peak memory ${fmt(gb, 2)} GB`)
// Pairs of runs, 1 worker and 2 taking turns at going first: one pair's ratio moves by ±20% with the machine
// (one run may meet a slow minute the other does not), so the figures are medians over the pairs.
const pairs = process.argv.includes("--quick") ? 1 : 3
const before = machineCheck()
const ones: Array<{ seconds: number; peakGb: number | undefined }> = []
const twos: Array<{ seconds: number; peakGb: number | undefined }> = []
for (let pair = 0; pair < pairs; pair++) {
  if (pair % 2 === 0) {
    ones.push(ensemble(1))
    twos.push(ensemble(2))
  } else {
    twos.push(ensemble(2))
    ones.push(ensemble(1))
  }
}
const after = machineCheck()
printCheck("before", before)
const peak = (runs: typeof ones) => (runs.some((r) => r.peakGb === undefined) ? undefined : Math.max(...runs.map((r) => r.peakGb!)))
const secondsOf = (runs: typeof ones) => runs.map((r) => fmt(r.seconds)).join(", ")
const ratios = ones.map((one, i) => one.seconds / twos[i].seconds)
console.log(`  1 worker:  median ${fmt(median(ones.map((r) => r.seconds)))} s (${secondsOf(ones)})${memory(peak(ones))}`)
console.log(`  2 workers: median ${fmt(median(twos.map((r) => r.seconds)))} s (${secondsOf(twos)})${memory(peak(twos))}`)
console.log(`  speed-up on 2 cores: median ${fmt(median(ratios), 2)}x over ${pairs} pair${pairs === 1 ? "" : "s"} (${ratios.map((r) => `${fmt(r, 2)}x`).join(", ")})`)
printCheck("after", after)
