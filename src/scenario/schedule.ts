import { Schema } from "effect"

/** YYYY-MM-DD. */
const isoPattern = /^\d{4}-\d{2}-\d{2}$/u

/** Whether a YYYY-MM-DD string names a day that exists (no 30 February): the date it makes has the same fields. */
const isCalendarDay = (text: string): boolean => {
  const [y, m, d] = text.split("-").map(Number)
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

/** An ISO calendar date, e.g. "2020-03-23": the pattern, and a day the calendar has. */
// The pattern last: a description given to a date (`startDate`) goes with it into the JSON Schema.
export const IsoDate = Schema.String.check(
  Schema.makeFilter((text: string) => !isoPattern.test(text) || isCalendarDay(text), { expected: "a day the calendar has (month 01-12, and no 30 February)" }),
  Schema.isPattern(isoPattern, { expected: "a date as YYYY-MM-DD" })
).annotate({ description: "A calendar date, YYYY-MM-DD" })

/** When a schedule point applies: a week number from the start (0-based) or a calendar date. */
export const ScheduleTime = Schema.Union([
  Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 5200 })),
  IsoDate
]).annotate({ description: "Week from the start of the service (0 = first week) or a date YYYY-MM-DD" })

export const SchedulePoint = Schema.Struct({
  at: ScheduleTime,
  value: Schema.Finite.check(Schema.isBetween({ minimum: 0, maximum: 100 }))
})

/**
 * A time-varying multiplier. Before the first point the value is 1; "step" holds each point's value until
 * the next point; "linear" interpolates between points and holds the last value.
 */
export const Schedule = Schema.Struct({
  interpolation: Schema.Literals(["step", "linear"]),
  points: Schema.Array(SchedulePoint)
}).annotate({
  description: "A multiplier over time: 1 before the first point, then step or linear between points"
})

export type Schedule = typeof Schedule.Type
export type ScheduleTime = typeof ScheduleTime.Type
