/**
 * Where the value a control shows comes from, from the scenario's per-value provenance (`scenarioProvenance`), not
 * the parameter's annotation: the annotation's source vouches for the Ways to Wellness default's value only. A
 * value is `documented` (the default's, with the parameter's documented source), `stated` (by the scenario's own
 * `sources`) or `changed` (differs from the default with no source: assumed). An edit in the explorer drops the
 * stated sources that covered the value (`withoutSourcesFor`), so an edited value counts as assumed until the file
 * gives it a source. Pure: the page renders what this returns.
 */
import type { Confidence } from "../../../src/scenario/param.ts"
import { scheduleProvenance } from "../../../src/scenario/parameters.ts"
import { coveringSources, type Origin, provenanceSummary, type ValueProvenance, withoutSourcesFor } from "../../../src/scenario/provenance.ts"
import { renderPath } from "../../../src/scenario/issues.ts"
import type { Scenario } from "../../../src/scenario/schema.ts"
import { type ConcretePath, keyOf, removeIn, setIn } from "./paths.ts"

/** Where the value a control shows comes from. */
export interface ValueMark {
  /** As `scenarioProvenance` says; `left out` for its `changed` optional key that the scenario leaves out where the Ways to Wellness default has a value. */
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
export const scheduleDocumented: Documented = scheduleProvenance

/** Every value's provenance by its control key (`keyOf` of where it is in the scenario: list elements by position). */
export const marksByKey = (values: ReadonlyArray<ValueProvenance>): ReadonlyMap<string, ValueProvenance> =>
  new Map(values.map((v) => [keyOf(v.keys), v] as const))

/**
 * The mark of the value at a control's path: its provenance (`scenarioProvenance` also gives an optional key the
 * Ways to Wellness default has and the scenario leaves out, such as a cap taken away). An optional key that neither
 * has is no value: a stated source above it speaks for it, else it is as the default, with the parameter's annotation.
 */
export const markAt = (
  cover: ReturnType<typeof coveringSources>, byKey: ReadonlyMap<string, ValueProvenance>, path: ConcretePath, documented: Documented
): ValueMark => {
  const known = byKey.get(keyOf(path))
  if (known === undefined) {
    // No value here (an optional key neither has): a stated source above it still speaks for it (the contract's terms, no yearly cap).
    const stated = cover(path)
    return stated === undefined
      ? { origin: "documented", ...documented, reference: undefined, assumed: documented.confidence === "assumed" }
      : { origin: "stated", source: stated.entry.source, confidence: stated.entry.confidence, statedBy: stated.key, reference: undefined, assumed: stated.entry.confidence === "assumed" }
  }
  const { origin, source, confidence, statedBy, reference, value } = known
  return {
    origin: origin === "changed" && value === undefined ? "left out" : origin,
    source,
    confidence,
    reference,
    assumed: confidence === "assumed",
    ...(statedBy === undefined ? {} : { statedBy })
  }
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
