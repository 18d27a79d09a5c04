/** Builds the explorer with Vite into a temporary folder and serves it on localhost for the browser tests. */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { build } from "vite"
import type { TestProject } from "vitest/node"
import { serveDirectory } from "./staticServer.ts"

declare module "vitest" {
  export interface ProvidedContext {
    explorerUrl: string
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const outDir = mkdtempSync(join(tmpdir(), "spsim-explorer-"))
  await build({ configFile: "web/vite.config.ts", logLevel: "warn", build: { outDir, emptyOutDir: true } })
  const site = await serveDirectory(outDir)
  project.provide("explorerUrl", site.url)
  return async () => {
    await site.close()
    rmSync(outDir, { recursive: true, force: true })
  }
}
