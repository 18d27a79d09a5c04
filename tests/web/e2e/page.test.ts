/** The explorer opens cleanly, runs the default scenario, draws every chart, and answers its controls. */
import { beforeAll, describe, expect, it } from "vitest"
import { contractFigure, headlineMedians, openExplorer, type OpenPage, setControl, useBrowser, waitForRun } from "./explorerPage.ts"

const replicates = 6
const browser = useBrowser()
let opened: OpenPage

beforeAll(async () => {
  opened = await openExplorer(browser.context, `#s=ways-to-wellness&n=${replicates}`, replicates)
})

describe("the explorer page", () => {
  it("loads with no console errors and runs the default scenario", async () => {
    const { page, errors } = opened
    expect(errors).toEqual([])
    expect(await page.locator("#status").textContent()).toContain(`ways-to-wellness: ${replicates} of ${replicates} replicates`)
  })

  it("refers to its assets by relative paths, so it works from any folder of a static host", async () => {
    const refs = await opened.page.$$eval("script[src], link[href]", (els) => els.map((e) => e.getAttribute("src") ?? e.getAttribute("href") ?? ""))
    expect(refs.length).toBeGreaterThan(1)
    for (const ref of refs) expect(ref, ref).toMatch(/^(\.\/|data:)/)
  })

  it("draws every main chart as an SVG from all the replicates", async () => {
    const charts = await opened.page.$$eval("figure.chart", (figures) =>
      figures.map((f) => ({ id: (f as HTMLElement).dataset.chart, svgs: f.querySelectorAll("svg").length, paths: f.querySelectorAll("svg path, svg rect, svg circle").length })))
    expect(charts.map((c) => c.id)).toEqual(["caseload", "workforce", "funnel", "exitReasons", "starChange", "hospitalCost", "payments", "contracts", "cash", "groupShares", "groupStar"])
    for (const c of charts) {
      expect(c.svgs, c.id).toBeGreaterThan(0)
      expect(c.paths, c.id).toBeGreaterThan(2)
    }
  })

  it("gives each part of the results a heading, in order, each part a region named by it", async () => {
    const { page } = opened
    const headings = (root: string) => page.$$eval(`${root} :is(h1, h2, h3, h4, h5, h6)`, (hs) => hs.map((h) => `${h.tagName.toLowerCase()} ${h.textContent}`))
    const charts = await page.$$eval("figure.chart figcaption h3", (hs) => hs.map((h) => `h3 ${h.textContent}`))
    expect(charts).toHaveLength(11)
    expect(charts[0]).toBe("h3 Active caseload and waiting list")
    expect(await headings("main")).toEqual([
      "h2 Headline figures", "h2 Contracts",
      "h2 Charts", ...charts,
      "h2 Caseload sweep and tornado", "h3 Caseload sweep", "h3 Tornado"
    ])
    // The whole page: one h1, and no level skipped on the way down.
    const levels = (await headings("body")).map((h) => Number(h[1]))
    expect(levels[0]).toBe(1)
    expect(levels.filter((l) => l === 1)).toHaveLength(1)
    levels.forEach((l, i) => expect(l - (levels[i - 1] ?? 0), `heading ${i}`).toBeLessThanOrEqual(1))
    // Each part is a region a screen reader lists by its heading (or its own name).
    const regions = await page.$$eval("main section[aria-labelledby], main section[aria-label]", (sections) => sections.map((s) =>
      s.getAttribute("aria-label") ?? document.getElementById(s.getAttribute("aria-labelledby") ?? "")?.textContent ?? "(unnamed)"))
    expect(regions).toEqual(["Headline figures", "Contracts", "Charts", "Sweep and tornado", "Caseload sweep", "Tornado"])
    // The tables are under their headings.
    expect(await page.locator("section.headline-figures table.figures").count()).toBe(1)
    expect(await page.locator("section.contracts-figures table.contracts").count()).toBe(1)
  })

  it("labels every control and flags assumed values", async () => {
    const unlabelled = await opened.page.$$eval(".controls input, .controls select", (inputs) =>
      inputs.filter((i) => i.getAttribute("aria-label") === null && document.querySelector(`label[for="${i.id}"]`) === null).length)
    expect(unlabelled).toBe(0)
    const caseload = opened.page.locator('.control[data-key="linkWorkers.caseloadCapPerFte"]')
    expect(await caseload.locator("label").textContent()).toContain("people per FTE")
    expect(await caseload.locator(".badge").textContent()).toBe("assumed")
    expect(await caseload.locator(".help").textContent()).toMatch(/Range 1 to 1,000 people per FTE\. Source: none published \(assumed\)/)
    const turnover = opened.page.locator('.control[data-key="linkWorkers.turnoverPerYear"]')
    expect(await turnover.locator(".badge").count()).toBe(0)
    expect(await caseload.locator(".badge").getAttribute("title")).toBe("Confidence: assumed (nothing published). Source: none published, for the Ways to Wellness default's value.")
    expect(await opened.page.locator("#provenance-count").textContent()).toMatch(/^\d+ of \d+ values are assumed \(nothing published\); none changed here or in the file with no source given\.$/)
  })

  it("gives each headline median its Monte Carlo error on hover", async () => {
    const title = await opened.page.locator('table.figures tr[data-metric="starChangeMean"] td').first().getAttribute("title")
    expect(title).toMatch(/^95% interval of the median itself \(Monte Carlo error; more replicates narrow it\): \+\d\.\d\d – \+\d\.\d\d$/)
    // And how wide those are, under the table's title.
    const precision = await opened.page.locator("table.figures caption .precision").first().textContent()
    expect(precision).toMatch(new RegExp(`^Monte Carlo error: with ${replicates} replicates a median's own 95% interval \\(p50Low to p50High in summary.json\\) is typically \\d+% as wide as its 90% interval`))
  })

  it("shows the CLI's contracts rows: the main money figures' 90% intervals, today's money and cost per Star point", async () => {
    const { page } = opened
    const label = (figure: string) => page.locator(`table.contracts tr[data-figure="${figure}"] th`).textContent()
    expect(await label("commissionerOutlay")).toBe("Total paid by commissioners90% interval")
    expect(await contractFigure(page, "outcomes", "commissionerOutlay", "interval")).toMatch(/^£\d+\.\d\dm – £\d+\.\d\dm$/)
    expect(await contractFigure(page, "blockGrant", "providerMinCash", "interval")).toMatch(/^-?£[\d,.]+m? – -?£[\d,.]+m?$/)
    expect(await contractFigure(page, "outcomes", "investorIrr", "interval")).toMatch(/^-?\d+\.\d% – -?\d+\.\d%$/)
    expect(await contractFigure(page, "hybrid", "npvCommissioner", "interval")).toMatch(/^-?£/)
    expect(await page.locator("table.contracts th .spread").count()).toBe(7)
    for (const figure of ["commissionerOutlayPv", "costPerEngagedPv", "costPerStarPointPv"]) expect(await label(figure)).toBe("in today's money (discounted)")
    expect(await label("costPerStarPoint")).toBe("Cost per Star point gained")
    expect(await contractFigure(page, "feeForService", "costPerStarPointPv")).toMatch(/^£[\d,]+$/)
    // The working capital the provider needs whatever the financing, and, under the table, what the comparison rests on.
    expect(await label("providerCashNeed")).toBe("Working capital the provider needs90% interval")
    expect(await contractFigure(page, "outcomes", "providerCashNeed")).toMatch(/^£[\d,.]+m?$/)
    const note = await page.locator(".contracts-figures .contracts-note").textContent()
    expect(note).toContain("Every contract pays for the same simulated service")
    expect(note).toContain("The provider's income does not cover its costs under feeForService")
  })

  it("reruns when the caseload cap moves, and the results change", async () => {
    const { page } = opened
    const before = await headlineMedians(page)
    await setControl(page, "linkWorkers.caseloadCapPerFte", 40)
    await waitForRun(page, replicates)
    const after = await headlineMedians(page)
    expect(after.meanWaitWeeks).not.toBe(before.meanWaitWeeks)
    expect(Number.parseFloat(after.meanWaitWeeks)).toBeGreaterThan(Number.parseFloat(before.meanWaitWeeks))
    expect(page.url()).toContain("d=")
  })

  it("moves a slider from the keyboard", async () => {
    const { page } = opened
    const slider = page.locator('.control[data-key="linkWorkers.turnoverPerYear"] input[type=range]')
    await slider.focus()
    const before = await page.locator('.control[data-key="linkWorkers.turnoverPerYear"] input[type=number]').inputValue()
    await page.keyboard.press("ArrowRight")
    await page.waitForSelector('#status[data-done="false"]')
    await waitForRun(page, replicates)
    const after = await page.locator('.control[data-key="linkWorkers.turnoverPerYear"] input[type=number]').inputValue()
    expect(Number(after)).toBeGreaterThan(Number(before))
    // Changed from the default with no source given: now assumed, and counted (with the caseload cap changed before).
    const badge = page.locator('.control[data-key="linkWorkers.turnoverPerYear"] .badge')
    expect(await badge.textContent()).toBe("assumed")
    expect(await badge.getAttribute("title")).toMatch(/^Confidence: assumed \(nothing published\)\. Differs from the Ways to Wellness default \([\d.]+\), with no source given\.$/)
    expect(await page.locator("#provenance-count").textContent()).toMatch(/; 2 changed here or in the file with no source given\.$/)
    // The slider keeps the focus: the marks change in place.
    expect(await slider.evaluate((el) => el === document.activeElement)).toBe(true)
  })

  it("shows a value out of range beside its control and does not run it", async () => {
    const { page } = opened
    await setControl(page, "linkWorkers.caseloadCapPerFte", 5000)
    const problem = page.locator('.control[data-key="linkWorkers.caseloadCapPerFte"] .problem').first()
    expect(await problem.textContent()).toContain("expected a value between 1 and 1000")
    expect(await page.locator("#status").getAttribute("data-done")).toBe("true")
  })

  it("types an austerity schedule over the years, and shows a bad point beside its editor", async () => {
    const { page } = opened
    const funding = page.locator('.schedule[data-key="communityServices.funding"]')
    await funding.evaluate((el) => el.closest("details")?.setAttribute("open", ""))
    const badge = funding.locator(".badge")
    expect(await badge.getAttribute("title")).toMatch(/Source: the schedule's \(docs\/model\.md\), for the Ways to Wellness default's value\.$/)
    const values = funding.locator("input[type=number]")
    expect(await values.count()).toBe(2)
    await values.nth(1).fill("0.5")
    await values.nth(1).press("Tab")
    await page.waitForSelector('#status[data-done="false"]')
    await waitForRun(page, replicates)
    expect(decodeURIComponent(page.url())).toContain("d=")
    expect(await badge.getAttribute("title")).toBe("Confidence: assumed (nothing published). Differs from the Ways to Wellness default, with no source given.")
    const at = funding.locator("input[type=text]").nth(1)
    await at.fill("next spring")
    await at.press("Tab")
    const problem = funding.locator(".problem")
    await problem.first().waitFor()
    expect(await problem.first().textContent()).toContain("found \"next spring\"")
  })

  it("stays readable at laptop width: nothing wider than the window", async () => {
    const overflow = await opened.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
  })
})
