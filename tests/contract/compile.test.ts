/** Compiled metrics: the per-event pricing loop reads exactly what a metric's formulas read of an event and its person. */
import { describe, expect, it } from "vitest"
import fc from "fast-check"
import { basisVariables, eventPricer } from "../../src/contract/compile.ts"
import { compiled, contract, metric } from "./fakeContract.ts"

const person = (v: string) => v === "conditions" || v === "mentalHealth"

describe("compiled metrics", () => {
  /** Books every amount whole, remembering what it was asked. */
  const uncapped = () => {
    const asked: Array<{ metric: number; amount: number; week: number }> = []
    return { asked, take: (metric: number, amount: number, week: number) => (asked.push({ metric, amount, week }), amount) }
  }

  for (const basis of ["review", "engagement", "exit"] as const) {
    it(`prices each ${basis} event on its own row's columns and its own person's variables`, () => {
      const all = basisVariables[basis]
      const names = all.filter((v) => !person(v))
      // Column k holds k*10 + i at row i, so every value tells which column and row it came from; event i is person
      // 3 - i, whose variables are 100 + person and 200 + person. Events 0-1 fall in week 5, event 2 in week 9.
      const columns = {
        ...Object.fromEntries(names.map((name, k) => [name, Int32Array.from([k * 10, k * 10 + 1, k * 10 + 2])])),
        person: Int32Array.from([3, 2, 1]),
        week: Int32Array.from([5, 5, 9])
      }
      const people = { conditions: Int32Array.from([100, 101, 102, 103]), mentalHealth: Int32Array.from([200, 201, 202, 203]) }
      // A quantity that reads every variable of the basis: its columns and the person's.
      const cm = compiled(contract({ metrics: [metric("m", basis, all.join(" + "))] })).metrics[0]
      expect(cm.eventColumns).toEqual(names)
      expect(cm.personColumns).toEqual(["conditions", "mentalHealth"])
      for (const v of all) {
        // One variable at a time: event 2's price (tariff 1) is what the formula read of it.
        const one = compiled(contract({ metrics: [metric("m", basis, v, { tariff: 1 })] })).metrics[0]
        const caps = uncapped()
        const out = { next: -1, invalid: 0 }
        const amount = one.priceEvents!(columns, people, 2, 3, 10, undefined, Infinity, caps, 0, out)
        const expected = v === "conditions" ? 101 : v === "mentalHealth" ? 201 : names.indexOf(v) * 10 + 2
        expect(amount, v).toBe(expected)
        expect(caps.asked, v).toEqual([{ metric: 0, amount: expected, week: 9 }])
        expect(out, v).toEqual({ next: 3, invalid: 0 })
      }
    })
  }

  it("prices a log from a cursor up to the first event at or after the period's end, applying the person's cap and counting results that are not numbers", () => {
    // Quantity starChange, tariff 10; person 7 has a cap of 25, so their second event pays 5 and their third nothing.
    const cm = compiled(contract({ metrics: [metric("m", "review", "starChange", { tariff: 10, perPersonCap: 25 })] })).metrics[0]
    const columns = { starChange: Int32Array.from([2, 1, 3, 1, 0]), person: Int32Array.from([7, 8, 7, 7, 8]), week: Int32Array.from([1, 2, 3, 4, 13]) }
    const people = { conditions: new Int32Array(9), mentalHealth: new Int32Array(9) }
    const perPerson = new Float64Array(9)
    const caps = uncapped()
    const out = { next: -1, invalid: 0 }
    expect(cm.priceEvents!(columns, people, 0, 5, 13, perPerson, 25, caps, 0, out)).toBe(20 + 10 + 5 + 0)
    expect(out).toEqual({ next: 4, invalid: 0 })
    expect(caps.asked.map((x) => x.amount)).toEqual([20, 10, 5, 0])
    expect([perPerson[7], perPerson[8]]).toEqual([25, 10])
    // From the cursor on, the next period's events; a formula result of NaN (0/0) pays nothing and is counted.
    const ratio = compiled(contract({ metrics: [metric("m", "review", "starChange / starChange", { tariff: 1 })] })).metrics[0]
    const later = { next: -1, invalid: 1 }
    expect(ratio.priceEvents!(columns, people, 4, 5, 26, undefined, Infinity, uncapped(), 0, later)).toBe(0)
    expect(later).toEqual({ next: 5, invalid: 2 })
  })

  it("prices the same with its formulas pasted into the loop as through their functions and a scope", () => {
    // Formulas that run as plain JavaScript are pasted into the loop as expressions over locals (`Formula.inline`);
    // without that, each event is copied into a scope object and the formulas' functions called (as a formula
    // mathjs alone can run still is). The two must agree to the bit, whatever the formulas call.
    const formulas = [
      ["max(0, starChange - max(bestPreviousChange, 0))", "tariff * quantity"],
      ["starChange >= 2 ? round(starChange / 3) : mod(areasImproved, 3)", "tariff * quantity * (conditions >= 2) + median(quantity, 1, mentalHealth)"],
      ["abs(starChange - starBaseline) / (reviewNumber - 2)", "min(tariff * quantity, 40) - sqrt(abs(quantity))"],
      ["weeksEngaged > 10 and not (episode == 1) or starScore != 30", "quantity * tariff ^ 2 + exp(-weeksEngaged / 52)"]
    ]
    const names = basisVariables.review.filter((v) => !person(v))
    for (const [quantity, payment] of formulas) {
      const cm = compiled(contract({ metrics: [metric("m", "review", quantity, { tariff: 7, payment, perPersonCap: 60 })] })).metrics[0]
      expect([cm.quantity.inline, cm.payment.inline].every((f) => f !== undefined), quantity).toBe(true)
      const viaScope = eventPricer(
        cm.eventColumns, cm.personColumns, { ...cm.quantity, inline: undefined }, { ...cm.payment, inline: undefined }, { ...cm.scope }, 7
      )
      fc.assert(
        fc.property(fc.array(fc.array(fc.integer({ min: -3, max: 40 }), { minLength: names.length + 1, maxLength: names.length + 1 }), { minLength: 1, maxLength: 40 }), (rows) => {
          const columns = {
            ...Object.fromEntries(names.map((name, k) => [name, Int32Array.from(rows, (r) => r[k])])),
            person: Int32Array.from(rows, (r) => Math.abs(r[names.length]) % 5),
            week: Int32Array.from(rows, (_, i) => i)
          }
          const people = { conditions: Int32Array.from([0, 1, 2, 3, 4]), mentalHealth: Int32Array.from([4, 0, 1, 0, 2]) }
          const price = (pricer: typeof viaScope) => {
            const perPerson = new Float64Array(5)
            const caps = uncapped()
            const out = { next: 0, invalid: 0 }
            const amount = pricer(columns, people, 0, rows.length, rows.length, perPerson, 60, caps, 0, out)
            return { amount, out, perPerson: Array.from(perPerson), asked: caps.asked }
          }
          expect(price(cm.priceEvents!)).toEqual(price(viaScope))
        }),
        { numRuns: 100 }
      )
    }
  })

  it("copies only what its formulas read: a tariff on the Star change reads two columns and nothing of the person", () => {
    const cm = compiled(contract({ metrics: [metric("m", "review", "max(0, starChange - max(bestPreviousChange, 0))")] })).metrics[0]
    expect(cm.eventColumns).toEqual(["starChange", "bestPreviousChange"])
    expect(cm.personColumns).toEqual([])
    const withPerson = compiled(contract({ metrics: [metric("m", "exit", "discharged", { payment: "tariff * quantity * (conditions >= 2)" })] })).metrics[0]
    expect(withPerson.eventColumns).toEqual(["discharged"])
    expect(withPerson.personColumns).toEqual(["conditions"])
  })
})
