/** spsim run and compare with --posterior: replicates carry parameter uncertainty, reproducibly, whatever the workers. */
import { spawnSync } from "node:child_process"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"

const root = fileURLToPath(new URL("../..", import.meta.url))
const wtw = join(root, "scenarios/ways-to-wellness.json")
const spsim = (...args: Array<string>) => {
  const r = spawnSync(process.execPath, [join(root, "bin/spsim.mjs"), ...args], { encoding: "utf8" })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}
const summary = (...args: Array<string>) => {
  const r = spsim("run", wtw, "--replicates", "4", "--json", "--quiet", ...args)
  expect(r.code, r.stderr).toBe(0)
  return JSON.parse(r.stdout)
}

describe("spsim run --posterior", () => {
  const dir = mkdtempSync(join(tmpdir(), "spsim-posterior-"))
  const posterior = join(dir, "posterior.csv")
  // Two very different Star gain rates, equally likely.
  writeFileSync(posterior, "particle,weight,distance,wellbeing.gainEventsPerWeek\n0/0,0.5,0,0.05\n0/1,0.5,0,0.3\n")

  it("draws each replicate's parameters from the posterior: wider Star bands than chance alone, the same with 1 or 2 workers", () => {
    const chance = summary()
    const one = summary("--posterior", posterior, "--workers", "1")
    const two = summary("--posterior", posterior, "--workers", "2")
    expect(two).toEqual(one)
    expect(summary("--posterior", posterior, "--workers", "1")).toEqual(one)
    const spread = (s: { metrics: Record<string, { p05: number; p95: number }> }) => s.metrics.starChangeMean.p95 - s.metrics.starChangeMean.p05
    expect(spread(one)).toBeGreaterThan(3 * spread(chance))
    expect(one.parameterUncertainty).toMatchObject({ posterior, sets: 2, parameters: ["wellbeing.gainEventsPerWeek"] })
    expect(chance.parameterUncertainty).toBeUndefined()
    const table = spsim("run", wtw, "--replicates", "2", "--quiet", "--posterior", posterior)
    expect(table.stdout).toMatch(/Intervals include parameter uncertainty/)
  }, 120_000)

  it("compares scenarios with replicate i of each on the same posterior draw", () => {
    const r = spsim("compare", wtw, wtw, "--replicates", "3", "--posterior", posterior, "--json", "--quiet")
    expect(r.code, r.stderr).toBe(0)
    const doc = JSON.parse(r.stdout)
    expect(doc.parameterUncertainty.sets).toBe(2)
    expect(doc.metrics.starChangeMean.differences[0].difference).toMatchObject({ p05: 0, p95: 0 })
  }, 60_000)

  it("refuses a bad posterior file with exit code 2, naming the problem", () => {
    const bad = join(dir, "bad.csv")
    writeFileSync(bad, "particle,weight,distance,wellbeing.gainEventsPerWeek\n0/0,0.5,0,7\n")
    const r = spsim("run", wtw, "--posterior", bad)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/column "wellbeing.gainEventsPerWeek": expected a number between 0 and 2, found "7"/)
    expect(spsim("run", wtw, "--posterior", join(dir, "missing.csv")).code).toBe(2)
  })
})
