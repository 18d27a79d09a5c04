/**
 * The controls for a scenario: the catalogue's patterns expanded over the scenario (one control per
 * concrete value; list elements of contracts narrowed to the contract in view), each carrying the Schema's
 * annotations for its parameter. An optional parameter gets a control wherever its key could be, set or
 * not (a contract without a yearly cap offers one), and so does an optional schedule (every kind of community
 * service, with its own funding schedule or following the overall one). A choice (a contract's payment period, its
 * financing facility) carries the options the Schema allows and its meaning, and, for a key the scenario may leave
 * out, the option that leaving it out amounts to. Each number and schedule is marked with where it comes from in this
 * scenario (`scenarioProvenance`), which may not be the parameter's documented source; a choice is not (provenance
 * counts numbers and schedules only). Pure: the page renders what this returns.
 */
import { findParameter, listSchedules, type ParameterInfo, type ScheduleInfo } from "../../../src/scenario/parameters.ts"
import { coveringSources, scenarioProvenance, type ValueProvenance } from "../../../src/scenario/provenance.ts"
import type { Schedule } from "../../../src/scenario/schedule.ts"
import type { Scenario } from "../../../src/scenario/schema.ts"
import { type Audience, catalogue, type CatalogueChoice, defaultOptionalWords, type OptionalWords } from "./catalogue.ts"
import { type ChoiceInfo, findChoice } from "../../../src/scenario/choices.ts"
import { type ConcretePath, expandPattern, getIn, keyOf, parameterPathOf } from "./paths.ts"
import { markAt, marksByKey, scheduleDocumented, type ValueMark } from "./provenance.ts"

export interface ControlSpec {
  readonly key: string
  readonly path: ConcretePath
  readonly label: string
  /** The scenario's value; undefined while an optional key is left out (e.g. no yearly cap). */
  readonly value: number | undefined
  readonly info: ParameterInfo
  /** For a key the scenario may leave out (`info.optional`): how its control reads; undefined otherwise. */
  readonly optional: OptionalWords | undefined
  /** Where this scenario's value comes from: its source and confidence (`mark.assumed`: nothing published supports it). */
  readonly mark: ValueMark
}

export interface ScheduleSpec {
  readonly key: string
  readonly path: ConcretePath
  readonly label: string
  /** The scenario's schedule; undefined while an optional one is left out (a kind of service following the overall funding). */
  readonly value: Schedule | undefined
  readonly info: ScheduleInfo
  /** For a schedule the scenario may leave out (in a catalogue's schedule group): how its editor reads; undefined otherwise. */
  readonly optional: OptionalWords | undefined
  readonly mark: ValueMark
}

export interface ChoiceSpec {
  readonly key: string
  readonly path: ConcretePath
  readonly label: string
  /** The scenario's value; undefined while an optional key is left out (a facility the file does not state). */
  readonly value: string | undefined
  /** The options the Schema allows and what the choice means. */
  readonly info: ChoiceInfo
  /**
   * For a key the scenario may leave out (`info.optional`): the option that leaving it out amounts to, shown while it
   * is left out (choosing it leaves the key out again); undefined otherwise.
   */
  readonly absent: string | undefined
}

/** Optional schedules shown together (the catalogue's `scheduleGroups`), each set or not. */
export interface ScheduleGroupSpec {
  readonly title: string
  readonly none: string
  readonly some: string
  readonly help: string
  readonly schedules: ReadonlyArray<ScheduleSpec>
}

export interface ControlSection {
  readonly title: string
  readonly choices: ReadonlyArray<ChoiceSpec>
  readonly controls: ReadonlyArray<ControlSpec>
  readonly schedules: ReadonlyArray<ScheduleSpec>
  readonly scheduleGroups: ReadonlyArray<ScheduleGroupSpec>
}

export interface ControlGroup {
  readonly audience: Audience
  readonly title: string
  readonly question: string
  readonly sections: ReadonlyArray<ControlSection>
}

/** "caseloadCapPerFte" → "caseload cap per FTE". */
export const humanize = (name: string): string =>
  name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .replace(/\bfte\b/g, "FTE")
    .replace(/\bgbp\b/g, "£")

/** A label naming the list elements (by their `name`) and category keys on the way, e.g. "ccg · share". */
const labelOf = (scenario: Scenario, path: ConcretePath): string => {
  const parts: Array<string> = []
  path.forEach((seg, i) => {
    if (typeof seg === "number") {
      if (path[i - 1] === "contracts") return
      const element = getIn(scenario, path.slice(0, i + 1)) as { name?: unknown } | undefined
      parts.push(typeof element?.name === "string" ? element.name : `#${seg + 1}`)
    } else if (i === path.length - 1 || path[i - 1] === "categories") {
      parts.push(humanize(seg))
    }
  })
  return parts.join(" · ")
}

/**
 * A parameter named outside the controls panel (an axis, a tornado's bar), where no section title stands above it:
 * the control's label after the part of the scenario it belongs to, e.g. "linkWorkers.caseloadCapPerFte" →
 * "link workers · caseload cap per FTE", "setbacks.ratePerYear" → "setbacks · rate per year". For a single value
 * (no list on its path), as the sweep and the tornado vary.
 */
