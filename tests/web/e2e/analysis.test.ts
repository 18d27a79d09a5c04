/** The caseload sweep and the tornado, run on demand in the page. */
import { beforeAll, describe, expect, it } from "vitest"
import { openExplorer, type OpenPage, useBrowser } from "./explorerPage.ts"

const browser = useBrowser()
let opened: OpenPage

beforeAll(async () => {
  opened = await openExplorer(browser.context, "#s=ways-to-wellness&n=2", 2)
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
    // The axes name the parameter and the figure as the rest of the page does, and a key says what the band is.
    const axis = (which: string) => page.locator(`#sweep-chart svg g[aria-label='${which}-axis label'] text`).textContent()
    expect(await axis("x")).toMatch(/^link workers · caseload cap per FTE \(people per FTE\)/)
    expect(await axis("y")).toMatch(/Mean wait for a link worker/)
    expect(await page.locator("#sweep-chart svg").textContent()).not.toMatch(/meanWaitWeeks|caseloadCapPerFte/)
    expect(await page.locator("#sweep-chart .chart-key").textContent()).toBe("Line and dots: the median over 2 replicates at each caseload cap; band: their 5th to 95th percentile (the middle 90% of the replicates).")
    expect(await page.locator(".analysis h3").allTextContents()).toEqual(["Caseload sweep", "Tornado"])
  })

  it("offers the contract in view's figures, and runs the figure chosen", async () => {
    const { page } = opened
    await page.focus(".analysis select")
    const options = await page.locator(".analysis select option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))
    expect(options).toContain("outcomes.outcomePayments")
    expect(options.every((o) => !o.startsWith("."))).toBe(true)
    // Each figure in words, as the headline and the contracts table name it; its key stays the option's value.
    const texts = await page.locator(".analysis select option").allTextContents()
    expect(texts).toContain("Mean wait for a link worker")
    expect(texts[options.indexOf("outcomes.outcomePayments")]).toBe("outcomes contract: Total paid by commissioners, of which outcome payments")
    expect(texts.filter((t, i) => t === options[i] || /[a-z][A-Z]/.test(t))).toEqual([])
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
    const note = await page.locator("#tornado-chart .tornado-note").textContent()
    expect(note).toContain("The outcomes contract's total cap is reached in 100% of the base runs")
    // In the page's words, as the Figure menu names the figures: no keys.
    expect(note).toContain("leave outcomes contract: Total paid by commissioners, of which outcome payments the same")
    expect(note).toContain("try Hospital cost saving, Star change (8-80 scale) or Engaged.")
    const labels = await page.locator("#tornado-chart svg g[aria-label='y-axis tick label'] text").allTextContents()
    // Each parameter as the controls name it, in its part of the scenario; never its path.
    expect(labels).toContain("link workers · caseload cap per FTE")
    expect(labels.filter((l) => /[a-z][A-Z]|\.\w/.test(l))).toEqual([])
    expect(await page.locator("#tornado-chart svg g[aria-label='x-axis label'] text").textContent()).toMatch(/^outcomes contract: Total paid by commissioners, of which outcome payments \(mean over replicates\)/)
    // Each bar's low and high values, swing and its 95% interval on hover (paired replicates).
    const titles = await page.locator("#tornado-chart svg title").allTextContents()
    expect(titles.some((t) => /^link workers · caseload cap per FTE, \d+ to \d+: swing .+, 95% interval .+ to .+$/.test(t)), titles.join("\n")).toBe(true)
    // A key says what the bars are.
    expect(await page.locator("#tornado-chart .chart-key").textContent()).toMatch(new RegExp(`^Bars: the figure's mean over 2 replicates with the parameter at its low \\(−50%\\) and its high \\(\\+50%\\) value, within its range, drawn from its mean in the base run \\(the black line\\); the ${bars} of \\d+ parameters swung that move it most\\.`))
    expect(errors).toEqual([])
  })
})
