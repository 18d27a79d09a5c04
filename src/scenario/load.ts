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
  return mergeDocuments(yield* resolveChain(base, [...chain, baseFile], readFile), own)
})

export const mergeDocuments = (base: unknown, override: unknown): unknown => {
  if (!Predicate.isObject(base) || !Predicate.isObject(override)) return override
  const keys = new Set([...Object.keys(base), ...Object.keys(override)])
  return Object.fromEntries(
    Array.from(keys, (key) => [key, Object.hasOwn(override, key) ? mergeDocuments(base[key], override[key]) : base[key]])
  )
}

const resolveRelative = (from: string, ref: string): string =>
  normalizePath(/^([A-Za-z]:)?[\\/]/.test(ref) ? ref : `${from.split(/[\\/]/).slice(0, -1).join("/")}/${ref}`)

const normalizePath = (path: string): string => {
  const out: Array<string> = []
  for (const [index, segment] of path.split(/[\\/]/).entries()) {
    const last = out[out.length - 1]
    if (segment === "." || (segment === "" && index > 0)) continue
    if (segment === ".." && last !== undefined && last !== ".." && last !== "") out.pop()
    else out.push(segment)
  }
  return out.join("/")
}

export const decodeDocument = <S extends Schema.Constraint>(
  schema: S,
  doc: unknown,
  file: string
): Effect.Effect<S["Type"], ScenarioInvalid, S["DecodingServices"]> =>
  Schema.decodeUnknownEffect(schema)(doc, DECODE_OPTIONS).pipe(
    Effect.mapError((error) => new ScenarioInvalid({ file, problems: formatSchemaError(error, doc) }))
  )

const readError = (file: string, { reason }: PlatformError.PlatformError): ScenarioLoadError =>
  reason._tag === "NotFound"
    ? new ScenarioFileNotFound({ file })
    : new ScenarioFileUnreadable({
      file,
      detail: reason.description ?? (reason.cause instanceof Error ? reason.cause.message : reason._tag)
    })

export const loadDocument = Effect.fn("loadDocument")(function*<S extends Schema.Constraint>(
  schema: S,
  file: string
): Effect.fn.Return<S["Type"], ScenarioLoadError, FileSystem.FileSystem | S["DecodingServices"]> {
  const fs = yield* FileSystem.FileSystem
  const readFile = (path: string) => fs.readFileString(path).pipe(Effect.mapError((error) => readError(path, error)))
  const doc = yield* Effect.flatMap(readFile(file), (text) => parseJsonText(text, file))
  return yield* decodeDocument(schema, yield* resolveExtends(doc, file, readFile), file)
})