export const parameterLabel = (scenario: Scenario, path: string): string => {
  const concrete = path.split(".")
  const label = labelOf(scenario, concrete)
  return concrete.length > 1 && concrete[0] !== "contracts" ? `${humanize(concrete[0])} · ${label}` : label
}

const inContract = (path: ConcretePath, contract: number): boolean => path[0] !== "contracts" || path[1] === contract

/**
 * The choices a catalogue entry names in the scenario, for the contract in view: where the scenario has a value, or
 * could have one (an optional key of an object it has: a facility of a contract that has financing). Throws if the
 * entry names no choice of the Schema, or its `absent` is not one of the options or is missing for an optional key.
 */
const choicesAt = (scenario: Scenario, entry: CatalogueChoice, contract: number): Array<ChoiceSpec> =>
  expandPattern(scenario, entry.pattern, { orAbsent: true })
    .filter((path) => inContract(path, contract))
    .flatMap((path): Array<ChoiceSpec> => {
      const info = findChoice(parameterPathOf(path))
      if (info === undefined) throw new Error(`catalogue: ${entry.pattern} is not a choice of the scenario Schema`)
      if (info.optional !== (entry.absent !== undefined) || (entry.absent !== undefined && !info.options.includes(entry.absent))) {
        throw new Error(`catalogue: ${entry.pattern} ${info.optional ? `may be left out: give the option that amounts to (one of ${info.options.join(", ")})` : "is required: it needs no absent option"}`)
      }
      const value = getIn(scenario, path)
      if (!(typeof value === "string" || (value === undefined && info.optional))) return []
      return [{ key: keyOf(path), path, label: labelOf(scenario, path), value, info, absent: entry.absent }]
    })

/** `values`: the scenario's per-value provenance, if already at hand (the page counts them too). */
export const buildControls = (scenario: Scenario, contract: number, values: ReadonlyArray<ValueProvenance> = scenarioProvenance(scenario)): Array<ControlGroup> => {
  const schedules = listSchedules()
  const byKey = marksByKey(values)
  const cover = coveringSources(scenario)
  const scheduleAt = (path: ConcretePath, label: string, optional: OptionalWords | undefined): Array<ScheduleSpec> => {
    const key = keyOf(path)
    const info = schedules.find((s) => s.path === key)
    const value = getIn(scenario, path) as Schedule | undefined
    // A schedule the scenario has, or an optional one it leaves out (offered as unset).
    if (info === undefined || (value === undefined && optional === undefined)) return []
    return [{ key, path, label, value, info, optional, mark: markAt(cover, byKey, path, scheduleDocumented) }]
  }
  return catalogue.map((group) => ({
    audience: group.audience,
    title: group.title,
    question: group.question,
    sections: group.sections.map((section) => ({
      title: section.title,
      choices: (section.choices ?? []).flatMap((entry) => choicesAt(scenario, entry, contract)),
      controls: section.parameters.flatMap((pattern) =>
        expandPattern(scenario, pattern, { orAbsent: true })
          .filter((path) => inContract(path, contract))
          .flatMap((path): Array<ControlSpec> => {
            const info = findParameter(parameterPathOf(path))
            const value = getIn(scenario, path)
            // A number the scenario has, or an optional key it leaves out (offered as unset).
            if (info === undefined || !(typeof value === "number" || (value === undefined && info.optional))) return []
            const optional = info.optional ? section.optional ?? defaultOptionalWords : undefined
            const mark = markAt(cover, byKey, path, info)
            return [{ key: keyOf(path), path, label: labelOf(scenario, path), value, info, optional, mark }]
          })),
      schedules: (section.schedules ?? []).flatMap((p) => scheduleAt(p.split("."), humanize(p.slice(p.lastIndexOf(".") + 1)), undefined)),
      scheduleGroups: (section.scheduleGroups ?? []).map((g) => ({
        title: g.title,
        none: g.none,
        some: g.some,
        help: g.help,
        schedules: expandPattern(scenario, g.pattern, { orAbsent: true }).flatMap((path) => scheduleAt(path, labelOf(scenario, path), g.optional))
      }))
    }))
  }))
}

/** Every control of the groups, flat. */
export const allControls = (groups: ReadonlyArray<ControlGroup>): Array<ControlSpec> =>
  groups.flatMap((g) => g.sections.flatMap((s) => s.controls))

/** Every choice of the groups, flat. */
export const allChoices = (groups: ReadonlyArray<ControlGroup>): Array<ChoiceSpec> =>
  groups.flatMap((g) => g.sections.flatMap((s) => s.choices))

/** Every schedule editor of the groups, flat: each section's schedules, then those of its schedule groups. */
export const allSchedules = (groups: ReadonlyArray<ControlGroup>): Array<ScheduleSpec> =>
  groups.flatMap((g) => g.sections.flatMap((s) => [...s.schedules, ...s.scheduleGroups.flatMap((x) => x.schedules)]))
