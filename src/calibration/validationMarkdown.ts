/**
 * docs/validation.md: each published target beside the simulated median and 90% interval with a match or
 * missed mark (and how far off), the chart, which parameters were calibrated and to what, and what the
 * results rest on. Missed targets stay missed: the text says how often the posterior reaches each one.
 */
import type { Scenario } from "../scenario/schema.ts"
import { getAtPath } from "../scenario/parameters.ts"
import type { CalibrationRecord } from "./record.ts"
import type { TargetResult } from "./report.ts"
import type { Target, Targets } from "./targets.ts"
import { formatOf, formatValue } from "../cli/format.ts"

const fmt = (x: number): string => (Math.abs(x) >= 100 ? Math.round(x).toLocaleString("en-GB") : Math.abs(x) < 1 ? x.toFixed(3) : x.toFixed(2))
/** A target's figures as the CLI shows its metric where that is a share (75.8%, as `spsim run` prints it); else `fmt`. */
const formatterOf = (t: Target): ((x: number) => string) =>
  t.kind === "metric" && formatOf(t.metric) === "share" ? (x) => formatValue(x, "share") : fmt
const sig = (x: number): string => (+x.toPrecision(3)).toString()
const percent = (x: number): string => `${Math.round(x * 100)}%`

/** "match", or "**missed** (4% below)". */
const mark = (r: TargetResult): string => {
  if (r.match) return "match"
  if (r.simulated === undefined) return "**missed**"
  const { low, high } = r.target
  const off = r.simulated.p50 < low ? `${percent((low - r.simulated.p50) / Math.abs(low))} below` : `${percent((r.simulated.p50 - high) / Math.abs(high))} above`
  return `**missed** (${off})`
}

export interface ReportText {
  readonly targets: Targets
  readonly scenario: Scenario
  readonly scenarioFile: string
  readonly targetsFile: string
  readonly seed: number
  readonly replicates: number
  readonly version: string
  readonly results: ReadonlyArray<TargetResult>
  /** The scenario's values (src/scenario/provenance.ts), and how many of them are assumed. */
  readonly assumed: number
  readonly values: number
  /** The calibration the scenario's values come from (calibration.json), when given. */
  readonly calibration?: { readonly file: string; readonly record: CalibrationRecord } | undefined
  /** The chart's file name, relative to the report. */
  readonly chart?: string | undefined
}

const calibrationSection = (o: ReportText, c: { readonly file: string; readonly record: CalibrationRecord }): Array<string> => {
  const rec = c.record
  const runs = rec.generations.reduce((s, g) => s + g.proposed, 0) * rec.settings.replicates
  const rows = rec.posterior.parameters.map((p, j) => {
    const prior = rec.priors[j]
    const here = getAtPath(o.scenario, p.path)
    const calibrated = rec.calibrated.values[p.path]
    // Scenario files hold the calibrated values to 4 significant figures.
    const status = typeof here === "number" && Math.abs(here - calibrated) <= 5e-4 * Math.abs(calibrated) ? "calibrated" : `**not the calibrated value** (${sig(calibrated)})`
    return `| \`${p.path}\` | ${sig(prior.low)} – ${sig(prior.high)} | ${sig(p.p50)} (${sig(p.p05)} – ${sig(p.p95)}) | ${typeof here === "number" ? +here.toPrecision(4) : "—"} | ${status} |`
  })
  const reach = rec.posterior.targets.map((t) => `${t.name}: ${percent(t.withinRange)}`)
  return [
    "## Calibrated parameters",
    "",
    `The ${rec.priors.length} parameters below were calibrated to these targets by approximate Bayesian computation — ${rec.method} —`,
    `with \`${rec.command}\` (record: \`${c.file}\`; spsim ${rec.spsimVersion}). ${rec.generations.length} generations, ${runs.toLocaleString("en-GB")} simulations;`,
    `stopped: ${rec.stopped}. The posterior holds ${rec.posterior.sets} weighted parameter sets (effective size ${sig(rec.posterior.effectiveSize)}), each at most ${sig(rec.posterior.tolerance)} from the`,
    "targets (0 would mean within every target's range);",
    `the scenario takes its medoid (set ${rec.calibrated.particle}), a set the posterior holds, rather than the marginal medians, which need not fit together.`,
    `Priors are uniform over each hand-set default ± ${percent(rec.settings.spread)} (within the parameter's declared range); the scenario files hold the calibrated`,
    "values to 4 significant figures.",
    "",
    "| parameter | prior (uniform) | posterior median (90% interval) | in this scenario | |",
    "|---|---|---|---|---|",
    ...rows,
    "",
    `Share of the posterior's parameter sets whose simulated median (${rec.settings.replicates} replicates) lies within each target's range: ${reach.join("; ")}.`,
    "A target reached by few posterior sets is one the model cannot meet together with the others under these priors.",
    "`spsim run SCENARIO --posterior` with the posterior file carries this parameter uncertainty into an ensemble.",
    ""
  ]
}

