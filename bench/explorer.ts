/**
 * A measurement, not a test: the explorer in headless Chromium (built with Vite, served on localhost). After
 * the default scenario's first run (workers warm), the caseload cap is changed `trials` times; each time it
 * times, from the change, the first band drawn from at least 20 replicates and the end of the run of
 * `replicates`, and records the longest main-thread task (PerformanceObserver, 'longtask': tasks over 50 ms).
 * Prints each trial and the medians.
 *
 *   npm run bench:explorer -- [replicates=200] [trials=5]
 */
import { mkdtempSync, rmSync } from "node:fs"
import { cpus, loadavg, tmpdir } from "node:os"
import { join } from "node:path"
import { build } from "vite"
import { launchBrowser } from "../tests/web/e2e/browser.ts"
import { serveDirectory } from "../tests/web/e2e/staticServer.ts"

const [replicates = 200, trials = 5] = process.argv.slice(2, 4).map(Number)

const median = (xs: ReadonlyArray<number>): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 === 1 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

const outDir = mkdtempSync(join(tmpdir(), "spsim-explorer-bench-"))
await build({ configFile: "web/vite.config.ts", logLevel: "warn", build: { outDir, emptyOutDir: true } })
const site = await serveDirectory(outDir)
const browser = await launchBrowser()
try {
  const page = await browser.context.newPage()
  // tsx names inner functions with a helper the page does not have.
  await page.addInitScript("window.__name = (f) => f")
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: Array<{ start: number; duration: number }> }
    w.longTasks = []
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push({ start: e.startTime, duration: e.duration })
    }).observe({ type: "longtask", buffered: true })
  })
  const done = (n: number) => page.waitForSelector(`#status[data-done="true"][data-replicates="${n}"]`, { timeout: 600_000 })
  const coldStart = Date.now()
  await page.goto(`${site.url}#s=ways-to-wellness&n=${replicates}`)
  await done(replicates)
  console.log(`explorer bench: ways-to-wellness, ${replicates} replicates, ${await page.evaluate(() => navigator.hardwareConcurrency)} workers, Chromium headless, ${cpus().length} cores, load ${loadavg()[0].toFixed(2)}`)
  console.log(`first run from page load (workers starting): ${((Date.now() - coldStart) / 1000).toFixed(2)} s`)
  await page.evaluate(() => document.querySelector('.control[data-key="linkWorkers.caseloadCapPerFte"]')?.closest("details")?.setAttribute("open", ""))
  const firstBand: Array<number> = []
  const all: Array<number> = []
  const longest: Array<number> = []
  // The main thread's busy time (Chromium's TaskDuration) over a trial: what the page takes from the workers' cores.
  const cdp = await browser.context.newCDPSession(page)
  await cdp.send("Performance.enable")
  const taskSeconds = async () => {
    const { metrics } = await cdp.send("Performance.getMetrics")
    return metrics.find((m) => m.name === "TaskDuration")?.value ?? Number.NaN
  }
  for (let t = 0; t < trials; t++) {
    const busyBefore = await taskSeconds()
    const result = await page.evaluate(async (cap) => {
      const w = window as unknown as { longTasks: Array<{ start: number; duration: number }> }
      const box = document.querySelector<HTMLInputElement>('.control[data-key="linkWorkers.caseloadCapPerFte"] input[type=number]')!
      const start = performance.now()
      box.value = String(cap)
      box.dispatchEvent(new Event("change"))
      // Polls for the page's own marks: their times are exact however seldom the poll looks, and a slow
      // poll takes less of the main thread from the run it measures.
      const mark = (name: string) => new Promise<number>((resolve) => {
        const poll = () => {
          const m = performance.getEntriesByName(name, "mark")[0]
          if (m !== undefined) resolve(m.startTime)
          else setTimeout(poll, 50)
        }
        poll()
      })
      const band = await mark("spsim:first-band")
      const end = await mark("spsim:done")
      // Let a last redraw land before reading the long tasks.
      await new Promise((r) => setTimeout(r, 200))
      const tasks = w.longTasks.filter((x) => x.start >= start)
      const measures = performance.getEntriesByType("measure").filter((m) => m.name.startsWith("spsim:draw:"))
      const draws = measures.map((m) => m.duration)
      const slowest = measures.reduce((a, m) => (m.duration > a.duration ? m : a), { name: "-", duration: 0 })
      const replicateMs = Number(document.getElementById("status")?.dataset.replicateMs)
      return { band: band - start, end: end - start, longest: Math.max(0, ...tasks.map((x) => x.duration)), longTasks: tasks.length, slowestDraw: Math.max(0, ...draws), slowestName: slowest.name.replace("spsim:draw:", ""), draws: draws.length, drawMs: draws.reduce((a, b) => a + b, 0), replicateMs }
    }, t % 2 === 0 ? 80 : 90)
    const busyMs = (await taskSeconds() - busyBefore) * 1000
    firstBand.push(result.band)
    all.push(result.end)
    longest.push(result.longest)
    console.log(`trial ${t + 1}: first band (>= 20 replicates) ${result.band.toFixed(0)} ms, ${replicates} replicates ${result.end.toFixed(0)} ms, longest main-thread task ${result.longest.toFixed(0)} ms (${result.longTasks} tasks over 50 ms; ${result.draws} chart drawings, slowest ${result.slowestDraw.toFixed(0)} ms (${result.slowestName}), ${result.drawMs.toFixed(0)} ms in all; main thread busy ${busyMs.toFixed(0)} ms; ${result.replicateMs.toFixed(0)} ms a replicate in a worker)`)
  }
  console.log(`median of ${trials}: first band ${median(firstBand).toFixed(0)} ms (target <= 1000), ${replicates} replicates ${median(all).toFixed(0)} ms (target <= 4000), longest task ${median(longest).toFixed(0)} ms (target < 100); worst longest task ${Math.max(...longest).toFixed(0)} ms`)
} finally {
  await browser.close()
  await site.close()
  rmSync(outDir, { recursive: true, force: true })
}
