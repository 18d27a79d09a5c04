import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { problemsOf, scenarioFromText } from "../../web/src/scenario/fromText.ts"
import { shipped } from "./shipped.ts"


const problems = (text: string) => {
  const r = scenarioFromText(text, "upload.json", shipped)
  return Result.isFailure(r) ? problemsOf(r.failure) : []
}

describe("a scenario from a file's text", () => {
  it("reads every shipped scenario, resolving extends against the others", () => {
    for (const name of Object.keys(shipped).filter((n) => n !== "scenario.schema.json")) {
      expect(Result.isSuccess(scenarioFromText(shipped[name], `scenarios/${name}`, shipped)), name).toBe(true)
    }
  })

  it("names the path, what was expected and what was found for each problem", () => {
    expect(problems(JSON.stringify({ extends: "./ways-to-wellness.json", linkWorkers: { caseloadCapPerFte: 0 } }))).toEqual([
      { where: "linkWorkers.caseloadCapPerFte", expected: "expected a value between 1 and 1000", found: "0" }
    ])
  })

  it("gives line and column for broken JSON, and says when a base file is not shipped", () => {
    expect(problems("{\n  \"a\": 1,,\n}")[0]).toMatchObject({ where: "line 2, column 10", expected: "expected valid JSON" })
    expect(problems(JSON.stringify({ extends: "./elsewhere.json" }))[0].found).toContain("elsewhere.json not found")
  })

  it("checks contract formulas as `spsim validate` does", () => {
    const doc = JSON.parse(shipped["ways-to-wellness.json"])
    doc.contracts[0].metrics[0].payment = "tariff * nonsense("
    const found = problems(JSON.stringify(doc))
    expect(found.length).toBeGreaterThan(0)
    expect(found[0].where).toBe("contracts")
  })
})
