/** The files named on the command line: found from wherever spsim is run, and named for what they are when missing. */
import { spawnSync } from "node:child_process"
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"

const root = fileURLToPath(new URL("../..", import.meta.url))
const scenarios = join(root, "scenarios")

const spsim = (cwd: string, ...args: Array<string>) => {
  const r = spawnSync(process.execPath, [join(root, "bin/spsim.mjs"), ...args], { encoding: "utf8", cwd })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe("a relative extends, from inside the directory of the scenario", () => {
  it("validates a shipped scenario named without a directory, or as ./name", () => {
    for (const file of ["high-caseload.json", "./high-caseload.json"]) {
      const r = spsim(scenarios, "validate", file)
      expect(r.stderr, file).toBe("")
      expect(r.code, file).toBe(0)
      expect(r.stdout).toContain(`valid scenario "high-caseload"`)
    }
  })

  it("resolves each level of a chain, ../ included, against the file that contains it", () => {
    const work = mkdtempSync(join(tmpdir(), "spsim-extends-"))
    mkdirSync(join(work, "variants"))
    writeFileSync(join(work, "mid.json"), JSON.stringify({ extends: join(scenarios, "ways-to-wellness.json"), name: "mid" }))
    writeFileSync(join(work, "variants/leaf.json"), JSON.stringify({ extends: "../mid.json", name: "leaf" }))
    for (const file of ["leaf.json", "./leaf.json"]) {
      const r = spsim(join(work, "variants"), "validate", file)
      expect(r.stderr, file).toBe("")
      expect(r.stdout).toContain(`valid scenario "leaf"`)
    }
    const r = spsim(work, "validate", "variants/leaf.json")
    expect(r.code).toBe(0)
  })
})

describe("a missing targets or calibration file is named as such, with exit code 2", () => {
  for (const command of ["calibrate", "report"]) {
    it(`spsim ${command} SCENARIO nope.json`, () => {
      const r = spsim(root, command, "scenarios/covid.json", "nope.json")
      expect(r.code).toBe(2)
      expect(r.stderr).toContain("targets file not found: nope.json")
      expect(r.stderr).not.toContain("scenario file not found")
    })
  }

  it("a missing scenario is still a scenario", () => {
    const r = spsim(root, "report", "nope.json", "calibration/ways-to-wellness.targets.json")
    expect(r.code).toBe(2)
    expect(r.stderr).toContain("scenario file not found: nope.json")
  })

  it("spsim report --calibration and spsim calibrate --priors name the calibration file", () => {
    const targets = "calibration/ways-to-wellness.targets.json"
    const report = spsim(root, "report", "scenarios/ways-to-wellness.json", targets, "--calibration", "gone.json")
    expect(report.code).toBe(2)
    expect(report.stderr).toContain("calibration file not found: gone.json")
    const calibrate = spsim(root, "calibrate", "scenarios/ways-to-wellness.json", targets, "--priors", "gone.json")
    expect(calibrate.code).toBe(2)
    expect(calibrate.stderr).toContain("calibration file not found: gone.json")
  })
})
