import type { Schedule, ScheduleTime } from "../scenario/schedule.ts"

const msPerWeek = 7 * 24 * 3600 * 1000

/** Week index (0-based, may be negative or past the horizon) of a schedule time, given the start date. */
export const weekOf = (at: ScheduleTime, startDate: string): number =>
  typeof at === "number" ? at : Math.floor((Date.parse(`${at}T00:00:00Z`) - Date.parse(`${startDate}T00:00:00Z`)) / msPerWeek)

/** The calendar date (YYYY-MM-DD) on which a week starts. */
export const dateOfWeek = (week: number, startDate: string): string =>
  new Date(Date.parse(`${startDate}T00:00:00Z`) + week * msPerWeek).toISOString().slice(0, 10)

/** A schedule evaluated at every week of the horizon: 1 before its first point. */
export const compileSchedule = (schedule: Schedule, startDate: string, horizonWeeks: number): Float64Array => {
  const out = new Float64Array(horizonWeeks).fill(1)
  const points = schedule.points
    .map((p) => ({ week: weekOf(p.at, startDate), value: p.value }))
    .sort((a, b) => a.week - b.week)
  if (points.length === 0) return out
  for (let w = 0; w < horizonWeeks; w++) {
    let idx = -1
    for (let j = 0; j < points.length && points[j].week <= w; j++) idx = j
    if (idx < 0) continue
    const here = points[idx]
    const next = points[idx + 1]
    if (schedule.interpolation === "linear" && next !== undefined && next.week > here.week) {
      out[w] = here.value + ((next.value - here.value) * (w - here.week)) / (next.week - here.week)
    } else {
      out[w] = here.value
    }
  }
  return out
}
