/** The explorer's contracts table has the CLI's rows, in the CLI's words, with the main money figures' 90% interval. */
import { describe, expect, it } from "vitest"
import { contractRows, contractsTable as cliContractsTable } from "../../src/cli/headline.ts"
import type { SummaryDocument } from "../../src/results/document.ts"
import { type Band, chanceInterval, isChance } from "../../src/results/summary.ts"
import { defaultCompareMetrics, defaultSweepMetrics } from "../../src/analysis/defaultMetrics.ts"
import { contractTableRows, headlineFigures, metricLabel } from "../../web/src/views/headline.ts"
import { shippedScenario } from "../support/scenarios.ts"
import type { ExplorerSummary } from "../../web/src/summary.ts"

const contracts = ["outcomes", "blockGrant"]
const replicates = 20

/** Every contract figure for both contracts (no investor for blockGrant), each band distinct. */
const metrics = (): Record<string, Band> => {
  const out: Record<string, Band> = {}
  contractRows.forEach(([, figure], i) => {
    contracts.forEach((c, j) => {
      const metric = `${c}.${figure}`
      if (c === "blockGrant" && figure.startsWith("investor")) return
      if (j === 0 && (figure === "npvGainOverFirst" || figure === "betterValueThanFirstChance")) return
      const p50 = isChance(metric) ? 0 : figure === "investorIrr" ? 0.15 : 1000 * (i + 1) * (j + 2)
      const mean = isChance(metric) ? 0.35 : p50
      out[metric] = { mean, p05: p50 * 0.9, p50, p95: p50 * 1.1, ...(isChance(metric) ? chanceInterval(mean, replicates) : {}) }
    })
  })
  return out
}

const summaryOf = (m: Record<string, Band>): ExplorerSummary => ({
  scenario: "test", startDate: "2015-04-01", replicates,
  contracts: contracts.map((name) => ({ name, capTotal: undefined, payers: [], financed: name === "outcomes" })),
  metrics: m, weekly: {}, quarterly: {}, starChange: undefined
})

describe("the explorer's contracts table", () => {
  it("shows the CLI's contracts table, row for row and cell for cell, each 90% interval beneath its median", () => {
    const m = metrics()
    const cli = cliContractsTable({ contracts, replicates, metrics: m } as unknown as SummaryDocument)
      .split("\n").slice(1).map((line) => line.trim().split(/\s{2,}/))
    const page = contractTableRows(summaryOf(m)).flatMap((row) => [
      [row.label, ...row.cells.map((c) => c.central)],
      ...(row.spread ? [["90% interval", ...row.cells.map((c) => c.interval ?? "-")]] : [])
    ])
    expect(page).toEqual(cli)
  })

  it("has the intervals, the discounted rows and the cost per Star point gained", () => {
    const rows = contractTableRows(summaryOf(metrics()))
    expect(rows.filter((r) => r.spread).map((r) => r.figure)).toEqual(["commissionerOutlay", "capReachedWeek", "providerMinCash", "providerCashNeed", "investorIrr", "npvCommissioner", "npvGainOverFirst"])
    const at = (figure: string) => rows.findIndex((r) => r.figure === figure)
    for (const [figure, pv] of [["commissionerOutlay", "commissionerOutlayPv"], ["costPerEngaged", "costPerEngagedPv"], ["costPerStarPoint", "costPerStarPointPv"]]) {
      expect(at(pv), pv).toBe(at(figure) + 1)
      expect(rows[at(pv)]).toMatchObject({ label: "in today's money (discounted)", sub: true, spread: false })
    }
    expect(rows[at("costPerStarPoint")]).toMatchObject({ label: "Cost per Star point gained", sub: false })
    const outlay = rows[at("commissionerOutlay")]
    expect(outlay.label).toBe("Total paid by commissioners")
    // Each interval in the figure's own format: money, and the investor's IRR as a share.
    expect(outlay.cells.map((c) => c.interval)).toEqual(["£1,800 – £2,200", "£2,700 – £3,300"])
    expect(rows[at("investorIrr")].cells).toEqual([{ central: "15.0%", interval: "13.5% – 16.5%" }, { central: "-" }])
    // Only those seven give one.
    expect(rows.filter((r) => !r.spread).every((r) => r.cells.every((c) => c.interval === undefined))).toBe(true)
  })

  it("names the first contract, says how many replicates a figure exists in, and gives a chance with its interval", () => {
    const m = metrics()
    m["outcomes.capReachedWeek"] = { mean: 270, p05: 260, p50: 272, p95: 275, replicates: 7 }
    const rows = contractTableRows(summaryOf(m))
    const row = (figure: string) => rows.find((r) => r.figure === figure)!
    expect(row("npvGainOverFirst")).toMatchObject({ label: "gain over outcomes (same people)", sub: true })
    expect(row("npvGainOverFirst").cells[0].central).toBe("-")
    expect(row("betterValueThanFirstChance").label).toBe("Chance of better value than outcomes")
    expect(row("capReachedWeek").cells[0].central).toBe("week 272 (7 of 20)")
    expect(row("capReachedChance").cells[0].central).toBe("35.0% (18–57%)")
  })
})

describe("a metric's label", () => {
  it("is the headline table's label, or the contract's figure as the contracts table labels it", () => {
    for (const [metric, label] of headlineFigures) expect(metricLabel(metric)).toBe(label)
    expect(metricLabel("outcomes.costPerEngaged")).toBe("outcomes contract: Cost per person engaged")
    // A row that belongs to the one above is named with it.
    expect(metricLabel("outcomes.outcomePayments")).toBe("outcomes contract: Total paid by commissioners, of which outcome payments")
    expect(metricLabel("hybrid.npvGainOverFirst", "outcomes")).toBe("hybrid contract: NPV to commissioner (saving - payments), gain over outcomes (same people)")
    // A figure the CLI's headline shows and the page's does not: the CLI's label.
    expect(metricLabel("onwardReferralFailureShare")).toBe("Onward referrals failed")
    // Figures neither table shows: the key in words.
    expect(metricLabel("engaged")).toBe("Engaged")
    expect(metricLabel("setbacks")).toBe("Setbacks")
    // A family of the model's own figures is not a contract's.
    expect(metricLabel("onwardReferrals.physicalActivity")).toBe("Onward referrals: physical activity")
    expect(metricLabel("secondaryCareSaving.admissions")).toBe("Hospital cost saving: admissions")
  })

  it("names every figure the compare table and the analysis offer in words, not as its key", () => {
    const wtw = shippedScenario()
    const offered = [...defaultCompareMetrics([wtw]), ...defaultSweepMetrics(wtw), `${wtw.contracts[0].name}.commissionerNetCost`]
    // (A contract's name is the scenario's own, e.g. blockGrant: the figure's words follow it.)
    for (const metric of offered) expect(metricLabel(metric, wtw.contracts[0].name).replace(/^\S+ contract: /, ""), metric).not.toMatch(/[a-z][A-Z]|\.[a-z]/)
  })
})
