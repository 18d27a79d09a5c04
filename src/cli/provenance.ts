/**
 * `spsim provenance FILE`: where each value of a scenario comes from (src/scenario/provenance.ts): counts by
 * confidence and origin, every value that differs from the Ways to Wellness default with its source, and the
 * sources the scenario states; `--all` lists every value.
 */
import { type Origin, provenanceSummary, type ValueProvenance } from "../scenario/provenance.ts"
import type { Scenario } from "../scenario/schema.ts"
import { canonicalJson } from "../scenario/canonicalJson.ts"
import { isRecord } from "../scenario/parameters.ts"
import { scheduleInWords } from "../scenario/scenarioValues.ts"

/** A value as a scenario file writes it; a schedule in words ("step: 1.05 from 2018-07-01"); "none" where it is left out. */
export const showValue = (value: unknown): string => {
  if (value === undefined) return "none"
  return isRecord(value) && Array.isArray(value.points) ? scheduleInWords(value) : JSON.stringify(value)
}

const originWords: Record<Origin, string> = {
  stated: "with a source the scenario states",
  documented: "at the Ways to Wellness default, with its documented source (docs/parameters.md)",
  changed: "changed from the default with no source given (assumed)"
}

const differs = (v: ValueProvenance): boolean => canonicalJson(v.value) !== canonicalJson(v.reference)

const valueLines = (v: ValueProvenance): ReadonlyArray<string> => [
  `  ${v.path}: ${showValue(v.value)}${differs(v) ? ` (Ways to Wellness: ${showValue(v.reference)})` : ""}`,
  `    ${v.confidence}: ${v.source}`
]

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`

export const provenanceReport = (scenario: Scenario, file: string, values: ReadonlyArray<ValueProvenance>, all: boolean): string => {
  const summary = provenanceSummary(values)
  const c = summary.byConfidence
  const lines = [
    `${scenario.name} (${file}): ${plural(summary.values, "value")}`,
    `  by confidence: ${c.high} high, ${c.medium} medium, ${c.low} low, ${c.assumed} assumed (nothing published)`,
    `  by origin: ${(["stated", "documented", "changed"] as const).map((o) => `${summary.byOrigin[o]} ${originWords[o]}`).join("; ")}`
  ]
  const changed = values.filter(differs)
  lines.push("")
  if (all) lines.push("Every value:", ...values.flatMap(valueLines))
  else if (changed.length === 0) lines.push("Every value is the Ways to Wellness default's.")
  else lines.push(`Values that differ from the Ways to Wellness default (${changed.length}):`, ...changed.flatMap(valueLines))
  const stated = Object.entries(scenario.sources ?? {})
  if (stated.length > 0) {
    lines.push("", `Sources the scenario states (${plural(stated.length, "entry", "entries")}; each covers the values at and below its path):`)
    for (const [key, entry] of stated) {
      const covered = values.filter((v) => v.statedBy === key).length
      lines.push(`  ${key} (${plural(covered, "value")}) ${entry.confidence}: ${entry.source}`)
    }
  }
  lines.push("", `${all ? "" : "--all lists every value with its source; "}docs/parameters.md documents each parameter.`)
  return lines.join("\n")
}
