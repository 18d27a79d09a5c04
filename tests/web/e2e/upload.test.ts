/** Uploading a scenario file: bad files are reported field by field beside the page, never a blank page; good ones run. */
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Page } from "playwright-core"
import { type Browser, launchBrowser } from "./browser.ts"
import { openExplorer, type OpenPage, waitForRun } from "./explorerPage.ts"

let browser: Browser
let opened: OpenPage

beforeAll(async () => {
  browser = await launchBrowser()
  opened = await openExplorer(browser.context, "#s=ways-to-wellness&n=3", 3)
})
afterAll(async () => {
  await browser?.close()
})

const upload = (page: Page, name: string, text: string) =>
  page.setInputFiles("#upload", { name, mimeType: "application/json", buffer: Buffer.from(text) })

describe("uploading a scenario", () => {
  it("lists each problem with its path, what was expected and what was found, and keeps the page", async () => {
    const { page } = opened
    await upload(page, "mine.json", JSON.stringify({ extends: "./ways-to-wellness.json", name: "mine", linkWorkers: { caseloadCapPerFte: 5000, posts: "twenty", postz: 3 } }))
    const problems = page.locator(".problems")
    await problems.waitFor()
    expect(await problems.locator("h2").textContent()).toBe("mine.json cannot be used")
    const items = await problems.locator("li").allTextContents()
    expect(items).toContain("linkWorkers.caseloadCapPerFte: expected a value between 1 and 1000, found 5000")
    expect(items).toContain("linkWorkers.posts: expected number, found \"twenty\"")
    expect(items.some((i) => i.startsWith("linkWorkers.postz:"))).toBe(true)
    expect(await page.locator("figure.chart svg").count()).toBeGreaterThan(0)
    expect(await page.locator("#status").textContent()).toContain("ways-to-wellness")
  })

  it("gives the line and column of broken JSON", async () => {
    const { page } = opened
    await upload(page, "broken.json", "{\n  \"name\": \"x\",\n  \"seed\": ,\n}")
    await page.waitForSelector(".problems h2:text('broken.json cannot be used')")
    expect(await page.locator(".problems li").first().textContent()).toMatch(/^line 3, column \d+: expected valid JSON/)
  })

  it("runs a valid file that extends a shipped scenario", async () => {
    const { page, errors } = opened
    await upload(page, "fewer-posts.json", JSON.stringify({ extends: "./ways-to-wellness.json", name: "fewer-posts", linkWorkers: { posts: 12 } }))
    await page.waitForSelector("#status:text('fewer-posts')")
    await waitForRun(page, 3)
    expect(await page.locator(".problems").count()).toBe(0)
    expect(await page.locator('.control[data-key="linkWorkers.posts"] input[type=number]').inputValue()).toBe("12")
    expect(page.url()).toContain("s=ways-to-wellness")
    expect(page.url()).toContain("d=")
    expect(errors).toEqual([])
  })
})
