/**
 * Where each value of a scenario comes from. A parameter's documented source (its `param()` annotation,
 * docs/parameters.md) vouches for the Ways to Wellness default's value, not for any value a scenario puts in its
 * place. So each value of a scenario is one of:
 * - `documented`: the Ways to Wellness default's value, with the parameter's documented source and confidence;
 * - `stated`: covered by the scenario's own `sources` (its path, or a list element, schedule or section above it),
 *   with the source and confidence given there;
 * - `changed`: different from the default with no source given: assumed.
 * The seed is never an assumption, whatever its value.
 */
import { Schema } from "effect"
import referenceDocument from "../../scenarios/ways-to-wellness.json" with { type: "json" }
import { canonicalJson } from "./canonicalJson.ts"
import type { ScenarioProblem } from "./errors.ts"
import { type Confidence, confidences } from "./param.ts"
import { getAtPath, isRecord, listParameters, listSchedules, resolveParameter, resolvedKeys, scheduleProvenance, valueAtKeys } from "./parameters.ts"
import { idleWithPracticeList } from "./practiceList.ts"
import { Scenario, type StatedSource } from "./schema.ts"

export type Origin = "documented" | "stated" | "changed"
export const origins: ReadonlyArray<Origin> = ["documented", "stated", "changed"]

/** One value of a scenario and where it comes from. */
export interface ValueProvenance {
  /** Its concrete path, list elements by name where names are unique (`contracts[outcomes].capTotal`), else by position. */
  readonly path: string
  /** The parameter or schedule it is a value of, as docs/parameters.md lists it (`contracts[].capTotal`). */
  readonly parameter: string
  readonly value: unknown
  /** The Ways to Wellness default's value at the same path; undefined where the default has none. */
  readonly reference: unknown
  readonly origin: Origin
  readonly source: string
  readonly confidence: Confidence
  /** For a `stated` value, the key of the scenario's `sources` that covers it. */
  readonly statedBy?: string
  /** Where the value is in the scenario: object keys and list positions (for a value left out, where it would be). */
  readonly keys: ReadonlyArray<string | number>
}

/** The reference the documented sources vouch for: the shipped Ways to Wellness scenario, decoded once. */
let reference: Scenario | undefined
export const referenceScenario = (): Scenario => {
  if (reference === undefined) {
    const { $schema: _editorHint, ...doc } = referenceDocument as Record<string, unknown>
    reference = Schema.decodeUnknownSync(Scenario)(doc)
  }
  return reference
}

const unsourced = "set by this scenario, differing from the Ways to Wellness default, with no source given"
const leftOutUnsourced = "left out by this scenario, unlike the Ways to Wellness default, with no source given"

/** A list element's selector in a path: its name where that is unique and reads back unchanged, else its position. */
const selector = (list: ReadonlyArray<unknown>, j: number): string => {
  const el = list[j]
  const name = isRecord(el) ? el.name : undefined
  const usable = typeof name === "string" && name !== "" && name.trim() === name && !/[[\]]/.test(name) && !/^\d+$/.test(name) &&
    list.filter((x) => isRecord(x) && x.name === name).length === 1
  return usable ? name : String(j)
}

/** The concrete paths of a generic one (`contracts[].metrics[].tariff`) in a scenario, one per list element. */
const concretePaths = (root: unknown, generic: string): Array<string> => {
  const parts = generic.split(".")
  const out: Array<string> = []
  const go = (node: unknown, i: number, prefix: string): void => {
    if (i === parts.length) {
      if (node !== undefined) out.push(prefix)
      return
    }
    const list = parts[i].endsWith("[]")
    const key = list ? parts[i].slice(0, -2) : parts[i]
    if (!isRecord(node) || !Object.hasOwn(node, key)) return
    const next = node[key]
    const here = prefix === "" ? key : `${prefix}.${key}`
    if (!list) return go(next, i + 1, here)
    if (Array.isArray(next)) next.forEach((el, j) => go(el, i + 1, `${here}[${selector(next, j)}]`))
  }
  go(root, 0, "")
  return out
}

