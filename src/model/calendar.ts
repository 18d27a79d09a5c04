/**
 * Each engaged person's calendar: events whose week is known in advance (a review, the end of a setback or of a
 * service place, the support limit) and clocks that run at a fixed rate between changes (setbacks, onward
 * referral, reaching goals, settling), kept as the week each is due, so that in a quiet week a person costs
 * only the two clocks whose rates move every week with their link worker's caseload (wellbeing gains and
 * dropout, counted down in `engagedWeek.ts`) and one look at their next event's week.
 *
 * One due week per person and kind (`due`), and, for the engaged, the earliest of them (`nextEvent`, kept in the
 * list of the engaged by place, `engagedTable.ts`). Rescheduling writes the new week; the weekly loop looks at a
 * person's events only in the week `nextEvent` names, handles the kinds due then, in the order below, and finds
 * the next. Nothing is kept outside the person's own entries, so the loop reads each person's calendar when it
 * reaches them, in list order, as it reads their clocks.
 */
import type { PeopleArrays } from "./people.ts"
import { residentNextEvent, residentPeople } from "./resident.ts"

/** What is due, in the order the kinds are handled within a person's week. */
export const Due = {
  /** The hospital-cost effect reaches its maximum. */
  plateau: 0,
  serviceEnd: 1,
  setbackEnd: 2,
  /** The raised dropout risk after a change of link worker, or after a failed onward referral, ends. */
  changeEnd: 3,
  noServiceEnd: 4,
  setback: 5,
  // The week's wellbeing gains come here, before the reviews that record them.
  review: 6,
  onward: 7,
  supportLimit: 8,
  phase: 9
} as const
// How many kinds (`dueKinds`) and the week that never comes (`never`) are in constants.ts, which the person table's
// module reads without importing this one.
import { dueKinds, never } from "./constants.ts"
export { dueKinds, never }

/**
 * The week a clock of `clock` (what is left of its exponential threshold) running at `rate` per week from week
 * `from` runs out: the first week whose count-down takes it to zero or below. `never` when the rate is zero.
 */
export const runOutWeek = (from: number, clock: number, rate: number): number => {
  if (!(rate > 0)) return never
  if (clock <= 0) return from
  const weeks = Math.ceil(clock / rate)
  return weeks < never - from ? from + weeks - 1 : never
}

/** Person `id`'s event of kind `kind` is now due in week `week` (`never` for none). */
export const schedule = (id: number, kind: number, week: number): void => {
  const a = residentPeople
  const w = week < never ? week : never
  a.due[id * dueKinds + kind] = w
  // Engaged: the loop's next look comes no later (before engaging, `engage` finds the earliest).
  const at = a.engagedAt[id] - 1
  if (at >= 0 && w < residentNextEvent[at]) residentNextEvent[at] = w
}

/** Nothing of this kind is due for the person any more (`nextEvent` may stay early: a look that finds nothing). */
export const cancel = (a: PeopleArrays, id: number, kind: number): void => {
  a.due[id * dueKinds + kind] = never
}

/** The earliest week anything is due for person `id` (written out for the ten kinds). */
export const nextEventOf = (due: Int16Array, id: number): number => {
  const k = id * dueKinds
  const next = Math.min(due[k], due[k + 1], due[k + 2], due[k + 3], due[k + 4])
  return Math.min(next, due[k + 5], due[k + 6], due[k + 7], due[k + 8], due[k + 9])
}

/** No event of any kind due for this person (they left the pathway; a new person's row, in people.ts). */
export { clearDue } from "./people.ts"
