/**
 * The `spsim` command line. Exit codes: 0 success, 2 bad input (arguments or scenario file), 1 anything else.
 */
import { basename } from "node:path"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as NodeServices from "@effect/platform-node/NodeServices"
import { Cause, Console, Effect, Exit, Option } from "effect"
import { Argument, CliError, Command, Flag } from "effect/cli"
import { loadScenario } from "../scenario/loadScenario.ts"
import { spsimVersion } from "../version.ts"
import { runScenario } from "./runScenario.ts"
import { validationReport } from "../calibration/runReport.ts"
import { calibrateCommand } from "./calibrate.ts"
import { writeFileAtomic } from "../io/atomicWrite.ts"
import { checkOutFile, prepareOutFile } from "./outDir.ts"
import { progressBar } from "./progress.ts"
import { compareScenarios } from "./compare.ts"
import { sweepScenario } from "./sweep.ts"
import { sensitivityAnalysis } from "./sensitivity.ts"
import { provenanceReport } from "./provenance.ts"
import { provenanceSummary, scenarioProvenance } from "../scenario/provenance.ts"

const scenarioFile = Argument.String("scenario").pipe(Argument.withDescription("Scenario file (JSON)"))

/** A seed as a scenario file may hold one (`seed`: 0 to 2^31 − 1). */
const seedRange = Flag.filter((n: number) => n >= 0 && n <= 2147483647, (n) => `a seed from 0 to 2147483647, found ${n}`)
const seedFlag = Flag.Int("seed").pipe(Flag.withDescription("Seed of every scenario (default: the first scenario's own)"), seedRange, Flag.optional)
const replicatesFlag = (fallback: number, description = "Replicates per scenario or design point") =>
  Flag.Int("replicates").pipe(
    Flag.withDescription(`${description} (default ${fallback})`),
    Flag.withDefault(fallback),
    Flag.filter((n) => n >= 1 && n <= 100000, (n) => `a number of replicates from 1 to 100000, found ${n}`)
  )
const jsonFlag = Flag.Boolean("json").pipe(Flag.withDescription("Print the full result as JSON"), Flag.withDefault(false))
const outFlag = Flag.String("out").pipe(Flag.withDescription("Directory to write the results to"), Flag.optional)
const workersFlag = Flag.Int("workers").pipe(
  Flag.withDescription("Compute lanes: this thread plus worker threads (default: all cores from 50 replicates, else 1)"),
  Flag.filter((n) => n >= 1 && n <= 256, (n) => `1 to 256 workers, found ${n}`),
  Flag.optional
)
const quietFlag = Flag.Boolean("quiet").pipe(Flag.withDescription("No progress line"), Flag.withDefault(false))
const metricsFlag = Flag.String("metric").pipe(Flag.withDescription("Metrics to show, comma-separated (names as in summary.json)"), Flag.optional)
/** The flags every analysis command takes, and their values as the commands want them. */
const analysisFlags = {
  seed: seedFlag,
  replicates: replicatesFlag(20),
  metric: metricsFlag,
  json: jsonFlag,
  out: outFlag,
  workers: workersFlag,
  quiet: quietFlag
}
const analysisOptions = (o: {
  seed: Option.Option<number>; replicates: number; metric: Option.Option<string>; json: boolean; out: Option.Option<string>
  workers: Option.Option<number>; quiet: boolean
}) => ({
  seed: Option.getOrUndefined(o.seed), replicates: o.replicates, metrics: list(o.metric), json: o.json,
  out: Option.getOrUndefined(o.out), workers: Option.getOrUndefined(o.workers), quiet: o.quiet
})
const list = (o: Option.Option<string>): ReadonlyArray<string> | undefined =>
  Option.isSome(o) ? o.value.split(",").map((x) => x.trim()).filter((x) => x !== "") : undefined

const validate = Command.make("validate", { file: scenarioFile }, ({ file }) =>
  Effect.gen(function*() {
    const scenario = yield* loadScenario(file)
    yield* Console.log(`${file}: valid scenario "${scenario.name}" (${scenario.horizonWeeks} weeks from ${scenario.startDate})`)
  })).pipe(Command.withDescription("Check a scenario file and report every problem in it"))