interface Unit {
  readonly generic: string
  readonly source: string
  readonly confidence: Confidence
  /** A key a scenario may leave out (a contract's cap). */
  readonly optional: boolean
}

/** Every parameter and schedule: the units a scenario's values are counted in. */
const units = (): ReadonlyArray<Unit> => [
  ...listParameters().map((p) => ({ generic: p.path, source: p.source, confidence: p.confidence, optional: p.optional })),
  ...listSchedules().map((s) => ({ generic: s.path, ...scheduleProvenance, optional: false }))
]

/** The concrete path of keys in a scenario, list elements named as `concretePaths` names them. */
const pathOfKeys = (root: unknown, keys: ReadonlyArray<string | number>): string => {
  let node = root
  let path = ""
  for (const k of keys) {
    path = typeof k === "number" && Array.isArray(node) ? `${path}[${selector(node, k)}]` : path === "" ? String(k) : `${path}.${String(k)}`
    node = (node as Record<string | number, unknown> | undefined)?.[k]
  }
  return path
}

/**
 * The optional keys the default has and the scenario leaves out (a cap it took away), where the scenario has the
 * object that would hold them: each is a value of the scenario too, "none".
 */
const leftOut = (scenario: Scenario, base: Scenario, unit: Unit): Array<{ readonly path: string; readonly keys: ReadonlyArray<string | number>; readonly reference: unknown }> =>
  unit.optional
    ? concretePaths(base, unit.generic).flatMap((referencePath) => {
      const cut = referencePath.lastIndexOf(".")
      const key = referencePath.slice(cut + 1)
      const parentKeys = resolvedKeys(scenario, referencePath.slice(0, cut))
      if (parentKeys === undefined) return []
      const parent = getAtPath(scenario, referencePath.slice(0, cut))
      if (!isRecord(parent) || Object.hasOwn(parent, key)) return []
      const keys = [...parentKeys, key]
      return [{ path: pathOfKeys(scenario, keys), keys, reference: getAtPath(base, referencePath) }]
    })
    : []

/**
 * Where a key of `sources` points in the scenario: a value, list element, schedule or section; or a key the
 * scenario leaves out under an object it has (the source of taking a cap away).
 */
const sourceKeys = (scenario: unknown, key: string): ReadonlyArray<string | number> | undefined => {
  const keys = resolvedKeys(scenario, key)
  if (keys !== undefined) return keys
  // Only a key the Schema lets a scenario leave out.
  if (resolveParameter(key)?.optional !== true) return undefined
  const cut = key.lastIndexOf(".")
  const last = key.slice(cut + 1)
  const parent = resolvedKeys(scenario, key.slice(0, cut))
  return parent === undefined || !isRecord(getAtPath(scenario, key.slice(0, cut))) ? undefined : [...parent, last]
}

const isPrefix = (prefix: ReadonlyArray<string | number>, keys: ReadonlyArray<string | number>): boolean =>
  prefix.length <= keys.length && prefix.every((k, i) => keys[i] === k)

/** A stated source and the `sources` key it is under. */
export interface Covering {
  readonly key: string
  readonly entry: StatedSource
}

/**
 * Which of a scenario's stated sources covers a place in it (given as keys: object keys and list positions): the
 * one with the longest path at or above it, if any.
 */
export const coveringSources = (scenario: Scenario): (keys: ReadonlyArray<string | number>) => Covering | undefined => coveringIn(scenario)

/** `coveringSources` for a document not yet decoded (`extends` works on those). */
const coveringIn = (root: unknown): (keys: ReadonlyArray<string | number>) => Covering | undefined => {
  const sources = isRecord(root) && isRecord(root.sources) ? root.sources as Record<string, StatedSource> : {}
  const stated = Object.entries(sources).flatMap(([key, entry]) => {
    const keys = sourceKeys(root, key)
    return keys === undefined ? [] : [{ key, keys, entry }]
  })
  return (keys) => stated.filter((s) => isPrefix(s.keys, keys)).sort((x, y) => y.keys.length - x.keys.length)[0]
}

