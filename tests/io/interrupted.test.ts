/**
 * Ctrl-C while a result file is being opened or written. The operating system finishes an open or a write that
 * has started even when the run is interrupted meanwhile, so the temp file must not be given up for removed
 * before the call returns: a file system whose open and write land in the OS 100 ms after they are asked for,
 * interrupted at 30 ms, must still leave no temp file behind.
 */
import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import { Effect, Exit, Fiber, FileSystem, Layer } from "effect"
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { openAtomicFile } from "../../src/io/atomicFile.ts"
import { writeFileAtomic } from "../../src/io/atomicWrite.ts"

let dir = ""
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "spsim-interrupted-"))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** The Node file system, with open and writeFileString that reach the disk 100 ms later whatever happens. */
const slowFileSystem = Layer.effect(
  FileSystem.FileSystem,
  Effect.gen(function*() {
    const real = yield* FileSystem.FileSystem
    const later = <A, E, R>(touch: () => void, then: Effect.Effect<A, E, R>) =>
      Effect.callback<A, E, R>((resume) => {
        setTimeout(() => {
          touch()
          resume(then)
        }, 100)
      })
    return FileSystem.FileSystem.of({
      ...real,
      open: (path, options) => later(() => writeFileSync(path, ""), real.open(path, options)),
      writeFileString: (path, data, options) => later(() => writeFileSync(path, data), real.writeFileString(path, data, options))
    })
  })
).pipe(Layer.provide(NodeFileSystem.layer))

/** Runs `effect`, interrupts it at 30 ms, and waits until the slow calls have landed. */
const interruptedAt30ms = async (effect: Effect.Effect<unknown, unknown, FileSystem.FileSystem>) => {
  const exit = await Effect.runPromise(
    Effect.gen(function*() {
      const fiber = yield* Effect.forkChild(effect)
      yield* Effect.sleep("30 millis")
      return yield* Fiber.interrupt(fiber).pipe(Effect.andThen(Fiber.await(fiber)))
    }).pipe(Effect.provide(slowFileSystem))
  )
  await new Promise((resolve) => setTimeout(resolve, 200))
  return exit
}

describe("interrupted while a result file is opened or written", () => {
  it("openAtomicFile leaves no temp file", async () => {
    const exit = await interruptedAt30ms(Effect.scoped(openAtomicFile(join(dir, "weekly.csv"))))
    expect(Exit.hasInterrupts(exit)).toBe(true)
    expect(readdirSync(dir)).toEqual([])
  })

  it("writeFileAtomic leaves no temp file (the file it finished writing may stay, under its own name)", async () => {
    await interruptedAt30ms(writeFileAtomic(join(dir, "bands.csv"), "week,series\n"))
    expect(readdirSync(dir).filter((f) => f.includes(".tmp-"))).toEqual([])
  })
})
