import { Result, Schema } from "effect"
import { all, create, type MapLike, type MathNode } from "mathjs"
import { toNumber, type TranspiledBody, transpile, transpileBody } from "./transpile.ts"

/** Where a formula sits in a scenario, so a failure can point at it. */
export type FormulaPlace = { readonly contract: string; readonly metric: string; readonly field: string }

/** A contract's payment expression, checked and compiled once at scenario load. */
export interface Formula {
  readonly expression: string
  /** The allowed variables the expression reads, in order of first use. */
  readonly variables: ReadonlyArray<string>
  /** True when it runs as plain JavaScript (transpile.ts) rather than through mathjs's evaluator. */
  readonly fast: boolean
  /**
   * When `fast`, the formula as a JavaScript expression for generated code to paste in (`transpileBody`): variables
   * read as `read(name)`, the mathjs functions it needs as `callsName[k]`.
   */
  readonly inline?: (read: (name: string) => string, callsName: string) => TranspiledBody
  /**
   * `scope` must hold every name in `variables`. Comparisons give 0/1; a division by zero
   * or the like gives NaN or ±Infinity, and the caller decides what that pays.
   */
  evaluate(scope: Readonly<Record<string, number>>): number
}

export class FormulaError extends Schema.TaggedError<FormulaError>()("FormulaError", {
  contract: Schema.String,
  metric: Schema.String,
  field: Schema.String,
  expression: Schema.String,
  problem: Schema.String,
  /** The names the author could have meant, when the problem is an unknown name. */
  known: Schema.Array(Schema.String)
}) {
  override get message(): string {
    return this.render()
  }

  render(): string {
    const known = this.known.length === 0 ? "" : ` (known: ${this.known.join(", ")})`
    return `contract "${this.contract}", metric "${this.metric}", ${this.field}: ${this.problem} in "${this.expression}"${known}`
  }
}

// `predictable` keeps results numeric: sqrt(-1) is NaN rather than a complex number.
const math = create(all, { predictable: true })
const parse = math.parse

const noArguments = (name: string): never => {
  throw new Error(`${name}() needs at least one argument`)
}

// Formulas work on plain numbers only, so the hottest functions get number-only versions: mathjs's own
// min and max go through its array-aware dispatch and cost several times more per call.
math.import(
  {
    min: (...xs: Array<number>) => (xs.length > 0 ? Math.min(...xs) : noArguments("min")),
    max: (...xs: Array<number>) => (xs.length > 0 ? Math.max(...xs) : noArguments("max")),
    abs: (x: number) => Math.abs(x)
  },
  { override: true }
)

// Functions that parse, compile or redefine things are closed off, as the mathjs security
// notes advise for untrusted input, and random ones would break seeded determinism. The
// allow-list below already refuses them; this guards against a path round it.
const disabled = [
  "import", "createUnit", "reviver", "evaluate", "parse", "compile", "parser", "simplify",
  "simplifyConstant", "simplifyCore", "derivative", "resolve", "rationalize", "random",
  "randomInt", "pickRandom"
]
math.import(
  Object.fromEntries(disabled.map((name) => [name, () => { throw new Error(`${name} is disabled in formulas`) }])),
  { override: true }
)

/** What a commissioner may call: scalar arithmetic only. */
export const formulaFunctions: ReadonlyArray<string> = [
  "abs", "ceil", "floor", "round", "fix", "sign", "min", "max", "mean", "median", "sum",
  "sqrt", "cbrt", "exp", "log", "log10", "log2", "pow", "mod"
]
const constants = new Set(["pi", "e", "true", "false"])
const refused = new Map([
  ["AssignmentNode", "assignment with = is not allowed (use == to compare)"],
  ["FunctionAssignmentNode", "defining a function is not allowed"],
  ["BlockNode", "only one expression is allowed"],
  ["AccessorNode", "property access and indexing are not allowed"]
])
// The load check runs the expression with every variable at each of these values.
const sampleValues = [1, 0]

type Problem = { readonly problem: string; readonly known?: ReadonlyArray<string> }

