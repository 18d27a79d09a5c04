#!/usr/bin/env node
// Runs the CLI in this process, so Ctrl-C reaches the program directly. From the bundle in dist/cli when it is
// at least as new as every source file (`npm install` builds it: scripts/build-cli.mjs), otherwise from the
// TypeScript sources through tsx, so that `npx spsim` never needs a build step and never runs stale code.
import { readdirSync, statSync } from "node:fs"
import { fileURLToPath } from "node:url"

const bundle = new URL("../dist/cli/main.mjs", import.meta.url)

const newestSource = (dir) => {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs)
  }
  return newest
}

const bundleIsCurrent = () => {
  try {
    return statSync(bundle).mtimeMs >= newestSource(fileURLToPath(new URL("../src", import.meta.url)))
  } catch {
    return false
  }
}

if (process.env.SPSIM_FROM_SOURCE !== "1" && bundleIsCurrent()) {
  await import(bundle.href)
} else {
  const { register } = await import("tsx/esm/api")
  register()
  await import("../src/cli/main.ts")
}
