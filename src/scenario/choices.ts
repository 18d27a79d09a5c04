/**
 * The scenario's choices, read from the Schema itself as `listParameters` reads its numbers: every value built with
 * `Schema.Literals([...])` (a contract's payment period, a financing facility) allows only the literals it lists, and
 * carries its meaning as the annotation `description`. The explorer offers them as lists to choose from, and `spsim
 * sweep --set` takes them as values to sweep over, with no list of options of their own to keep in step with the Schema.
 */
import { SchemaAST } from "effect"
import { genericPath } from "./parameters.ts"
import { Scenario } from "./schema.ts"

/** One choice of a scenario: its place in the document, what it may be, and what it means. */
export interface ChoiceInfo {
  /** Dot path from the scenario root, "[]" for every element of a list, e.g. "contracts[].period". */
  readonly path: string
  /** The literals the Schema allows, in its order. */
  readonly options: ReadonlyArray<string>
  readonly description: string
  /** True when a scenario may leave the key out (`Schema.optionalKey`), e.g. a contract's financing facility. */
  readonly optional: boolean
}

/** The literals of a union of string literals (two or more), or undefined for anything else. */
const literalsOf = (ast: SchemaAST.AST): ReadonlyArray<string> | undefined => {
  if (ast._tag !== "Union" || ast.types.length < 2) return undefined
  const literals = ast.types.map((t) => (t._tag === "Literal" && typeof t.literal === "string" ? t.literal : undefined))
  return literals.every((l) => l !== undefined) ? literals as ReadonlyArray<string> : undefined
}

const walk = (ast: SchemaAST.AST, path: string, found: Array<ChoiceInfo>, optional = false): void => {
  const options = literalsOf(ast)
  if (options !== undefined) {
    found.push({ path, options, description: SchemaAST.resolveDescription(ast) ?? "", optional })
    return
  }
  switch (ast._tag) {
    case "Objects":
      for (const p of ast.propertySignatures) walk(p.type, path === "" ? String(p.name) : `${path}.${String(p.name)}`, found, SchemaAST.isOptional(p.type))
      return
    case "Arrays":
      for (const element of [...ast.elements, ...ast.rest]) walk(element, `${path}[]`, found)
      return
    case "Union":
      for (const member of ast.types) walk(member, path, found, optional)
      return
    case "Suspend":
      return walk(ast.thunk(), path, found, optional)
    case "Declaration":
      for (const t of ast.typeParameters) walk(t, path, found, optional)
      return
    default:
      return
  }
}

let cache: ReadonlyArray<ChoiceInfo> | undefined

/** Every choice of a scenario (a value the Schema lets be one of a few strings), in schema order. */
export const listChoices = (): ReadonlyArray<ChoiceInfo> => {
  if (cache === undefined) {
    const found: Array<ChoiceInfo> = []
    walk(SchemaAST.toType(Scenario.ast), "", found)
    cache = found
  }
  return cache
}

/** The choice at a path, if there is one (a generic path: "[]" for every element of a list). */
export const findChoice = (path: string): ChoiceInfo | undefined => listChoices().find((c) => c.path === path)

/**
 * The choice a concrete path names (`contracts[outcomes].financing.facility`: a list element by position or name),
 * or undefined where none has that shape.
 */
export const resolveChoice = (path: string): ChoiceInfo | undefined =>
  path.includes("[]") ? undefined : findChoice(genericPath(path))
