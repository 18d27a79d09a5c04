// Bundles the CLI and the ensemble's worker thread into dist/cli (run by `npm install` / `npm ci` through the
// `prepare` script, or by hand with `npm run build:cli`). Started from the bundle, a command loads our code as
// one plain-JavaScript file instead of compiling every TypeScript file through tsx first: `spsim validate`
// takes about a fifth of the CPU time, and each worker thread starts in a fraction of a second. Packages are bundled too: loading effect's
// and mathjs's hundreds of modules one by one costs more than parsing one file. bin/spsim.mjs falls back to the sources whenever a file in src/ is
// newer than the bundle, so an edit never runs stale code.
import { build } from "esbuild"
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { nodeBundle } from "./bundle.mjs"
import { restoreConstBindings } from "./constBindings.mjs"

const root = fileURLToPath(new URL("..", import.meta.url))
rmSync(new URL("../dist/cli", import.meta.url), { recursive: true, force: true })
await build({
  ...nodeBundle,
  absWorkingDir: root,
  entryPoints: { main: "src/cli/main.ts", worker: "src/ensemble/worker.ts" },
  outdir: "dist/cli",
  outExtension: { ".js": ".mjs" },
  splitting: true
})

// Our modules' top-level bindings as the sources declare them, `const` (esbuild writes them `var`): ~12% of a
// replicate's time (scripts/constBindings.mjs).
const outdir = new URL("../dist/cli/", import.meta.url)
for (const file of readdirSync(outdir)) {
  if (!file.endsWith(".mjs")) continue
  const path = new URL(file, outdir)
  writeFileSync(path, restoreConstBindings(readFileSync(path, "utf8")).code)
}
