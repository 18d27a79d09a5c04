/**
 * The scenario's numeric parameters, read from the Schema itself: every number built with `param()` or
 * `share()` carries its unit, range, meaning and provenance as annotations, so docs, the JSON Schema,
 * sweeps and sensitivity analyses all list the same parameters without a second registry to keep in step.
 */
import { SchemaAST } from "effect"
import { annotationKeys, type Confidence, confidences, type ParamInfo } from "./param.ts"
import { Scenario } from "./schema.ts"
import { closestName, didYouMean, type Suggestions, suggestNames } from "./closestName.ts"

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
    typical: typeof notes?.[annotationKeys.typical] === "number" ? notes[annotationKeys.typical] as number : (max - min) / 10,
    integer: (ast.checks ?? []).some(isIntCheck),
    perElement: path.includes("[]"),
    optional
  }
}

/**
 * One of the scenario's choices: a value built with `Schema.Literals([...])` (a contract's payment period, a financing
 * facility), which may be only one of the words it lists, and carries its meaning as the annotation `description`.
 */
export interface ChoiceInfo {
  /** Dot path from the scenario root, "[]" for every element of a list, e.g. "contracts[].period". */
  readonly path: string
  /** The literals the Schema allows, in its order. */
  readonly options: ReadonlyArray<string>
  readonly description: string
  /** True when a scenario may leave the key out (`Schema.optionalKey`), e.g. a contract's financing facility. */
  readonly optional: boolean
}

interface Found {
  readonly parameters: Array<ParameterInfo>
  readonly schedules: Array<ScheduleInfo>
  readonly choices: Array<ChoiceInfo>
}

/** The literals of a union of string literals (two or more), or undefined for anything else. */
const literalsOf = (ast: SchemaAST.AST): ReadonlyArray<string> | undefined => {
  if (ast._tag !== "Union" || ast.types.length < 2) return undefined
  const literals = ast.types.map((t) => (t._tag === "Literal" && typeof t.literal === "string" ? t.literal : undefined))
  return literals.every((l) => l !== undefined) ? literals as ReadonlyArray<string> : undefined
}

/** `optional`: the property signature that led here may be absent (read from the AST, not from a list). */
const walk = (ast: SchemaAST.AST, path: string, found: Found, optional = false): void => {
  const options = literalsOf(ast)
  if (options !== undefined) {
    found.choices.push({ path, options, description: SchemaAST.resolveDescription(ast) ?? "", optional })
    return
  }
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
    cache = { parameters: [], schedules: [], choices: [] }
    walk(SchemaAST.toType(Scenario.ast), "", cache)
  }
  return cache
}

/** Every numeric parameter of a scenario, in schema order. */
export const listParameters = (): ReadonlyArray<ParameterInfo> => found().parameters

/** Every schedule (time-varying multiplier) of a scenario, in schema order. */
export const listSchedules = (): ReadonlyArray<ScheduleInfo> => found().schedules

/** Every choice of a scenario (a value the Schema lets be one of a few words), in schema order. */
export const listChoices = (): ReadonlyArray<ChoiceInfo> => found().choices

/** The parameter at a path, if there is one (a generic path: "[]" for every element of a list). */
export const findParameter = (path: string): ParameterInfo | undefined =>
  listParameters().find((p) => p.path === path)

/**
 * One step of a concrete path: a key of an object, a list element by position (`[0]`), or a list element by its
 * `name` field (`[outcomes]`: the contract, metric, payer or ethnic group of that name).
 */
type Step = { readonly key: string } | { readonly index: number } | { readonly name: string }

/**
 * The steps of a concrete path such as `linkWorkers.caseloadCapPerFte` or `contracts[outcomes].metrics[0].tariff`.
 * A problem (an empty key, an unclosed or empty bracket, `[]`) is thrown as an Error naming the path.
 */
const stepsOf = (path: string): ReadonlyArray<Step> => {
  const bad = (why: string): never => {
    throw new Error(`not a path to a single value: "${path}" (${why})`)
  }
  const steps: Array<Step> = []
  let i = 0
  while (i < path.length) {
    let j = i
    while (j < path.length && path[j] !== "." && path[j] !== "[") j++
    if (j === i) bad("a key is missing")
    steps.push({ key: path.slice(i, j) })
    while (path[j] === "[") {
      const close = path.indexOf("]", j)
      if (close < 0) bad("a [ is not closed")
      const selector = path.slice(j + 1, close).trim()
      if (selector === "") bad("[] names every element; give a position such as [0] or a name such as [outcomes]")
      steps.push(/^\d+$/.test(selector) ? { index: Number(selector) } : { name: selector })
      j = close + 1
    }
    if (j < path.length && path[j] !== ".") bad(`unexpected "${path[j]}"`)
    i = j + 1
    if (j === path.length - 1) bad("it ends with a dot")
  }
  if (steps.length === 0) bad("it is empty")
  return steps
}

