import { Predicate, Schema, SchemaAST, SchemaIssue } from "effect"
import type { ScenarioProblem } from "./errors.ts"

type Path = ReadonlyArray<PropertyKey>

const UNKNOWN_FIELD = "no such field (unknown field)"
const ANY_VALUE = "Expected a value"
const FOUND_MAX_CHARS = 60

const formatLeaves = SchemaIssue.makeFormatterStandardSchemaV1({
  leafHook: (issue) => {
    if (issue._tag === "UnexpectedKey") return UNKNOWN_FIELD
    if (issue._tag === "MissingKey") return issue.annotations?.messageMissingKey ?? ANY_VALUE
    return SchemaIssue.defaultLeafHook(issue)
  }
})

export const formatSchemaError = (error: Schema.SchemaError, input: unknown): Array<ScenarioProblem> => {
  const problems: Array<ScenarioProblem> = []
  const add = (path: Path, message: string): void => {
    problems.push({ path: renderPath(path), expected: expectedText(message), found: renderFound(input, path) })
  }

  const walk = (issue: SchemaIssue.Issue, path: Path, parent: SchemaAST.AST | undefined): void => {
    switch (issue._tag) {
      case "Pointer":
        return walk(issue.issue, [...path, ...issue.path], parent)
      case "Composite":
        return issue.issues.forEach((child) => walk(child, path, issue.ast))
      case "AnyOf":
        if (issue.issues.length === 1) return walk(issue.issues[0], path, issue.ast)
        break
      case "MissingKey":
        return add(path, issue.annotations?.messageMissingKey ?? expectedTypeOf(parent, path[path.length - 1]))
    }
    for (const leaf of formatLeaves(issue).issues) {
      const subPath = (leaf.path ?? []).map((segment) => typeof segment === "object" ? segment.key : segment)
      add([...path, ...subPath], leaf.message)
    }
  }
  walk(error.issue, [], undefined)
  return problems
}

const expectedTypeOf = (parent: SchemaAST.AST | undefined, key: PropertyKey | undefined): string => {
  const field = parent?._tag === "Objects" ? parent.propertySignatures.find((ps) => ps.name === key) : undefined
  return field === undefined
    ? ANY_VALUE
    : formatLeaves(new SchemaIssue.InvalidType(field.type)).issues[0]?.message ?? ANY_VALUE
}

const expectedText = (message: string): string => {
  if (message === UNKNOWN_FIELD) return message
  const text = message.replace(/ \| undefined$/, "")
  return text.startsWith("Expected ")
    ? `expected ${text.slice("Expected ".length)}`
    : text.charAt(0).toLowerCase() + text.slice(1)
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/

export const renderPath = (path: Path): string =>
  path.reduce<string>((out, segment) => {
    if (typeof segment === "number") return `${out}[${segment}]`
    const key = String(segment)
    if (!IDENTIFIER.test(key)) return `${out}[${JSON.stringify(key)}]`
    return out === "" ? key : `${out}.${key}`
  }, "")

const lookup = (input: unknown, path: Path): { readonly value: unknown } | undefined => {
  let value = input
  for (const segment of path) {
    if (!Predicate.isObjectOrArray(value) || !Object.hasOwn(value, segment)) return undefined
    value = (value as Record<PropertyKey, unknown>)[segment]
  }
  return { value }
}

const renderFound = (input: unknown, path: Path): string => {
  const found = lookup(input, path)
  if (found === undefined) return "missing"
  const text = JSON.stringify(found.value) ?? String(found.value)
  return text.length > FOUND_MAX_CHARS ? `${text.slice(0, FOUND_MAX_CHARS - 1)}…` : text
}
