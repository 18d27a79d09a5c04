/**
 * Formulas as plain JavaScript: a checked mathjs expression tree (only the node types and functions that
 * formula.ts allows) becomes a function of the scope, with mathjs's own semantics — comparisons are
 * tolerant (relative 1e-12, absolute 1e-15, as mathjs's defaults), true and false are 1 and 0, and other
 * functions (round, floor and ceil, which mathjs makes tolerant too, mod, median, …) call mathjs itself. It runs tens of times faster than mathjs's evaluator, which matters
 * because a contract prices every Star review of every replicate. Anything outside the known subset is
 * left to mathjs (`undefined` here).
 */
import type { MathNode } from "mathjs"

const relTol = 1e-12
const absTol = 1e-15

const nearlyEqual = (a: number, b: number): boolean => {
  if (Number.isNaN(a) || Number.isNaN(b)) return false
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b
  return a === b || Math.abs(a - b) <= Math.max(relTol * Math.max(Math.abs(a), Math.abs(b)), absTol)
}

/** Helpers the generated code calls, as `h.name(...)`. */
const helpers = {
  eq: (a: number, b: number) => (nearlyEqual(a, b) ? 1 : 0),
  ne: (a: number, b: number) => (nearlyEqual(a, b) ? 0 : 1),
  lt: (a: number, b: number) => (a < b && !nearlyEqual(a, b) ? 1 : 0),
  gt: (a: number, b: number) => (a > b && !nearlyEqual(a, b) ? 1 : 0),
  le: (a: number, b: number) => (a < b || nearlyEqual(a, b) ? 1 : 0),
  ge: (a: number, b: number) => (a > b || nearlyEqual(a, b) ? 1 : 0),
  min: Math.min,
  max: Math.max,
  abs: Math.abs,
  sqrt: Math.sqrt,
  exp: Math.exp
}

const operators: Record<string, (args: ReadonlyArray<string>) => string> = {
  add: ([a, b]) => `(${a} + ${b})`,
  subtract: ([a, b]) => `(${a} - ${b})`,
  multiply: ([a, b]) => `(${a} * ${b})`,
  divide: ([a, b]) => `(${a} / ${b})`,
  unaryMinus: ([a]) => `(-${a})`,
  unaryPlus: ([a]) => `(+${a})`,
  equal: ([a, b]) => `h.eq(${a}, ${b})`,
  unequal: ([a, b]) => `h.ne(${a}, ${b})`,
  smaller: ([a, b]) => `h.lt(${a}, ${b})`,
  larger: ([a, b]) => `h.gt(${a}, ${b})`,
  smallerEq: ([a, b]) => `h.le(${a}, ${b})`,
  largerEq: ([a, b]) => `h.ge(${a}, ${b})`,
  and: ([a, b]) => `((${a}) && (${b}) ? 1 : 0)`,
  or: ([a, b]) => `((${a}) || (${b}) ? 1 : 0)`,
  not: ([a]) => `((${a}) ? 0 : 1)`
}

const constants: Record<string, string> = { pi: String(Math.PI), e: String(Math.E), true: "1", false: "0" }

type Node = MathNode & Record<string, unknown>

/**
 * The formula as `(scope) => number`, or undefined if it uses something this translation does not cover.
 * `slow` gives mathjs's own implementation of a function for the uncommon ones (round, mod, median, …).
 */
export const transpile = (
  root: MathNode, variables: ReadonlyArray<string>, slow: (name: string) => ((...xs: Array<number>) => unknown) | undefined
): ((scope: Readonly<Record<string, number>>) => number) | undefined => {
  const calls: Array<(...xs: Array<number>) => unknown> = []
  const callSlow = (name: string, args: ReadonlyArray<string>): string | undefined => {
    const fn = slow(name)
    if (fn === undefined) return undefined
    calls.push(fn)
    return `n(c[${calls.length - 1}](${args.join(", ")}))`
  }
  const emit = (node: Node): string | undefined => {
    switch (node.type) {
      case "ConstantNode": {
        const v = node.value
        return typeof v === "number" ? `(${String(v)})` : typeof v === "boolean" ? (v ? "1" : "0") : undefined
      }
      case "SymbolNode": {
        const name = node.name as string
        if (variables.includes(name)) return `s[${JSON.stringify(name)}]`
        return constants[name]
      }
      case "ParenthesisNode":
        return emit(node.content as Node)
      case "ConditionalNode": {
        const [c, t, f] = [emit(node.condition as Node), emit(node.trueExpr as Node), emit(node.falseExpr as Node)]
        return c === undefined || t === undefined || f === undefined ? undefined : `((${c}) ? ${t} : ${f})`
      }
      case "OperatorNode": {
        const args = (node.args as Array<Node>).map(emit)
        if (args.some((a) => a === undefined)) return undefined
        const op = operators[node.fn as string]
        return op !== undefined ? op(args as Array<string>) : callSlow(node.fn as string, args as Array<string>)
      }
      case "FunctionNode": {
        const name = ((node.fn as Node).name as string | undefined) ?? ""
        const args = (node.args as Array<Node>).map(emit)
        if (args.some((a) => a === undefined)) return undefined
        if (name in helpers && (name !== "min" && name !== "max" || args.length > 0)) return `h.${name}(${args.join(", ")})`
        return callSlow(name, args as Array<string>)
      }
      default:
        return undefined
    }
  }
  const body = emit(root as Node)
  if (body === undefined) return undefined
  const toNumber = (v: unknown): number => (typeof v === "number" ? v : v === true ? 1 : v === false ? 0 : Number.NaN)
  // The body is built only from the node types above, variable names checked against the allowed list
  // (and quoted), numeric literals and helper calls: no text of the expression is pasted in as code.
  const make = new Function("h", "c", "n", `return (s) => ${body}`) as (
    h: typeof helpers, c: typeof calls, n: typeof toNumber
  ) => (scope: Readonly<Record<string, number>>) => number
  return make(helpers, calls, toNumber)
}