/** A concrete path's parameter path, as `listParameters` names it: every list selector becomes "[]". */
export const genericPath = (path: string): string => path.replace(/\[[^\]]*\]/g, "[]")

/**
 * The parameter a concrete path names, with `path` the concrete path itself: `findParameter`'s answer for a path
 * without lists, and for one through lists (`contracts[outcomes].capTotal`) the list parameter's unit, range and
 * provenance, as a single value (`perElement` false). Undefined when no parameter has that shape.
 */
export const resolveParameter = (path: string): ParameterInfo | undefined => {
  try {
    stepsOf(path)
  } catch {
    return undefined
  }
  if (!path.includes("[")) return findParameter(path)
  const generic = genericPath(path)
  if (path.includes("[]")) return undefined
  const info = findParameter(generic) ?? schedulePointValue(generic)
  return info === undefined ? undefined : { ...info, path, perElement: false }
}

/**
 * Why `resolveParameter` found nothing at a path, for a message after the flag that gave it: a list path that names
 * every element ("[]") gets an example naming one; another gets the paths it may have meant (`pathSuggestions`).
 */
export const unresolvedReason = (path: string, choices = false): string => {
  const first = path.replaceAll("[]", "[0]")
  if (path.includes("[]") && (resolveParameter(first) !== undefined || (choices && listChoices().some((c) => c.path === genericPath(first))))) {
    return `"${path}" has one value per element; name one by position or name, e.g. ${path.replace("[]", "[0]")}`
  }
  const suggestion = didYouMean(pathSuggestions(path, choices))
  const what = choices ? "a numeric parameter or a choice" : "a numeric parameter"
  return `"${path}" is not ${what} of the scenario (see docs/parameters.md)${suggestion === "" ? "" : `; ${suggestion}`}`
}

/** Every path `resolveParameter` knows, generic ("[]" for a list element): the parameters and each schedule's points' values. */
const knownPaths = (choices = false): ReadonlyArray<string> =>
  [...listParameters().map((p) => p.path), ...listSchedules().map((s) => `${s.path}.points[].value`), ...(choices ? listChoices().map((c) => c.path) : [])]

/**
 * The parameter paths a path that names none may have meant (`suggestNames` over the generic paths), each with the
 * path's own list selectors put back in order ("contracts[outcomes].capTotl" → "contracts[outcomes].capTotal"), and
 * "[0]" where it gave none.
 */
export const pathSuggestions = (path: string, choices = false): Suggestions => {
  const selectors = path.match(/\[[^\]]*\]/g) ?? []
  const found = suggestNames(genericPath(path), knownPaths(choices))
  const concrete = (generic: string): string => {
    let k = 0
    return generic.replace(/\[\]/g, () => selectors[k++] ?? "[0]")
  }
  return { names: found.names.map(concrete), more: found.more }
}

/**
 * Why a scenario holds no value at a path `resolveParameter` knows, for a message after "found none": the first
 * step it lacks, with the element meant when a list has none of that name or position ("contracts[outcome]" →
 * "contracts[outcomes]"), or an optional term the scenario leaves out.
 */
export const unsetReason = (scenario: unknown, path: string): string => {
  const steps = stepsOf(path)
  let node = scenario
  for (const [i, step] of steps.entries()) {
    const k = keyAt(node, step)
    if (k !== undefined) {
      node = (node as Record<string | number, unknown>)[k]
      continue
    }
    const at = labelOf(steps.slice(0, i + 1))
    const list = labelOf(steps.slice(0, i))
    if ("key" in step || !Array.isArray(node)) return `the scenario leaves out "${at}", an optional term; set it in the file first`
    const named = node.flatMap((el) => (isRecord(el) && typeof el.name === "string" ? [el.name] : []))
    const elements = node.length === 0
      ? "it is empty"
      : `it has ${node.length}: by position [0]${node.length > 1 ? ` to [${node.length - 1}]` : ""}${named.length === 0 ? "" : `, or by name: ${named.join(", ")}`}`
    const meant = "name" in step ? closestName(step.name, named) : undefined
    const rest = steps.slice(i + 1).map((st) => ("key" in st ? `.${st.key}` : "index" in st ? `[${st.index}]` : `[${st.name}]`)).join("")
    const suggestion = meant === undefined ? "" : `; did you mean "${list}[${meant}]${rest}"?`
    return `no element ${"name" in step ? `named "${step.name}"` : `[${step.index}]`} in ${list} (${elements})${suggestion}`
  }
  return `no value at "${path}"`
}

/** A schedule's source and confidence: its own, in docs/model.md; it counts as assumed. */
export const scheduleProvenance = { source: "the schedule's (docs/model.md)", confidence: "assumed" } as const

