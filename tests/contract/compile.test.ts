/** Compiled metrics: the per-event loader copies exactly the event log's columns a formula may read. */
import { describe, expect, it } from "vitest"
import { basisVariables } from "../../src/contract/compile.ts"
import { compiled, contract, metric } from "./fakeContract.ts"

describe("compiled metrics", () => {
  for (const basis of ["review", "engagement", "exit"] as const) {
    it(`copies every ${basis} column of event i into the scope`, () => {
      const cm = compiled(contract({ metrics: [metric("m", basis, "episode")] })).metrics[0]
      const names = basisVariables[basis].filter((v) => v !== "conditions" && v !== "mentalHealth")
      expect(cm.eventColumns).toEqual(names)
      // Column k holds k*10 + i at row i, so every copied value tells which column and row it came from.
      const columns = Object.fromEntries(names.map((name, k) => [name, Int32Array.from([k * 10, k * 10 + 1, k * 10 + 2])]))
      const scope: Record<string, number> = { ...cm.scope }
      cm.loadEvent(scope, columns, 2)
      for (const [k, name] of names.entries()) expect(scope[name], name).toBe(k * 10 + 2)
      expect(scope.tariff).toBe(cm.scope.tariff)
    })
  }
})