const provenance = Command.make(
  "provenance",
  {
    file: scenarioFile,
    all: Flag.Boolean("all").pipe(Flag.withDescription("List every value with its source, not only those that differ from the Ways to Wellness default"), Flag.withDefault(false)),
    json: Flag.Boolean("json").pipe(Flag.withDescription("Print the counts and every value with its source as JSON"), Flag.withDefault(false))
  },
  ({ all, file, json }) =>
    Effect.gen(function*() {
      const scenario = yield* loadScenario(file)
      const values = scenarioProvenance(scenario)
      yield* Console.log(json
        ? JSON.stringify({ scenario: scenario.name, file, summary: provenanceSummary(values), values }, null, 2)
        : provenanceReport(scenario, file, values, all))
    })
).pipe(Command.withDescription("Where each value of a scenario comes from: its published source and confidence, the scenario's own stated source, or assumed"))

const run = Command.make(
  "run",
  {
    file: scenarioFile,
    seed: Flag.Int("seed").pipe(Flag.withDescription("Seed (default: the scenario's own)"), seedRange, Flag.optional),
    replicates: replicatesFlag(20, "Number of replicates"),
    out: Flag.String("out").pipe(Flag.withDescription("Directory for summary.json, weekly.csv, bands.csv, replicates.csv, payments.csv, cashflows.csv, scenario.json (and people.csv with --people)"), Flag.optional),
    json: Flag.Boolean("json").pipe(Flag.withDescription("Print summary.json to stdout instead of the table"), Flag.withDefault(false)),
    people: Flag.Boolean("people").pipe(Flag.withDescription("With --out: also write people.csv (one row per person per replicate; large)"), Flag.withDefault(false)),
    parquet: Flag.Boolean("parquet").pipe(Flag.withDescription("With --out: also write each table as Parquet (DuckDB, pandas, R arrow)"), Flag.withDefault(false)),
    posterior: Flag.String("posterior").pipe(Flag.withDescription("posterior.csv from spsim calibrate: each replicate draws its parameter set from it (parameter uncertainty)"), Flag.optional),
    groups: Flag.Boolean("groups").pipe(Flag.withDescription("Also print outcomes by group: age band, sex, ethnic group, conditions, anxiety or depression, isolation"), Flag.withDefault(false)),
    workers: workersFlag,
    quiet: quietFlag
  },
  ({ file, seed, replicates, out, json, people, parquet, posterior, groups, workers, quiet }) =>
    runScenario({
      file,
      seed: Option.getOrUndefined(seed),
      replicates,
      out: Option.getOrUndefined(out),
      json,
      people,
      workers: Option.getOrUndefined(workers),
      quiet,
      parquet,
      posterior: Option.getOrUndefined(posterior),
      groups
    })
).pipe(Command.withDescription("Run replicates of a scenario and report the results"))

const compare = Command.make(
  "compare",
  {
    files: Argument.String("scenarios").pipe(Argument.withDescription("Two or more scenario files; differences are against the first"), Argument.variadic({ min: 1 })),
    posterior: Flag.String("posterior").pipe(Flag.withDescription("posterior.csv from spsim calibrate: replicate i of every scenario draws the same parameter set from it"), Flag.optional),
    ...analysisFlags
  },
  (o) => compareScenarios({ files: o.files, posterior: Option.getOrUndefined(o.posterior), ...analysisOptions(o) })
).pipe(Command.withDescription("Compare scenarios on common random numbers: each metric per scenario and paired differences"))

const sweep = Command.make(
  "sweep",
  {
    file: scenarioFile,
    set: Flag.String("set").pipe(Flag.withDescription("PATH=v1,v2,… (once or twice); a list element by position or name, e.g. contracts[outcomes].capTotal=8e6,12e6; a choice by its words, e.g. contracts[outcomes].period=quarterly,annual"), Flag.atLeast(1)),
    ...analysisFlags
  },
  (o) => sweepScenario({ file: o.file, sets: o.set, ...analysisOptions(o) })
).pipe(Command.withDescription("Run a one- or two-parameter grid and report KPIs with intervals at each point"))

