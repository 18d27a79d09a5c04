/**
 * A person's calendar behind the weekly loop: an event is due in the week it was set for and taken once, a
 * rescheduled or cancelled event is not due at its old week, the next event is the earliest due, and a clock's
 * run-out week is the week the weekly count-down would reach zero. And the list of the engaged, where the loop
 * finds each person's next event and clocks by place.
 */
import { describe, expect, it } from "vitest"
import { cancel, clearDue, Due, dueKinds, never, nextEventOf, runOutWeek, schedule } from "../../src/model/calendar.ts"
import { closeUpEngaged, EngagedTable, joinEngaged, leaveEngaged } from "../../src/model/engagedTable.ts"
import { PeopleArrays } from "../../src/model/people.ts"
import { residentPeople } from "../../src/model/resident.ts"

/**
 * The thread's resident person table and list of the engaged, which the calendar writes to as the engine does
 * (`resident.ts`), cleared for `n` people.
 */
const calendarOf = (n: number) => {
  const a = residentPeople
  a.reset(n)
  const engaged = new EngagedTable(true)
  /** The week the loop next looks at an engaged person's calendar. */
  const nextLook = (id: number): number => engaged.nextEvent[a.engagedAt[id] - 1]
  return { a, engaged, nextLook }
}

/** What the weekly loop does with a person's event of one kind in a week: due then? Taken off if so. */
const takeDue = (a: PeopleArrays, id: number, kind: number, week: number): boolean => {
  if (a.due[id * dueKinds + kind] !== week) return false
  a.due[id * dueKinds + kind] = never
  return true
}

describe("a person's calendar", () => {
  it("is due in the week set, once, and says which week comes next", () => {
    const { a, engaged, nextLook } = calendarOf(4)
    joinEngaged(engaged, a, 2)
    joinEngaged(engaged, a, 3)
    expect(nextLook(2)).toBe(never)
    schedule(2, Due.review, 9)
    schedule(2, Due.setback, 4)
    schedule(3, Due.review, 1)
    expect(nextLook(2)).toBe(4)
    expect(takeDue(a, 2, Due.review, 4)).toBe(false)
    expect(takeDue(a, 2, Due.setback, 4)).toBe(true)
    expect(takeDue(a, 2, Due.setback, 4)).toBe(false)
    expect(nextEventOf(a.due, 2)).toBe(9)
    // Every kind counts.
    for (let kind = 0; kind < dueKinds; kind++) {
      schedule(0, kind, 100 - kind)
      expect(nextEventOf(a.due, 0)).toBe(100 - kind)
    }
    expect(nextLook(3)).toBe(1)
  })

  it("forgets the old week of a rescheduled or cancelled event, and everything when the person leaves", () => {
    const { a } = calendarOf(4)
    schedule(1, Due.onward, 3)
    schedule(1, Due.onward, 6)
    schedule(1, Due.serviceEnd, 5)
    cancel(a, 1, Due.serviceEnd)
    expect(takeDue(a, 1, Due.onward, 3)).toBe(false)
    expect(takeDue(a, 1, Due.serviceEnd, 5)).toBe(false)
    expect(nextEventOf(a.due, 1)).toBe(6)
    clearDue(a, 1)
    expect(nextEventOf(a.due, 1)).toBe(never)
    expect(takeDue(a, 1, Due.onward, 6)).toBe(false)
  })

  it("clears every kind of a person's calendar, and no one else's", () => {
    const { a } = calendarOf(4)
    const rows = a.due.subarray(0, 4 * dueKinds)
    rows.fill(7)
    clearDue(a, 2)
    expect(Array.from(rows.subarray(2 * dueKinds, 3 * dueKinds))).toEqual(Array.from({ length: dueKinds }, () => never))
    expect(Array.from(rows.subarray(0, 2 * dueKinds)).every((w) => w === 7)).toBe(true)
    expect(Array.from(rows.subarray(3 * dueKinds)).every((w) => w === 7)).toBe(true)
    a.reset(4)
  })

  it("holds a week past any horizon as never", () => {
    const { a, engaged, nextLook } = calendarOf(2)
    joinEngaged(engaged, a, 0)
    schedule(0, Due.phase, 1e9)
    expect(nextLook(0)).toBe(never)
    expect(runOutWeek(3, 1e6, 1e-6)).toBe(never)
  })
})

describe("the list of the engaged", () => {
  it("keeps each person's entries at their place, leaves holes, and closes up in order once holes are an eighth", () => {
    const { a, engaged: t } = calendarOf(40)
    for (let id = 0; id < 20; id++) {
      const at = joinEngaged(t, a, id)
      t.gainClock[at] = id + 0.5
      t.slot[at] = 2 * id
    }
    // Everything kept.
    expect(t.count).toBe(20)
    expect(t.ids.length).toBeGreaterThanOrEqual(20)
    for (let id = 0; id < 20; id++) expect(t.gainClock[a.engagedAt[id] - 1]).toBe(id + 0.5)
    leaveEngaged(t, a, 3)
    leaveEngaged(t, a, 7)
    expect(a.engagedAt[3]).toBe(0)
    expect([t.ids[3], t.nextEvent[3], t.holes]).toEqual([-1, 0, 2])
    // 2 holes in 20: not yet an eighth.
    closeUpEngaged(t)
    expect(t.count).toBe(20)
    leaveEngaged(t, a, 0)
    closeUpEngaged(t)
    expect([t.count, t.holes]).toEqual([17, 0])
    const order = [...t.ids.subarray(0, t.count)]
    expect(order).toEqual([1, 2, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19])
    for (const id of order) {
      const at = a.engagedAt[id] - 1
      expect([t.ids[at], t.gainClock[at], t.slot[at]]).toEqual([id, id + 0.5, 2 * id])
    }
    // A newcomer joins at the end, with nothing due yet.
    const at = joinEngaged(t, a, 30)
    expect([at, t.nextEvent[at]]).toEqual([17, never])
  })
})

describe("a clock's run-out week", () => {
  // Where the clock is an exact multiple of the rate in real numbers (7.1 and 0.02), repeated floating-point
  // subtraction may leave a crumb and run out a week later than the division says: such ties are left out.
  it("is the week a weekly count-down from `from` first reaches zero or below", () => {
    for (const [clock, rate] of [[2.5, 0.5], [0.3, 1], [3, 1], [7.13, 0.02], [1e-9, 0.1], [0.998, 0.333], [4.2, 0.0137]]) {
      let left = clock
      let week = 10
      while (left - rate > 0) {
        left -= rate
        week++
      }
      expect(runOutWeek(10, clock, rate), `clock ${clock} at ${rate}`).toBe(week)
    }
  })

  it("never comes when the clock does not run", () => {
    expect(runOutWeek(4, 1, 0)).toBe(never)
  })
})
