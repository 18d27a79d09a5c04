/** Values shown in the docs: a parameter through lists names the element it belongs to, through every list. */
import { describe, expect, it } from "vitest"
import { findParameter } from "../../src/scenario/parameters.ts"
import { renderDefault, valuesAt } from "../../src/scenario/scenarioValues.ts"

const document = {
  linkWorkers: { caseloadCapPerFte: 80 },
  contracts: [
    { name: "outcomes", capTotal: 10, metrics: [{ name: "wellbeing", tariff: 180 }, { name: "secondaryCare", tariff: 0.65 }] },
    { name: "hybrid", metrics: [{ name: "wellbeing", tariff: 90 }] },
    { metrics: [{ tariff: 1 }] }
  ]
}

describe("values of a scenario document", () => {
  it("labels a nested list's values with the whole chain of names (#n where an element has none)", () => {
    expect(valuesAt(document, "contracts[].metrics[].tariff")).toEqual([
      { label: "outcomes.wellbeing", value: 180 },
      { label: "outcomes.secondaryCare", value: 0.65 },
      { label: "hybrid.wellbeing", value: 90 },
      { label: "#3.#1", value: 1 }
    ])
  })

  it("renders a single value plainly, per-element values labelled, an absent optional value as —", () => {
    expect(renderDefault(document, findParameter("linkWorkers.caseloadCapPerFte")!)).toBe("80")
    expect(renderDefault(document, findParameter("contracts[].capTotal")!)).toBe("outcomes: 10")
    expect(renderDefault(document, findParameter("contracts[].capPerYear")!)).toBe("—")
  })
})
