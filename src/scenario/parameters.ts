/**
 * The scenario's numeric parameters, read from the Schema itself: every number built with `param()` or
 * `share()` carries its unit, range, meaning and provenance as annotations, so docs, the JSON Schema,
 * sweeps and sensitivity analyses all list the same parameters without a second registry to keep in step.
 */
import { SchemaAST } from "effect"
import { annotationKeys, type Confidence, type ParamInfo } from "./param.ts"
import { Scenario } from "./schema.ts"

/** One numeric parameter of a scenario: its place in the document and the metadata `param()` gave it. */
export interface ParameterInfo extends Required<ParamInfo> {
  /** Dot path from the scenario root, e.g. "linkWorkers.caseloadCapPerFte"; "[]" marks every element of an array. */
  readonly path: string
  /** Top-level key the parameter belongs to (e.g. "linkWorkers"), or "" for top-level scalars such as the seed. */
  readonly section: string
  /** True when the path runs through an array (one value per element); such paths are not settable here. */
  readonly perElement: boolean
  /**
   * True when a scenario may leave the key out (`Schema.optionalKey`), e.g. a contract's yearly cap: no key, no cap.
   * Only the key itself: the numbers inside an optional object (a contract's `financing`) are not optional here.
   */
  readonly optional: boolean
}

/** A time-varying multiplier (see src/scenario/schedule.ts): not a single number, listed for documentation. */
export interface ScheduleInfo {
  readonly path: string
  readonly section: string
  readonly description: string
}

const confidences: ReadonlyArray<Confidence> = ["high", "medium", "low", "assumed"]

const isIntCheck = (check: SchemaAST.Check<unknown>): boolean =>
  check._tag === "FilterGroup"
    ? check.checks.some(isIntCheck)
    : (check.annotations?.representation as { readonly id?: unknown } | undefined)?.id === "effect/schema/isInt"

const isSchedule = (ast: SchemaAST.Objects): boolean => {
  const names = ast.propertySignatures.map((p) => String(p.name)).sort()
  return names.length === 2 && names[0] === "interpolation" && names[1] === "points"
}

const sectionOf = (path: string): string => (path.includes(".") ? path.slice(0, path.indexOf(".")).replace("[]", "") : "")

const parameterAt = (ast: SchemaAST.AST, path: string, optional: boolean): ParameterInfo | undefined => {
  const notes = SchemaAST.resolve(ast)
  const unit = notes?.[annotationKeys.unit]
  if (typeof unit !== "string") return undefined
  const min = notes?.["x-minimum"]
  const max = notes?.["x-maximum"]
  const confidence = notes?.[annotationKeys.confidence]
  if (typeof min !== "number" || typeof max !== "number" || !confidences.includes(confidence as Confidence)) {
    throw new Error(`scenario parameter ${path}: annotations incomplete (build it with param() or share())`)
  }
  return {
    path,
    section: sectionOf(path),
    unit,
    min,
    max,
    description: String(notes?.description ?? ""),
    source: String(notes?.[annotationKeys.source] ?? ""),
    confidence: confidence as Confidence,
    calibratable: notes?.[annotationKeys.calibratable] === true,
    integer: (ast.checks ?? []).some(isIntCheck),
    perElement: path.includes("[]"),
    optional
  }
}

interface Found {
  readonly parameters: Array<ParameterInfo>
  readonly schedules: Array<ScheduleInfo>
}

/** `optional`: the property signature that led here may be absent (read from the AST, not from a list). */
const walk = (ast: SchemaAST.AST, path: string, found: Found, optional = false): void => {
  switch (ast._tag) {
    case "Number": {
      const info = parameterAt(ast, path, optional)
      if (info !== undefined) found.parameters.push(info)
      return
    }
    case "Objects": {
      if (isSchedule(ast)) {
        found.schedules.push({ path, section: sectionOf(path), description: SchemaAST.resolveDescription(ast) ?? "" })
        return
      }
      for (const p of ast.propertySignatures) {
        walk(p.type, path === "" ? String(p.name) : `${path}.${String(p.name)}`, found, SchemaAST.isOptional(p.type))
      }
      return
    }
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

let cache: Found | undefined
const found = (): Found => {
  if (cache === undefined) {
    cache = { parameters: [], schedules: [] }
    walk(SchemaAST.toType(Scenario.ast), "", cache)
  }
  return cache
}

/** Every numeric parameter of a scenario, in schema order. */
export const listParameters = (): ReadonlyArray<ParameterInfo> => found().parameters

/** Every schedule (time-varying multiplier) of a scenario, in schema order. */
export const listSchedules = (): ReadonlyArray<ScheduleInfo> => found().schedules

/** The parameter at a path, if there is one. */
export const findParameter = (path: string): ParameterInfo | undefined =>
  listParameters().find((p) => p.path === path)

const segmentsOf = (path: string): ReadonlyArray<string> => {
  if (path === "" || path.includes("[")) throw new Error(`not a path to a single value: "${path}"`)
  return path.split(".")
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

const parentOf = (root: unknown, path: string): { readonly parent: Record<string, unknown>; readonly key: string } => {
  const segments = segmentsOf(path)
  let node = root
  for (const [i, segment] of segments.slice(0, -1).entries()) {
    if (!isRecord(node) || !Object.hasOwn(node, segment)) {
      throw new Error(`no "${segments.slice(0, i + 1).join(".")}" in the scenario (path "${path}")`)
    }
    node = node[segment]
  }
  const key = segments[segments.length - 1]
  if (!isRecord(node) || !Object.hasOwn(node, key)) throw new Error(`no "${path}" in the scenario`)
  return { parent: node, key }
}

/** Whether a scenario holds a value at a dot path (no arrays): false where an optional key is left out. */
export const isSetAt = (scenario: unknown, path: string): boolean => {
  let node = scenario
  for (const segment of segmentsOf(path)) {
    if (!isRecord(node) || !Object.hasOwn(node, segment)) return false
    node = node[segment]
  }
  return node !== undefined
}

/** The value at a dot path (no arrays), e.g. `getAtPath(scenario, "linkWorkers.caseloadCapPerFte")`. */
export const getAtPath = (scenario: unknown, path: string): unknown => {
  const { parent, key } = parentOf(scenario, path)
  return parent[key]
}

/**
 * Sets the value at a dot path (no arrays) of a mutable copy of a scenario, e.g. one from `structuredClone`.
 * The path must exist; ranges are checked when the draft is decoded again.
 */
export const setAtPath = (draft: object, path: string, value: unknown): void => {
  const { parent, key } = parentOf(draft, path)
  parent[key] = value
}

/** A copy of a scenario with the value at a dot path replaced; everything off the path is shared, not copied. */
export const withAtPath = <S extends object>(scenario: S, path: string, value: unknown): S => {
  const segments = segmentsOf(path)
  const replace = (node: unknown, depth: number): unknown => {
    const segment = segments[depth]
    if (!isRecord(node) || !Object.hasOwn(node, segment)) {
      throw new Error(`no "${segments.slice(0, depth + 1).join(".")}" in the scenario (path "${path}")`)
    }
    return { ...node, [segment]: depth === segments.length - 1 ? value : replace(node[segment], depth + 1) }
  }
  return replace(scenario, 0) as S
}
