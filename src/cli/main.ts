/**
 * The `spsim` command line. Exit codes: 0 success, 2 bad input (arguments or scenario file), 1 anything else.
 */
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as NodeServices from "@effect/platform-node/NodeServices"
import { Cause, Console, Effect, Exit, Option } from "effect"
import { Argument, CliError, Command, Flag } from "effect/cli"
import { loadScenario } from "../scenario/loadScenario.ts"
import { spsimVersion } from "../version.ts"
import { runScenario } from "./runScenario.ts"

const scenarioFile = Argument.String("scenario").pipe(Argument.withDescription("Scenario file (JSON)"))

const validate = Command.make("validate", { file: scenarioFile }, ({ file }) =>
  Effect.gen(function*() {
    const scenario = yield* loadScenario(file)
    yield* Console.log(`${file}: valid scenario "${scenario.name}" (${scenario.horizonWeeks} weeks from ${scenario.startDate})`)
  })).pipe(Command.withDescription("Check a scenario file and report every problem in it"))

const run = Command.make(
  "run",
  {
    file: scenarioFile,
    seed: Flag.Int("seed").pipe(Flag.withDescription("Seed (default: the scenario's own)"), Flag.optional),
    replicates: Flag.Int("replicates").pipe(
      Flag.withDescription("Number of replicates"),
      Flag.withDefault(20),
      Flag.filter((n) => n >= 1 && n <= 100000, (n) => `expected a number of replicates from 1 to 100000, found ${n}`)
    ),
    out: Flag.String("out").pipe(Flag.withDescription("Directory for summary.json, weekly.csv, people.csv, scenario.json"), Flag.optional),
    json: Flag.Boolean("json").pipe(Flag.withDescription("Print summary.json to stdout instead of the table"), Flag.withDefault(false)),
    noPeople: Flag.Boolean("no-people").pipe(Flag.withDescription("With --out: skip people.csv (one row per person per replicate)"), Flag.withDefault(false))
  },
  ({ file, seed, replicates, out, json, noPeople }) =>
    runScenario({
      file,
      seed: Option.getOrUndefined(seed),
      replicates,
      out: Option.getOrUndefined(out),
      json,
      people: !noPeople
    })
).pipe(Command.withDescription("Run replicates of a scenario and report the results"))

const spsim = Command.make("spsim").pipe(
  Command.withDescription("Commissioning simulator for link-worker social prescribing"),
  Command.withSubcommands([validate, run])
)

const isInputError = (error: unknown): boolean =>
  CliError.isCliError(error) ||
  (typeof error === "object" && error !== null && "_tag" in error && String(error._tag).startsWith("Scenario"))

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
    const e = error.value as { render?: () => string }
    if (typeof e.render === "function") process.stderr.write(`${e.render()}\n`)
    return 2
  }
  process.stderr.write(`${Cause.pretty(exit.cause)}\n`)
  return 1
}