export const renderReport = (o: ReportText): string => {
  const { results } = o
  const matched = results.filter((r) => r.match).length
  const rows = results.map((r) => {
    const t = r.target
    const f = formatterOf(t)
    const sim = r.simulated === undefined ? r.problem ?? "—" : `${f(r.simulated.p50)} (${f(r.simulated.p05)} – ${f(r.simulated.p95)})`
    return `| ${t.name} | ${f(t.published)} | ${f(t.low)} – ${f(t.high)} | ${sim} | ${mark(r)} | ${t.source}${t.note ? `; ${t.note}` : ""} | ${t.confidence} |`
  })
  const missed = results.filter((r) => !r.match).map((r) => r.target.name)
  return [
    "<!-- Generated by `spsim report` (this repository's docs/validation.md by `npm run report`): run it again rather than edit by hand. -->",
    "",
    "# Validation against the published record",
    "",
    `${o.targets.description}`,
    "",
    `Scenario \`${o.scenarioFile}\` (${o.scenario.name}), targets \`${o.targetsFile}\`, ${o.replicates} replicates, seed ${o.seed}, spsim ${o.version}.`,
    `**${matched} of ${results.length} targets matched** (simulated median within the target's range)${missed.length > 0 ? `; missed: ${missed.join("; ")}` : ""}.`,
    "",
    "| target | published | counted as a match | simulated median (90% interval) | result | source | confidence |",
    "|---|---|---|---|---|---|---|",
    ...rows,
    "",
    ...(o.chart !== undefined
      ? [`![Cumulative referrals and people engaged: simulated median and 90% band against the published figures](${o.chart})`, ""]
      : []),
    ...(o.calibration !== undefined ? calibrationSection(o, o.calibration) : []),
    "## What this rests on",
    "",
    `${o.assumed} of the scenario's ${o.values} values are assumed (nothing published; \`spsim provenance\` gives each value's source, docs/parameters.md each parameter's).`,
    ...(o.calibration !== undefined
      ? [
        `The ${o.calibration.record.priors.length} calibrated parameters are fitted to the targets above, so matched targets show the model can reproduce the`,
        "record, not that it predicts it: the same figures set and check them. Parameters the targets barely inform (wide posterior",
        "intervals) stay close to assumptions. The other assumed parameters (dropout risk factors, setbacks, community services,",
        "handovers) were set by hand and are not identified by these figures."
      ]
      : [
        "No calibration record was given to this report, so it lists no calibrated parameters (`--calibration FILE`, a calibration.json",
        "from `spsim calibrate`, adds them). Matched targets show that the scenario's values are consistent with the record, not that",
        "the behavioural parameters are identified by it."
      ]),
    "The hospital-cost and Star figures are self-reported by the programme. Intervals in the table show chance alone (the",
    "replicates of one parameter set), not uncertainty about the parameters.",
    ""
  ].join("\n")
}
