/**
 * A contract cap the scenario leaves out can be added from the keyboard, changes what the contract pays, survives
 * the share link, and can be removed again.
 */
import { describe, expect, it } from "vitest"
import { contractFigure, openExplorer, reopen, useBrowser, waitForRun } from "./explorerPage.ts"

const replicates = 4
const browser = useBrowser()

/** "£6.99m" → 6_990_000; "£812,000" → 812000. */
const pounds = (text: string): number => {
  const m = /^£([\d,.]+)(m?)/.exec(text)
  if (m === null) throw new Error(`not an amount of money: "${text}"`)
  return Number(m[1].replace(/,/g, "")) * (m[2] === "m" ? 1e6 : 1)
}

describe("an optional contract cap", () => {
  it("is offered as \"no cap\", added below what the contract pays it lowers the payments, and the share link keeps it", async () => {
    const { page, errors } = await openExplorer(browser.context, `#s=ways-to-wellness&n=${replicates}`, replicates)
    const control = page.locator('.control[data-key="contracts.0.capPerYear"]')
    const toggle = control.getByRole("checkbox", { name: "cap per year: cap" })
    const box = control.locator("input[type=number]")
    expect(await control.getAttribute("data-set")).toBe("false")
    expect(await toggle.isChecked()).toBe(false)
    expect(await box.isDisabled()).toBe(true)
    expect(await box.getAttribute("placeholder")).toBe("no cap")
    expect(await control.locator("label").first().textContent()).toContain("(gbp)")
    expect(await control.locator(".help").textContent()).toMatch(/Most outcome payments per contract year\. Range 0 to 10,000,000,000 gbp\. Source: none published \(assumed\)\. Optional: unticked means no cap\./)

    // Without a yearly cap the outcomes contract pays up to its £10m total cap over seven years.
    const uncapped = pounds(await contractFigure(page, "outcomes", "outcomePayments"))
    expect(uncapped).toBeGreaterThan(7e6)
    // The chance the total cap is reached is a share of replicates; a contract without a total cap has none.
    // With the chance's own 95% interval, which the number of replicates sets.
    expect(await contractFigure(page, "outcomes", "capReachedChance")).toMatch(/^\d+\.\d% \(\d+–\d+%\)$/)
    expect(await contractFigure(page, "blockGrant", "capReachedChance")).toBe("-")
    // Each contract against the first, on the same people: the first has nothing to compare with.
    expect(await contractFigure(page, "outcomes", "npvGainOverFirst")).toBe("-")
    expect(await contractFigure(page, "blockGrant", "npvGainOverFirst")).toMatch(/^-?£/)
    expect(await contractFigure(page, "blockGrant", "betterValueThanFirstChance")).toMatch(/^\d+\.\d% \(\d+–\d+%\)$/)
    expect(await page.locator('tr[data-figure="betterValueThanFirstChance"] th').textContent()).toBe("Chance of better value than outcomes")

    // Tick "cap" from the keyboard: the number box takes the focus; type £1m a year and leave the box.
    await toggle.focus()
    await page.keyboard.press("Space")
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.type("1000000")
    await page.keyboard.press("Tab")
    await waitForRun(page, replicates)
    expect(await control.getAttribute("data-set")).toBe("true")
    const capped = await contractFigure(page, "outcomes", "outcomePayments")
    expect(pounds(capped)).toBeLessThanOrEqual(7e6)
    expect(pounds(capped)).toBeLessThan(uncapped)
    // £1m a year for seven years never reaches the £10m total cap.
    expect(await contractFigure(page, "outcomes", "capReachedChance")).toMatch(/^0\.0% \(0–\d+%\)$/)
    const url = page.url()
    expect(url).toContain("d=")
    await page.close()

    // The share link reopens the capped contract, number for number, with the control set.
    const again = await reopen(browser.context, url, replicates, errors)
    const reopened = again.locator('.control[data-key="contracts.0.capPerYear"]')
    expect(await contractFigure(again, "outcomes", "outcomePayments")).toBe(capped)
    expect(await reopened.getAttribute("data-set")).toBe("true")
    expect(await reopened.getByRole("checkbox").isChecked()).toBe(true)
    expect(await reopened.locator("input[type=number]").inputValue()).toBe("1000000")

    // Untick it: the key goes, and with it the change from the shipped scenario.
    await reopened.getByRole("checkbox").focus()
    await again.keyboard.press("Space")
    await waitForRun(again, replicates)
    expect(await reopened.getAttribute("data-set")).toBe("false")
    expect(pounds(await contractFigure(again, "outcomes", "outcomePayments"))).toBe(uncapped)
    expect(again.url()).not.toContain("d=")
    expect(errors).toEqual([])
    await again.close()
  })
})
