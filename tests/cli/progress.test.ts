import { afterEach, describe, expect, it, vi } from "vitest"
import { progressBar } from "../../src/cli/progress.ts"

describe("the progress line", () => {
  const tty = process.stderr.isTTY
  const ci = process.env.CI
  afterEach(() => {
    process.stderr.isTTY = tty
    if (ci === undefined) delete process.env.CI
    else process.env.CI = ci
    vi.restoreAllMocks()
  })

  const written = (isTTY: boolean, quiet: boolean, inCi: boolean): string => {
    process.stderr.isTTY = isTTY
    if (inCi) process.env.CI = "true"
    else delete process.env.CI
    const chunks: Array<string> = []
    vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
      chunks.push(String(chunk))
      return true
    })
    const p = progressBar("run", quiet)
    p.update(5, 10)
    p.update(10, 10)
    p.finish()
    return chunks.join("")
  }

  it("shows replicates done, rate and time left on a terminal", () => {
    expect(written(true, false, false)).toMatch(/run \[#+-*\] 10\/10 replicates, [\d.]+\/s, \d+ s left/)
  })

  it("is absent when stderr is not a terminal, in CI, or with --quiet", () => {
    expect(written(false, false, false)).toBe("")
    expect(written(true, false, true)).toBe("")
    expect(written(true, true, false)).toBe("")
  })
})
