/**
 * The per-person calendar: events whose week is known in advance (a review, the end of a setback or of a
 * service place, the support limit) and clocks that run at a fixed rate between changes (setbacks, onward
 * referrals, reaching goals, settling), kept as lists by week and kind, so that a quiet week costs an engaged
 * person nothing but the two clocks whose rates move every week with their link worker's caseload (wellbeing
 * gains and dropout, counted down in `engagedWeek.ts`).
 *
 * Each person has one due week per kind (`due`, -1 for none). Rescheduling only writes the new week and adds an
 * entry; an entry whose week no longer matches the person's due week is stale and skipped, so nothing is ever
 * searched for and removed. Entries live in a pool with a free list: no allocation once the pool has grown.
 */
import type { PeopleArrays } from "./people.ts"

/** What is due, in the order the kinds are handled within a week. */
export const Due = {
  /** The hospital-cost effect reaches its maximum (before the week's saving is counted). */
  plateau: 0,
  serviceEnd: 1,
  setbackEnd: 2,
  /** The raised dropout risk after a change of link worker, or after a failed onward referral, ends. */
  changeEnd: 3,
  noServiceEnd: 4,
  setback: 5,
  review: 6,
  onward: 7,
  supportLimit: 8,
  phase: 9
} as const
export const dueKinds = 10

/** A week that never comes: "not due". */
export const never = -1

/**
 * The week a clock of `clock` (what is left of its exponential threshold) running at `rate` per week from week
 * `from` runs out: the first week whose count-down takes it to zero or below. -1 when the rate is zero.
 */
export const runOutWeek = (from: number, clock: number, rate: number): number => {
  if (!(rate > 0)) return never
  if (clock <= 0) return from
  const weeks = Math.ceil(clock / rate)
  return weeks < 1e9 ? from + weeks - 1 : 1e9
}

export class Calendar {
  /** First and last entry of each (week, kind) list; entries chain through `next`. */
  private readonly head: Int32Array
  private readonly tail: Int32Array
  private person = new Int32Array(4096)
  private next = new Int32Array(4096)
  private free = -1
  private used = 0
  readonly weeks: number

  constructor(weeks: number) {
    this.weeks = weeks
    this.head = new Int32Array(weeks * dueKinds).fill(-1)
    this.tail = new Int32Array(weeks * dueKinds).fill(-1)
  }

  /** Person `id`'s event of kind `kind` is now due in week `week` (or never, for -1 or a week past the horizon). */
  schedule(a: PeopleArrays, id: number, kind: number, week: number): void {
    a.due[id * dueKinds + kind] = week
    if (week < 0 || week >= this.weeks) return
    let e = this.free
    if (e >= 0) this.free = this.next[e]
    else {
      if (this.used === this.person.length) this.grow()
      e = this.used++
    }
    this.person[e] = id
    this.next[e] = -1
    const list = week * dueKinds + kind
    if (this.tail[list] < 0) this.head[list] = e
    else this.next[this.tail[list]] = e
    this.tail[list] = e
  }

  /**
   * The next person whose event of this kind is due this week, or -1 when there is none left; their due week is
   * cleared. Entries added while the week's list is being taken (an event due at once) are reached too.
   */
  take(a: PeopleArrays, week: number, kind: number): number {
    const list = week * dueKinds + kind
    const due = a.due
    for (let e = this.head[list]; e >= 0; e = this.head[list]) {
      const id = this.person[e]
      const next = this.next[e]
      this.head[list] = next
      if (next < 0) this.tail[list] = -1
      this.next[e] = this.free
      this.free = e
      if (due[id * dueKinds + kind] === week) {
        due[id * dueKinds + kind] = never
        return id
      }
    }
    return -1
  }

  private grow(): void {
    const person = new Int32Array(this.person.length * 2)
    person.set(this.person)
    const next = new Int32Array(this.next.length * 2)
    next.set(this.next)
    this.person = person
    this.next = next
  }
}

/** No event of any kind due for this person (they left the pathway). */
export const clearDue = (a: PeopleArrays, id: number): void => {
  a.due.fill(never, id * dueKinds, (id + 1) * dueKinds)
}

/** Nothing of this kind is due for the person any more. */
export const cancel = (a: PeopleArrays, id: number, kind: number): void => {
  a.due[id * dueKinds + kind] = never
}
