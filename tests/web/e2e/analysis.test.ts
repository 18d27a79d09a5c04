/** The caseload sweep and the tornado, run on demand in the page. */
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Browser, launchBrowser } from "./browser.ts"
import { openExplorer, type OpenPage } from "./explorerPage.ts"

let browser: Browser
let opened: OpenPage

beforeAll(async () => {
  browser = await launchBrowser()
  opened = await openExplorer(browser.context, "#s=ways-to-wellness&n=2", 2)
})
afterAll(async () => {
  await browser?.close()
})

describe("sweep and tornado", () => {
  it("sweeps the caseload cap and draws the figure at each value", async () => {
    const { page } = opened
    await page.fill(".analysis input[type=number]", "2")
    await page.selectOption(".analysis select", "meanWaitWeeks")
    await page.click("#run-sweep")
    await page.waitForSelector("#sweep-chart[data-points='6'] svg", { timeout: 120_000 })
    expect(await page.locator(".analysis-status").textContent()).toBe("Caseload sweep: done.")
    expect(await page.locator("#sweep-chart svg circle").count()).toBe(6)
  })

  it("ranks the assumed parameters in a tornado", async () => {
    const { page, errors } = opened
    await page.click("#run-tornado")
    await page.waitForSelector("#tornado-chart[data-bars] svg", { timeout: 150_000 })
    const bars = Number(await page.locator("#tornado-chart").getAttribute("data-bars"))
    expect(bars).toBeGreaterThan(3)
    const labels = await page.locator("#tornado-chart svg g[aria-label='y-axis tick label'] text").allTextContents()
    expect(labels).toContain("linkWorkers.caseloadCapPerFte")
    // Each bar's swing and its 95% interval on hover (paired replicates).
    const titles = await page.locator("#tornado-chart svg title").allTextContents()
    expect(titles.some((t) => /^linkWorkers\.caseloadCapPerFte: swing .+, 95% interval .+ to .+$/.test(t)), titles.join("\n")).toBe(true)
    expect(errors).toEqual([])
  })
})
