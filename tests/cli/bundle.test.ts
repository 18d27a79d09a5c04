/**
 * The bundled CLI (dist/cli, built by `npm install` through scripts/build-cli.mjs) is what users run: it must
 * give exactly what the sources give, its worker threads included. In CI the bundle must exist; on a
 * developer's machine without one (e.g. installed with --ignore-scripts) there is nothing to compare.
 */
import { spawnSync } from "node:child_process"
import { existsSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"

const root = fileURLToPath(new URL("../..", import.meta.url))
const bundle = join(root, "dist/cli/main.mjs")
const wtw = join(root, "scenarios/ways-to-wellness.json")

const run = (entry: string, fromSource: boolean) => {
  const r = spawnSync(process.execPath, [entry, "run", wtw, "--replicates", "4", "--workers", "2", "--json"], {
    encoding: "utf8",
    env: { ...process.env, SPSIM_FROM_SOURCE: fromSource ? "1" : "0" }
  })
  expect(r.status, r.stderr).toBe(0)
  return JSON.parse(r.stdout)
}

describe("the bundled CLI", () => {
  it.runIf(existsSync(bundle) || process.env.CI === "true")("gives the same summary as the sources, with worker threads", () => {
    expect(existsSync(bundle), "dist/cli/main.mjs: npm ci should have built it (the prepare script)").toBe(true)
    const fromBundle = run(bundle, false)
    const fromSource = run(join(root, "bin/spsim.mjs"), true)
    expect(fromBundle).toEqual(fromSource)
  }, 120_000)
})