/**
 * The value of one point of a schedule (`communityServices.funding.points[1].value`): a multiplier, 0 to 100 as
 * the Schema allows, so a sweep or a tornado can move the depth of a cut or of a collapse. Its source is the
 * schedule's own (docs/model.md); it counts as assumed.
 */
const schedulePointValue = (generic: string): ParameterInfo | undefined => {
  const schedule = listSchedules().find((s) => generic === `${s.path}.points[].value`)
  return schedule === undefined ? undefined : {
    path: generic,
    section: schedule.section,
    unit: "multiplier",
    min: 0,
    max: 100,
    description: `One point's value of: ${schedule.description}`,
    ...scheduleProvenance,
    calibratable: false,
    // A multiplier: 1 is its usual size (a tenth of the range would swing a closed service's 0 to 5).
    typical: 1,
    integer: false,
    perElement: true,
    optional: false
  }
}

/** A JSON object (not a list, not null). */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

const labelOf = (steps: ReadonlyArray<Step>): string =>
  steps.map((st, i) => ("key" in st ? `${i === 0 ? "" : "."}${st.key}` : "index" in st ? `[${st.index}]` : `[${st.name}]`)).join("")

/** Where `step` leads from `node`: the key or element it names (as a key of `node`), or undefined if there is none. */
const keyAt = (node: unknown, step: Step): string | number | undefined => {
  if ("key" in step) return isRecord(node) && Object.hasOwn(node, step.key) ? step.key : undefined
  if (!Array.isArray(node)) return undefined
  if ("index" in step) return step.index < node.length ? step.index : undefined
  const found = node.findIndex((el) => isRecord(el) && el.name === step.name)
  return found >= 0 ? found : undefined
}

/** The keys (object keys and list positions) a concrete path leads through; throws naming the first step missing. */
const keysOf = (root: unknown, path: string): Array<string | number> => {
  const steps = stepsOf(path)
  const keys: Array<string | number> = []
  let node = root
  for (const [i, step] of steps.entries()) {
    const k = keyAt(node, step)
    if (k === undefined) throw new Error(`no "${labelOf(steps.slice(0, i + 1))}" in the scenario (path "${path}")`)
    keys.push(k)
    node = (node as Record<string | number, unknown>)[k]
  }
  return keys
}

/** The keys a concrete path leads through in `root` (object keys, list positions), or undefined where it leads nowhere. */
export const resolvedKeys = (root: unknown, path: string): ReadonlyArray<string | number> | undefined => {
  try {
    return keysOf(root, path)
  } catch {
    return undefined
  }
}

/**
 * Whether a scenario holds a value at a path (through lists by position or name): false where an optional key is
 * left out or a list has no such element.
 */
export const isSetAt = (scenario: unknown, path: string): boolean => {
  let node = scenario
  for (const step of stepsOf(path)) {
    const k = keyAt(node, step)
    if (k === undefined) return false
    node = (node as Record<string | number, unknown>)[k]
  }
  return node !== undefined
}

/** The value at a path, e.g. `getAtPath(scenario, "linkWorkers.caseloadCapPerFte")` or `"contracts[outcomes].capTotal"`. */
export const getAtPath = (scenario: unknown, path: string): unknown => valueAtKeys(scenario, keysOf(scenario, path))

/** The value reached through keys (object keys, list positions); undefined where one is missing. */
export const valueAtKeys = (root: unknown, keys: ReadonlyArray<string | number>): unknown =>
  keys.reduce<unknown>((node, k) => (node as Record<string | number, unknown> | undefined)?.[k], root)

/**
 * Sets the value at a path of a mutable copy of a scenario, e.g. one from `structuredClone`. The path must exist;
 * ranges are checked when the draft is decoded again.
 */
export const setAtPath = (draft: object, path: string, value: unknown): void => {
  const keys = keysOf(draft, path)
  const parent = keys.slice(0, -1).reduce<unknown>((node, k) => (node as Record<string | number, unknown>)[k], draft)
  ;(parent as Record<string | number, unknown>)[keys[keys.length - 1]] = value
}

/** A copy of a scenario with the value at a path replaced; everything off the path is shared, not copied. */
export const withAtPath = <S extends object>(scenario: S, path: string, value: unknown): S => {
  const keys = keysOf(scenario, path)
  const replace = (node: unknown, depth: number): unknown => {
    const k = keys[depth]
    const inner = depth === keys.length - 1 ? value : replace((node as Record<string | number, unknown>)[k], depth + 1)
    if (Array.isArray(node)) {
      const copy = node.slice()
      copy[k as number] = inner
      return copy
    }
    return { ...(node as object), [k]: inner }
  }
  return replace(scenario, 0) as S
}