/** The variables an expression reads, or the first thing wrong with its names and shape. */
const inspect = (
  root: MathNode,
  allowed: ReadonlyArray<string>
): Problem | { readonly variables: ReadonlyArray<string> } => {
  const used = new Set<string>()
  let found: Problem | undefined
  root.traverse((node, path, parent) => {
    if (found !== undefined) return
    const refusal = refused.get(node.type)
    if (refusal !== undefined) {
      found = { problem: refusal }
    } else if (math.isFunctionNode(node)) {
      const fn: MathNode = node.fn
      if (!math.isSymbolNode(fn)) found = { problem: "only named functions can be called" }
      else if (allowed.includes(fn.name)) found = { problem: `"${fn.name}" is a variable, not a function` }
      else if (!formulaFunctions.includes(fn.name)) {
        found = { problem: `unknown function "${fn.name}"`, known: formulaFunctions }
      }
    } else if (math.isSymbolNode(node) && !(path === "fn" && math.isFunctionNode(parent))) {
      if (allowed.includes(node.name)) used.add(node.name)
      else if (!constants.has(node.name)) found = { problem: `unknown variable "${node.name}"`, known: allowed }
    }
  })
  return found ?? { variables: [...used] }
}

const syntaxProblem = (error: unknown): string => {
  if (!(error instanceof Error)) return `syntax error: ${String(error)}`
  const text = error.message.replace(/\s*\(char \d+\)$/, "")
  const at = (error as Error & { char?: unknown }).char
  const detail = text.charAt(0).toLowerCase() + text.slice(1)
  return typeof at === "number" ? `syntax error at character ${at}: ${detail}` : `syntax error: ${detail}`
}

export const compileFormula = (
  expression: string,
  allowed: ReadonlyArray<string>,
  where: FormulaPlace,
  /** `false` keeps mathjs's own evaluator (the reference the fast path is tested against). */
  options: { readonly fast?: boolean } = {}
): Result.Result<Formula, FormulaError> => {
  const fail = ({ problem, known = [] }: Problem) =>
    Result.fail(new FormulaError({ ...where, expression, problem, known: [...known] }))

  let root: MathNode
  try {
    root = parse(expression)
  } catch (error) {
    return fail({ problem: syntaxProblem(error) })
  }
  const inspected = inspect(root, allowed)
  if ("problem" in inspected) return fail(inspected)
  const { variables } = inspected

  // One scope per formula, re-pointed at each call's values: mathjs would otherwise wrap
  // every plain object in a fresh map and check each read against the prototype chain.
  const reads = new Set(variables)
  let current: Readonly<Record<string, number>> = {}
  const scope: MapLike<string, number> = {
    has: (name) => reads.has(name),
    get: (name) => current[name],
    set: () => { throw new Error("formulas cannot assign") },
    keys: () => reads.keys()
  }
  const compiled = root.compile()
  const run = (values: Readonly<Record<string, number>>): unknown => {
    current = values
    return compiled.evaluate(scope)
  }

  // Non-finite results on the samples are accepted: `saving / starChange` divides by zero
  // at 0 but may be guarded in practice, so only the result's type is checked here. A
  // result that is not numeric only on other values becomes NaN at run time.
  for (const sample of sampleValues) {
    let result: unknown
    try {
      result = run(Object.fromEntries(allowed.map((name) => [name, sample])))
    } catch (error) {
      return fail({ problem: `cannot be evaluated with every variable at ${sample}: ${(error as Error).message}` })
    }
    if (typeof result !== "number" && typeof result !== "boolean") {
      return fail({ problem: `the result is not a number (got ${math.typeOf(result)})` })
    }
  }
  const slow = (name: string) => {
    const fn = (math as unknown as Record<string, unknown>)[name]
    const known = formulaFunctions.includes(name) || name === "pow" || name === "mod"
    return known && typeof fn === "function" ? (fn as (...xs: Array<number>) => unknown) : undefined
  }
  const fast = options.fast === false ? undefined : transpile(root, variables, slow)
  if (fast === undefined) return Result.succeed({ expression, variables, fast: false, evaluate: (values) => toNumber(run(values)) })
  const inline = (read: (name: string) => string, callsName: string) => transpileBody(root, variables, slow, read, callsName)!
  return Result.succeed({ expression, variables, fast: true, evaluate: fast, inline })
}
