/**
 * The contract's choices (its financing facility, its payment period) are lists of the Schema's options: chosen from
 * the keyboard they change the results, the share link and the downloaded scenario carry them, and choosing the
 * facility the file left out leaves the key out again.
 */
import { describe, expect, it } from "vitest"
import type { Page } from "playwright-core"
import { contractFigure, download, openExplorer, reopen, useBrowser, waitForRun } from "./explorerPage.ts"

const replicates = 4
const browser = useBrowser()

/** The choice's host and its list, with the group it is in opened. */
const choiceAt = async (page: Page, key: string) => {
  const control = page.locator(`.control[data-key="${key}"]`)
  await control.evaluate((el) => el.closest("details")?.setAttribute("open", ""))
  return { control, select: control.locator("select") }
}

/** The scenario the "Download scenario" button gives. */
const downloadedScenario = async (page: Page): Promise<{ contracts: Array<{ period: string; financing?: Record<string, unknown> }> }> =>
  JSON.parse((await download(page, "scenario")).text)

describe("a contract's choices", () => {
  it("turn the outcomes contract's facility revolving from the keyboard, keeping the provider at its floor, and back to fixed", async () => {
    const { page, errors } = await openExplorer(browser.context, `#s=ways-to-wellness&n=${replicates}`, replicates)
    const { control, select } = await choiceAt(page, "contracts.0.financing.facility")
    // Labelled, described by the Schema, showing what leaving the key out amounts to.
    expect(await page.getByLabel("facility", { exact: true }).count()).toBe(1)
    expect(await control.getAttribute("data-set")).toBe("false")
    expect(await select.inputValue()).toBe("fixed")
    expect(await select.locator("option").allTextContents()).toEqual(["fixed", "revolving"])
    expect(await control.locator(".help").textContent()).toMatch(/^fixed \(the default\): capitalCommitted caps the capital drawn in all.*Optional: left out, it is fixed, and choosing fixed leaves it out\.$/)
    expect(await control.evaluate((el) => el.closest("fieldset")?.querySelector("legend")?.textContent)).toBe("Investment and appraisal")

    // With the fixed £1.65m, the provider's cash falls below its floor.
    const fixedLowest = await contractFigure(page, "outcomes", "providerMinCash")
    expect(fixedLowest).toMatch(/^-£/)
    const fixedPeak = await contractFigure(page, "outcomes", "investorPeakOutstanding")
    const fixedDrawn = await contractFigure(page, "outcomes", "investorCapitalDrawn")
    expect(fixedDrawn).toBe("£1.65m")

    // The next option from the keyboard: revolving.
    await select.focus()
    await page.keyboard.press("ArrowDown")
    await waitForRun(page, replicates)
    expect(await select.inputValue()).toBe("revolving")
    expect(await control.getAttribute("data-set")).toBe("true")
    expect(await contractFigure(page, "outcomes", "providerMinCash")).toBe("£0")
    expect(await contractFigure(page, "outcomes", "investorPeakOutstanding")).not.toBe(fixedPeak)
    // Capital repaid is drawn again: more than the commitment in all.
    expect(await contractFigure(page, "outcomes", "investorCapitalDrawn")).not.toBe(fixedDrawn)
    const contracts = await page.locator("table.contracts").textContent()
    expect((await downloadedScenario(page)).contracts[0].financing?.facility).toBe("revolving")
    const url = page.url()
    expect(url).toContain("d=")
    await page.close()

    // The share link reopens it, number for number, with the list showing revolving.
    const again = await reopen(browser.context, url, replicates, errors)
    expect(await again.locator("table.contracts").textContent()).toBe(contracts)
    const reopened = await choiceAt(again, "contracts.0.financing.facility")
    expect(await reopened.select.inputValue()).toBe("revolving")

    // Back to fixed: the key is left out again, as the shipped file has it, and the figures are the fixed ones.
    await reopened.select.selectOption("fixed")
    await waitForRun(again, replicates)
    expect(await reopened.control.getAttribute("data-set")).toBe("false")
    expect(await contractFigure(again, "outcomes", "providerMinCash")).toBe(fixedLowest)
    expect(again.url()).not.toContain("d=")
    const financing = (await downloadedScenario(again)).contracts[0].financing
    expect(financing?.capitalCommitted).toBe(1_650_000)
    expect(Object.hasOwn(financing ?? {}, "facility")).toBe(false)

    // A contract without financing has no facility to choose; every contract has its period.
    await again.selectOption("#contract", "blockGrant")
    expect(await again.locator('.control[data-key$=".financing.facility"]').count()).toBe(0)
    expect(await again.locator('.control[data-key="contracts.1.period"] select').inputValue()).toBe("quarterly")
    expect(errors).toEqual([])
    await again.close()
  })

  it("pay the outcomes contract annually: its cap is reached later and the provider needs more working capital", async () => {
    const { page, errors } = await openExplorer(browser.context, `#s=ways-to-wellness&n=${replicates}`, replicates)
    const { control, select } = await choiceAt(page, "contracts.0.period")
    expect(await control.evaluate((el) => el.closest("fieldset")?.querySelector("legend")?.textContent)).toBe("Tariffs")
    expect(await select.locator("option").allTextContents()).toEqual(["quarterly", "six-monthly", "annual"])
    expect(await select.inputValue()).toBe("quarterly")
    expect(await control.locator(".help").textContent()).toBe("How often payments are measured and made.")
    const quarterlyWeek = await contractFigure(page, "outcomes", "capReachedWeek")
    const quarterlyNeed = await contractFigure(page, "outcomes", "providerCashNeed")
    const hybridWeek = await contractFigure(page, "hybrid", "capReachedWeek")

    // The last option from the keyboard: annual.
    await select.focus()
    await page.keyboard.press("End")
    await waitForRun(page, replicates)
    expect(await select.inputValue()).toBe("annual")
    const week = (text: string): number => Number(/^week (\d+)/.exec(text)?.[1])
    expect(week(await contractFigure(page, "outcomes", "capReachedWeek"))).toBeGreaterThan(week(quarterlyWeek))
    expect(await contractFigure(page, "outcomes", "providerCashNeed")).not.toBe(quarterlyNeed)
    // Only the outcomes contract is paid annually: the hybrid one, still quarterly, is as it was.
    expect(await contractFigure(page, "hybrid", "capReachedWeek")).toBe(hybridWeek)
    expect((await downloadedScenario(page)).contracts.map((c) => c.period)).toEqual(["annual", "quarterly", "quarterly", "quarterly"])

    // The share link reopens it.
    const url = page.url()
    const contracts = await page.locator("table.contracts").textContent()
    await page.close()
    const again = await reopen(browser.context, url, replicates, errors)
    expect(await (await choiceAt(again, "contracts.0.period")).select.inputValue()).toBe("annual")
    expect(await again.locator("table.contracts").textContent()).toBe(contracts)
    expect(errors).toEqual([])
    await again.close()
  })
})
