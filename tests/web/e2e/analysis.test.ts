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
    expect(await page.locator("#sweep-chart").getAttribute("data-metric")).toBe("meanWaitWeeks")
  })

  it("offers the contract in view's figures, and runs the figure chosen", async () => {
    const { page } = opened
    await page.focus(".analysis select")
    const options = await page.locator(".analysis select option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))
    expect(options).toContain("outcomes.outcomePayments")
    expect(options.every((o) => !o.startsWith("."))).toBe(true)
    await page.selectOption(".analysis select", "outcomes.outcomePayments")
    await page.click("#run-sweep")
    await page.waitForSelector("#sweep-chart[data-metric='outcomes.outcomePayments'] svg", { timeout: 120_000 })
    expect(await page.locator(".analysis select").inputValue()).toBe("outcomes.outcomePayments")
  })

  it("ranks the assumed parameters in a tornado", async () => {
    const { page, errors } = opened
    await page.click("#run-tornado")
    await page.waitForSelector("#tornado-chart[data-bars] svg", { timeout: 150_000 })
    const bars = Number(await page.locator("#tornado-chart").getAttribute("data-bars"))
    expect(bars).toBeGreaterThan(3)
    // The figure chosen before, the outcomes contract's payments, sits at its cap: the note says so, as the CLI does.
    expect(await page.locator("#tornado-chart").getAttribute("data-metric")).toBe("outcomes.outcomePayments")
    expect(await page.locator("#tornado-chart .tornado-note").textContent()).toContain("The outcomes contract's total cap is reached in 100% of the base runs")
    const labels = await page.locator("#tornado-chart svg g[aria-label='y-axis tick label'] text").allTextContents()
    expect(labels).toContain("linkWorkers.caseloadCapPerFte")
    // Each bar's swing and its 95% interval on hover (paired replicates).
    const titles = await page.locator("#tornado-chart svg title").allTextContents()
    expect(titles.some((t) => /^linkWorkers\.caseloadCapPerFte: swing .+, 95% interval .+ to .+$/.test(t)), titles.join("\n")).toBe(true)
    expect(errors).toEqual([])
  })
})
