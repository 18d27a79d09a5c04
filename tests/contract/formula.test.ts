import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { compileFormula, type Formula, FormulaError } from "../../src/contract/formula.ts"

const allowed = ["tariff", "starGain", "starChange", "saving", "bestPreviousChange"]
const where = { contract: "outcomes", metric: "starImprovement", field: "quantity" }
const person = { tariff: 100, starGain: 7, starChange: 2, saving: 1000, bestPreviousChange: 0.5 }

const compiled = (expression: string): Formula => {
  const result = compileFormula(expression, allowed, where)
  if (Result.isFailure(result)) throw new Error(result.failure.render())
  return result.success
}

const refused = (expression: string): FormulaError => {
  const result = compileFormula(expression, allowed, where)
  if (Result.isSuccess(result)) throw new Error(`expected "${expression}" to be refused`)
  return result.failure
}

describe("compileFormula", () => {
  it.each([
    ["tariff * min(starGain, 5)", 500],
    ["0.5 * saving", 500],
    ["starChange >= 1.5 ? tariff : 0", 100],
    ["max(0, starChange - bestPreviousChange)", 1.5],
    ["abs(bestPreviousChange - starChange) * floor(starGain / 2)", 4.5],
    ["tariff * pi / pi", 100]
  ])("evaluates %s", (expression, expected) => {
    expect(compiled(expression).evaluate(person)).toBe(expected)
  })

  it("lists the variables the expression reads", () => {
    expect(compiled("starChange >= 1.5 ? tariff : 0").variables).toEqual(["starChange", "tariff"])
    expect(compiled("max(0, starChange - bestPreviousChange)").variables).toEqual(["starChange", "bestPreviousChange"])
  })

  it("turns a comparison into 0 or 1", () => {
    const reached = compiled("starChange >= 1.5 and true")
    expect(reached.evaluate({ ...person, starChange: 2 })).toBe(1)
    expect(reached.evaluate({ ...person, starChange: 1 })).toBe(0)
  })

  it("re-reads the scope on every call", () => {
    const gain = compiled("tariff * min(starGain, 5)")
    expect([1, 3, 9].map((starGain) => gain.evaluate({ ...person, starGain }))).toEqual([100, 300, 500])
  })

  it("accepts a division by zero at load and leaves the non-finite result to the caller", () => {
    const perStar = compiled("saving / starChange")
    expect(perStar.evaluate({ ...person, starChange: 0 })).toBe(Infinity)
    expect(compiled("sqrt(starChange - 3)").evaluate(person)).toBeNaN()
  })
})

describe("FormulaError", () => {
  it.each([
    ["tariff * starGian", 'unknown variable "starGian"', "known: tariff, starGain, starChange"],
    ["tariff *", "syntax error at character 9: unexpected end of expression", undefined],
    ["clamp(starGain, 0, 5)", 'unknown function "clamp"', "known: abs, ceil"],
    ["tariff(2)", '"tariff" is a variable, not a function', undefined],
    ['"five pounds"', "the result is not a number (got string)", undefined],
    ["[tariff, saving]", "the result is not a number (got DenseMatrix)", undefined],
    ["starChange = 2 ? tariff : 0", "assignment with = is not allowed (use == to compare)", undefined],
    ["tariff.constructor", "property access and indexing are not allowed", undefined],
    ["min()", "cannot be evaluated with every variable at 1", undefined]
  ])("refuses %s", (expression, problem, known) => {
    const error = refused(expression)
    expect(error).toBeInstanceOf(FormulaError)
    expect(error).toMatchObject({ _tag: "FormulaError", ...where, expression })
    expect(error.problem).toContain(problem)
    const rendered = error.render()
    expect(rendered).toContain(`contract "outcomes", metric "starImprovement", quantity: ${problem}`)
    expect(rendered).toContain(`in "${expression}"`)
    if (known !== undefined) expect(rendered).toContain(known)
    expect(error.message).toBe(rendered)
  })

  it("renders the whole message for an unknown variable", () => {
    expect(refused("tariff * starGian").render()).toBe(
      'contract "outcomes", metric "starImprovement", quantity: unknown variable "starGian" in "tariff * starGian"' +
        " (known: tariff, starGain, starChange, saving, bestPreviousChange)"
    )
  })

  it.each(["import({}, {override: true})", 'evaluate("1")', 'parse("1")', "createUnit(\"gbp\")", "random()"])(
    "refuses the forbidden function in %s",
    (expression) => {
      expect(refused(expression).problem).toMatch(/^unknown function "\w+"$/)
    }
  )
})
