/**
 * Where the value a control shows comes from, from the scenario's per-value provenance (`scenarioProvenance`), not
 * the parameter's annotation: the annotation's source vouches for the Ways to Wellness default's value only. A
 * value is `documented` (the default's, with the parameter's documented source), `stated` (by the scenario's own
 * `sources`) or `changed` (differs from the default with no source: assumed). An edit in the explorer drops the
 * stated sources that covered the value (`withoutSourcesFor`), so an edited value counts as assumed until the file
 * gives it a source. Pure: the page renders what this returns.
 */
import type { Confidence } from "../../../src/scenario/param.ts"
import { resolvedKeys } from "../../../src/scenario/parameters.ts"
import { type Origin, provenanceSummary, referenceScenario, type ValueProvenance, withoutSourcesFor } from "../../../src/scenario/provenance.ts"
import { renderPath } from "../../../src/scenario/issues.ts"
import type { Scenario } from "../../../src/scenario/schema.ts"
import { type ConcretePath, getIn, keyOf, removeIn, setIn } from "./paths.ts"

/** Where the value a control shows comes from. */
export interface ValueMark {
  /** As `scenarioProvenance` says; `left out` for an optional key the scenario leaves out where the Ways to Wellness default has a value. */
  readonly origin: Origin | "left out"
  readonly source: string
  readonly confidence: Confidence
  /** For a `stated` value, the key of the scenario's `sources` that covers it. */
  readonly statedBy?: string
  /** The Ways to Wellness default's value at the same place, if any. */
  readonly reference: unknown
  /** Nothing published supports this value: the control is marked assumed. */
  readonly assumed: boolean
}

/** What a parameter's annotation says: the source and confidence of the Ways to Wellness default's value. */
export interface Documented {
  readonly source: string
  readonly confidence: Confidence
}

/** A schedule's documented source, as `scenarioProvenance` gives it. */
export const scheduleDocumented: Documented = { source: "the schedule's (docs/model.md)", confidence: "assumed" }

/** Every value's provenance by its control key (`keyOf` of its concrete path: list elements by position). */
export const marksByKey = (scenario: Scenario, values: ReadonlyArray<ValueProvenance>): ReadonlyMap<string, ValueProvenance> =>
  new Map(values.flatMap((v) => {
    const keys = resolvedKeys(scenario, v.path)
    return keys === undefined ? [] : [[keyOf(keys), v] as const]
  }))

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

/** The Ways to Wellness default's value at the place of a concrete path of `scenario`: list elements by name where both have it once, else by position. */
const referenceAt = (scenario: Scenario, path: ConcretePath): unknown => {
  let here: unknown = scenario
  let there: unknown = referenceScenario()
  for (const seg of path) {
    if (typeof seg === "number" && Array.isArray(here) && Array.isArray(there)) {
      const el = here[seg]
      const name = isRecord(el) ? el.name : undefined
      const named = (list: ReadonlyArray<unknown>) => list.filter((x) => isRecord(x) && x.name === name)
      there = typeof name === "string" && named(here).length === 1 && named(there).length === 1 ? named(there)[0] : there[seg]
      here = el
    } else {
      here = isRecord(here) ? here[seg] : undefined
      there = isRecord(there) && Object.hasOwn(there, seg) ? there[seg] : undefined
    }
    if (there === undefined) return undefined
  }
  return there
}

const isPrefix = (prefix: ReadonlyArray<string | number>, keys: ReadonlyArray<string | number>): boolean =>
  prefix.length <= keys.length && prefix.every((k, i) => keys[i] === k)

/**
 * The mark of the value at a control's path. A value the scenario has: its provenance. An optional key it leaves
 * out (no yearly cap) is no value of the scenario, so `scenarioProvenance` has nothing for it: it is covered by a
 * stated source above it if there is one; else it is assumed if the Ways to Wellness default has a value there
 * (the scenario took it away with no source given); else it is as the default, with the parameter's annotation.
 */
export const markAt = (scenario: Scenario, byKey: ReadonlyMap<string, ValueProvenance>, path: ConcretePath, documented: Documented): ValueMark => {
  const known = byKey.get(keyOf(path))
  if (known !== undefined) {
    const { origin, source, confidence, statedBy, reference } = known
    return { origin, source, confidence, reference, assumed: confidence === "assumed", ...(statedBy === undefined ? {} : { statedBy }) }
  }
  const cover = Object.entries(scenario.sources ?? {})
    .flatMap(([key, entry]) => {
      const keys = resolvedKeys(scenario, key)
      return keys !== undefined && isPrefix(keys, path) ? [{ key, keys, entry }] : []
    })
    .sort((x, y) => y.keys.length - x.keys.length)[0]
  const reference = referenceAt(scenario, path)
  if (cover !== undefined) {
    return { origin: "stated", source: cover.entry.source, confidence: cover.entry.confidence, statedBy: cover.key, reference, assumed: cover.entry.confidence === "assumed" }
  }
  if (reference !== undefined && getIn(scenario, path) === undefined) {
    return { origin: "left out", source: "left out by this scenario, unlike the Ways to Wellness default, with no source given", confidence: "assumed", reference, assumed: true }
  }
  return { origin: "documented", ...documented, reference, assumed: documented.confidence === "assumed" }
}

const shown = (value: unknown): string => (typeof value === "number" ? ` (${value.toLocaleString("en-GB", { maximumFractionDigits: 12 })})` : "")

/** The badge's hover text: the value's confidence and its source, or that it differs from the default with no source given. */
export const markTitle = (mark: ValueMark): string => {
  const confidence = `Confidence: ${mark.confidence}${mark.confidence === "assumed" ? " (nothing published)" : ""}.`
  switch (mark.origin) {
    case "documented":
      return `${confidence} Source: ${mark.source === "assumed" ? "none published" : mark.source}, for the Ways to Wellness default's value.`
    case "stated":
      return `${confidence} Source, as this scenario states it for ${mark.statedBy}: ${mark.source}.`
    case "changed":
      return `${confidence} Differs from the Ways to Wellness default${shown(mark.reference)}, with no source given.`
    case "left out":
      return `${confidence} Left out, unlike the Ways to Wellness default${shown(mark.reference)}, with no source given.`
  }
}

/** The parameters panel's count, e.g. "200 of 231 values are assumed (nothing published); 1 changed here or in the file with no source given." */
export const provenanceLine = (values: ReadonlyArray<ValueProvenance>): string => {
  const summary = provenanceSummary(values)
  const changed = summary.byOrigin.changed
  return `${summary.byConfidence.assumed} of ${summary.values} values are assumed (nothing published); ${changed === 0 ? "none" : changed} changed here or in the file with no source given.`
}

/**
 * The scenario with the value at a control's path set (or, when undefined, an optional key left out), before the
 * Schema checks it: the stated sources that covered the value are dropped (`withoutSourcesFor`), since the new
 * value is the editor's. Dropped before the edit (a source of a key being left out would name nothing) and after it
 * (a source above a key being added would otherwise cover it).
 */
export const withEdit = (scenario: Scenario, path: ConcretePath, value: unknown): Scenario => {
  const at = renderPath(path)
  const cleared = withoutSourcesFor(scenario, at)
  return value === undefined ? removeIn(cleared, path) : withoutSourcesFor(setIn(cleared, path, value), at)
}
