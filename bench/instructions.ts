/**
 * A measurement, not a test: the machine instructions a replicate executes in V8's optimized code, by function,
 * counted rather than timed, so that a change to the engine can be judged on this shared, noisy machine where
 * alternating timed runs differ by a few percent from one minute to the next.
 *
 *   npm run bench:instructions -- [scenario=ways-to-wellness] [replicates=20] [functions=25]
 *
 * Two child processes run `replicates` and 2 × `replicates` replicates of the scenario, bundled as the CLI is
 * (scripts/bundle.mjs), with the long run's V8 flags (`src/ensemble/v8Flags.ts`) and `--turbo-profiling-verbose`:
 * TurboFan counts how often each basic block of its code runs and prints, at exit, the counts and each function's
 * machine code. Each block's instructions times its count, less the counter's own 8 instructions, summed by
 * function (a function V8 inlined counts in its caller), and the difference between the two processes divided by
 * `replicates` is a replicate's count once compiled. The profiling makes V8 compile on the main thread, in the same
 * order in both processes, so the difference holds only the later replicates. Not counted: V8's builtins and runtime (`Math.log`, `fill`, the
 * garbage collector), and code not yet optimized; so it is a guide to the engine's own code, not a total.
 */
import { execFileSync } from "node:child_process"
import { closeSync, mkdirSync, openSync, readFileSync, rmSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { engineV8Flags } from "../src/ensemble/v8Flags.ts"
import { bundleFile } from "../scripts/bundle.mjs"
import { instructionsByFunction } from "./instructionCounts.ts"

const [scenario = "ways-to-wellness", replicatesArg = "20", functionsArg = "25"] = process.argv.slice(2)
const replicates = Number(replicatesArg)
const functions = Number(functionsArg)

const root = fileURLToPath(new URL("..", import.meta.url))
// In dist/ (one level down, as bench/ is), so that the bundled `loadShipped` finds ../scenarios.
mkdirSync(join(root, "dist"), { recursive: true })
const bundle = join(root, "dist", "instructions-run.mjs")
const report = join(root, "dist", "instructions-report.txt")
try {
  await bundleFile(root, "bench/instructionsRun.ts", bundle)
  const run = (n: number) => {
    // Into a file: through a pipe, V8's report at exit is cut short (a few of ~140 functions).
    const fd = openSync(report, "w")
    try {
      execFileSync(process.execPath, [...engineV8Flags, "--turbo-profiling-verbose", bundle, scenario, String(n)], { stdio: ["ignore", fd, "inherit"] })
    } finally {
      closeSync(fd)
    }
    const output = readFileSync(report, "utf8")
    const personWeeks = Number(/@@personWeeks (\d+)/.exec(output)?.[1] ?? NaN)
    return { counts: instructionsByFunction(output), personWeeks }
  }
  const short = run(replicates)
  const long = run(2 * replicates)
  const rows = [...long.counts].map(([name, n]) => ({ name, perReplicate: (n - (short.counts.get(name) ?? 0)) / replicates }))
  rows.sort((a, b) => b.perReplicate - a.perReplicate)
  const total = rows.reduce((sum, r) => sum + r.perReplicate, 0)
  const fmt = (x: number, digits = 1) => x.toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits })
  console.log(`${scenario}.json: instructions a replicate in V8's optimized code (replicates ${replicates + 1}–${2 * replicates} of a run, counted; flags ${engineV8Flags.join(" ")})`)
  const personWeeks = (long.personWeeks - short.personWeeks) / replicates
  console.log(`  total ${fmt(total / 1e6)} million; ${fmt(total / personWeeks, 0)} per person-week on the pathway (${fmt(personWeeks, 0)} a replicate)`)
  for (const r of rows.slice(0, functions)) console.log(`  ${fmt(r.perReplicate / 1e6, 2).padStart(8)} M  ${fmt((100 * r.perReplicate) / total).padStart(5)}%  ${r.name}`)
} finally {
  rmSync(bundle, { force: true })
  rmSync(report, { force: true })
}
