import { Effect, FileSystem } from "effect"

// Readers never see a half-written file: the contents land in a sibling temp file
// (same directory, so same filesystem) and replace the target with one rename. The write and
// rename are not interruptible: a Ctrl-C in the middle of the write would otherwise remove the
// temp file while the OS was still writing it, and leave it behind. The run stops once the file
// is in place (a finished run writes summary.json last, so a lone table does not look complete).
export const writeFileAtomic = Effect.fn("writeFileAtomic")(function*(path: string, contents: string | Uint8Array) {
  const fs = yield* FileSystem.FileSystem
  const temp = `${path}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 10)}`
  const write = typeof contents === "string" ? fs.writeFileString(temp, contents) : fs.writeFile(temp, contents)
  yield* write.pipe(
    Effect.andThen(fs.rename(temp, path)),
    Effect.onError(() => Effect.ignore(fs.remove(temp, { force: true }))),
    Effect.uninterruptible
  )
})
