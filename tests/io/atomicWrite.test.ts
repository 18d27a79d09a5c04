import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import { Effect } from "effect"
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { writeFileAtomic } from "../../src/io/atomicWrite.ts"

let dir = ""
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "spsim-atomic-"))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const write = (path: string, contents: string | Uint8Array) =>
  Effect.runPromise(writeFileAtomic(path, contents).pipe(Effect.provide(NodeFileSystem.layer)))

describe("writeFileAtomic", () => {
  it("writes the contents and leaves no temp file behind", async () => {
    const path = join(dir, "summary.json")
    await write(path, `{"weeks": 52}`)
    expect(readFileSync(path, "utf8")).toBe(`{"weeks": 52}`)
    expect(readdirSync(dir)).toEqual(["summary.json"])
  })

  it("replaces an existing file and accepts bytes", async () => {
    const path = join(dir, "weekly.csv")
    writeFileSync(path, "old contents that are longer than the new ones")
    await write(path, new TextEncoder().encode("week,referrals\n1,12\n"))
    expect(readFileSync(path, "utf8")).toBe("week,referrals\n1,12\n")
    expect(readdirSync(dir)).toEqual(["weekly.csv"])
  })

  it("removes the temp file when the final rename fails", async () => {
    const path = join(dir, "occupied")
    mkdirSync(join(path, "child"), { recursive: true })
    await expect(write(path, "data")).rejects.toThrow()
    expect(readdirSync(dir)).toEqual(["occupied"])
  })
})
