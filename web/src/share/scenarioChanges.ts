/**
 * A scenario as its changes from a shipped one: only the keys that differ; a key the scenario no longer has, as
 * null; a list of the same length as the changes of the items that differ, by index (`{"$items": {"0": …}}`: a
 * cap added to one contract is a few bytes, not every contract); a list of another length, whole. What the share
 * URL carries, so that it stays short. Scenario keys never start with `$` (the Schema rejects unknown keys).
 */
type Json = unknown

/** The marker of a list's changes by index. */
const items = "$items"

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

const equal = (a: Json, b: Json): boolean => JSON.stringify(a) === JSON.stringify(b)

/** What turns `base` into `current`; undefined when they are the same. */
export const scenarioChanges = (base: Json, current: Json): Json | undefined => {
  if (equal(base, current)) return undefined
  if (Array.isArray(base) && Array.isArray(current) && base.length === current.length) {
    const byIndex: Record<string, unknown> = {}
    current.forEach((item, i) => {
      const change = scenarioChanges(base[i], item)
      if (change !== undefined) byIndex[i] = change
    })
    return { [items]: byIndex }
  }
  if (!isRecord(base) || !isRecord(current)) return current
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(current)) {
    const change = Object.hasOwn(base, key) ? scenarioChanges(base[key], current[key]) : current[key]
    if (change !== undefined) out[key] = change
  }
  for (const key of Object.keys(base)) if (!Object.hasOwn(current, key)) out[key] = null
  return out
}

/** `base` with the changes applied: the inverse of `scenarioChanges`. */
export const applyChanges = (base: Json, changes: Json | undefined): Json => {
  if (changes === undefined) return base
  if (Array.isArray(base) && isRecord(changes) && isRecord(changes[items])) {
    const byIndex = changes[items]
    return base.map((item, i) => (Object.hasOwn(byIndex, String(i)) ? applyChanges(item, byIndex[String(i)]) : item))
  }
  if (!isRecord(base) || !isRecord(changes)) return changes
  const out: Record<string, unknown> = { ...base }
  for (const [key, change] of Object.entries(changes)) {
    if (change === null) delete out[key]
    else out[key] = Object.hasOwn(base, key) ? applyChanges(base[key], change) : change
  }
  return out
}
