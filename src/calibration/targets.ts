/**
 * Published figures a scenario should reproduce: each a summary metric, a weekly series summed up to a date, or a
 * weekly series' value at a date (a figure to date, such as the Star change of the clients reviewed by then), with
 * the published value, the range counted as a match, and its source.
 */
import { Schema } from "effect"
import { IsoDate } from "../scenario/schedule.ts"

const common = {
  name: Schema.NonEmptyString.annotate({ description: "What the target is, in words" }),
  published: Schema.Finite.annotate({ description: "The published value" }),
  low: Schema.Finite.annotate({ description: "Lowest simulated median counted as a match" }),
  high: Schema.Finite.annotate({ description: "Highest simulated median counted as a match" }),
  source: Schema.NonEmptyString.annotate({ description: "Where the published value comes from (../shared/evidence.md)" }),
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
