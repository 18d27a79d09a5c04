/**
 * Putting values back as the file has them. "The file" is the scenario the page last loaded or opened, before any
 * edit: a shipped scenario picked, a file uploaded, or the scenario a share link opened with its changes (the link's
 * scenario, not the shipped one it is described against). Putting every value back gives that scenario itself, its
 * stated sources and all; putting one value back is an edit like any other (`withEdit`), after which the file's
 * stated sources come back for whatever is again as the file has it (`withFileSources`). Pure: the page renders
 * what this returns.
 */
import { canonicalJson } from "../../../src/scenario/canonicalJson.ts"
import { resolvedKeys, valueAtKeys } from "../../../src/scenario/parameters.ts"
import type { Scenario } from "../../../src/scenario/schema.ts"
import { type ConcretePath, getIn } from "./paths.ts"

const withoutSources = (scenario: Scenario): Omit<Scenario, "sources"> => {
  const { sources: _, ...rest } = scenario
  return rest
}

/** Whether two scenarios hold the same values (their stated sources aside). */
export const sameValues = (a: Scenario, b: Scenario): boolean => canonicalJson(withoutSources(a)) === canonicalJson(withoutSources(b))

/** Whether the scenario differs from the file in anything (values, or the sources an edit dropped): whether there is anything to reset. */
export const differsFromFile = (file: Scenario, current: Scenario): boolean => canonicalJson(file) !== canonicalJson(current)

/** Whether the value at a control's path differs from the file's (a key one leaves out and the other has differs too). */
export const valueDiffers = (file: unknown, current: unknown, path: ConcretePath): boolean =>
  canonicalJson(getIn(file, path)) !== canonicalJson(getIn(current, path))

/** The file's value at a control's path: undefined where the file leaves the (optional) key out. */
export const fileValueAt = (file: unknown, path: ConcretePath): unknown => getIn(file, path)

/** How a reset button names the file's value, e.g. "120", "revolving", "left out", "3 points". */
export const fileValueWords = (value: unknown): string => {
  if (value === undefined) return "left out"
  if (typeof value === "number") return value.toLocaleString("en-GB", { maximumFractionDigits: 12 })
  if (typeof value === "string") return value
  const points = (value as { points?: ReadonlyArray<unknown> }).points
  return Array.isArray(points) ? `${points.length} point${points.length === 1 ? "" : "s"}` : "as the file has it"
}

const isPrefix = (prefix: ReadonlyArray<string | number>, keys: ReadonlyArray<string | number>): boolean =>
  prefix.length <= keys.length && prefix.every((k, i) => keys[i] === k)

/**
 * `edited` (the file after edits, each of which dropped the stated sources covering its value) with the file's own
 * stated sources back wherever everything they cover is again as the file has it: the file itself when every value
 * is; otherwise each dropped entry of the file's `sources` whose value (a value, a list element, a section) is the
 * file's again returns, replacing the entries an edit split it into. A source vouches for the file's value, so it
 * comes back with that value and with nothing else.
 */
export const withFileSources = (file: Scenario, edited: Scenario): Scenario => {
  if (sameValues(file, edited)) return file
  const fileSources = file.sources ?? {}
  const now = edited.sources ?? {}
  /** What a key of `sources` holds is the same in both (both leave it out counts as the same). */
  const asFile = (key: string): boolean => {
    const before = resolvedKeys(file, key)
    const after = resolvedKeys(edited, key)
    if (before === undefined || after === undefined) return before === after
    return canonicalJson(valueAtKeys(file, before)) === canonicalJson(valueAtKeys(edited, after))
  }
  const back = Object.keys(fileSources).filter((key) => !Object.hasOwn(now, key) && asFile(key))
  if (back.length === 0) return edited
  const backKeys = back.flatMap((key) => {
    const keys = resolvedKeys(edited, key)
    return keys === undefined ? [] : [keys]
  })
  /** An entry an edit split off a source that now comes back whole. */
  const splitOff = (key: string): boolean => {
    const keys = resolvedKeys(edited, key)
    return keys !== undefined && backKeys.some((b) => isPrefix(b, keys))
  }
  const sources = Object.fromEntries([
    ...Object.entries(fileSources).flatMap(([key, entry]) => (Object.hasOwn(now, key) ? [[key, now[key]] as const] : back.includes(key) ? [[key, entry] as const] : [])),
    ...Object.entries(now).filter(([key]) => !Object.hasOwn(fileSources, key) && !splitOff(key))
  ])
  return { ...edited, sources }
}