const sensitivity = Command.make(
  "sensitivity",
  {
    file: scenarioFile,
    method: Flag.Literals("method", ["tornado", "morris", "sobol"]).pipe(Flag.withDescription("One-way swings (tornado), Morris elementary effects or Sobol variance-based indices (default tornado)"), Flag.withDefault("tornado" as const)),
    params: Flag.String("params").pipe(Flag.withDescription("Parameter paths, comma-separated (default: every single number assumed in this scenario, as spsim provenance rates it); a list element by position or name, e.g. contracts[hybrid].capTotal"), Flag.optional),
    metric: Flag.String("metric").pipe(Flag.withDescription("The KPI (default: the first contract's outcomePayments)"), Flag.optional),
    swing: Flag.Finite("swing").pipe(Flag.withDescription("Relative swing around each default (default 0.5)"), Flag.withDefault(0.5), Flag.filter((x) => x > 0 && x <= 1, (x) => `a swing above 0 and at most 1, found ${x}`)),
    trajectories: Flag.Int("trajectories").pipe(Flag.withDescription("Morris trajectories (default 10)"), Flag.withDefault(10), Flag.filter((n) => n >= 2 && n <= 1000, (n) => `2 to 1000 trajectories, found ${n}`)),
    levels: Flag.Int("levels").pipe(Flag.withDescription("Morris grid levels, even (default 4)"), Flag.withDefault(4), Flag.filter((n) => n >= 2 && n % 2 === 0 && n <= 20, (n) => `an even number of levels from 2 to 20, found ${n}`)),
    samples: Flag.Int("samples").pipe(Flag.withDescription("Sobol base sample size N: N × (parameters + 2) points, each run --replicates times (default 64)"), Flag.withDefault(64), Flag.filter((n) => n >= 2 && n <= 100_000, (n) => `a Sobol sample size N from 2 to 100000, found ${n}`)),
    seed: seedFlag,
    replicates: replicatesFlag(8),
    json: jsonFlag,
    out: outFlag,
    workers: workersFlag,
    quiet: quietFlag
  },
  (o) =>
    sensitivityAnalysis({
      file: o.file, method: o.method, params: list(o.params), metric: Option.getOrUndefined(o.metric), swing: o.swing,
      trajectories: o.trajectories, levels: o.levels, samples: o.samples, seed: Option.getOrUndefined(o.seed), replicates: o.replicates,
      json: o.json, out: Option.getOrUndefined(o.out), workers: Option.getOrUndefined(o.workers), quiet: o.quiet
    })
).pipe(Command.withDescription("Rank parameters by their influence on a KPI (tornado, Morris or Sobol)"))

const report = Command.make(
  "report",
  {
    scenario: Argument.String("scenario").pipe(Argument.withDescription("Scenario file (JSON)")),
    targets: Argument.String("targets").pipe(Argument.withDescription("Targets file (JSON), e.g. calibration/ways-to-wellness.targets.json")),
    calibration: Flag.String("calibration").pipe(Flag.withDescription("calibration.json from spsim calibrate: list the calibrated parameters and their posterior"), Flag.optional),
    seed: seedFlag,
    replicates: replicatesFlag(20),
    out: Flag.String("out").pipe(Flag.withDescription("Write the report (Markdown) to this file, and its chart beside it (NAME-cumulative.svg)"), Flag.optional),
    workers: workersFlag,
    quiet: quietFlag
  },
  (o) =>
    Effect.gen(function*() {
      const out = Option.getOrUndefined(o.out)
      const chartFile = out === undefined ? undefined : `${out.replace(/\.md$/, "")}-cumulative.svg`
      if (out !== undefined) yield* checkOutFile(out)
      const progress = progressBar("report", o.quiet)
      const { markdown, svg } = yield* validationReport({
        scenarioFile: o.scenario, targetsFile: o.targets, seed: Option.getOrUndefined(o.seed), replicates: o.replicates,
        workers: Option.getOrUndefined(o.workers), calibration: Option.getOrUndefined(o.calibration),
        chart: chartFile === undefined ? undefined : basename(chartFile), onProgress: progress.update
      }).pipe(Effect.ensuring(Effect.sync(progress.finish)))
      if (out === undefined) return yield* Console.log(markdown)
      yield* prepareOutFile(out)
      if (svg !== undefined && chartFile !== undefined) yield* writeFileAtomic(chartFile, svg)
      yield* writeFileAtomic(out, markdown)
    })
).pipe(Command.withDescription("Set simulated figures beside published targets (validation report, Markdown, with an SVG chart)"))