/** The values of a document at or under a place (keys), each with its concrete path and keys. */
const valuesUnder = (root: unknown, under: ReadonlyArray<string | number>): Array<{ readonly path: string; readonly keys: ReadonlyArray<string | number> }> =>
  units().flatMap((u) => concretePaths(root, u.generic)).flatMap((path) => {
    const keys = resolvedKeys(root, path)
    return keys !== undefined && isPrefix(under, keys) ? [{ path, keys }] : []
  })

/**
 * The entries a broad stated source (a section, a list element) is split into when part of what it covered
 * changes: one per value it still covers and `keep` accepts, each with the broad entry's source, so that the values
 * left alone keep it and the changed ones do not.
 */
const splitSource = (
  root: unknown, key: string, keys: ReadonlyArray<string | number>, entry: StatedSource, keep: (path: string, keys: ReadonlyArray<string | number>) => boolean
): Array<[string, StatedSource]> => {
  const cover = coveringIn(root)
  return valuesUnder(root, keys).filter((v) => cover(v.keys)?.key === key && keep(v.path, v.keys)).map((v) => [v.path, entry])
}

/**
 * Every value of a scenario that a run reads (every list element, every schedule, and every optional key the default
 * has and the scenario leaves out, as "none"; not `practices.listSizeCv` when the practices are listed) and where it
 * comes from, in schema order.
 */
export const scenarioProvenance = (scenario: Scenario): ReadonlyArray<ValueProvenance> => {
  const base = referenceScenario()
  const cover = coveringSources(scenario)
  const idle = idleWithPracticeList(scenario)
  // A practice list's count and population are the list's: they have its source, unless given their own.
  const listed = scenario.practices.list === undefined ? undefined : cover(["practices", "list"])
  const provenanceOf = (unit: Unit, path: string, keys: ReadonlyArray<string | number>, value: unknown, reference: unknown): ValueProvenance => {
    const own = cover(keys)
    const stated = (own === undefined || own.key === "practices") && listed !== undefined && (path === "practices.count" || path === "practices.population") ? listed : own
    const common = { path, parameter: unit.generic, value, reference, keys }
    if (stated !== undefined) return { ...common, origin: "stated", source: stated.entry.source, confidence: stated.entry.confidence, statedBy: stated.key }
    if (unit.generic === "seed" || (reference !== undefined && canonicalJson(value) === canonicalJson(reference))) {
      return { ...common, origin: "documented", source: unit.source, confidence: unit.confidence }
    }
    return { ...common, origin: "changed", source: value === undefined ? leftOutUnsourced : unsourced, confidence: "assumed" }
  }
  return units().flatMap((unit) => [
    ...concretePaths(scenario, unit.generic).filter((path) => !idle.has(path)).map((path) =>
      provenanceOf(unit, path, resolvedKeys(scenario, path) ?? [], getAtPath(scenario, path), resolvedKeys(base, path) === undefined ? undefined : getAtPath(base, path))),
    ...leftOut(scenario, base, unit).map((v) => provenanceOf(unit, v.path, v.keys, undefined, v.reference))
  ])
}

/** How much of a scenario rests on published evidence (summary.json's `provenance`). */
export interface ProvenanceSummary {
  /** Values counted: every parameter of every list element, each schedule as one value. */
  readonly values: number
  readonly byConfidence: Record<Confidence, number>
  readonly byOrigin: Record<Origin, number>
  /** Paths of the values that differ from the Ways to Wellness default with no source given (counted as assumed). */
  readonly unsourced: ReadonlyArray<string>
  readonly note: string
}

export const provenanceSummary = (values: ReadonlyArray<ValueProvenance>): ProvenanceSummary => {
  const byConfidence = Object.fromEntries(confidences.map((c) => [c, 0])) as Record<Confidence, number>
  const byOrigin = Object.fromEntries(origins.map((o) => [o, 0])) as Record<Origin, number>
  for (const v of values) {
    byConfidence[v.confidence]++
    byOrigin[v.origin]++
  }
  return {
    values: values.length,
    byConfidence,
    byOrigin,
    unsourced: values.filter((v) => v.origin === "changed").map((v) => v.path),
    note: "Each value of the scenario by the confidence of its source: the documented source of the Ways to Wellness default where the value is that default's (docs/parameters.md), the scenario's own `sources` where it gives one, and assumed where it differs from the default with no source given (listed in `unsourced`; spsim provenance FILE shows them all). Bands show variation from chance alone unless parameterUncertainty says the replicates drew their parameters from a posterior."
  }
}

