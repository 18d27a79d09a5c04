import { Effect, FileSystem, type PlatformError, type Scope } from "effect"

/** A file written in pieces under a temporary name and renamed into place only by `commit`. */
export interface AtomicFile {
  readonly write: (text: string) => Effect.Effect<void, PlatformError.PlatformError>
  readonly commit: Effect.Effect<void, PlatformError.PlatformError>
}

const encoder = new TextEncoder()

// If the scope closes before `commit` (an error, Ctrl-C), the temp file is removed: nothing half-written
// is ever left under the real name, and no temp litter stays behind.
export const openAtomicFile = Effect.fn("openAtomicFile")(function*(
  path: string
): Effect.fn.Return<AtomicFile, PlatformError.PlatformError, FileSystem.FileSystem | Scope.Scope> {
  const fs = yield* FileSystem.FileSystem
  const temp = `${path}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 10)}`
  let committed = false
  // Opened and its removal registered in one uninterruptible step: a Ctrl-C during the open itself would
  // otherwise leave the temp file behind (the open completes in the OS after the fiber has moved on).
  const file = yield* Effect.acquireRelease(
    fs.open(temp, { flag: "w" }),
    () => (committed ? Effect.void : Effect.ignore(fs.remove(temp, { force: true })))
  )
  return {
    write: (text) => file.writeAll(encoder.encode(text)),
    commit: Effect.gen(function*() {
      yield* file.sync
      yield* fs.rename(temp, path)
      committed = true
    })
  }
})
