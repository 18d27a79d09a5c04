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

/** Helpers the generated code calls, as `h.name(...)`: mathjs's tolerant comparisons. */
export const helpers = {
  eq: (a: number, b: number) => (nearlyEqual(a, b) ? 1 : 0),
  ne: (a: number, b: number) => (nearlyEqual(a, b) ? 0 : 1),
  lt: (a: number, b: number) => (a < b && !nearlyEqual(a, b) ? 1 : 0),
  gt: (a: number, b: number) => (a > b && !nearlyEqual(a, b) ? 1 : 0),
  le: (a: number, b: number) => (a < b || nearlyEqual(a, b) ? 1 : 0),
  ge: (a: number, b: number) => (a > b || nearlyEqual(a, b) ? 1 : 0)
}

/** A value as a number the way formulas see it: true and false are 1 and 0, anything else not a number NaN. */
export const toNumber = (v: unknown): number => (typeof v === "number" ? v : v === true ? 1 : v === false ? 0 : Number.NaN)

/**
 * Functions formulas may call that are `Math`'s own, with mathjs's results on numbers, called as `Math.name(...)`
 * in the generated code, which TurboFan compiles to a few instructions rather than a call.
 */
const mathFunctions = new Set(["min", "max", "abs", "sqrt", "exp"])

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

/** A formula as a JavaScript expression, and the mathjs functions it calls (as `CALLS[k](...)`, `CALLS` named by the caller). */
export interface TranspiledBody {
  readonly body: string
  readonly calls: ReadonlyArray<(...xs: Array<number>) => unknown>
}

/**
 * The formula as a JavaScript expression over `h` (`helpers`), `n` (`toNumber`) and `Math`, each variable read as
 * `read(name)` and each mathjs function it needs called through `callsName`; or undefined if it uses something this
 * translation does not cover. `slow` gives mathjs's own implementation of a function for the uncommon ones (round,
 * mod, median, …). Only `variables` (checked against the allowed list), numeric literals and the helpers are
 * written out: no text of the expression is pasted in as code, and `read` must likewise give code of its own.
 */
export const transpileBody = (
  root: MathNode, variables: ReadonlyArray<string>, slow: (name: string) => ((...xs: Array<number>) => unknown) | undefined,
  read: (name: string) => string, callsName: string
): TranspiledBody | undefined => {
  const calls: Array<(...xs: Array<number>) => unknown> = []
  const callSlow = (name: string, args: ReadonlyArray<string>): string | undefined => {
    const fn = slow(name)
    if (fn === undefined) return undefined
    calls.push(fn)
    return `n(${callsName}[${calls.length - 1}](${args.join(", ")}))`
  }
  const emit = (node: Node): string | undefined => {
    switch (node.type) {
      case "ConstantNode": {
        const v = node.value
        return typeof v === "number" ? `(${String(v)})` : typeof v === "boolean" ? (v ? "1" : "0") : undefined
      }
      case "SymbolNode": {
        const name = node.name as string
        if (variables.includes(name)) return read(name)
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
        if (mathFunctions.has(name) && (name !== "min" && name !== "max" || args.length > 0)) return `Math.${name}(${args.join(", ")})`
        return callSlow(name, args as Array<string>)
      }
      default:
        return undefined
    }
  }
  const body = emit(root as Node)
  return body === undefined ? undefined : { body, calls }
}

/** The formula as `(scope) => number`, or undefined if it uses something `transpileBody` does not cover. */
export const transpile = (
  root: MathNode, variables: ReadonlyArray<string>, slow: (name: string) => ((...xs: Array<number>) => unknown) | undefined
): ((scope: Readonly<Record<string, number>>) => number) | undefined => {
  const t = transpileBody(root, variables, slow, (name) => `s[${JSON.stringify(name)}]`, "c")
  if (t === undefined) return undefined
  const make = new Function("h", "c", "n", `return (s) => ${t.body}`) as (
    h: typeof helpers, c: TranspiledBody["calls"], n: typeof toNumber
  ) => (scope: Readonly<Record<string, number>>) => number
  return make(helpers, t.calls, toNumber)
}
