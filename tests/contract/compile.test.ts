/** Compiled metrics: the per-event loader copies exactly what a metric's formulas read of an event and its person. */
import { describe, expect, it } from "vitest"
import { basisVariables } from "../../src/contract/compile.ts"
import { compiled, contract, metric } from "./fakeContract.ts"

const person = (v: string) => v === "conditions" || v === "mentalHealth"

describe("compiled metrics", () => {
  for (const basis of ["review", "engagement", "exit"] as const) {
    it(`copies every ${basis} column and person variable a formula reads of event i into the scope`, () => {
      // A quantity that reads every variable of the basis.
      const all = basisVariables[basis]
      const cm = compiled(contract({ metrics: [metric("m", basis, all.join(" + "))] })).metrics[0]
      const names = all.filter((v) => !person(v))
      expect(cm.eventColumns).toEqual(names)
      expect(cm.personColumns).toEqual(["conditions", "mentalHealth"])
      // Column k holds k*10 + i at row i, so every copied value tells which column and row it came from; event i
      // is person 3 - i, whose variables are 100 + person and 200 + person.
      const columns = { ...Object.fromEntries(names.map((name, k) => [name, Int32Array.from([k * 10, k * 10 + 1, k * 10 + 2])])), person: Int32Array.from([3, 2, 1]) }
      const people = { conditions: Int32Array.from([100, 101, 102, 103]), mentalHealth: Int32Array.from([200, 201, 202, 203]) }
      const scope: Record<string, number> = { ...cm.scope }
      cm.loadEvent(scope, columns, people, 2)
      for (const [k, name] of names.entries()) expect(scope[name], name).toBe(k * 10 + 2)
      expect([scope.conditions, scope.mentalHealth]).toEqual([101, 201])
      expect(scope.tariff).toBe(cm.scope.tariff)
    })
  }

  it("copies only what its formulas read: a tariff on the Star change reads two columns and nothing of the person", () => {
    const cm = compiled(contract({ metrics: [metric("m", "review", "max(0, starChange - max(bestPreviousChange, 0))")] })).metrics[0]
    expect(cm.eventColumns).toEqual(["starChange", "bestPreviousChange"])
    expect(cm.personColumns).toEqual([])
    const withPerson = compiled(contract({ metrics: [metric("m", "exit", "discharged", { payment: "tariff * quantity * (conditions >= 2)" })] })).metrics[0]
    expect(withPerson.eventColumns).toEqual(["discharged"])
    expect(withPerson.personColumns).toEqual(["conditions"])
  })
})
