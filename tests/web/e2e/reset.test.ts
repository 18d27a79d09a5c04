/**
 * Undoing changes: "Reset to the file's values" puts every parameter back as the page opened the scenario (the
 * results, the share URL and the downloaded scenario with it), and a control's own "reset" button, shown only
 * while its value differs from the file's, puts that one value back.
 */
import { describe, expect, it } from "vitest"
import type { Page } from "playwright-core"
import { contractFigure, download, openExplorer, setControl, useBrowser, waitForRun } from "./explorerPage.ts"

const replicates = 4
const browser = useBrowser()

const caseload = "linkWorkers.caseloadCapPerFte"
const facility = "contracts.0.financing.facility"

/** The scenario the "Download scenario" button gives, as text. */
const downloadedScenario = async (page: Page): Promise<string> => (await download(page, "scenario")).text

const chooseFacility = async (page: Page, option: string): Promise<void> => {
  const select = page.locator(`.control[data-key="${facility}"] select`)
  await select.evaluate((el) => el.closest("details")?.setAttribute("open", ""))
  await select.selectOption(option)
}

const resetButton = (page: Page, key: string) => page.locator(`[data-key="${key}"] button.reset-value`)
/** The keys of the controls whose "reset" button shows. */
const shownResets = (page: Page): Promise<Array<string>> =>
  page.$$eval("button.reset-value", (buttons) => buttons.filter((b) => !(b as HTMLButtonElement).hidden).map((b) => (b.closest("[data-key]") as HTMLElement).dataset.key ?? ""))

describe("resetting to the file's values", () => {
  it("puts a changed number and a changed choice back, one at a time or all at once, with the results and the share URL", async () => {
    const { page, errors } = await openExplorer(browser.context, `#s=ways-to-wellness&n=${replicates}`, replicates)
    const all = page.locator("#reset-file")
    // Nothing to reset yet: disabled, saying why.
    expect(await all.getAttribute("aria-disabled")).toBe("true")
    expect(await page.locator("#reset-file-why").textContent()).toBe("Nothing to reset: every parameter is as ways-to-wellness had it when opened.")
    expect(await all.getAttribute("aria-describedby")).toBe("reset-file-why")
    expect(await shownResets(page)).toEqual([])
    const url = page.url()
    const lowest = await contractFigure(page, "outcomes", "providerMinCash")
    const contracts = await page.locator("table.contracts").textContent()
    const scenario = await downloadedScenario(page)
    const cap = await page.locator(`.control[data-key="${caseload}"] input[type=number]`).inputValue()

    // A number and a choice changed: the results, the URL and the buttons follow.
    await setControl(page, caseload, 80)
    await waitForRun(page, replicates)
    await chooseFacility(page, "revolving")
    await waitForRun(page, replicates)
    expect(await contractFigure(page, "outcomes", "providerMinCash")).not.toBe(lowest)
    expect(page.url()).not.toBe(url)
    expect(await all.getAttribute("aria-disabled")).toBe("false")
    expect(await page.locator("#reset-file-why").textContent()).toMatch(/^Puts every parameter back as ways-to-wellness had it when opened/)
    expect((await shownResets(page)).sort()).toEqual([facility, caseload].sort())
    expect(await resetButton(page, caseload).getAttribute("aria-label")).toBe(`Reset caseload cap per FTE to the file's value (${cap})`)
    expect(await resetButton(page, facility).getAttribute("aria-label")).toBe("Reset facility to the file's value (left out)")

    // The facility alone back: fixed (left out), the caseload cap still 80, focus on the list again.
    await resetButton(page, facility).click()
    await waitForRun(page, replicates)
    const choice = page.locator(`.control[data-key="${facility}"]`)
    expect(await choice.locator("select").inputValue()).toBe("fixed")
    expect(await choice.getAttribute("data-set")).toBe("false")
    expect(await choice.locator("select").evaluate((el) => el === document.activeElement)).toBe(true)
    expect(await shownResets(page)).toEqual([caseload])
    expect(await page.locator(`.control[data-key="${caseload}"] input[type=number]`).inputValue()).toBe("80")
    expect(page.url()).not.toBe(url)
    const capOnly = await page.locator("table.contracts").textContent()
    expect(capOnly).not.toBe(contracts)

    // Everything back, from the keyboard: the file's figures, URL and scenario, and nothing left to reset.
    await chooseFacility(page, "revolving")
    await waitForRun(page, replicates)
    await all.focus()
    await page.keyboard.press("Enter")
    await waitForRun(page, replicates)
    // Focus stays on the button; the sections open before stay open.
    expect(await page.evaluate(() => `${document.activeElement?.tagName}#${document.activeElement?.id}`)).toBe("BUTTON#reset-file")
    expect(page.url()).toBe(url)
    expect(await contractFigure(page, "outcomes", "providerMinCash")).toBe(lowest)
    expect(await page.locator("table.contracts").textContent()).toBe(contracts)
    expect(await downloadedScenario(page)).toBe(scenario)
    expect(await page.locator(`.control[data-key="${caseload}"] input[type=number]`).inputValue()).toBe(cap)
    expect(await page.locator(`.control[data-key="${facility}"] select`).inputValue()).toBe("fixed")
    expect(await shownResets(page)).toEqual([])
    expect(await all.getAttribute("aria-disabled")).toBe("true")
    expect(await page.locator(`.control[data-key="${facility}"]`).isVisible()).toBe(true)
    // Disabled, it does nothing.
    const run = await page.locator("#status").getAttribute("data-run")
    await all.dispatchEvent("click")
    expect(await page.locator("#status").getAttribute("data-run")).toBe(run)
    expect(errors).toEqual([])
    await page.close()
  })

  it("takes a share link's scenario as the file: resetting goes back to the link, not to the shipped scenario", async () => {
    const first = await openExplorer(browser.context, `#s=ways-to-wellness&n=${replicates}`, replicates)
    await setControl(first.page, caseload, 80)
    await waitForRun(first.page, replicates)
    const link = first.page.url()
    await first.page.close()

    const { page, errors } = await openExplorer(browser.context, link.slice(link.indexOf("#")), replicates)
    expect(await page.locator("#reset-file").getAttribute("aria-disabled")).toBe("true")
    expect(await page.locator("#reset-file-why").textContent()).toBe("Nothing to reset: every parameter is as ways-to-wellness (changed) had it when opened.")
    const contracts = await page.locator("table.contracts").textContent()
    await setControl(page, caseload, 120)
    await waitForRun(page, replicates)
    expect(await resetButton(page, caseload).getAttribute("aria-label")).toBe("Reset caseload cap per FTE to the file's value (80)")
    await page.locator("#reset-file").click()
    await waitForRun(page, replicates)
    expect(page.url()).toBe(link)
    expect(await page.locator(`.control[data-key="${caseload}"] input[type=number]`).inputValue()).toBe("80")
    expect(await page.locator("table.contracts").textContent()).toBe(contracts)
    expect(errors).toEqual([])
    await page.close()
  })
})
