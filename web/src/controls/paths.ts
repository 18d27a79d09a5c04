/**
 * Concrete places in a scenario document. Parameter paths from `listParameters` may run through lists
 * ("contracts[].payers[].share") and patterns may name every key of a record ("categories.*"); a control
 * edits one concrete value, e.g. ["contracts", 0, "payers", 1, "share"].
 */
export type Segment = string | number
export type ConcretePath = ReadonlyArray<Segment>

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

/**
 * Every concrete path matching a pattern in the document, in document order. With `orAbsent`, also the paths
 * whose last key is missing from an object that is there (where an optional key could be added).
 */
export const expandPattern = (doc: unknown, pattern: string, options: { readonly orAbsent?: boolean } = {}): Array<ConcretePath> => {
  const walk = (node: unknown, parts: ReadonlyArray<string>, at: ConcretePath): Array<ConcretePath> => {
    if (parts.length === 0) return [at]
    const [head, ...tail] = parts
    if (head === "*") return isRecord(node) ? Object.keys(node).flatMap((k) => walk(node[k], tail, [...at, k])) : []
    if (head.endsWith("[]")) {
      const key = head.slice(0, -2)
      const list = isRecord(node) ? node[key] : undefined
      return Array.isArray(list) ? list.flatMap((el, i) => walk(el, tail, [...at, key, i])) : []
    }
    if (!isRecord(node)) return []
    if (Object.hasOwn(node, head)) return walk(node[head], tail, [...at, head])
    return tail.length === 0 && options.orAbsent === true ? [[...at, head]] : []
  }
  return walk(doc, pattern.split("."), [])
}

/** The parameter path (as `listParameters` names it) of a concrete path: list indices become "[]". */
export const parameterPathOf = (path: ConcretePath): string =>
  path.reduce<string>((s, seg) => (typeof seg === "number" ? `${s}[]` : s === "" ? seg : `${s}.${seg}`), "")

export const keyOf = (path: ConcretePath): string => path.join(".")

export const getIn = (doc: unknown, path: ConcretePath): unknown =>
  path.reduce<unknown>((node, seg) => (node === undefined || node === null ? undefined : (node as Record<Segment, unknown>)[seg]), doc)

/** A copy of the document with the value at `path` replaced; everything off the path is shared. */
export const setIn = <D>(doc: D, path: ConcretePath, value: unknown): D => {
  if (path.length === 0) return value as D
  const [head, ...tail] = path
  const here = getIn(doc, [head])
  if (Array.isArray(doc)) {
    const copy = doc.slice()
    copy[head as number] = setIn(here, tail, value)
    return copy as D
  }
  return { ...(doc as object), [head]: setIn(here, tail, value) } as D
}

/** A copy of the document without the key at `path` (an optional key left out); everything off the path is shared. */
export const removeIn = <D>(doc: D, path: ConcretePath): D => {
  if (path.length === 0) throw new Error("cannot remove the whole document")
  const [head, ...tail] = path
  if (tail.length > 0) return setIn(doc, [head], removeIn(getIn(doc, [head]), tail))
  if (!isRecord(doc)) throw new Error(`cannot remove "${String(head)}": not a key of an object`)
  const { [head]: _, ...rest } = doc
  return rest as D
}
