/**
 * The per-person calendar behind the weekly loop: events come back in the week and kind they were set for,
 * a rescheduled or cancelled event never fires at its old week, an event due at once while a week is being
 * taken is still reached, and a clock's run-out week is the week the weekly count-down would reach zero.
 */
import { describe, expect, it } from "vitest"
import { Calendar, cancel, clearDue, Due, dueKinds, never, runOutWeek } from "../../src/model/calendar.ts"
import { PeopleArrays } from "../../src/model/people.ts"

const takeAll = (cal: Calendar, a: PeopleArrays, week: number, kind: number): Array<number> => {
  const out: Array<number> = []
  for (let id = cal.take(a, week, kind); id >= 0; id = cal.take(a, week, kind)) out.push(id)
  return out
}

describe("the calendar", () => {
  it("gives each week's events of a kind in the order they were set, once", () => {
    const a = new PeopleArrays(8)
    const cal = new Calendar(10)
    cal.schedule(a, 3, Due.review, 4)
    cal.schedule(a, 1, Due.review, 4)
    cal.schedule(a, 2, Due.setback, 4)
    cal.schedule(a, 5, Due.review, 5)
    expect(takeAll(cal, a, 4, Due.review)).toEqual([3, 1])
    expect(takeAll(cal, a, 4, Due.review)).toEqual([])
    expect(takeAll(cal, a, 4, Due.setback)).toEqual([2])
    expect(takeAll(cal, a, 5, Due.review)).toEqual([5])
    expect(a.due[3 * dueKinds + Due.review]).toBe(never)
  })

  it("skips an event moved to another week, cancelled, or cleared when the person left", () => {
    const a = new PeopleArrays(8)
    const cal = new Calendar(10)
    cal.schedule(a, 1, Due.onward, 3)
    cal.schedule(a, 1, Due.onward, 6)
    cal.schedule(a, 2, Due.serviceEnd, 3)
    cancel(a, 2, Due.serviceEnd)
    cal.schedule(a, 4, Due.phase, 3)
    clearDue(a, 4)
    expect(takeAll(cal, a, 3, Due.onward)).toEqual([])
    expect(takeAll(cal, a, 3, Due.serviceEnd)).toEqual([])
    expect(takeAll(cal, a, 3, Due.phase)).toEqual([])
    expect(takeAll(cal, a, 6, Due.onward)).toEqual([1])
  })

  it("fires a week set twice only once, and reaches an event set for this week while it is being taken", () => {
    const a = new PeopleArrays(8)
    const cal = new Calendar(10)
    cal.schedule(a, 1, Due.setback, 2)
    cal.schedule(a, 1, Due.setback, 2)
    const seen: Array<number> = []
    for (let id = cal.take(a, 2, Due.setback); id >= 0; id = cal.take(a, 2, Due.setback)) {
      seen.push(id)
      if (id === 1) cal.schedule(a, 7, Due.setback, 2)
    }
    expect(seen).toEqual([1, 7])
  })

  it("keeps no entry for a week past the horizon, and reuses entries once taken", () => {
    const a = new PeopleArrays(4)
    const cal = new Calendar(3)
    cal.schedule(a, 0, Due.review, 3)
    expect(a.due[Due.review]).toBe(3)
    for (let round = 0; round < 10_000; round++) {
      cal.schedule(a, round % 4, Due.review, 1)
      expect(takeAll(cal, a, 1, Due.review)).toEqual([round % 4])
    }
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
