/**
 * Golden SVGs of the main charts, drawn in Chromium from the committed fixture summary
 * (tests/web/fixtures/summary.json, made by scripts/explorerFixture.ts), so that only a change to a chart
 * moves them. `UPDATE_GOLDENS=1 npx vitest run tests/web/e2e/goldens.test.ts` rewrites them after a
 * deliberate change.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { beforeAll, describe, expect, it } from "vitest"
import { mainCharts } from "../../../web/src/charts/registry.ts"
import { explorerUrl, useBrowser } from "./explorerPage.ts"

const dir = "tests/web/goldens"
const update = process.env.UPDATE_GOLDENS === "1"
const browser = useBrowser()
let rendered: Record<string, string>

beforeAll(async () => {
  const page = await browser.context.newPage()
  await page.goto(explorerUrl("", "goldens.html"))
  await page.waitForSelector("#goldens[data-ready=true]")
  rendered = Object.fromEntries(await page.$$eval("#goldens figure", (figures) =>
    figures.map((f) => [(f as HTMLElement).dataset.chart ?? "", f.innerHTML] as const)))
})

describe("golden charts", () => {
  for (const chart of mainCharts) {
    it(`${chart.id} draws as its golden SVG`, () => {
      const file = `${dir}/${chart.id}.svg`
      const svg = `${rendered[chart.id]}\n`
      expect(svg).toContain("<svg")
      if (update) {
        mkdirSync(dir, { recursive: true })
        writeFileSync(file, svg)
      }
      expect(existsSync(file), `${file} is missing: run with UPDATE_GOLDENS=1 to create it`).toBe(true)
      expect(svg).toBe(readFileSync(file, "utf8"))
    })
  }
})
