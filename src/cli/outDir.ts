/**
 * Where results go: `--out` names a directory, made (with its parents) if need be. A path that cannot be one (a file
 * is there, or where a parent directory should be; no permission) is bad input: one line saying so and exit code 2,
 * before anything runs, rather than a platform error's stack trace after it.
 */
import { dirname } from "node:path"
import { Effect, FileSystem } from "effect"
import { InputError } from "../scenario/errors.ts"

const refusal = (given: string, reason: string) =>
  new InputError({ problems: [`--out ${given}: cannot write results there: ${reason}`] })

/**
 * `dir` is a directory or could be made one: the nearest part of the path that exists is a directory. Makes
 * nothing, so a command can check its `--out` before it checks the rest of its input and runs.
 */
export const checkOutDir = Effect.fn("checkOutDir")(function*(dir: string, given = dir) {
  const fs = yield* FileSystem.FileSystem
  for (let path = dir; ; path = dirname(path)) {
    const info = yield* Effect.option(fs.stat(path))
    if (info._tag === "Some") {
      if (info.value.type !== "Directory") return yield* refusal(given, `${path} is a file, not a directory`)
      return
    }
    if (dirname(path) === path) return
  }
})

/** `dir` exists as a directory (made if missing), or the command fails with an `InputError` naming `--out` as `given`. */
export const prepareOutDir = Effect.fn("prepareOutDir")(function*(dir: string, given = dir) {
  yield* checkOutDir(dir, given)
  const fs = yield* FileSystem.FileSystem
  yield* fs.makeDirectory(dir, { recursive: true }).pipe(
    Effect.catch((error) => Effect.fail(refusal(given, error.reason._tag === "PermissionDenied" ? "permission denied" : error.message)))
  )
})

/** A file named by `--out` could be written (`spsim report --out DIR/report.md`): not a directory, in one that is or could be made. Makes nothing. */
export const checkOutFile = Effect.fn("checkOutFile")(function*(file: string) {
  const fs = yield* FileSystem.FileSystem
  const info = yield* Effect.option(fs.stat(file))
  if (info._tag === "Some" && info.value.type === "Directory") {
    return yield* new InputError({ problems: [`--out ${file}: a directory is there; name the file to write, e.g. ${file.replace(/\/$/, "")}/report.md`] })
  }
  yield* checkOutDir(dirname(file), file)
})

/** As `checkOutFile`, and the directory the file goes in made if missing. */
export const prepareOutFile = Effect.fn("prepareOutFile")(function*(file: string) {
  yield* checkOutFile(file)
  yield* prepareOutDir(dirname(file), file)
})
