/** The fast JavaScript path of formulas gives exactly what mathjs's own evaluator gives. */
import { Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { compileFormula, type Formula } from "../../src/contract/formula.ts"

const variables = ["a", "b", "c"]
const where = { contract: "c", metric: "m", field: "f" }
const expressions = [
  "a * b", "0.5 * a", "max(0, a - max(b, 0))", "min(a, 5) * b", "a >= 1.5 ? b : 0", "a > b", "a < b", "a <= b",
  "a == b", "a != b", "a and b", "a or not b", "-a + +b", "a / b", "a ^ 2", "2 ^ a", "mod(a, b)", "a % 3",
  "abs(a - b)", "round(a)", "floor(a) + ceil(b)", "fix(a)", "sign(a)", "sqrt(a)", "exp(c)", "log(a)", "log(a, 2)",
  "log10(a) + log2(b)", "cbrt(a)", "mean(a, b, c)", "median(a, b, c)", "sum(a, b, c)", "pow(a, b)",
  "a > 0 ? (b > 0 ? a * b : -1) : 0", "pi * a + e", "true + a", "(a + b) * (a - b)", "2a", "max(a, b, c)"
]

const compile = (expression: string, fast: boolean): Formula => {
  const r = compileFormula(expression, variables, where, { fast })
  if (Result.isFailure(r)) throw new Error(r.failure.render())
  return r.success
}

const value = fc.oneof(
  fc.integer({ min: -20, max: 20 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: false }),
  fc.constantFrom(0, -0, 1, 1.5, 1 + 1e-13, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY)
)

describe("fast formulas", () => {
  it.each(expressions)("%s matches mathjs on random values", (expression) => {
    const fast = compile(expression, true)
    const reference = compile(expression, false)
    expect(fast.fast).toBe(true)
    expect(reference.fast).toBe(false)
    fc.assert(
      fc.property(value, value, value, (a, b, c) => {
        const scope = { a, b, c }
        const x = fast.evaluate(scope)
        const y = reference.evaluate(scope)
        return Object.is(x, y) || (Number.isNaN(x) && Number.isNaN(y)) || x === y
      }),
      { numRuns: 300 }
    )
  })
})
