// One TypeScript entry point bundled into one plain-JavaScript file for Node, as the CLI is (scripts/build-cli.mjs):
// packages included, our modules' top-level bindings `const` again (scripts/constBindings.mjs). For the benches,
// so that they measure the engine as the CLI runs it.
import { build } from "esbuild"
import { writeFileSync } from "node:fs"
import { restoreConstBindings } from "./constBindings.mjs"

/** esbuild's options for a bundle Node runs, the CLI's and the benches' alike (add entry points and where to write). */
export const nodeBundle = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // CommonJS packages bundled into ESM still call require(): give them Node's.
  banner: { js: "import { createRequire as __spsimCreateRequire } from \"node:module\"; const require = __spsimCreateRequire(import.meta.url);" },
  logLevel: "warning"
}

/** Bundles `entry` (relative to `root`) into `outfile`. */
export const bundleFile = async (root, entry, outfile) => {
  const result = await build({ ...nodeBundle, absWorkingDir: root, entryPoints: [entry], write: false })
  writeFileSync(outfile, restoreConstBindings(result.outputFiles[0].text).code)
}
