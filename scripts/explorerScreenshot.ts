/**
 * Takes docs/explorer.png, the README's picture of the explorer: the default scenario (60 replicates) with the
 * provider's controls open, at laptop width, in headless Chromium.
 *
 *   npx tsx scripts/explorerScreenshot.ts
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { build } from "vite"
import { launchBrowser } from "../tests/web/e2e/browser.ts"
import { serveDirectory } from "../tests/web/e2e/staticServer.ts"

const replicates = 60
const outDir = mkdtempSync(join(tmpdir(), "spsim-explorer-shot-"))
await build({ configFile: "web/vite.config.ts", logLevel: "warn", build: { outDir, emptyOutDir: true } })
const site = await serveDirectory(outDir)
const browser = await launchBrowser({ width: 1280, height: 1500 })
try {
  const page = await browser.context.newPage()
  const done = () => page.waitForSelector(`#status[data-done="true"][data-replicates="${replicates}"]`, { timeout: 600_000 })
  await page.goto(`${site.url}#s=ways-to-wellness&n=${replicates}`)
  await done()
  await page.evaluate(() => document.querySelector('details[data-audience="provider"]')?.setAttribute("open", ""))
  await page.evaluate(() => document.querySelector('details[data-audience="commissioner"]')?.removeAttribute("open"))
  await page.waitForTimeout(500)
  await page.screenshot({ path: "docs/explorer.png" })
  console.log("docs/explorer.png written")
} finally {
  await browser.close()
  await site.close()
  rmSync(outDir, { recursive: true, force: true })
}
