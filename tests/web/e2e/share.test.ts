/**
 * The share link reproduces the view, the explorer's numbers equal the CLI's for the same scenario and seed,
 * and the downloads are the CLI's files.
 */
import { execFileSync } from "node:child_process"
import { describe, expect, it } from "vitest"
import type { Page } from "playwright-core"
import { bandsHeader } from "../../../src/results/weeklyBands.ts"
import { weeklyColumns } from "../../../src/model/weekly.ts"
import { download, headlineMedians, openExplorer, setControl, useBrowser, waitForRun } from "./explorerPage.ts"

const replicates = 5
const browser = useBrowser()

describe("sharing and downloads", () => {
  it("gives the CLI's summary medians for the same scenario and seed", async () => {
    const { page, errors } = await openExplorer(browser.context, `#s=ways-to-wellness&n=${replicates}`, replicates)
    const summary = JSON.parse((await download(page, "summary")).text)
    const cli = JSON.parse(execFileSync("node", ["bin/spsim.mjs", "run", "scenarios/ways-to-wellness.json", "--replicates", String(replicates), "--workers", "1", "--json", "--quiet"], { encoding: "utf8" }))
    expect(summary.replicates).toBe(replicates)
    expect(summary.scenario).toEqual(cli.scenario)
    expect(Object.keys(summary.metrics).sort()).toEqual(Object.keys(cli.metrics).sort())
    // Same code, same seeds: equal up to the last bits (Chromium's V8 and Node's may round Math.pow/exp differently).
    const inexact: Array<string> = []
    for (const [name, band] of Object.entries<{ p50: number }>(cli.metrics)) {
      const mine = summary.metrics[name].p50
      expect(Math.abs(mine - band.p50), name).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(band.p50)))
      if (mine !== band.p50) inexact.push(name)
    }
    console.log(`explorer vs CLI: ${Object.keys(cli.metrics).length - inexact.length} medians identical, ${inexact.length} within 1e-12 (${inexact.join(", ")})`)
    expect(summary.notes).toEqual(cli.notes)
    expect(errors).toEqual([])
    await page.close()
  })

  it("reproduces a changed view from its URL, with identical numbers", async () => {
    const { page } = await openExplorer(browser.context, `#s=ways-to-wellness&n=${replicates}&c=hybrid`, replicates)
    await setControl(page, "linkWorkers.caseloadCapPerFte", 55)
    await waitForRun(page, replicates)
    const url = page.url()
    const shown = await headlineMedians(page)
    const contracts = await page.locator("table.contracts").textContent()
    await page.close()

    const again = await browser.context.newPage()
    await again.goto(url)
    await waitForRun(again, replicates)
    expect(await headlineMedians(again)).toEqual(shown)
    expect(await again.locator("table.contracts").textContent()).toBe(contracts)
    expect(await again.locator('.control[data-key="linkWorkers.caseloadCapPerFte"] input[type=number]').inputValue()).toBe("55")
    expect(await again.locator("#contract").inputValue()).toBe("hybrid")
    expect(await again.locator(".note").count()).toBe(0)
    await again.close()
  })

  it("warns when a link was made with another model version", async () => {
    const { page } = await openExplorer(browser.context, `#v=0.0.1&s=ways-to-wellness&n=2`, 2)
    expect(await page.locator(".note").textContent()).toContain("made with spsim 0.0.1")
    await page.close()
  })

  it("downloads the scenario, bands.csv with the CLI's columns, and prints a one-page summary", async () => {
    const { page } = await openExplorer(browser.context, `#s=high-caseload&n=3`, 3)
    const scenario = await download(page, "scenario")
    expect(scenario.name).toBe("high-caseload.json")
    const parsed = JSON.parse(scenario.text)
    expect(parsed.linkWorkers.posts).toBe(16)
    expect(parsed.linkWorkers.caseloadCapPerFte).toBe(130)
    const bands = (await download(page, "bands")).text.trimEnd().split("\n")
    expect(bands[0]).toBe(bandsHeader.join(","))
    expect(bands.length - 1).toBe(parsed.horizonWeeks * weeklyColumns.length)
    expect(bands[1].split(",").slice(0, 3)).toEqual(["0", weeklyColumns[0], "3"])
    // Every metric of each of the 3 replicates, long, as spsim run --out writes replicates.csv.
    const replicates = (await download(page, "replicates")).text.trimEnd().split("\n")
    expect(replicates[0]).toBe("replicate,metric,value")
    const rows = replicates.slice(1).map((l) => l.split(","))
    expect([...new Set(rows.map((r) => r[0]))]).toEqual(["0", "1", "2"])
    const people = rows.filter((r) => r[1] === "people").map((r) => Number(r[2]))
    expect(people).toHaveLength(3)
    for (const n of people) expect(Number.isInteger(n) && n > 0).toBe(true)
    expect(rows.some((r) => r[1] === "group.sex.female.engagedShare")).toBe(true)
    // The printed summary is one landscape page with the figures and every chart, without the controls.
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString("latin1")
    expect(pdf.match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1)
    await page.emulateMedia({ media: "print" })
    expect(await page.locator(".controls-host").isVisible()).toBe(false)
    expect(await page.locator("figure.chart").first().isVisible()).toBe(true)
    // Outcomes by group are on the page for researchers, not in the one-page summary.
    expect(await page.locator("#chart-groupStar").isVisible()).toBe(false)
    expect(await page.locator("table.contracts").isVisible()).toBe(true)
    // With all the CLI's rows: the intervals (beside their medians) and today's money.
    expect(await page.locator('table.contracts tr[data-figure="providerMinCash"] td .spread').first().isVisible()).toBe(true)
    expect(await page.locator('table.contracts tr[data-figure="costPerStarPointPv"]').isVisible()).toBe(true)
    await page.close()
  })
})
