/** Opening the explorer in a fresh page, collecting console errors, and waiting for runs to finish. */
import { readFileSync } from "node:fs"
import { afterAll, beforeAll, inject } from "vitest"
import type { BrowserContext, Page } from "playwright-core"
import { type Browser, launchBrowser } from "./browser.ts"

/**
 * One browser for a test file: launched before its tests (and before the file's own `beforeAll`, registered after
 * this), closed after them. Its context is read once the browser is up.
 */
export const useBrowser = (options?: Parameters<typeof launchBrowser>[0]): { readonly context: BrowserContext } => {
  let browser: Browser | undefined
  beforeAll(async () => {
    browser = await launchBrowser(options)
  })
  afterAll(async () => {
    await browser?.close()
  })
  return {
    get context(): BrowserContext {
      if (browser === undefined) throw new Error("the browser is not launched yet: use it inside a test or a beforeAll")
      return browser.context
    }
  }
}

/** What the page's download button `#action-<action>` gives: the file's suggested name and its text. */
export const download = async (page: Page, action: string): Promise<{ name: string; text: string }> => {
  const [file] = await Promise.all([page.waitForEvent("download"), page.click(`#action-${action}`)])
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, "utf8") }
}

export interface OpenPage {
  readonly page: Page
  /** Console errors and uncaught exceptions seen so far. */
  readonly errors: Array<string>
}

export const explorerUrl = (hash = "", page = ""): string => `${inject("explorerUrl")}${page}${hash}`

export const openExplorer = async (context: BrowserContext, hash: string, replicates: number): Promise<OpenPage> => {
  const page = await context.newPage()
  const errors: Array<string> = []
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text())
  })
  page.on("pageerror", (e) => errors.push(e.message))
  await page.goto(explorerUrl(hash))
  await waitForRun(page, replicates)
  return { page, errors }
}

/** A share link (a whole URL) opened in a fresh page, its uncaught exceptions added to `errors`, once its run is done. */
export const reopen = async (context: BrowserContext, url: string, replicates: number, errors: Array<string>): Promise<Page> => {
  const page = await context.newPage()
  page.on("pageerror", (e) => errors.push(e.message))
  await page.goto(url)
  await waitForRun(page, replicates)
  return page
}

/**
 * Waits until a run of `replicates` has finished and every chart, the headline tables and the comparison have
 * drawn all of them from this run (`data-run`: the previous run's drawings stay up until the new one is drawn).
 */
export const waitForRun = async (page: Page, replicates: number): Promise<void> => {
  await page.waitForSelector(`#status[data-done="true"][data-replicates="${replicates}"]`, { timeout: 150_000 })
  await page.waitForFunction((n) => {
    const run = document.querySelector<HTMLElement>("#status")?.dataset.run
    const figures = [...document.querySelectorAll<HTMLElement>("figure.chart")]
    const drawn = [...figures, ...document.querySelectorAll<HTMLElement>(".headline, #compare")]
    return figures.every((f) => f.dataset.replicates === String(n)) && drawn.every((d) => d.dataset.run === run)
  }, replicates, { timeout: 30_000 })
}

/** The headline table's medians by metric. */
export const headlineMedians = (page: Page): Promise<Record<string, string>> =>
  page.$$eval("table.figures tr[data-metric]", (rows) =>
    Object.fromEntries(rows.map((r) => [(r as HTMLElement).dataset.metric ?? "", r.querySelectorAll("td")[0]?.textContent ?? ""])))

/** Sets a parameter through its number box, as a person typing a value and leaving the field. */
export const setControl = async (page: Page, key: string, value: number): Promise<void> => {
  const box = page.locator(`.control[data-key="${key}"] input[type=number]`)
  await box.evaluate((el) => el.closest("details")?.setAttribute("open", ""))
  await box.fill(String(value))
  await box.press("Tab")
}

/**
 * A contract figure's median as the contracts table shows it, e.g. ("outcomes", "outcomePayments") → "£10.00m";
 * with `part` "interval", the 90% interval beneath it (main money figures only), e.g. "£10.00m – £10.00m".
 */
export const contractFigure = (page: Page, contract: string, figure: string, part: "median" | "interval" = "median"): Promise<string> =>
  page.$eval("table.contracts", (table, [name, metric, which]) => {
    const column = [...table.querySelectorAll("thead th")].findIndex((th) => th.textContent === name)
    const cell = table.querySelector<HTMLTableRowElement>(`tbody tr[data-figure="${metric}"]`)?.cells[column]
    if (column < 1 || cell === undefined) return `(no ${metric} for ${name})`
    const interval = cell.querySelector(".spread")
    if (which === "interval") return interval?.textContent ?? `(no interval of ${metric} for ${name})`
    return [...cell.childNodes].filter((n) => n !== interval).map((n) => n.textContent).join("")
  }, [contract, figure, part] as const)
