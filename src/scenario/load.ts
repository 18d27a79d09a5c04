import { Effect, FileSystem, type PlatformError, Predicate, Schema } from "effect"
import {
  ScenarioExtendsError,
  ScenarioFileNotFound,
  ScenarioFileUnreadable,
  ScenarioInvalid,
  ScenarioJsonError,
  type ScenarioLoadError
} from "./errors.ts"
import { formatSchemaError } from "./issues.ts"
import { inheritSources } from "./provenance.ts"

export const MAX_EXTENDS_DEPTH = 5

const DECODE_OPTIONS = { errors: "all", onExcessProperty: "error" } as const

export type ReadScenarioText<R> = (file: string) => Effect.Effect<string, ScenarioLoadError, R>

export const parseJsonText = (text: string, file: string): Effect.Effect<unknown, ScenarioJsonError> => {
  const source = text.startsWith("\uFEFF") ? text.slice(1) : text
  return Effect.try({ try: () => JSON.parse(source) as unknown, catch: (cause) => jsonError(source, file, cause) })
}

const jsonError = (text: string, file: string, cause: unknown): ScenarioJsonError => {
  const message = cause instanceof Error ? cause.message : String(cause)
  const endOfContent = text.trimEnd().length
  const reported = positionIn(message) ?? (isEndOfInput(message) ? endOfContent : firstBadOffset(text))
  const offset = Math.min(reported, endOfContent)
  const before = text.slice(0, offset)
  return new ScenarioJsonError({
    file,
    line: before.split("\n").length,
    column: offset - before.lastIndexOf("\n"),
    detail: message
      .replace(/ (in JSON )?at position \d+.*$/s, "")
      .replace(/,? ?(\.\.\.)?".*"(\.\.\.)? is not valid JSON$/s, "") || "not valid JSON"
  })
}

const positionIn = (message: string): number | undefined => {
  const match = /at position (\d+)/.exec(message)
  return match === null ? undefined : Number(match[1])
}

const isEndOfInput = (message: string): boolean => message.includes("Unexpected end of JSON input")

// V8 gives no position for "Unexpected token" errors. Every prefix that stops before the
// offending character either parses or fails only for running out of input, so bisect.
const firstBadOffset = (text: string): number => {
  let good = 0
  let bad = text.length
  while (bad - good > 1) {
    const mid = (good + bad) >>> 1
    if (failsOnlyAtEnd(text.slice(0, mid))) good = mid
    else bad = mid
  }
  return good
}

const failsOnlyAtEnd = (prefix: string): boolean => {
  try {
    JSON.parse(prefix)
    return true
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause)
    const position = positionIn(message)
    return position === undefined ? isEndOfInput(message) : position >= prefix.length
  }
}

export const resolveExtends = <R>(
  doc: unknown,
  file: string,
  readFile: ReadScenarioText<R>
): Effect.Effect<unknown, ScenarioLoadError, R> => resolveChain(doc, [normalizePath(file)], readFile)

const resolveChain = Effect.fnUntraced(function*<R>(
  doc: unknown,
  chain: ReadonlyArray<string>,
  readFile: ReadScenarioText<R>
): Effect.fn.Return<unknown, ScenarioLoadError, R> {
  if (!Predicate.isObject(doc)) return doc
  const { extends: ref, $schema: _editorHint, ...own } = doc
  if (ref === undefined) return own
  const file = chain[chain.length - 1]
  const fail = (detail: string) => Effect.fail(new ScenarioExtendsError({ file, detail }))
  if (typeof ref !== "string" || ref === "") {
    return yield* fail(`expected a path to another scenario file, found ${JSON.stringify(ref)}`)
  }
  const baseFile = resolveRelative(file, ref)
  if (chain.includes(baseFile)) return yield* fail(`cycle: ${[...chain, baseFile].join(" -> ")}`)
  if (chain.length > MAX_EXTENDS_DEPTH) {
    return yield* fail(`more than ${MAX_EXTENDS_DEPTH} levels: ${[...chain, baseFile].join(" -> ")}`)
  }
  const text = yield* readFile(baseFile).pipe(
    Effect.catchTag("ScenarioFileNotFound", () => fail(`${ref} not found (looked for ${baseFile})`))
  )
  const base = yield* parseJsonText(text, baseFile)
  if (!Predicate.isObject(base)) return yield* fail(`${baseFile} is not a JSON object`)
  const resolvedBase = yield* resolveChain(base, [...chain, baseFile], readFile)
  return inheritSources(resolvedBase, mergeDocuments(resolvedBase, own), own)
})