/**
 * Problems with a scenario's `sources`: a key that leads nowhere in the scenario, or to something that is not a
 * value of the model (its name, its description).
 */
export const sourceProblems = (scenario: Scenario): ReadonlyArray<ScenarioProblem> => {
  const entries = Object.keys(scenario.sources ?? {})
  if (entries.length === 0) return []
  const valueKeys = scenarioProvenance(scenario).map((v) => v.keys)
  return entries.flatMap((key): Array<ScenarioProblem> => {
    const keys = sourceKeys(scenario, key)
    const expected = "expected a path to a value, list element, schedule or section of this scenario, as for spsim sweep --set (docs/parameters.md)"
    const where = `sources[${JSON.stringify(key)}]`
    if (keys === undefined) return [{ path: where, expected, found: `${JSON.stringify(key)}, which is not in the scenario` }]
    // An optional key left out (no yearly cap) may have a source too: that it is left out is the scenario's statement.
    const leftOutKey = resolvedKeys(scenario, key) === undefined
    if (!leftOutKey && !valueKeys.some((v) => isPrefix(keys, v))) return [{ path: where, expected, found: `${JSON.stringify(key)}, which holds no model value` }]
    return []
  })
}

/**
 * A scenario without the stated sources that vouch for the value at a path: the path's own entry and any below it
 * go; one above it (a section, a list element) is split into entries for the other values it covered, which keep
 * their source. For an edit, whose new value is the editor's and counts as assumed until given a source.
 */
export const withoutSourcesFor = <S extends Scenario>(scenario: S, path: string): S => {
  const keys = sourceKeys(scenario, path)
  if (scenario.sources === undefined || keys === undefined) return scenario
  let changed = false
  const next = Object.entries(scenario.sources).flatMap(([key, entry]): Array<[string, StatedSource]> => {
    const k = sourceKeys(scenario, key)
    if (k === undefined || !(isPrefix(k, keys) || isPrefix(keys, k))) return [[key, entry]]
    changed = true
    return isPrefix(keys, k) ? [] : splitSource(scenario, key, k, entry, (_, v) => !isPrefix(keys, v))
  })
  return changed ? { ...scenario, sources: Object.fromEntries(next) } : scenario
}

/**
 * A document merged over its base (`extends`) keeps the base's stated sources only for values it leaves as they
 * were: a source vouches for a value, not for whatever a file extending it puts there. A broad source (a section)
 * over values some of which the file changes is split into entries for the values left alone. Entries the file
 * gives itself stay, and win; so do keys that lead nowhere (decoding reports those).
 */
export const inheritSources = (base: unknown, merged: unknown, own: unknown): unknown => {
  if (!isRecord(base) || !isRecord(merged) || !isRecord(base.sources) || !isRecord(merged.sources)) return merged
  const baseSources = base.sources
  const ownSources = isRecord(own) && isRecord(own.sources) ? own.sources : {}
  // What a path (or key of `sources`) holds is the same in the base and in the merged document.
  const unchanged = (path: string): boolean => {
    const before = sourceKeys(base, path)
    const after = sourceKeys(merged, path)
    return before !== undefined && after !== undefined && canonicalJson(valueAtKeys(base, before)) === canonicalJson(valueAtKeys(merged, after))
  }
  const next = Object.entries(merged.sources).flatMap(([key, entry]): Array<[string, unknown]> => {
    if (Object.hasOwn(ownSources, key) || !Object.hasOwn(baseSources, key)) return [[key, entry]]
    const before = sourceKeys(base, key)
    if (before === undefined || unchanged(key)) return [[key, entry]]
    return splitSource(base, key, before, entry as StatedSource, (path) => unchanged(path) && !Object.hasOwn(ownSources, path))
  })
  return { ...merged, sources: Object.fromEntries(next) }
}
