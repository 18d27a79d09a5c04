/**
 * The view in the URL's fragment: the shipped scenario it starts from, its changes, the seed, the number of
 * replicates, the contract in view and the model version. A fragment never reaches a server, so a share
 * link works from any static host.
 */
export interface SharedView {
  /** The model version the link was made with (undefined in a hand-written link). */
  readonly version: string | undefined
  readonly base: string
  /** Changes from the shipped scenario (see scenarioChanges); undefined when none. */
  readonly changes: unknown
  readonly seed: number | undefined
  readonly replicates: number
  readonly contract: string | undefined
}

const toBase64Url = (text: string): string => {
  const bytes = new TextEncoder().encode(text)
  let binary = ""
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")
}

const fromBase64Url = (text: string): string => {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"))
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)))
}

export const encodeView = (view: SharedView): string => {
  const params = new URLSearchParams()
  if (view.version !== undefined) params.set("v", view.version)
  params.set("s", view.base)
  if (view.seed !== undefined) params.set("seed", String(view.seed))
  params.set("n", String(view.replicates))
  if (view.contract !== undefined) params.set("c", view.contract)
  if (view.changes !== undefined) params.set("d", toBase64Url(JSON.stringify(view.changes)))
  return `#${params.toString()}`
}

/** The view a fragment describes, or a message saying why it cannot be read; undefined for no fragment. */
export const decodeView = (hash: string): SharedView | string | undefined => {
  const text = hash.startsWith("#") ? hash.slice(1) : hash
  if (text === "") return undefined
  const params = new URLSearchParams(text)
  const base = params.get("s")
  if (base === null) return "the link names no scenario"
  const number = (name: string): number | undefined => {
    const raw = params.get(name)
    return raw === null || !/^\d+$/.test(raw) ? undefined : Number(raw)
  }
  let changes: unknown
  const d = params.get("d")
  if (d !== null) {
    try {
      changes = JSON.parse(fromBase64Url(d))
    } catch {
      return "the link's scenario changes are damaged"
    }
  }
  return {
    version: params.get("v") ?? undefined,
    base,
    changes,
    seed: number("seed"),
    replicates: number("n") ?? 200,
    contract: params.get("c") ?? undefined
  }
}
