/**
 * A person's calendar behind the weekly loop: an event is due in the week it was set for and taken once, a
 * rescheduled or cancelled event is not due at its old week, the next event is the earliest due, and a clock's
 * run-out week is the week the weekly count-down would reach zero.
 */
import { describe, expect, it } from "vitest"
import { cancel, clearDue, Due, dueKinds, findNextEvent, never, runOutWeek, schedule } from "../../src/model/calendar.ts"
import { PeopleArrays } from "../../src/model/people.ts"

/** What the weekly loop does with a person's event of one kind in a week: due then? Taken off if so. */
const takeDue = (a: PeopleArrays, id: number, kind: number, week: number): boolean => {
  if (a.due[id * dueKinds + kind] !== week) return false
  a.due[id * dueKinds + kind] = never
  return true
}

describe("a person's calendar", () => {
  it("is due in the week set, once, and says which week comes next", () => {
    const a = new PeopleArrays(4)
    expect(a.nextEvent[2]).toBe(never)
    schedule(a, 2, Due.review, 9)
    schedule(a, 2, Due.setback, 4)
    schedule(a, 3, Due.review, 1)
    expect(a.nextEvent[2]).toBe(4)
    expect(takeDue(a, 2, Due.review, 4)).toBe(false)
    expect(takeDue(a, 2, Due.setback, 4)).toBe(true)
    expect(takeDue(a, 2, Due.setback, 4)).toBe(false)
    findNextEvent(a, 2)
    expect(a.nextEvent[2]).toBe(9)
    // Every kind counts.
    for (let kind = 0; kind < dueKinds; kind++) {
      schedule(a, 0, kind, 100 - kind)
      findNextEvent(a, 0)
      expect(a.nextEvent[0]).toBe(100 - kind)
    }
    expect(a.nextEvent[3]).toBe(1)
  })

  it("forgets the old week of a rescheduled or cancelled event, and everything when the person leaves", () => {
    const a = new PeopleArrays(4)
    schedule(a, 1, Due.onward, 3)
    schedule(a, 1, Due.onward, 6)
    schedule(a, 1, Due.serviceEnd, 5)
    cancel(a, 1, Due.serviceEnd)
    expect(takeDue(a, 1, Due.onward, 3)).toBe(false)
    expect(takeDue(a, 1, Due.serviceEnd, 5)).toBe(false)
    findNextEvent(a, 1)
    expect(a.nextEvent[1]).toBe(6)
    clearDue(a, 1)
    expect(a.nextEvent[1]).toBe(never)
    expect(takeDue(a, 1, Due.onward, 6)).toBe(false)
  })

  it("holds a week past any horizon as never", () => {
    const a = new PeopleArrays(2)
    schedule(a, 0, Due.phase, 1e9)
    expect(a.nextEvent[0]).toBe(never)
    expect(runOutWeek(3, 1e6, 1e-6)).toBe(never)
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
