// One TypeScript entry point bundled into one plain-JavaScript file for Node, as the CLI is (scripts/build-cli.mjs):
// packages included, our modules' top-level bindings `const` again (scripts/constBindings.mjs). For the benches,
// so that they measure the engine as the CLI runs it.
import { build } from "esbuild"
import { writeFileSync } from "node:fs"
import { restoreConstBindings } from "./constBindings.mjs"

/** CommonJS packages bundled into ESM still call require(): the bundle gives them Node's. */
export const banner = "import { createRequire as __spsimCreateRequire } from \"node:module\"; const require = __spsimCreateRequire(import.meta.url);"

/** Bundles `entry` (relative to `root`) into `outfile`. */
export const bundleFile = async (root, entry, outfile) => {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    write: false,
    platform: "node",
    format: "esm",
    target: "node20",
    banner: { js: banner },
    logLevel: "warning"
  })
  writeFileSync(outfile, restoreConstBindings(result.outputFiles[0].text).code)
}
