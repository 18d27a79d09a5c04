/** Values of a scenario document shown in the docs: a parameter's default, a schedule in words. */
import { isRecord, type ParameterInfo } from "./parameters.ts"

export interface LabelledValue {
  /** The list element's name (or #n) for a path through a list, names joined by "." through nested lists; "" otherwise. */
  readonly label: string
  readonly value: unknown
}

/** The values at a path in a scenario document; a "key[]" segment fans out over the list's elements. */
export const valuesAt = (node: unknown, path: string): ReadonlyArray<LabelledValue> => {
  const walk = (at: unknown, segments: ReadonlyArray<string>, label: string): Array<LabelledValue> => {
    if (segments.length === 0) return [{ label, value: at }]
    const [head, ...tail] = segments
    if (!head.endsWith("[]")) return isRecord(at) && Object.hasOwn(at, head) ? walk(at[head], tail, label) : []
    const list = isRecord(at) ? at[head.slice(0, -2)] : undefined
    if (!Array.isArray(list)) return []
    return list.flatMap((element, i) => {
      const name = isRecord(element) && typeof element.name === "string" ? element.name : `#${i + 1}`
      // Nested lists name the whole chain, e.g. "hybrid.wellbeing" for a metric of the hybrid contract.
      return walk(element, tail, label === "" ? name : `${label}.${name}`)
    })
  }
  return walk(node, path.split("."), "")
}

/** A value as written in a scenario file, so that it can be copied back into one. */
export const renderValue = (value: unknown): string => JSON.stringify(value) ?? "—"

/** A parameter's value in a scenario document; one value per element for paths through lists. */
export const renderDefault = (document: unknown, info: ParameterInfo): string => {
  const found = valuesAt(document, info.path)
  if (found.length === 0) return "—"
  if (!info.perElement) return renderValue(found[0].value)
  return found.map(({ label, value }) => `${label}: ${renderValue(value)}`).join("; ")
}

/** A schedule in words, e.g. "step: 1.05 from 2018-07-01"; "—" for anything else (a schedule left out). */
export const scheduleInWords = (schedule: unknown): string => {
  if (!isRecord(schedule) || !Array.isArray(schedule.points)) return "—"
  if (schedule.points.length === 0) return "1 throughout (no points)"
  const when = schedule.interpolation === "linear" ? "at" : "from"
  const points = schedule.points.map((p: unknown) =>
    isRecord(p) ? `${renderValue(p.value)} ${when} ${typeof p.at === "number" ? `week ${p.at}` : String(p.at)}` : "?"
  )
  return `${String(schedule.interpolation)}: ${points.join(", ")}`
}

/** The schedule at a path of a scenario document, in words (`scheduleInWords`). */
export const renderSchedule = (document: unknown, path: string): string => scheduleInWords(valuesAt(document, path)[0]?.value)
