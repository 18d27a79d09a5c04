/** How figures are shown: formats inferred from metric names, and chances shown as their mean over replicates. */
import { describe, expect, it } from "vitest"
import { centralValue, formatDifference, formatMetric, formatOf, pairedCondition, wrapText } from "../../src/cli/format.ts"
import { contractsTable, groupsTable } from "../../src/cli/headline.ts"
import { chanceInterval } from "../../src/results/summary.ts"
import type { SummaryDocument } from "../../src/results/document.ts"
import { runReplicates, shippedScenario } from "../support/scenarios.ts"

describe("formats", () => {
  it("follow the metric's name", () => {
    expect(formatOf("engagedShare")).toBe("share")
    expect(formatOf("outcomes.investorIrr")).toBe("share")
    expect(formatOf("outcomes.capReachedChance")).toBe("share")
    expect(formatOf("outcomes.investorLossChance")).toBe("share")
    expect(formatOf("outcomes.capReachedWeek")).toBe("week")
    expect(formatOf("meanWaitWeeks")).toBe("weeks")
    expect(formatOf("outcomes.commissionerOutlay")).toBe("gbp")
    expect(formatMetric("outcomes.capReachedChance", 0.35)).toBe("35.0%")
  })

  it("give every metric a replicate yields a format that fits it", () => {
    const [r] = runReplicates(shippedScenario(), 1)
    const formats = Object.fromEntries(Object.keys(r.metrics).map((k) => [k, formatOf(k)]))
    // Shares named with what they are a share of, overall and by group, are shares (not money).
    expect(formats["secondaryCareSavingShareEngaged"]).toBe("share")
    expect(formats["group.sex.female.secondaryCareSavingShareEngaged"]).toBe("share")
    expect(formatMetric("secondaryCareSavingShareEngaged", 0.27)).toBe("27.0%")
    // Levels that are not whole numbers.
    expect(formats["meanLinkWorkersFte"]).toBe("decimal")
    expect(formats["starBaselineMean"]).toBe("decimal")
    expect(formats["meanCaseloadPerFte"]).toBe("decimal")
    for (const [k, f] of Object.entries(formats)) {
      if (/Share|Chance$|Irr$/.test(k)) expect(f, k).toBe("share")
      else if (/[Ss]aving|[Cc]ost|Payments|Outlay|Cash/.test(k)) expect(f, k).toBe("gbp")
      // Whatever else is money or a share is named so; a figure left as a count is a number of people or events.
      if (f === "count") expect(k, k).toMatch(/^(people|referrals|reEntries|engaged|neverEngaged|disengaged|discharged|extensions|ongoingAtEnd|peakWaiting|meanWaiting|meanActive|linkWorkerLeavers|handovers|setbacks|onwardReferral|starReviewed|group\..*\.people$)/)
    }
  })

  it("give a difference of two weeks of the contract as a signed number of weeks, not as a week", () => {
    expect(formatDifference("outcomes.capReachedWeek", 91)).toBe("+91.0 wk")
    expect(formatDifference("outcomes.capReachedWeek", 85.6)).toBe("+85.6 wk")
    expect(formatDifference("outcomes.capReachedWeek", -12.25)).toBe("-12.3 wk")
    expect(formatDifference("outcomes.capReachedWeek", -0.01)).toBe("0.0 wk")
    expect(formatDifference("outcomes.capReachedWeek", 0)).toBe("0.0 wk")
    expect(formatDifference("outcomes.capReachedWeek", Number.NaN)).toBe("NaN")
    // Others as before: shares and chances in percentage points, the rest as the figure.
    expect(formatDifference("outcomes.capReachedChance", -0.5)).toBe("-50.0 pp")
    expect(formatDifference("meanWaitWeeks", -10.6)).toBe("-10.6 wk")
    expect(formatDifference("outcomes.npvCommissioner", 1.07e6)).toBe("£1.07m")
    expect(pairedCondition("hybrid.capReachedWeek")).toBe("reach the cap")
    expect(pairedCondition("group.sex.male.starChangeMean")).toBe("have the figure")
  })

  it("never show a minus on a figure that rounds to zero", () => {
    expect(formatMetric("outcomes.outcomePayments", -1e-9)).toBe("£0")
    expect(formatMetric("outcomes.outcomePayments", -0.4)).toBe("£0")
    expect(formatMetric("outcomes.outcomePayments", -0.6)).toBe("-£1")
    expect(formatMetric("outcomes.outcomePayments", -2.5e6)).toBe("-£2.50m")
    expect(formatMetric("engagedShare", -1e-6)).toBe("0.0%")
    expect(formatMetric("meanWaitWeeks", -0.01)).toBe("0.0 wk")
    expect(formatMetric("starChangeMean", -0.001)).toBe("+0.00")
    expect(formatMetric("starChangeMean", -0.25)).toBe("-0.25")
    expect(formatMetric("engaged", -0.2)).toBe("0")
  })

  it("show a chance's mean (the share of replicates where it happened) and every other figure's median", () => {
    const band = { mean: 0.35, p05: 0, p50: 0, p95: 1 }
    expect(centralValue("outcomes.capReachedChance", band)).toBe(0.35)
    const week = { mean: 270, p05: 260, p50: 272, p95: 275 }
    expect(centralValue("outcomes.capReachedWeek", week)).toBe(272)
  })

  it("in the CLI's contracts table", () => {
    const summary = {
      contracts: ["outcomes", "blockGrant"],
      replicates: 20,
      metrics: {
        "outcomes.capReachedWeek": { mean: 270, p05: 260, p50: 272, p95: 275, replicates: 7 },
        "outcomes.capReachedChance": { mean: 0.35, p05: 0, p50: 0, p95: 1, ...chanceInterval(0.35, 20) },
        "outcomes.investorLossChance": { mean: 0.1, p05: 0, p50: 0, p95: 1 },
        "blockGrant.npvGainOverFirst": { mean: 1.1e6, p05: 0.9e6, p50: 1.07e6, p95: 1.3e6 },
        "blockGrant.betterValueThanFirstChance": { mean: 0.9, p05: 0, p50: 1, p95: 1, ...chanceInterval(0.9, 20) }
      }
    } as unknown as SummaryDocument
    const lines = contractsTable(summary).split("\n")
    const row = (label: string) => lines.find((l) => l.startsWith(label))?.split(/\s{2,}/).slice(1)
    expect(row("Outcome cap reached")).toEqual(["week 272 (7/20)", "-"])
    // With the chance's 95% interval when the summary has it (every summary spsim makes does).
    expect(row("Chance the cap is reached")).toEqual(["35.0% (18–57%)", "-"])
    expect(row("Chance the investor loses capital")).toEqual(["10.0%", "-"])
    // Against the first contract, named: the first has nothing to compare with.
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}gain over outcomes \(same people\)\s+-\s+£1\.07m$/))
    // The paired difference's own spread over replicates, and the weeks the cap is reached in the replicates that reach it.
    const below = (label: string) => lines[lines.findIndex((l) => l.trimStart().startsWith(label)) + 1].split(/\s{2,}/).filter((x) => x !== "")
    expect(below("gain over outcomes")).toEqual(["90% interval", "-", "£900,000 – £1.30m"])
    expect(below("Outcome cap reached")).toEqual(["90% interval", "week 260 – week 275", "-"])
    expect(row("Chance of better value than outcomes")).toEqual(["-", "90.0% (70–97%)"])
  })

  it("give the main money figures' 90% interval on the row beneath (and the cap's week and the gain over the first contract), and only theirs", () => {
    const summary = {
      contracts: ["outcomes", "blockGrant"],
      replicates: 20,
      metrics: {
        "outcomes.investorIrr": { mean: 0.15, p05: 0.12, p50: 0.156, p95: 0.18 },
        "outcomes.providerMinCash": { mean: -2.8e5, p05: -3.1e5, p50: -2.8e5, p95: -2.5e5 },
        "blockGrant.providerMinCash": { mean: -2.8e5, p05: -2.9e5, p50: -2.8e5, p95: -2.7e5 },
        "outcomes.costPerEngaged": { mean: 1228, p05: 1100, p50: 1228, p95: 1300 }
      }
    } as unknown as SummaryDocument
    const lines = contractsTable(summary).split("\n")
    const below = (label: string) => lines[lines.findIndex((l) => l.startsWith(label)) + 1].split(/\s{2,}/).filter((x) => x !== "")
    expect(below("Investor IRR")).toEqual(["90% interval", "12.0% – 18.0%", "-"])
    expect(below("Provider lowest cash")).toEqual(["90% interval", "-£310,000 – -£250,000", "-£290,000 – -£270,000"])
    expect(below("Cost per person engaged")[0]).not.toBe("90% interval")
    expect(lines.filter((l) => l.trim().startsWith("90% interval"))).toHaveLength(7)
  })

  it("in the CLI's groups table: each group's median and, on the row beneath, its 90% interval, within 100 columns", () => {
    const band = (p05: number, p50: number, p95: number, replicates?: number) => ({ mean: p50, p05, p50, p95, ...(replicates === undefined ? {} : { replicates }) })
    const metrics: Record<string, ReturnType<typeof band>> = {}
    const measures = {
      people: [3100, 3300, 3500],
      engagedShare: [0.741, 0.762, 0.779],
      disengagedShare: [0.163, 0.176, 0.19],
      starChangeMean: [2.68, 2.9, 3.04],
      onwardReferralFailureShare: [0.185, 0.249, 0.28],
      secondaryCareSavingShareEngaged: [0.268, 0.272, 0.277]
    }
    for (const group of ["anxietyOrDepression", "neither"]) {
      for (const [measure, [p05, p50, p95]] of Object.entries(measures)) metrics[`group.mentalHealth.${group}.${measure}`] = band(p05, p50, p95)
    }
    // A small group with no onward referral in some replicates: its figure is over the replicates that have one.
    metrics["group.ethnicity.Black.people"] = band(409, 431, 479)
    metrics["group.ethnicity.Black.onwardReferralFailureShare"] = band(0.299, 0.375, 0.397, 17)
    const summary = { contracts: [], replicates: 20, metrics: { engaged: band(8000, 8300, 8600), ...metrics } } as unknown as SummaryDocument
    const text = groupsTable(summary)
    const lines = text.split("\n")
    const cells = (line: string) => line.split(/\s{2,}/).filter((x) => x !== "")
    // Two tables of three measures each, a group's row of medians and its row of intervals beneath.
    const rowsOf = (label: string) => lines.flatMap((l, i) => (l.startsWith(label) ? [[cells(l), cells(lines[i + 1])]] : []))
    expect(rowsOf("mentalHealth: neither")).toEqual([
      [["mentalHealth: neither", "3,300", "76.2%", "17.6%"], ["90% interval", "3,100 – 3,500", "74.1% – 77.9%", "16.3% – 19.0%"]],
      [["mentalHealth: neither", "+2.90", "24.9%", "27.2%"], ["90% interval", "+2.68 – +3.04", "18.5% – 28.0%", "26.8% – 27.7%"]]
    ])
    // A group without a measure shows "-", and one over fewer replicates says how many, with a note saying what that is.
    expect(rowsOf("ethnicity: Black")).toEqual([
      [["ethnicity: Black", "431", "-", "-"], ["90% interval", "409 – 479", "-", "-"]],
      [["ethnicity: Black", "-", "37.5% (17/20)", "-"], ["90% interval", "-", "29.9% – 39.7%", "-"]]
    ])
    expect(text).toContain("(k/n): over the k of n replicates that have the figure.")
    // The note says what the interval is and what overlapping intervals do not show.
    const prose = lines.join(" ")
    expect(prose).toContain("90% interval: the 5th to 95th percentile of the group's figure over replicates")
    expect(prose).toContain("Two groups' intervals that overlap do not by themselves show that the groups do not differ")
    expect(prose).toContain("spsim compare --metric group.<dimension>.<group>.<measure> gives each group's paired difference")
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(100)
    // Every replicate with every measure: no (k/n) and no note about it.
    const whole = groupsTable({ ...summary, metrics: { ...metrics, "group.ethnicity.Black.onwardReferralFailureShare": band(0.299, 0.375, 0.397) } })
    expect(whole).not.toContain("(k/n)")
    expect(whole).not.toContain("/20)")
  })

  it("wrap notes at spaces to a width", () => {
    expect(wrapText("one two three four", 9)).toEqual(["one two", "three", "four"])
    expect(wrapText("  a  b ", 80)).toEqual(["a b"])
    expect(wrapText("averyveryverylongword x", 5)).toEqual(["averyveryverylongword", "x"])
    expect(wrapText("", 10)).toEqual([])
  })
})
