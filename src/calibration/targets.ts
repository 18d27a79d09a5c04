/**
 * Published figures a scenario should reproduce: each a summary metric, a weekly series summed up to a date, or a
 * weekly series' value at a date (a figure to date, such as the Star change of the clients reviewed by then), with
 * the published value, the range counted as a match, and its source. A targets file is checked against the
 * scenario it is read with (`loadTargets`) before anything runs: a series, metric or date the simulation cannot
 * give is bad input, not a target silently missed.
 */
import { Effect, Schema } from "effect"
import { dateOfWeek, weekOf } from "../model/schedule.ts"
import { weeklyColumns } from "../model/weekly.ts"
import { metricNames } from "../results/metricNames.ts"
import { closestName } from "../scenario/closestName.ts"
import { ScenarioInvalid, type ScenarioProblem } from "../scenario/errors.ts"
import { loadDocument } from "../scenario/load.ts"
import type { Scenario } from "../scenario/schema.ts"
import { IsoDate } from "../scenario/schedule.ts"

const common = {
  name: Schema.NonEmptyString.annotate({ description: "What the target is, in words" }),
  published: Schema.Finite.annotate({ description: "The published value" }),
  low: Schema.Finite.annotate({ description: "Lowest simulated median counted as a match" }),
  high: Schema.Finite.annotate({ description: "Highest simulated median counted as a match" }),
  source: Schema.NonEmptyString.annotate({ description: "Where the published value comes from (full citations: docs/model.md, References)" }),
  confidence: Schema.Literals(["high", "medium", "low"]),
  note: Schema.optionalKey(Schema.String)
}

export const Target = Schema.Union([
  Schema.Struct({
    kind: Schema.Literal("metric"),
    metric: Schema.NonEmptyString.annotate({ description: "A metric of summary.json" }),
    ...common
  }),
  Schema.Struct({
    kind: Schema.Literal("cumulative"),
    series: Schema.NonEmptyString.annotate({ description: "A column of weekly.csv, summed from the start" }),
    date: IsoDate.annotate({ description: "Summed up to the week containing this date" }),
    ...common
  }),
  Schema.Struct({
    kind: Schema.Literal("level"),
    series: Schema.NonEmptyString.annotate({ description: "A column of weekly.csv that is a figure to date (e.g. starChangeMeanToDate)" }),
    date: IsoDate.annotate({ description: "Its value in the week containing this date" }),
    ...common
  })
])
export type Target = typeof Target.Type

export const Targets = Schema.Struct({
  name: Schema.NonEmptyString,
  description: Schema.String,
  targets: Schema.Array(Target).check(Schema.isMinLength(1))
})
export type Targets = typeof Targets.Type

/**
 * What in a decoded targets file cannot be measured on `scenario`: an unknown weekly series or metric, a date
 * outside the scenario's horizon, a range whose high is below its low. Each
 * names its path, what was expected (the valid names, or the one meant when a name is a slip away from it) and
 * what was found.
 */
export const targetProblems = (targets: Targets, scenario: Scenario): Array<ScenarioProblem> => {
  const metrics = metricNames(scenario)
  const problems: Array<ScenarioProblem> = []
  const weeks = scenario.horizonWeeks
  const first = scenario.startDate
  const last = dateOfWeek(weeks, first)
  const lastDay = new Date(Date.parse(`${last}T00:00:00Z`) - 86400000).toISOString().slice(0, 10)
  targets.targets.forEach((t, i) => {
    const at = (field: string) => `targets[${i}].${field}`
    if (t.kind === "metric") {
      if (!metrics.has(t.metric)) {
        problems.push({ path: at("metric"), expected: expectedName("a metric", "a name in this scenario's summary.json", t.metric, [...metrics]), found: JSON.stringify(t.metric) })
      }
    } else {
      if (!(weeklyColumns as ReadonlyArray<string>).includes(t.series)) {
        problems.push({ path: at("series"), expected: expectedName("a weekly series", "a column of weekly.csv", t.series, weeklyColumns), found: JSON.stringify(t.series) })
      }
      // A day the calendar lacks (2020-02-30) is refused when the file is decoded (`IsoDate`).
      const week = weekOf(t.date, first)
      if (week < 0 || week >= weeks) {
        problems.push({ path: at("date"), expected: `expected a date within the scenario's ${weeks} weeks, ${first} to ${lastDay}`, found: JSON.stringify(t.date) })
      }
    }
    if (t.high < t.low) problems.push({ path: at("high"), expected: `expected a number at least low (${t.low})`, found: String(t.high) })
  })
  return problems
}

/**
 * Reads and decodes a targets file and checks it against the scenario it will be measured on (`targetProblems`):
 * every problem is reported at once, as bad input, and nothing runs.
 */
export const loadTargets = Effect.fn("loadTargets")(function*(file: string, scenario: Scenario) {
  const targets = yield* loadDocument(Targets, file, "targets")
  const problems = targetProblems(targets, scenario)
  if (problems.length > 0) return yield* new ScenarioInvalid({ file, problems })
  return targets
})

/**
 * What to tell someone who wrote `found` where one of `names` belongs: the name meant, when exactly one is a
 * slip away (case, or a letter or two); else the names, those sharing the longest dotted prefix with `found`
 * (by their next segment when there are many, e.g. "group.sex.…").
 */
const expectedName = (what: string, detail: string, found: string, names: ReadonlyArray<string>): string => {
  const close = closestName(found, names)
  if (close !== undefined) return `expected ${what} (${detail}; did you mean ${JSON.stringify(close)}?)`
  const segments = found.split(".")
  let prefix = ""
  for (let k = segments.length - 1; k > 0; k--) {
    const p = `${segments.slice(0, k).join(".")}.`
    if (names.some((n) => n.startsWith(p))) {
      prefix = p
      break
    }
  }
  const under = names.filter((n) => n.startsWith(prefix))
  const listed = under.length <= 40 ? under : [...new Set(under.map((n) => {
    const dot = n.indexOf(".", prefix.length)
    return dot < 0 ? n : `${n.slice(0, dot)}.…`
  }))]
  return `expected ${what} (${detail}): ${prefix === "" ? "" : `under ${JSON.stringify(prefix)}, `}one of ${listed.join(", ")}`
}
