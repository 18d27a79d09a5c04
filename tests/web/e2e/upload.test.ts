/** Uploading a scenario file: bad files are reported field by field beside the page, never a blank page; good ones run. */
import { beforeAll, describe, expect, it } from "vitest"
import type { Page } from "playwright-core"
import { openExplorer, type OpenPage, reopen, useBrowser, waitForRun } from "./explorerPage.ts"
import { decodeView } from "../../../web/src/share/shareUrl.ts"

const browser = useBrowser()
let opened: OpenPage

beforeAll(async () => {
  opened = await openExplorer(browser.context, "#s=ways-to-wellness&n=3", 3)
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
    // The scenario menu shows the upload, not the shipped scenario picked before.
    expect(await page.locator(".toolbar select").first().evaluate((s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe("upload: fewer-posts.json")
    expect(page.url()).toContain("s=ways-to-wellness")
    expect(page.url()).toContain("d=")
    expect(errors).toEqual([])
  })

  it("shows its funding schedules by kind of service; one added, one removed, each restarting the run, and the link keeps both", async () => {
    const { page, errors } = opened
    const key = (kind: string) => `communityServices.categories.${kind}.funding`
    /** Does something that changes the scenario, and waits for the run it starts to finish. */
    const rerun = async (p: Page, action: () => Promise<void>) => {
      const before = Number(await p.locator("#status").getAttribute("data-run"))
      await action()
      await p.waitForFunction((n) => Number(document.querySelector<HTMLElement>("#status")?.dataset.run) > n, before)
      await waitForRun(p, 3)
    }
    await rerun(page, () => upload(page, "arts-cut.json", JSON.stringify({
      extends: "./ways-to-wellness.json",
      name: "arts-cut",
      communityServices: { categories: { artsSocial: { funding: { interpolation: "step", points: [{ at: 104, value: 0.6 }] } } } }
    })))
    await page.locator('details[data-audience="researcher"]').evaluate((el) => el.setAttribute("open", ""))
    const group = page.locator("details.schedule-group")
    const arts = page.locator(`.schedule[data-key="${key("artsSocial")}"]`)
    const advice = page.locator(`.schedule[data-key="${key("welfareAdvice")}"]`)
    // The uploaded schedule is shown, its group open; the other kinds follow the overall funding.
    expect(await group.getAttribute("open")).not.toBeNull()
    expect(await group.locator("summary").textContent()).toBe("Funding by kind of service 1 of 7 with their own schedule")
    expect(await arts.getAttribute("data-set")).toBe("true")
    expect(await arts.locator("input[type=number]").inputValue()).toBe("0.6")
    expect(await arts.locator(".badge").getAttribute("title")).toBe("Confidence: assumed (nothing published). Differs from the Ways to Wellness default, with no source given.")
    expect(await advice.getAttribute("data-set")).toBe("false")
    expect(await advice.locator(".absent").isVisible()).toBe(true)
    expect(await advice.locator(".absent").textContent()).toBe("follows the overall funding")
    expect(await advice.locator("input[type=number]").count()).toBe(0)

    // Welfare advice given its own schedule: no points at first, then one at week 52 halving it.
    await rerun(page, () => advice.getByRole("checkbox", { name: "welfare advice · funding: own schedule" }).check())
    expect(await advice.getAttribute("data-set")).toBe("true")
    expect(await advice.locator(".absent").isVisible()).toBe(false)
    expect(await group.locator("summary").textContent()).toBe("Funding by kind of service 2 of 7 with their own schedule")
    expect(await advice.locator(".badge").getAttribute("title")).toBe("Confidence: assumed (nothing published). Differs from the Ways to Wellness default, with no source given.")
    await rerun(page, () => advice.getByRole("button", { name: "Add a point to welfare advice · funding" }).click())
    await rerun(page, async () => {
      await advice.locator("input[type=number]").fill("0.5")
      await advice.locator("input[type=number]").press("Tab")
    })
    // Arts and social groups back to the overall funding: the key goes.
    await rerun(page, () => arts.getByRole("checkbox", { name: "arts social · funding: own schedule" }).uncheck())
    expect(await arts.getAttribute("data-set")).toBe("false")
    expect(await arts.locator("input[type=number]").count()).toBe(0)
    expect(await page.locator(".problems").count()).toBe(0)
    const shared = decodeView(new URL(page.url()).hash)
    const categories = (typeof shared === "object" ? shared.changes : undefined) as { communityServices: { categories: Record<string, unknown> } }
    expect(categories.communityServices.categories).toEqual({ welfareAdvice: { funding: { interpolation: "step", points: [{ at: 52, value: 0.5 }] } } })

    // The link reopens both: welfare advice with its own schedule, arts and social groups following the overall funding.
    const again = await reopen(browser.context, page.url(), 3, errors)
    expect(await again.locator(`.schedule[data-key="${key("welfareAdvice")}"]`).getAttribute("data-set")).toBe("true")
    expect(await again.locator(`.schedule[data-key="${key("welfareAdvice")}"] input[type=number]`).inputValue()).toBe("0.5")
    expect(await again.locator(`.schedule[data-key="${key("artsSocial")}"]`).getAttribute("data-set")).toBe("false")
    expect(errors).toEqual([])
    await again.close()
  })
})
