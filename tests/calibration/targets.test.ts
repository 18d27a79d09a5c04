/** A targets file is checked against its scenario before anything runs: a name or date it cannot measure is bad input. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as NodeServices from "@effect/platform-node/NodeServices"
import { Cause, Effect, Exit, Option, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { loadTargets, type Target, targetProblems, Targets } from "../../src/calibration/targets.ts"
import { shippedScenario } from "../support/scenarios.ts"

const root = new URL("../../", import.meta.url)
const shippedTargets = (): Targets =>
  Schema.decodeUnknownSync(Targets)(JSON.parse(readFileSync(new URL("calibration/ways-to-wellness.targets.json", root), "utf8")))

const common = { published: 1, low: 0, high: 2, source: "s", confidence: "low" } as const
const targetsOf = (...targets: Array<Target>): Targets => ({ name: "t", description: "", targets })
const metric = (name: string): Target => ({ kind: "metric", name, metric: name, ...common })
const cumulative = (series: string, date = "2016-01-01"): Target => ({ kind: "cumulative", name: series, series, date, ...common })
const level = (series: string, date = "2016-01-01"): Target => ({ kind: "level", name: series, series, date, ...common })

describe("targetProblems", () => {
  const scenario = shippedScenario()

  it("finds none in the shipped Ways to Wellness targets, nor in a target on any weekly series or a contract's figure", () => {
    expect(targetProblems(shippedTargets(), scenario)).toEqual([])
    expect(targetProblems(shippedTargets(), shippedScenario("covid"))).toEqual([])
    expect(targetProblems(targetsOf(metric("outcomes.outcomePayments"), metric("hybrid.npvGainOverFirst"), metric("group.sex.female.engagedShare"), cumulative("hires"), level("starReviewedToDate", "2022-03-22")), scenario)).toEqual([])
  })

  it("names an unknown weekly series by its path, with the valid names or the one meant", () => {
    expect(targetProblems(targetsOf(metric("engaged"), cumulative("nosuch")), scenario)).toEqual([{
      path: "targets[1].series",
      expected: expect.stringMatching(/^expected a weekly series \(a column of weekly\.csv\): one of referred, newPeople, .*, starChangeMeanToDate, secondaryCareCost, comparisonSecondaryCareCost$/),
      found: '"nosuch"'
    }])
    expect(targetProblems(targetsOf(level("engagednew"), cumulative("refered")), scenario)).toEqual([
      { path: "targets[0].series", expected: 'expected a weekly series (a column of weekly.csv; did you mean "engagedNew"?)', found: '"engagednew"' },
      { path: "targets[1].series", expected: 'expected a weekly series (a column of weekly.csv; did you mean "referred"?)', found: '"refered"' }
    ])
  })

  it("names an unknown metric by its path, with the names it could be: a close one, those of its family, or every name and family", () => {
    const [typo, unknown, contract, group, noCap] = targetProblems(targetsOf(
      metric("engagedshare"), metric("nosuchMetric"), metric("outcomes.nope"), metric("group.nope.x.engagedShare"), metric("blockGrant.capReachedWeek")
    ), scenario)
    expect(typo).toEqual({ path: "targets[0].metric", expected: `expected a metric (a name in this scenario's summary.json; did you mean "engagedShare"?)`, found: '"engagedshare"' })
    expect(unknown.path).toBe("targets[1].metric")
    expect(unknown.found).toBe('"nosuchMetric"')
    expect(unknown.expected).toMatch(/^expected a metric \(a name in this scenario's summary\.json\): one of people, referrals, .*, group\.…, .*outcomes\.…, blockGrant\.…/)
    expect(contract.expected).toMatch(/: under "outcomes\.", one of outcomes\.outcomePaymentsByMetric\.wellbeing, .*outcomes\.outcomePayments, /)
    expect(group.expected).toContain('under "group.", one of group.ageBand.…, group.sex.…, group.ethnicity.…')
    // A figure the contract cannot have: no total cap.
    expect(noCap.path).toBe("targets[4].metric")
    expect(noCap.expected).toContain('under "blockGrant.", one of blockGrant.outcomePayments')
    expect(noCap.expected).not.toContain("capReached")
  })

  it("refuses a contract's figure on a scenario without that contract", () => {
    const [problem] = targetProblems(targetsOf(metric("outcomes.outcomePayments")), { ...scenario, contracts: [] })
    expect(problem.path).toBe("targets[0].metric")
  })

  it("refuses a date outside the scenario's horizon, and a range whose high is below its low", () => {
    expect(targetProblems(targetsOf(
      level("referred", "2015-03-31"), cumulative("referred", "2022-03-23"), { ...metric("engaged"), low: 5, high: 4 }
    ), scenario)).toEqual([
      { path: "targets[0].date", expected: "expected a date within the scenario's 364 weeks, 2015-04-01 to 2022-03-22", found: '"2015-03-31"' },
      { path: "targets[1].date", expected: "expected a date within the scenario's 364 weeks, 2015-04-01 to 2022-03-22", found: '"2022-03-23"' },
      { path: "targets[2].high", expected: "expected a number at least low (5)", found: "4" }
    ])
  })
})

describe("loadTargets", () => {
  const scenario = shippedScenario()
  const load = async (targets: unknown) => {
    const file = join(mkdtempSync(join(tmpdir(), "spsim-targets-")), "bad.targets.json")
    writeFileSync(file, JSON.stringify(targets))
    const exit = await Effect.runPromise(Effect.exit(loadTargets(file, scenario).pipe(Effect.provide(NodeServices.layer))))
    const error = Exit.isFailure(exit) ? Option.getOrUndefined(Cause.findErrorOption(exit.cause)) : undefined
    return { file, error: error as { readonly _tag: string; readonly render: () => string } | undefined }
  }

  it("fails with every problem as bad scenario-style input, naming the file and each path", async () => {
    const doc = shippedTargets()
    const { error, file } = await load({ ...doc, targets: doc.targets.map((t, i) => (i === 1 ? { ...t, series: "nosuch" } : i === 5 ? { ...t, metric: "nosuchMetric" } : t)) })
    // The tag the command line reports as bad input (exit code 2).
    expect(error?._tag).toBe("ScenarioInvalid")
    const lines = error!.render().split("\n")
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(new RegExp(`^${file.replace(/[.\\]/g, "\\$&")}: at targets\\[1\\]\\.series: expected a weekly series \\(a column of weekly\\.csv\\): one of referred, .*, found "nosuch"$`))
    expect(lines[1]).toMatch(/: at targets\[5\]\.metric: expected a metric \(a name in this scenario's summary\.json\): one of people, .*, found "nosuchMetric"$/)
  })

  it("refuses a date the calendar lacks when it decodes the file", async () => {
    const doc = shippedTargets()
    const { error } = await load({ ...doc, targets: [{ ...cumulative("referred"), date: "2020-02-30" }] })
    expect(error?._tag).toBe("ScenarioInvalid")
    expect(error!.render()).toMatch(/: at targets\[0\]\.date: expected a day the calendar has \(month 01-12, and no 30 February\), found "2020-02-30"$/)
  })

  it("reports a file the schema refuses as before, and passes a good one", async () => {
    const { error } = await load({ name: "t", description: "", targets: [{ kind: "metric", name: "x", metric: "engaged", published: 1, low: 0, high: 2, confidence: "low" }] })
    expect(error?._tag).toBe("ScenarioInvalid")
    expect(error!.render()).toContain("at targets[0].source: ")
    expect((await load(shippedTargets())).error).toBeUndefined()
  })
})
