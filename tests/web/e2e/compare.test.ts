/** Pin A, change it into B: both side by side, their paired difference and B as a share of A on common random numbers. */
import { describe, expect, it } from "vitest"
import { openExplorer, setControl, useBrowser, waitForRun } from "./explorerPage.ts"

const replicates = 5
const browser = useBrowser()

const differenceOf = (page: import("playwright-core").Page, metric: string) =>
  page.locator(`.compare tr[data-metric="${metric}"] td.difference`).textContent()

const ratioOf = (page: import("playwright-core").Page, metric: string) =>
  page.locator(`.compare tr[data-metric="${metric}"] td.ratio`).textContent()

describe("compare A and B", () => {
  it("shows A beside B and their paired differences", async () => {
    const { page, errors } = await openExplorer(browser.context, `#s=ways-to-wellness&n=${replicates}`, replicates)
    await page.click("#action-pin")
    await page.waitForSelector(`.compare[data-paired="${replicates}"]`)
    // Unchanged, B is A: every paired difference is exactly zero.
    expect(await differenceOf(page, "referrals")).toBe("0 (0 to 0)")
    expect(await differenceOf(page, "meanWaitWeeks")).toBe("0.0 wk (0.0 wk to 0.0 wk)")
    // A share's difference in percentage points, as spsim compare gives it; the mean difference with its interval.
    expect(await differenceOf(page, "engagedShare")).toBe("0.0 pp (0.0 pp to 0.0 pp)")
    expect(await page.locator('.compare tr[data-metric="referrals"] td.mean-difference').textContent()).toBe("0 (0 to 0)")
    // And B is exactly 100% of A, replicate by replicate.
    expect(await ratioOf(page, "referrals")).toBe("100.0% (100.0% to 100.0%)")
    // A chance is shown for each scenario with its own 95% interval.
    expect(await page.locator('.compare tr[data-metric="outcomes.capReachedChance"] td').first().textContent()).toMatch(/^\d+\.\d% \(\d+–\d+%\)$/)
    // Its difference as a mean with its interval only: a median of 1-or-0 differences is a value no pair has.
    expect(await differenceOf(page, "outcomes.capReachedChance")).toBe("-")
    expect(await page.locator('.compare tr[data-metric="outcomes.capReachedChance"] td.mean-difference').textContent()).toMatch(/^0\.0 pp/)

    // Each row named as the headline and the contracts table name the figure, not by its key.
    const rowLabel = (metric: string) => page.locator(`.compare tr[data-metric="${metric}"] th`).textContent()
    expect(await rowLabel("engagedShare")).toBe("Engaged share of referrals")
    expect(await rowLabel("meanWaitWeeks")).toBe("Mean wait for a link worker")
    expect(await rowLabel("outcomes.outcomePayments")).toBe("outcomes contract: Total paid by commissioners, of which outcome payments")
    expect(await rowLabel("blockGrant.npvCommissioner")).toBe("blockGrant contract: NPV to commissioner (saving - payments)")
    const labels = await page.locator(".compare tbody th").allTextContents()
    expect(labels.filter((l) => /^[a-z]+[A-Z]\w*$|\.\w+$/.test(l))).toEqual([])
    // Its heading, a region named for it, and a heading for each of its parts.
    expect(await page.locator('main section[aria-label="Compare A and B"] > h2').count()).toBe(1)
    expect((await page.locator(".compare h3").allTextContents()).slice(0, 2)).toEqual([
      "Active caseload and waiting list, A and B (median and 90% interval)", "Figures: A, B and B − A"
    ])

    await setControl(page, "linkWorkers.caseloadCapPerFte", 45)
    await waitForRun(page, replicates)
    await page.waitForSelector(`.compare[data-paired="${replicates}"]`)
    expect(await page.locator(".compare h2").textContent()).toContain("A: ways-to-wellness (pinned)")
    expect(await page.locator(".compare svg").count()).toBeGreaterThan(0)
    // For whom: B − A by group, one row per group on each panel (shares; Star change).
    expect(await page.locator(".compare figure.for-whom figcaption h3").textContent()).toBe("For whom: B − A by group (mean paired difference, 95% interval)")
    const forWhom = page.locator(".compare figure.for-whom svg")
    expect(await forWhom.count()).toBeGreaterThanOrEqual(2)
    expect(await forWhom.last().textContent()).toContain("ethnic group: South Asian")
    const wait = await differenceOf(page, "meanWaitWeeks")
    expect(Number.parseFloat(wait ?? "")).toBeGreaterThan(1)
    // B / A as spsim compare gives it: a fuller caseload, a longer wait.
    const ratio = (await ratioOf(page, "meanWaitWeeks")) ?? ""
    expect(ratio).toMatch(/^\d+\.\d% \(\d+\.\d% to \d+\.\d%\)$/)
    expect(Number.parseFloat(ratio)).toBeGreaterThan(100)
    expect(await page.locator(".compare thead th").last().textContent()).toBe("B / A (mean, 95% CI)")

    await page.click("#action-unpin")
    // A run still going cannot be pinned: its missing replicates would never arrive once B takes the workers.
    await page.fill("#replicates", "40")
    await page.press("#replicates", "Tab")
    await page.waitForSelector('#status[data-done="false"]')
    await page.click("#action-pin")
    expect(await page.locator(".note").textContent()).toContain("A can be pinned once this run has finished")
    expect(await page.locator("#action-pin").isVisible()).toBe(true)
    await page.waitForFunction(() => document.querySelector(".compare") === null)
    expect(errors).toEqual([])
  })
})
