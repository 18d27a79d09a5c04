/** compare, sweep and sensitivity as a commissioner, provider or researcher runs them. */
import { spawnSync } from "node:child_process"
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"

const root = fileURLToPath(new URL("../..", import.meta.url))
const scenario = (name: string) => join(root, `scenarios/${name}.json`)
const spsim = (...args: Array<string>) => {
  const r = spawnSync(process.execPath, [join(root, "bin/spsim.mjs"), ...args], { encoding: "utf8" })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}
/** A scenario file in a fresh directory, extending a shipped one with some fields changed. */
const extending = (base: string, changes: object): string => {
  const file = join(mkdtempSync(join(tmpdir(), "spsim-analysis-")), "scenario.json")
  writeFileSync(file, JSON.stringify({ extends: scenario(base), ...changes }))
  return file
}
/** The command refused its input: exit code 2 and a message saying why. */
const expectRefusal = (r: { code: number | null; stderr: string }, message: string): void => {
  expect(r.code).toBe(2)
  expect(r.stderr).toContain(message)
}
const json = (...args: Array<string>) => {
  const r = spsim(...args, "--json", "--quiet")
  expect(r.code, r.stderr).toBe(0)
  return JSON.parse(r.stdout)
}

describe("spsim compare", () => {
  it("gives exactly zero difference when a scenario is compared with itself", () => {
    const doc = json("compare", scenario("ways-to-wellness"), scenario("ways-to-wellness"), "--replicates", "3")
    const differences = Object.values(doc.metrics as Record<string, { differences: Array<{ difference: { p05: number; p95: number }; meanLow: number; meanHigh: number } | null> }>)
      .map((m) => m.differences[0])
    expect(differences.length).toBeGreaterThan(20)
    for (const d of differences) {
      if (d === null) continue
      expect([d.difference.p05, d.difference.p95, d.meanLow, d.meanHigh]).toEqual([0, 0, 0, 0])
    }
    // As a share of itself, every figure that is not 0 is exactly 100%.
    for (const name of ["engaged", "secondaryCareSaving", "outcomes.outcomePayments"]) {
      expect(doc.metrics[name].ratios[0], name).toMatchObject({ ratio: { mean: 1, p05: 1, p95: 1 }, meanLow: 1, meanHigh: 1, replicates: 3 })
    }
  })

  it("gives the share of the Star payments the same reviews earn without the service (the without-support counterfactual)", () => {
    const r = spsim("compare", scenario("ways-to-wellness"), scenario("without-support"), "--replicates", "3", "--quiet", "--metric", "outcomes.outcomePaymentsByMetric.wellbeing")
    expect(r.code, r.stderr).toBe(0)
    // The metric's row in the table of without-support against ways-to-wellness (after the table of each one's figures).
    const row = r.stdout.split("\n").filter((l) => l.startsWith("outcomes.outcomePaymentsByMetric.wellbeing")).at(-1)!
    expect(r.stdout).toContain("without-support − ways-to-wellness, replicate by replicate on the same people")
    expect(r.stdout).toContain("without-support / ways-to-wellness (mean, 95% CI)")
    const share = Number(/(\d+\.\d)% \(\d+\.\d% to \d+\.\d%\)\s*$/.exec(row)![1])
    expect(share).toBeGreaterThan(10)
    expect(share).toBeLessThan(40)
  })

  it("gives each scenario against the first a table of its own, differences of shares in percentage points", () => {
    const r = spsim("compare", scenario("ways-to-wellness"), scenario("poor-performance"), scenario("strong-performance"), "--replicates", "3", "--quiet", "--metric", "engagedShare,outcomes.outcomePayments")
    expect(r.code, r.stderr).toBe(0)
    const lines = r.stdout.split("\n")
    const blocks = ["poor-performance", "strong-performance"].map((name) => lines.findIndex((l) => l.startsWith(`${name} − ways-to-wellness, replicate by replicate`)))
    expect(blocks[0]).toBeGreaterThan(0)
    expect(blocks[1]).toBeGreaterThan(blocks[0])
    expect(lines[blocks[0] + 1]).toMatch(/difference: median \(90% of replicates\)\s+mean \(95% CI\)\s+poor-performance \/ ways-to-wellness \(mean, 95% CI\)/)
    expect(lines[blocks[0] + 2]).toMatch(/^engagedShare\s+-?\d+\.\d pp \(-?\d+\.\d pp to -?\d+\.\d pp\)\s+-?\d+\.\d pp \(/)
    // No header is left ambiguous: every column names its pair.
    expect(r.stdout).not.toContain("mean difference, 95% CI")
  })

  it("shows fewer link workers as longer waits, paired replicate by replicate", () => {
    const doc = json("compare", scenario("ways-to-wellness"), scenario("high-caseload"), "--replicates", "4")
    expect(doc.comparedWith).toBe("ways-to-wellness")
    expect(doc.scenarios.map((s: { name: string }) => s.name)).toEqual(["ways-to-wellness", "high-caseload"])
    const disengaged = doc.metrics.disengaged.differences[0]
    expect(disengaged.meanLow).toBeGreaterThan(0)
    const table = spsim("compare", scenario("ways-to-wellness"), scenario("high-caseload"), "--replicates", "2", "--metric", "disengaged,starChangeMean")
    expect(table.code).toBe(0)
    expect(table.stdout).toMatch(/high-caseload − ways-to-wellness/)
    // The title, then each scenario's two figures, then the two against the first: no other lines.
    expect(table.stdout.trim().split("\n")).toHaveLength(11)
  })
})

describe("spsim compare: figures a difference or a ratio must show otherwise", () => {
  it("gives the difference of the cap's week in signed weeks, over the pairs that both reach the cap; no ratio of a week or an IRR; a chance's mean difference only", () => {
    const dir = mkdtempSync(join(tmpdir(), "spsim-compare-"))
    const metrics = "outcomes.capReachedWeek,outcomes.investorIrr,outcomes.capReachedChance,engaged"
    const r = spsim("compare", scenario("ways-to-wellness"), scenario("poor-performance"), "--replicates", "6", "--quiet", "--metric", metrics, "--out", dir)
    expect(r.code, r.stderr).toBe(0)
    const doc = JSON.parse(readFileSync(join(dir, "compare.json"), "utf8"))
    const lines = r.stdout.split("\n")
    const against = lines.findIndex((l) => l.startsWith("poor-performance − ways-to-wellness"))
    const row = (name: string) => lines.slice(against).find((l) => l.startsWith(`${name} `))!.split(/\s{2,}/)
    // In some of the six pairs the poor performer never reaches the cap: the week's difference is over the others.
    const week = doc.metrics["outcomes.capReachedWeek"]
    const pairs = week.differences[0].replicates
    expect(pairs).toBeLessThan(6)
    expect(week.perScenario[1].replicates).toBe(pairs)
    expect(lines.find((l) => l.startsWith("outcomes.capReachedWeek "))).toMatch(new RegExp(`week \\d+ \\(${pairs}/6\\)$`))
    const [label, median, mean, ratio] = row("outcomes.capReachedWeek")
    expect(label).toBe("outcomes.capReachedWeek *")
    expect(median).toMatch(/^\+\d+\.\d wk \(\+\d+\.\d wk to \+\d+\.\d wk\)$/)
    expect(mean).toMatch(/^\+\d+\.\d wk \(\+\d+\.\d wk to \+\d+\.\d wk\)$/)
    expect(ratio).toBe("-")
    expect(r.stdout).toContain(`* outcomes.capReachedWeek: over the ${pairs} of 6 pairs in which both scenarios reach the cap.`)
    // No ratio of an IRR either, in the table or in compare.json (null, with the reason).
    expect(row("outcomes.investorIrr")[3]).toBe("-")
    expect(row("outcomes.investorIrr")[1]).toMatch(/ pp \(/)
    for (const name of ["outcomes.capReachedWeek", "outcomes.investorIrr"]) {
      expect(doc.metrics[name].ratios, name).toEqual([null])
      expect(doc.metrics[name].ratiosNote, name).toMatch(/^no ratio B \/ A: .*means nothing/)
    }
    expect(doc.metrics.engaged.ratios[0].replicates).toBe(6)
    expect(doc.metrics.engaged.ratiosNote).toBeUndefined()
    // A chance: no median difference (each pair's is −1, 0 or 1), its mean difference with the 95% interval.
    const chance = row("outcomes.capReachedChance")
    expect(chance[1]).toBe("-")
    expect(chance[2]).toMatch(/^-?\d+\.\d pp \(-?\d+\.\d pp to -?\d+\.\d pp\)$/)
    expect(chance[2].startsWith(`${(100 * doc.metrics["outcomes.capReachedChance"].differences[0].difference.mean).toFixed(1)} pp`)).toBe(true)
    expect(row("engaged")[1]).toMatch(/^-?[\d,]+ \(/)
    expect(r.stdout).toContain("A chance's difference is its mean only")
  })
})

describe("spsim sweep", () => {
  it("reports KPIs at every grid point; a bigger caseload cap shortens waits", () => {
    const doc = json("sweep", scenario("ways-to-wellness"), "--set", "linkWorkers.caseloadCapPerFte=40,80,120", "--replicates", "3")
    expect(doc.points.map((p: { values: Array<number> }) => p.values)).toEqual([[40], [80], [120]])
    const waits = doc.points.map((p: { metrics: Record<string, { p50: number }> }) => p.metrics.meanWaitWeeks.p50)
    expect(waits[0]).toBeGreaterThan(waits[1])
    expect(waits[1]).toBeGreaterThanOrEqual(waits[2])
    // Each point against the first, replicate by replicate: the first has none; 80 waits less than 40 for sure.
    expect(doc.points[0].differencesFromFirst).toBeUndefined()
    const fewer = doc.points[1].differencesFromFirst.meanWaitWeeks
    expect(fewer.replicates).toBe(3)
    expect(fewer.meanHigh).toBeLessThan(0)
  })

  it("--out writes sweep.csv with each point's median, the median's own 95% interval and the paired difference from the first point", () => {
    const dir = mkdtempSync(join(tmpdir(), "spsim-sweep-"))
    const short = join(dir, "short.json")
    writeFileSync(short, JSON.stringify({ extends: scenario("ways-to-wellness"), name: "short", horizonWeeks: 52 }))
    const r = spsim("sweep", short, "--set", "linkWorkers.caseloadCapPerFte=40,120", "--replicates", "6", "--out", join(dir, "out"), "--quiet", "--metric", "engaged")
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/Monte Carlo error: with 6 replicates a median's own 95% interval \(p50Low to p50High in sweep.csv\) is typically \d+% as wide/)
    const [header, ...rows] = readFileSync(join(dir, "out", "sweep.csv"), "utf8").trim().split("\n").map((l) => l.split(","))
    expect(header).toEqual(["linkWorkers.caseloadCapPerFte", "metric", "mean", "p05", "p50", "p95", "p50Low", "p50High", "meanLow", "meanHigh", "differenceMean", "differenceMeanLow", "differenceMeanHigh", "replicates", "differenceReplicates"])
    // Not a chance: no interval of its own beyond the median's (empty cells).
    expect(rows.filter((f) => f[1] === "engaged").map((f) => f.slice(8, 10))).toEqual([["", ""], ["", ""]])
    const engaged = rows.filter((f) => f[1] === "engaged").map((f) => f.map(Number))
    expect(engaged.map((f) => f[0])).toEqual([40, 120])
    for (const [, , , , p50, , low, high] of engaged) {
      // Six values: the interval is the lowest to the highest (coverage 96.9%).
      expect(low).toBeLessThanOrEqual(p50)
      expect(high).toBeGreaterThanOrEqual(p50)
      expect(high).toBeGreaterThan(low)
    }
    // The paired difference from the first point: none for the first; the mean difference is the difference of the
    // means (every replicate has the figure), inside its interval.
    expect(engaged[0].slice(10, 13).every((x) => x === 0)).toBe(true)
    expect(rows.find((f) => f[1] === "engaged")!.slice(10, 13)).toEqual(["", "", ""])
    // Every replicate has the figure, and every pair its difference (none at the first point).
    expect(rows.filter((f) => f[1] === "engaged").map((f) => f.slice(13))).toEqual([["6", ""], ["6", "6"]])
    const [, , mean120, , , , , , , , difference, low, high] = engaged[1]
    expect(difference).toBeCloseTo(mean120 - engaged[0][2], 6)
    expect(low).toBeLessThan(difference)
    expect(high).toBeGreaterThan(difference)
    expect(r.stdout).toContain("Paired differences from the first point (40), replicate by replicate on the same people")
  })

  it("gives the paired difference of the cap's week in signed weeks, saying which pairs it is over", () => {
    const r = spsim("sweep", scenario("ways-to-wellness"), "--set", "contracts[outcomes].capTotal=8e6,12e6", "--replicates", "2", "--quiet", "--metric", "outcomes.capReachedWeek,engaged")
    expect(r.code, r.stderr).toBe(0)
    const lines = r.stdout.split("\n")
    const header = lines.findIndex((l) => l.startsWith("contracts[outcomes].capTotal") && l.includes(" − at "))
    expect(lines[header]).toContain("outcomes.capReachedWeek − at 8,000,000 *")
    // A higher cap is reached later: some weeks later, not "week 70".
    expect(lines[header + 1]).toMatch(/^12,000,000\s+\+\d+\.\d wk \(\+\d+\.\d wk to \+\d+\.\d wk\)\s+0 \(0 to 0\)$/)
    expect(lines[header + 1]).not.toContain("week")
    expect(lines[header + 2]).toBe("* outcomes.capReachedWeek: over the pairs in which both points reach the cap: 2 of 2 at 12,000,000.")
  })

  it("says over how many replicates the cap's week is, (k/n), where only some reach the cap, in the table, sweep.csv and sweep.json", () => {
    const dir = mkdtempSync(join(tmpdir(), "spsim-sweep-"))
    // The £10m cap is reached in every replicate; larger ones only near the end of the contract, in some replicates or none.
    const points = ["10,000,000", "15,500,000", "16,000,000", "16,500,000"]
    const r = spsim("sweep", scenario("ways-to-wellness"), "--set", "contracts[outcomes].capTotal=10e6,15.5e6,16e6,16.5e6", "--replicates", "4", "--workers", "1",
      "--quiet", "--metric", "outcomes.capReachedWeek,engaged", "--out", join(dir, "out"))
    expect(r.code, r.stderr).toBe(0)
    const doc = JSON.parse(readFileSync(join(dir, "out", "sweep.json"), "utf8"))
    // How many replicates reach the cap at each point, from the chance of reaching it (1 or 0 in each replicate).
    const reached: Array<number> = doc.points.map((p: { metrics: Record<string, { mean: number }> }) => Math.round(4 * p.metrics["outcomes.capReachedChance"].mean))
    expect(reached[0]).toBe(4)
    expect(reached.some((k) => k > 0 && k < 4), `replicates reaching the cap: ${reached.join(", ")}`).toBe(true)
    const lines = r.stdout.split("\n")
    const header = lines.findIndex((l) => l.startsWith("contracts[outcomes].capTotal") && l.includes("(median, 90%)"))
    const csv = readFileSync(join(dir, "out", "sweep.csv"), "utf8").trim().split("\n").map((l) => l.split(","))
    const week = (i: number) => csv.filter((f) => f[1] === "outcomes.capReachedWeek" && f[0] === String(doc.points[i].values[0]))
    reached.forEach((k, i) => {
      const [label, cell] = lines[header + 1 + i].split(/\s{2,}/)
      expect(label).toBe(points[i])
      const band = doc.points[i].metrics["outcomes.capReachedWeek"]
      if (k === 0) {
        // No replicate reaches the cap: no week, in the table, the CSV or the JSON.
        expect(cell).toBe("-")
        expect(band).toBeUndefined()
        expect(week(i)).toEqual([])
        return
      }
      // The median and interval over the k replicates that reach the cap, marked (k/n) where k is not all of them, as compare does.
      expect(cell).toMatch(new RegExp(`^week \\d+ \\(week \\d+ to week \\d+\\)${k === 4 ? "" : ` \\(${k}/4\\)`}$`))
      expect(band.replicates).toBe(k === 4 ? undefined : k)
      // sweep.csv: the replicates the point's week is over and the pairs its difference from the first is over (both reach the cap).
      expect(week(i).map((f) => f.slice(13))).toEqual([[String(k), i === 0 ? "" : String(k)]])
    })
    expect(lines[header + 1 + points.length]).toBe("(k/n): over the k of n replicates that have the figure.")
  })

  it("runs a two-parameter grid", () => {
    const doc = json("sweep", scenario("ways-to-wellness"), "--set", "linkWorkers.posts=18,26", "--set", "linkWorkers.turnoverPerYear=0.1,0.4", "--replicates", "2")
    expect(doc.points).toHaveLength(4)
    expect(doc.points[3].values).toEqual([26, 0.4])
  })

  it("refuses a value outside the parameter's range or an unknown path, with exit code 2", () => {
    expectRefusal(spsim("sweep", scenario("ways-to-wellness"), "--set", "linkWorkers.caseloadCapPerFte=4000"), "4000 is outside the range of linkWorkers.caseloadCapPerFte, 1 to 1000")
    expectRefusal(spsim("sweep", scenario("ways-to-wellness"), "--set", "linkWorkers.caseload=40"), '"linkWorkers.caseload" is not a numeric parameter')
  })

  it("refuses, before running, sweep and sensitivity points a scenario's practice list rules out", () => {
    const file = extending("ways-to-wellness", {
      practices: { count: 2, population: 40000, clusters: 2, list: [{ name: "Elswick", listSize: 20000, area: 1 }, { name: "Benwell", listSize: 20000 }] }
    })
    expectRefusal(spsim("sweep", file, "--set", "practices.clusters=2,1"), "--set practices.clusters=1: at practices.list[0].area: expected an area from 0 to 0 (practices.clusters is 1), found 1")
    expectRefusal(spsim("sensitivity", file, "--params", "practices.count"), "--params practices.count at 1: at practices.count: expected 2, the number of practices in practices.list, found 1")
  })

  it("sweeps the depth of a cut: one point of a schedule", () => {
    const doc = json("sweep", scenario("austerity"), "--set", "communityServices.funding.points[1].value=1,0.5", "--replicates", "2", "--metric", "onwardReferralFailureShare,people")
    const deeper = doc.points[1].differencesFromFirst
    expect(deeper.onwardReferralFailureShare.difference.mean).toBeGreaterThan(0)
    expect(deeper.people.difference.mean).toBe(0)
    expectRefusal(spsim("sweep", scenario("austerity"), "--set", "communityServices.funding.points[1].value=101"), "101 is outside the range of communityServices.funding.points[1].value, 0 to 100 multiplier")
    const every = spsim("sweep", scenario("austerity"), "--set", "communityServices.funding.points[].value=0.5")
    expect(every.stderr).toContain("name one by position or name, e.g. communityServices.funding.points[0].value")
  })

  it("sweeps a contract's choices: its financing facility (left out of the file: fixed) and its payment period", () => {
    const short = extending("ways-to-wellness", { name: "short", horizonWeeks: 156 })
    const dir = mkdtempSync(join(tmpdir(), "spsim-choices-"))
    const doc = json("sweep", short, "--set", "contracts[outcomes].financing.facility=fixed,revolving", "--set", "contracts[outcomes].period=quarterly,annual",
      "--replicates", "2", "--metric", "outcomes.providerMinCash,outcomes.providerCashNeed,hybrid.providerCashNeed,engaged", "--out", join(dir, "out"))
    expect(doc.axes).toEqual([{ path: "contracts[outcomes].financing.facility", values: ["fixed", "revolving"] }, { path: "contracts[outcomes].period", values: ["quarterly", "annual"] }])
    expect(doc.points.map((p: { values: Array<string> }) => p.values)).toEqual([["fixed", "quarterly"], ["fixed", "annual"], ["revolving", "quarterly"], ["revolving", "annual"]])
    const csv = readFileSync(join(dir, "out", "sweep.csv"), "utf8").trim().split("\n").map((l) => l.split(","))
    expect(csv[0].slice(0, 3)).toEqual(["contracts[outcomes].financing.facility", "contracts[outcomes].period", "metric"])
    expect(csv.filter((r) => r[0] === "revolving" && r[1] === "annual" && r[2] === "engaged")).toHaveLength(1)
    const [fixedQuarterly, fixedAnnual, revolvingQuarterly] = doc.points
    // A revolving facility lends again what was repaid: the provider no longer runs out (its lowest cash rises) ...
    expect(revolvingQuarterly.differencesFromFirst["outcomes.providerMinCash"].difference.mean).toBeGreaterThan(0)
    // ... and payments once a year leave its costs further ahead of its income; nothing else changes.
    expect(fixedAnnual.differencesFromFirst["outcomes.providerCashNeed"].difference.mean).toBeGreaterThan(0)
    expect(revolvingQuarterly.metrics["outcomes.providerCashNeed"]).toEqual(fixedQuarterly.metrics["outcomes.providerCashNeed"])
    expect(fixedAnnual.metrics["hybrid.providerCashNeed"]).toEqual(fixedQuarterly.metrics["hybrid.providerCashNeed"])
    expect(fixedAnnual.metrics.engaged).toEqual(fixedQuarterly.metrics.engaged)
    expectRefusal(spsim("sweep", short, "--set", "contracts[outcomes].period=quarterly,monthly"), 'contracts[outcomes].period is one of "quarterly", "six-monthly", "annual", found "monthly"')
    // A metric's basis is a choice too, but the Star tariff's formula reads what only a review measures.
    expectRefusal(spsim("sweep", short, "--set", "contracts[outcomes].metrics[wellbeing].basis=review,exit"),
      '--set contracts[outcomes].metrics[wellbeing].basis=exit: contract "outcomes", metric "wellbeing", quantity: unknown variable "bestPreviousChange"')
    // A contract without financing has no facility to choose.
    expectRefusal(spsim("sweep", short, "--set", "contracts[blockGrant].financing.facility=fixed,revolving"), "the scenario leaves out \"contracts[blockGrant].financing\"")
  })

  it("sweeps a term of one contract, named by position or name, and refuses a list path or an element there is not", () => {
    const short = extending("ways-to-wellness", { name: "short", horizonWeeks: 104 })
    const doc = json("sweep", short, "--set", "contracts[outcomes].metrics[wellbeing].tariff=90,180", "--replicates", "2", "--metric", "outcomes.outcomePaymentsByMetric.wellbeing,hybrid.outcomePaymentsByMetric.wellbeing,engaged")
    expect(doc.axes[0].path).toBe("contracts[outcomes].metrics[wellbeing].tariff")
    const [low, high] = doc.points
    // The outcomes contract's Star payments rise with its tariff; another contract and the people are untouched.
    expect(high.differencesFromFirst["outcomes.outcomePaymentsByMetric.wellbeing"].difference.mean).toBeGreaterThan(0)
    expect(high.metrics["hybrid.outcomePaymentsByMetric.wellbeing"]).toEqual(low.metrics["hybrid.outcomePaymentsByMetric.wellbeing"])
    expect(high.metrics.engaged).toEqual(low.metrics.engaged)
    expectRefusal(spsim("sweep", short, "--set", "contracts[].capTotal=1e6,2e6"), '"contracts[].capTotal" has one value per element; name one by position or name, e.g. contracts[0].capTotal')
    expectRefusal(spsim("sweep", short, "--set", "contracts[nope].capTotal=1e6,2e6"), "--set contracts[nope].capTotal: expected a value in the scenario to sweep, found none")
    const uncapped = spsim("sweep", short, "--set", "contracts[blockGrant].capTotal=1e6,2e6")
    expect(uncapped.code).toBe(2)
  })
})

describe("spsim sensitivity", () => {
  it("shows '-' for a figure no replicate has at one end of a swing (the cap never reached), ranks it last and says why", () => {
    const r = spsim("sensitivity", scenario("ways-to-wellness"), "--params", "linkWorkers.posts,contracts[outcomes].capTotal", "--metric", "outcomes.capReachedWeek", "--replicates", "2", "--quiet")
    expect(r.code).toBe(0)
    const lines = r.stdout.split("\n")
    const at = (path: string) => lines.findIndex((l) => l.startsWith(path))
    // With half the posts the cap is never reached: no week at the low end, no swing; listed after the cap's own swing.
    expect(lines[at("linkWorkers.posts")].split(/\s{2,}/).slice(1)).toEqual(["-", expect.stringMatching(/^week \d+$/), "-", "-"])
    expect(at("linkWorkers.posts")).toBeGreaterThan(at("contracts[outcomes].capTotal"))
    expect(r.stdout).not.toContain("NaN")
    expect(r.stdout).toContain("-: no replicate has outcomes.capReachedWeek at that end (e.g. the cap is never reached there), so the swing has no size; it is listed last.")
  })

  it("ranks parameters by their one-way influence (tornado)", () => {
    const doc = json("sensitivity", scenario("ways-to-wellness"), "--params", "linkWorkers.turnoverPerYear,wellbeing.gainEventsPerWeek", "--metric", "starChangeMean", "--replicates", "2")
    expect(doc.bars.map((b: { path: string }) => b.path)).toEqual(["wellbeing.gainEventsPerWeek", "linkWorkers.turnoverPerYear"])
    const gain = doc.bars[0]
    expect(gain.atHigh).toBeGreaterThan(gain.atLow)
    // Each swing with its 95% interval, paired replicate by replicate: the strong one clear of 0.
    for (const b of doc.bars) {
      expect(b.swingLow).toBeLessThanOrEqual(b.atHigh - b.atLow)
      expect(b.swingHigh).toBeGreaterThanOrEqual(b.atHigh - b.atLow)
    }
    expect(gain.swingLow).toBeGreaterThan(0)
  })

  it("says which swings are not told apart from chance, and which are none at all", () => {
    const r = spsim("sensitivity", scenario("ways-to-wellness"), "--params", "linkWorkers.turnoverPerYear,linkWorkers.caseloadCapPerFte,secondaryCare.costCv", "--metric", "starChangeMean", "--replicates", "2", "--quiet")
    expect(r.code, r.stderr).toBe(0)
    // Two replicates: turnover's small swing has an interval across 0; the cost spread does not move the Star at all.
    expect(r.stdout).toMatch(/linkWorkers\.turnoverPerYear \(0\.10605 → 0\.31815\) \*\s/)
    expect(r.stdout).toMatch(/linkWorkers\.caseloadCapPerFte \(45 → 135\)\s/)
    expect(r.stdout).toMatch(/secondaryCare\.costCv \(0\.6 → 1\.8\)\s.*none in any replicate/)
    expect(r.stdout).toContain("* 1 swing's 95% interval holds 0: not told apart from chance with 2 replicates")
  })

  it("says when a contract's payments stay at its cap whatever the swings, rather than marking noise as chance", () => {
    const r = spsim("sensitivity", scenario("ways-to-wellness"), "--params", "linkWorkers.turnoverPerYear", "--replicates", "2", "--quiet")
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/linkWorkers\.turnoverPerYear \(0\.10605 → 0\.31815\)\s+£10\.00m\s+£10\.00m\s+£0\s+none in any replicate/)
    expect(r.stdout).not.toContain("not told apart from chance")
    expect(r.stdout).toContain("1 of 1 swings leave outcomes.outcomePayments the same at both ends in every replicate")
    expect(r.stdout).toContain("The outcomes contract's total cap is reached in 100% of the base runs")
  })

  it("swings a contract term named by its contract's name", () => {
    const doc = json("sensitivity", scenario("ways-to-wellness"), "--params", "contracts[hybrid].capTotal,linkWorkers.turnoverPerYear", "--metric", "hybrid.outcomePayments", "--replicates", "2")
    const cap = doc.bars.find((b: { path: string }) => b.path === "contracts[hybrid].capTotal")
    expect(cap).toMatchObject({ low: 2.5e6, high: 7.5e6 })
    // The hybrid's outcome payments reach its cap of £5m: a lower or higher cap moves them.
    expect(cap.atHigh).toBeGreaterThan(cap.atLow)
    expectRefusal(spsim("sensitivity", scenario("ways-to-wellness"), "--params", "contracts[].capTotal", "--replicates", "1"), "name one by position or name")
  })

  it("gives a swing of the cap's week in weeks, not as a week", () => {
    const r = spsim("sensitivity", scenario("ways-to-wellness"), "--params", "contracts[outcomes].capTotal", "--metric", "outcomes.capReachedWeek", "--replicates", "2", "--quiet")
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/contracts\[outcomes\]\.capTotal \(5000000 → 15000000\)\s+week \d+\s+week \d+\s+\+\d+\.\d wk\s+\+\d+\.\d wk to \+\d+\.\d wk$/m)
  })

  it("screens parameters with Morris elementary effects", () => {
    const doc = json("sensitivity", scenario("ways-to-wellness"), "--method", "morris", "--params", "linkWorkers.turnoverPerYear,wellbeing.gainEventsPerWeek", "--metric", "starChangeMean", "--trajectories", "3", "--replicates", "1")
    expect(doc.effects.map((e: { path: string }) => e.path)).toEqual(["wellbeing.gainEventsPerWeek", "linkWorkers.turnoverPerYear"])
    expect(doc.effects[0].muStar).toBeGreaterThan(doc.effects[1].muStar)
    // What the design spread each parameter over, and its size: 3 trajectories of k + 1 = 3 points, one replicate each.
    expect(doc.parameters.map((p: { path: string }) => p.path)).toEqual(["linkWorkers.turnoverPerYear", "wellbeing.gainEventsPerWeek"])
    for (const p of doc.parameters) {
      expect(p.low).toBeLessThan(p.base)
      expect(p.high).toBeGreaterThan(p.base)
    }
    expect([doc.points, doc.runs]).toEqual([9, 9])
  })

  it("apportions the variance with Sobol indices, ranked by total index, each with its 95% interval", () => {
    const dir = mkdtempSync(join(tmpdir(), "spsim-sobol-"))
    const params = ["linkWorkers.turnoverPerYear", "wellbeing.gainEventsPerWeek"]
    const r = spsim("sensitivity", scenario("ways-to-wellness"), "--method", "sobol", "--params", params.join(","), "--metric", "starChangeMean", "--samples", "8", "--replicates", "2", "--out", dir, "--quiet")
    expect(r.code, r.stderr).toBe(0)
    const doc = JSON.parse(readFileSync(join(dir, "sensitivity.json"), "utf8"))
    // N (k + 2) points, each run for every replicate.
    expect(doc).toMatchObject({ method: "sobol", metric: "starChangeMean", swing: 0.5, samples: 8, replicates: 2, points: 32, runs: 64, rows: 8, bootstrapResamples: 500 })
    expect(doc.parameters.map((p: { path: string }) => p.path)).toEqual(params)
    for (const p of doc.parameters) expect(p.low).toBeLessThan(p.high)
    expect(doc.variance).toBeGreaterThan(0)
    expect(doc.noiseVariance).toBeGreaterThanOrEqual(0)
    expect(doc.indices.map((e: { path: string }) => e.path)).toEqual(["wellbeing.gainEventsPerWeek", "linkWorkers.turnoverPerYear"])
    const [gain, turnover] = doc.indices
    expect(gain.total).toBeGreaterThan(0.5)
    expect(turnover.total).toBeLessThan(0.1)
    for (const e of doc.indices) {
      expect(Object.keys(e).sort()).toEqual(["first", "firstHigh", "firstLow", "path", "total", "totalHigh", "totalLow"])
      expect(e.firstLow).toBeLessThanOrEqual(e.firstHigh)
      expect(e.totalLow).toBeLessThanOrEqual(e.totalHigh)
    }
    // The table says the same, ranked, with the notes a reader needs.
    const lines = r.stdout.split("\n")
    expect(lines[0]).toBe("ways-to-wellness: sobol sensitivity of starChangeMean to 2 parameters, each uniform over its default ± 50% within its range; N = 8: 32 points × 2 replicates = 64 runs on common random numbers")
    expect(lines[2]).toMatch(/^parameter \(low → high\)\s+total index \(95% interval\)\s+first order \(95% interval\)$/)
    expect(lines[3]).toMatch(new RegExp(`^wellbeing\\.gainEventsPerWeek \\(0\\.05865 → 0\\.17595\\)\\s+${gain.total.toFixed(3)} \\(${gain.totalLow.toFixed(3)} to ${gain.totalHigh.toFixed(3)}\\)\\s+-?${Math.abs(gain.first).toFixed(3)} \\(`))
    expect(lines[4]).toMatch(/^linkWorkers\.turnoverPerYear \(0\.10605 → 0\.31815\)\s/)
    expect(r.stdout).toContain("The simulation's own Monte Carlo noise in that mean is variance no parameter explains")
    expect(r.stdout).toContain("With N = 8 the estimates are noisy")
    // A base sample too small to estimate a variance from is refused before anything runs.
    expectRefusal(spsim("sensitivity", scenario("ways-to-wellness"), "--method", "sobol", "--samples", "1"), 'Invalid value for flag --samples: "1". Expected: a Sobol sample size N from 2 to 100000, found 1')
  })

  it("refuses unknown parameters and metrics with exit code 2", () => {
    expect(spsim("sensitivity", scenario("ways-to-wellness"), "--params", "nope.x", "--replicates", "1").code).toBe(2)
    expectRefusal(spsim("sensitivity", scenario("ways-to-wellness"), "--params", "linkWorkers.turnoverPerYear", "--metric", "nope", "--replicates", "1"), 'no metric "nope"')
  })

  it("compare and sweep refuse metrics no scenario produced, naming each, with exit code 2", () => {
    const compare = spsim("compare", scenario("ways-to-wellness"), scenario("high-caseload"), "--replicates", "1", "--quiet", "--metric", "disengaged,group.ethnicity.Nobody.engagedShare")
    expect(compare.code).toBe(2)
    expect(compare.stderr).toContain('no metric "group.ethnicity.Nobody.engagedShare"')
    expect(compare.stderr).not.toContain('"disengaged"')
    expectRefusal(spsim("sweep", scenario("ways-to-wellness"), "--set", "linkWorkers.caseloadCapPerFte=60,90", "--replicates", "1", "--quiet", "--metric", "nope"), 'no metric "nope"')
  })

  it("refuse a misspelt or empty --metric before running, suggesting the name meant", () => {
    // 100,000 replicates a point: only a refusal before the run ends this test in time.
    const many = ["--replicates", "100000", "--quiet"]
    expectRefusal(spsim("sweep", scenario("ways-to-wellness"), "--set", "linkWorkers.posts=16,22", ...many, "--metric", "engagedShre"), 'no metric "engagedShre" in the results; did you mean "engagedShare"?')
    expectRefusal(spsim("compare", scenario("ways-to-wellness"), scenario("austerity"), ...many, "--metric", "outcomes.outcomePayment"), 'did you mean "outcomes.outcomePayments"?')
    expectRefusal(spsim("sensitivity", scenario("ways-to-wellness"), "--params", "linkWorkers.turnoverPerYear", ...many, "--metric", "nope"), 'no metric "nope"')
    expectRefusal(spsim("compare", scenario("ways-to-wellness"), scenario("austerity"), ...many, "--metric", ""), "--metric: expected one or more metric names")
    // A figure a replicate may leave out, with a note saying why, is still a metric.
    expect(spsim("compare", scenario("ways-to-wellness"), scenario("austerity"), "--replicates", "1", "--quiet", "--metric", "outcomes.capReachedWeek").code).toBe(0)
  })

  it("refuse a partial or unknown --metric suggesting the names it may have meant", () => {
    const many = ["--replicates", "100000", "--quiet"]
    // A group's name without its measure: the full names that begin with it, a few and how many more.
    const partial = spsim("compare", scenario("ways-to-wellness"), scenario("austerity"), ...many, "--metric", "group.ethnicity")
    expectRefusal(partial, 'no metric "group.ethnicity" in the results; did you mean one of "group.ethnicity.White British.people", "group.ethnicity.White British.engagedShare", ')
    expect(partial.stderr).toMatch(/, … \(\d+ more\)\? \(names as in summary\.json\)/)
    // Dropout is what the metrics call disengaged.
    expectRefusal(spsim("sweep", scenario("ways-to-wellness"), "--set", "linkWorkers.posts=16,22", ...many, "--metric", "dropoutShare"), 'no metric "dropoutShare" in the results; did you mean one of "disengagedShare", "disengaged", "group.')
    expectRefusal(spsim("sensitivity", scenario("ways-to-wellness"), "--params", "linkWorkers.turnoverPerYear", ...many, "--metric", "capReachedWeek"), 'did you mean one of "outcomes.capReachedWeek", "hybrid.capReachedWeek"?')
  })

  it("refuse a parameter path that names nothing suggesting the path or the list element meant", () => {
    const many = ["--replicates", "100000", "--quiet"]
    expectRefusal(spsim("sweep", scenario("ways-to-wellness"), "--set", "linkWorkers.caseloadCap=40,60", ...many), '"linkWorkers.caseloadCap" is not a numeric parameter or a choice of the scenario (see docs/parameters.md); did you mean "linkWorkers.caseloadCapPerFte"?')
    // A sweep also takes choices, and suggests them.
    expectRefusal(spsim("sweep", scenario("ways-to-wellness"), "--set", "contracts[outcomes].facility=fixed,revolving", ...many), 'did you mean "contracts[outcomes].financing.facility"?')
    expectRefusal(spsim("sweep", scenario("ways-to-wellness"), "--set", "contracts[outcome].capTotal=8e6,12e6", ...many),
      '--set contracts[outcome].capTotal: expected a value in the scenario to sweep, found none: no element named "outcome" in contracts (it has 4: by position [0] to [3], or by name: outcomes, blockGrant, feeForService, hybrid); did you mean "contracts[outcomes].capTotal"?')
    const params = spsim("sensitivity", scenario("ways-to-wellness"), "--params", "linkWorkers.caseloadCap,contracts[outcome].capTotal,contracts[hybrid].capTotl", ...many)
    expectRefusal(params, '--params: "linkWorkers.caseloadCap" is not a numeric parameter of the scenario (see docs/parameters.md); did you mean "linkWorkers.caseloadCapPerFte"?')
    expect(params.stderr).toContain('--params: "contracts[outcome].capTotal": expected a value in the scenario to swing, found none: no element named "outcome" in contracts')
    expect(params.stderr).toContain('did you mean "contracts[outcomes].capTotal"?')
    expect(params.stderr).toContain('did you mean "contracts[hybrid].capTotal"?')
  })

  it("refuse an --out that cannot be a directory before running, in one line", () => {
    const dir = mkdtempSync(join(tmpdir(), "spsim-out-"))
    const file = join(dir, "a-file")
    writeFileSync(file, "")
    const many = ["--replicates", "100000", "--quiet"]
    for (const args of [["run", scenario("ways-to-wellness")], ["compare", scenario("ways-to-wellness"), scenario("austerity")], ["sweep", scenario("ways-to-wellness"), "--set", "linkWorkers.posts=16,22"], ["sensitivity", scenario("ways-to-wellness"), "--params", "linkWorkers.turnoverPerYear"]]) {
      const r = spsim(...args, ...many, "--out", file)
      expectRefusal(r, `--out ${file}: cannot write results there: ${file} is a file, not a directory`)
      expect(r.stderr).not.toContain("PlatformError")
    }
    expectRefusal(spsim("run", scenario("ways-to-wellness"), ...many, "--out", join(file, "sub")), `${file} is a file`)
    expectRefusal(spsim("report", scenario("covid"), join(root, "calibration/ways-to-wellness.targets.json"), "--replicates", "100000", "--out", dir), `--out ${dir}: a directory is there; name the file to write`)
    expectRefusal(spsim("report", scenario("covid"), join(root, "calibration/ways-to-wellness.targets.json"), "--replicates", "100000", "--out", join(file, "x.md")), `--out ${join(file, "x.md")}: cannot write results there: ${file} is a file`)
  })
})

describe("spsim run --seed", () => {
  it("writes the seed it ran with into scenario.json, so that the file repeats the run", () => {
    const dir = mkdtempSync(join(tmpdir(), "spsim-seed-"))
    const a = spsim("run", scenario("ways-to-wellness"), "--replicates", "2", "--seed", "7", "--out", join(dir, "a"), "--quiet")
    expect(a.code, a.stderr).toBe(0)
    const written = JSON.parse(readFileSync(join(dir, "a/scenario.json"), "utf8"))
    expect(written.seed).toBe(7)
    const b = spsim("run", join(dir, "a/scenario.json"), "--replicates", "2", "--out", join(dir, "b"), "--quiet")
    expect(b.code, b.stderr).toBe(0)
    expect(readFileSync(join(dir, "b/weekly.csv"), "utf8")).toBe(readFileSync(join(dir, "a/weekly.csv"), "utf8"))
    const summary = (d: string) => JSON.parse(readFileSync(join(dir, d, "summary.json"), "utf8"))
    expect(summary("b").scenario.hash).toBe(summary("a").scenario.hash)
  })

  it("compare refuses a single scenario, saying it needs two or more", () => {
    expectRefusal(spsim("compare", scenario("ways-to-wellness")), `compare: expected two or more scenario files (the others are compared with the first), found 1: ${scenario("ways-to-wellness")}`)
  })

  it("refuses --people or --parquet without --out, which would write nothing", () => {
    expectRefusal(spsim("run", scenario("ways-to-wellness"), "--people"), "--people: it writes files, so give --out DIR to say where")
    expectRefusal(spsim("run", scenario("ways-to-wellness"), "--people", "--parquet"), "--people and --parquet: they write files")
  })

  it("refuses a seed a scenario file could not hold", () => {
    for (const seed of ["-1", "3000000000"]) expectRefusal(spsim("run", scenario("ways-to-wellness"), "--seed", seed), "a seed from 0 to 2147483647")
    expectRefusal(spsim("compare", scenario("ways-to-wellness"), scenario("austerity"), "--seed", "-1"), "a seed from 0 to 2147483647")
  })
})

describe("spsim report and spsim calibrate", () => {
  const targets = join(root, "calibration/ways-to-wellness.targets.json")

  it("writes a validation report with a match or missed mark for every target, and its chart", () => {
    const dir = mkdtempSync(join(tmpdir(), "spsim-report-"))
    const out = join(dir, "validation.md")
    expect(spsim("report", scenario("covid"), targets, "--replicates", "2", "--out", out).code).toBe(0)
    const report = readFileSync(out, "utf8")
    expect(report).toMatch(/\*\*\d+ of 10 targets matched\*\*/)
    expect(report.split("\n").filter((l) => /\| (match|\*\*missed\*\*( \(\d+% (below|above)\))?) \|/.test(l))).toHaveLength(10)
    expect(report).toContain("](validation-cumulative.svg)")
    expect(readFileSync(join(dir, "validation-cumulative.svg"), "utf8")).toMatch(/^<svg /)
  })

  it("report takes --quiet as every command does, and without a calibration record says only that it was given none", () => {
    const r = spsim("report", scenario("covid"), targets, "--replicates", "1", "--workers", "1", "--quiet")
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toBe("")
    expect(r.stdout).toMatch(/\*\*\d+ of 10 targets matched\*\*/)
    expect(r.stdout).toContain("No calibration record was given to this report, so it lists no calibrated parameters (`--calibration FILE`")
    expect(r.stdout).not.toContain("set by hand")
  })

  it("writes a calibrated scenario that validates, the weighted posterior and the record", () => {
    const dir = mkdtempSync(join(tmpdir(), "spsim-calibrate-"))
    const r = spsim("calibrate", scenario("ways-to-wellness"), targets, "--params", "wellbeing.gainEventsPerWeek", "--particles", "6", "--generations", "1",
      "--replicates", "1", "--out", dir, "--quiet")
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain("wellbeing.gainEventsPerWeek")
    expect(r.stdout).toMatch(/ABC-SMC over 1 parameter, 2 generations/)
    expect(spsim("validate", join(dir, "calibrated.json")).code).toBe(0)
    // The calibrated value states its source, so it does not count as changed with none.
    const provenance = JSON.parse(spsim("provenance", join(dir, "calibrated.json"), "--json").stdout)
    expect(provenance.summary.unsourced).toEqual([])
    expect(provenance.values.find((v: { path: string }) => v.path === "wellbeing.gainEventsPerWeek")).toMatchObject({ origin: "stated" })
    expect(provenance.values.find((v: { path: string }) => v.path === "wellbeing.gainEventsPerWeek").source).toMatch(/^calibrated to .* by spsim calibrate \(ABC-SMC, seed \d+\)/)
    const posterior = readFileSync(join(dir, "posterior.csv"), "utf8").trim().split("\n")
    expect(posterior[0]).toBe("particle,weight,distance,wellbeing.gainEventsPerWeek")
    expect(posterior.length).toBeGreaterThanOrEqual(4)
    const record = JSON.parse(readFileSync(join(dir, "calibration.json"), "utf8"))
    expect(record.command).toMatch(/^spsim calibrate .* --params wellbeing.gainEventsPerWeek --particles 6 /)
    expect(record.generations).toHaveLength(2)
    // The posterior carries into an ensemble.
    expect(spsim("run", scenario("ways-to-wellness"), "--replicates", "1", "--posterior", join(dir, "posterior.csv"), "--quiet").code).toBe(0)
    // The same calibration again from its record's priors on a scenario that has adopted another value: the same posterior.
    const adopted = join(dir, "adopted.json")
    writeFileSync(adopted, JSON.stringify({ extends: scenario("ways-to-wellness"), wellbeing: { gainEventsPerWeek: 0.2 } }))
    const again = join(dir, "again")
    const repeat = spsim("calibrate", adopted, targets, "--priors", join(dir, "calibration.json"), "--particles", "6", "--generations", "1",
      "--replicates", "1", "--out", again, "--quiet")
    expect(repeat.code, repeat.stderr).toBe(0)
    expect(readFileSync(join(again, "posterior.csv"), "utf8")).toBe(readFileSync(join(dir, "posterior.csv"), "utf8"))
    expect(JSON.parse(readFileSync(join(again, "calibration.json"), "utf8")).command).toContain(`--priors ${join(dir, "calibration.json")}`)
    expectRefusal(spsim("calibrate", scenario("ways-to-wellness"), targets, "--priors", join(dir, "calibration.json"), "--params", "wellbeing.gainEventsPerWeek"), "--priors and --params: expected one of them")
  }, 120_000)

  it("refuses a parameter that cannot be calibrated, with exit code 2", () => {
    expectRefusal(spsim("calibrate", scenario("ways-to-wellness"), targets, "--params", "population.ethnicGroups[].weight", "--particles", "4"), '--params: expected a single-valued numeric parameter (see docs/parameters.md), found "population.ethnicGroups[].weight"')
  })
})