const calibrateCmd = Command.make(
  "calibrate",
  {
    scenario: Argument.String("scenario").pipe(Argument.withDescription("Scenario file (JSON)")),
    targets: Argument.String("targets").pipe(Argument.withDescription("Targets file (JSON)")),
    params: Flag.String("params").pipe(Flag.withDescription("Parameters to calibrate, comma-separated (default: those declared calibratable)"), Flag.optional),
    priors: Flag.String("priors").pipe(Flag.withDescription("calibration.json of an earlier calibration: use its priors (to repeat it after its values were adopted)"), Flag.optional),
    particles: Flag.Int("particles").pipe(Flag.withDescription("Parameter sets kept in each generation, the posterior's size (default 40)"), Flag.withDefault(40), Flag.filter((n) => n >= 4 && n <= 100000, (n) => `4 to 100000 particles, found ${n}`)),
    alpha: Flag.Finite("alpha").pipe(Flag.withDescription("Each generation's tolerance: this quantile of the last population's distances (default 0.5)"), Flag.withDefault(0.5), Flag.filter((x) => x > 0 && x < 1, (x) => `a share above 0 and below 1, found ${x}`)),
    minAcceptance: Flag.Finite("min-acceptance").pipe(Flag.withDescription("Stop once fewer than this share of a generation's new sets meet its tolerance (default 0.15)"), Flag.withDefault(0.15), Flag.filter((x) => x >= 0 && x <= 1, (x) => `a share from 0 to 1, found ${x}`)),
    generations: Flag.Int("generations").pipe(Flag.withDescription("Generations after the first, at most (default 10)"), Flag.withDefault(10), Flag.filter((n) => n >= 0 && n <= 1000, (n) => `0 to 1000 generations, found ${n}`)),
    spread: Flag.Finite("spread").pipe(Flag.withDescription("Prior range: each default ± this share, within its declared range (default 0.5)"), Flag.withDefault(0.5), Flag.filter((x) => x > 0 && x <= 1, (x) => `a spread above 0 and at most 1, found ${x}`)),
    seed: seedFlag,
    replicates: replicatesFlag(8),
    out: outFlag,
    workers: workersFlag,
    quiet: quietFlag
  },
  (o) =>
    calibrateCommand({
      scenarioFile: o.scenario, targetsFile: o.targets, params: list(o.params), priorsFrom: Option.getOrUndefined(o.priors), particles: o.particles, alpha: o.alpha,
      minAcceptance: o.minAcceptance, maxGenerations: o.generations, spread: o.spread, replicates: o.replicates,
      seed: Option.getOrUndefined(o.seed), workers: Option.getOrUndefined(o.workers), out: Option.getOrUndefined(o.out), quiet: o.quiet
    })
).pipe(Command.withDescription("Fit the free parameters to published targets (ABC-SMC) and write the posterior"))

const spsim = Command.make("spsim").pipe(
  Command.withDescription("Commissioning simulator for link-worker social prescribing"),
  Command.withSubcommands([validate, provenance, run, compare, sweep, sensitivity, report, calibrateCmd])
)

const isInputError = (error: unknown): boolean =>
  CliError.isCliError(error) ||
  (typeof error === "object" && error !== null && "_tag" in error &&
    (String(error._tag).startsWith("Scenario") || error._tag === "InputError"))

const program = Command.run(spsim, { version: spsimVersion }).pipe(Effect.provide(NodeServices.layer))

// Ctrl-C interrupts the run: scoped temp files are removed, so nothing is left that looks complete.
NodeRuntime.runMain(program, {
  disableErrorReporting: true,
  teardown: (exit, onExit) => onExit(exitCode(exit))
})

function exitCode(exit: Exit.Exit<unknown, unknown>): number {
  if (Exit.isSuccess(exit)) return 0
  if (Cause.hasInterruptsOnly(exit.cause)) {
    process.stderr.write("interrupted: no results were written\n")
    return 130
  }
  const error = Cause.findErrorOption(exit.cause)
  if (Option.isSome(error) && isInputError(error.value)) {
    const e = error.value as { render?: () => string; message?: unknown }
    // Every refusal says why: its own rendering, or else its message.
    if (typeof e.render === "function") process.stderr.write(`${e.render()}\n`)
    else if (typeof e.message === "string" && e.message !== "") process.stderr.write(`${e.message}\n`)
    return 2
  }
  process.stderr.write(`${Cause.pretty(exit.cause)}\n`)
  return 1
}
