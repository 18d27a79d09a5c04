/** spsim report and spsim calibrate refuse a targets file they cannot measure: exit code 2, every problem named, nothing run or written. */
import { spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"

const root = fileURLToPath(new URL("../..", import.meta.url))
const spsim = (...args: Array<string>) => {
  const r = spawnSync(process.execPath, [join(root, "bin/spsim.mjs"), ...args], { encoding: "utf8" })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** The shipped Ways to Wellness targets with some targets changed, in a fresh directory. */
const targetsWith = (change: (targets: Array<Record<string, unknown>>) => void) => {
  const dir = mkdtempSync(join(tmpdir(), "spsim-targets-"))
  const doc = JSON.parse(readFileSync(join(root, "calibration/ways-to-wellness.targets.json"), "utf8"))
  change(doc.targets)
  const file = join(dir, "bad.json")
  writeFileSync(file, JSON.stringify(doc, null, 2))
  return { dir, file }
}

describe("a targets file naming a series or metric the scenario cannot give", () => {
  // The audit's case: a series renamed to "nosuch" and a metric to "nosuchMetric".
  const { dir, file } = targetsWith((t) => {
    t[1].series = "nosuch"
    t[5].metric = "nosuchMetric"
  })
  const expectRefused = (r: { code: number | null; stdout: string; stderr: string }) => {
    expect(r.code, r.stderr).toBe(2)
    const lines = r.stderr.trim().split("\n")
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(/: at targets\[1\]\.series: expected a weekly series \(a column of weekly\.csv\): one of referred, newPeople, .*engagedNew, .*, found "nosuch"$/)
    expect(lines[1]).toMatch(/: at targets\[5\]\.metric: expected a metric \(a name in this scenario's summary\.json\): one of people, .*engagedShare, .*, found "nosuchMetric"$/)
    expect(lines.every((l) => l.startsWith(`${file}: `))).toBe(true)
    expect(r.stdout).toBe("")
    expect(r.stderr).not.toContain("NaN")
  }

  it("spsim report exits 2 naming each, and writes no report or chart", () => {
    const out = join(dir, "validation.md")
    expectRefused(spsim("report", join(root, "scenarios/covid.json"), file, "--replicates", "2", "--out", out))
    expect(existsSync(out)).toBe(false)
    expect(existsSync(join(dir, "validation-cumulative.svg"))).toBe(false)
  })

  it("spsim calibrate exits 2 naming each, and writes nothing", () => {
    const out = join(dir, "calibration")
    expectRefused(spsim("calibrate", join(root, "scenarios/covid.json"), file, "--particles", "4", "--replicates", "1", "--out", out, "--quiet"))
    expect(existsSync(out)).toBe(false)
  })
})

describe("other targets that would be measured wrongly", () => {
  it("a near-miss name is pointed to the one meant; a date outside the horizon and a range upside down are refused", () => {
    const { file } = targetsWith((t) => {
      t[0].date = "2030-01-01"
      t[1].series = "engagednew"
      t[2].date = "2015-03-31"
      t[3].high = 1
      t[5].metric = "outcomes.outcomePayment"
    })
    const r = spsim("report", join(root, "scenarios/ways-to-wellness.json"), file, "--replicates", "2")
    expect(r.code, r.stderr).toBe(2)
    expect(r.stderr.trim().split("\n")).toEqual([
      `${file}: at targets[0].date: expected a date within the scenario's 364 weeks, 2015-04-01 to 2022-03-22, found "2030-01-01"`,
      `${file}: at targets[1].series: expected a weekly series (a column of weekly.csv; did you mean "engagedNew"?), found "engagednew"`,
      `${file}: at targets[2].date: expected a date within the scenario's 364 weeks, 2015-04-01 to 2022-03-22, found "2015-03-31"`,
      `${file}: at targets[3].high: expected a number at least low (5300), found 1`,
      `${file}: at targets[5].metric: expected a metric (a name in this scenario's summary.json; did you mean "outcomes.outcomePayments"?), found "outcomes.outcomePayment"`
    ])
  })

  it("a contract's figure is a valid target of a scenario with that contract, and refused on one without it", () => {
    const { file } = targetsWith((t) => {
      t.splice(0, t.length, { kind: "metric", name: "outcome payments", metric: "outcomes.outcomePayments", published: 1e6, low: 0, high: 1e8, source: "s", confidence: "low" })
    })
    const ok = spsim("report", join(root, "scenarios/ways-to-wellness.json"), file, "--replicates", "1")
    expect(ok.code, ok.stderr).toBe(0)
    expect(ok.stdout).toContain("| outcome payments |")
    const refused = spsim("report", join(root, "scenarios/england.json"), file, "--replicates", "1")
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain(`${file}: at targets[0].metric: expected a metric (a name in this scenario's summary.json): one of people, `)
  })
})
