/** The explorer on a phone (390 × 844): nothing pushes the page sideways; wide tables scroll in their own boxes. */
import { beforeAll, describe, expect, it } from "vitest"
import type { Page } from "playwright-core"
import { openExplorer, type OpenPage, useBrowser } from "./explorerPage.ts"

const replicates = 3
const browser = useBrowser({ width: 390, height: 844 })
let opened: OpenPage

beforeAll(async () => {
  opened = await openExplorer(browser.context, `#s=ways-to-wellness&n=${replicates}`, replicates)
})

/** How far the page scrolls sideways, and the widest elements sticking out of the window (to say what overflows). */
const sideways = (page: Page) =>
  page.evaluate(() => {
    const root = document.documentElement
    const width = root.clientWidth
    const out = (e: Element | null) => e !== null && e.getBoundingClientRect().right > width + 0.5
    const culprits = [...document.querySelectorAll("body *")]
      .filter((e) => out(e) && !out(e.parentElement) && getComputedStyle(e.parentElement!).overflowX === "visible")
      .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join(".")} (${Math.round(e.getBoundingClientRect().width)} px)`)
    return { scrollWidth: root.scrollWidth, clientWidth: width, culprits }
  })

describe("the explorer at 390 px wide", () => {
  it("shows the results with no sideways scrolling of the page", async () => {
    const { page, errors } = opened
    expect(await page.evaluate(() => window.innerWidth)).toBe(390)
    const { scrollWidth, clientWidth, culprits } = await sideways(page)
    expect(scrollWidth, culprits.join(", ")).toBeLessThanOrEqual(clientWidth)
    expect(errors).toEqual([])
  })

  it("keeps it so with every section open, A pinned beside B and the analysis' figures listed", async () => {
    const { page } = opened
    await page.evaluate(() => document.querySelectorAll("details").forEach((d) => d.setAttribute("open", "")))
    await page.click("#action-pin")
    await page.waitForSelector(`.compare[data-paired="${replicates}"]`)
    // The Figure menu fills with the contract in view's figures, the longest of its names among them, when it is used.
    await page.focus(".analysis select")
    expect(await page.locator(".analysis select option").count()).toBeGreaterThan(5)
    const { scrollWidth, clientWidth, culprits } = await sideways(page)
    expect(scrollWidth, culprits.join(", ")).toBeLessThanOrEqual(clientWidth)
  })

  it("scrolls the contracts and compare tables in their own boxes, which a keyboard can reach", async () => {
    const { page } = opened
    const boxes = await page.$$eval(".scroll-x", (els) => els.map((el) => ({
      table: el.querySelector("table")?.className ?? "",
      scrolls: el.scrollWidth > el.clientWidth,
      focusable: el.getAttribute("tabindex") === "0",
      named: document.getElementById(el.getAttribute("aria-labelledby") ?? "")?.textContent ?? ""
    })))
    expect(boxes.find((b) => b.table === "figures contracts")).toEqual({ table: "figures contracts", scrolls: true, focusable: true, named: "Contracts" })
    expect(boxes.find((b) => b.table === "figures paired")).toMatchObject({ scrolls: true, focusable: true, named: "Figures: A, B and B − A" })
    // The charts shrink to the window instead.
    const widest = await page.$$eval("figure.chart svg", (svgs) => Math.max(...svgs.map((s) => s.getBoundingClientRect().right)))
    expect(widest).toBeLessThanOrEqual(390)
  })
})