export const mergeDocuments = (base: unknown, override: unknown): unknown => {
  if (!Predicate.isObject(base) || !Predicate.isObject(override)) return override
  const keys = new Set([...Object.keys(base), ...Object.keys(override)])
  return Object.fromEntries(
    Array.from(keys, (key) => [key, Object.hasOwn(override, key) ? mergeDocuments(base[key], override[key]) : base[key]])
  )
}

/**
 * `ref` as read from the file `from`: an absolute path as it is, a relative one against the directory of `from` —
 * the current directory when `from` names no directory (`ref` itself then, not `/ref`).
 */
const resolveRelative = (from: string, ref: string): string => {
  if (/^([A-Za-z]:)?[\\/]/.test(ref)) return normalizePath(ref)
  const cut = Math.max(from.lastIndexOf("/"), from.lastIndexOf("\\"))
  return normalizePath(cut === -1 ? ref : `${from.slice(0, cut + 1)}${ref}`)
}

/** Forward slashes, without `.` and empty segments, `..` folded where it can be; a root ("/" or "C:/") stays. */
const normalizePath = (path: string): string => {
  const segments = path.split(/[\\/]/)
  const root = segments.length > 1 && /^([A-Za-z]:)?$/.test(segments[0]) ? segments.shift() : undefined
  const out: Array<string> = []
  for (const segment of segments) {
    if (segment === "" || segment === ".") continue
    if (segment !== "..") out.push(segment)
    else if (out.length > 0 && out[out.length - 1] !== "..") out.pop()
    else if (root === undefined) out.push(segment)
  }
  return root === undefined ? out.join("/") : `${root}/${out.join("/")}`
}

export const decodeDocument = <S extends Schema.Constraint>(
  schema: S,
  doc: unknown,
  file: string
): Effect.Effect<S["Type"], ScenarioInvalid, S["DecodingServices"]> =>
  Schema.decodeUnknownEffect(schema)(doc, DECODE_OPTIONS).pipe(
    Effect.mapError((error) => new ScenarioInvalid({ file, problems: formatSchemaError(error, doc) }))
  )

const readError = (file: string, kind: string, { reason }: PlatformError.PlatformError): ScenarioLoadError =>
  reason._tag === "NotFound"
    ? new ScenarioFileNotFound({ file, kind })
    : new ScenarioFileUnreadable({
      file,
      kind,
      detail: reason.description ?? (reason.cause instanceof Error ? reason.cause.message : reason._tag)
    })

/**
 * Reads a JSON document, resolves its `extends` and decodes it with `schema`. `kind` names the file in messages,
 * e.g. "targets file not found: t.json"; a file named in `extends` is reported as a bad "extends" whatever it is.
 */
export const loadDocument = Effect.fn("loadDocument")(function*<S extends Schema.Constraint>(
  schema: S,
  file: string,
  kind = "scenario"
): Effect.fn.Return<S["Type"], ScenarioLoadError, FileSystem.FileSystem | S["DecodingServices"]> {
  const fs = yield* FileSystem.FileSystem
  const readFile = (path: string) => fs.readFileString(path).pipe(Effect.mapError((error) => readError(path, kind, error)))
  const doc = yield* Effect.flatMap(readFile(file), (text) => parseJsonText(text, file))
  return yield* decodeDocument(schema, yield* resolveExtends(doc, file, readFile), file)
})
