// `npm run bench` runs bench/run.ts from a bundle (dist/bench-run.mjs, with bench/england.ts and bench/probe.ts
// beside it), made as the CLI's is, so that its figures are those of the code a user runs: the CLI's bundle, whose
// top-level bindings are `const` again, runs a replicate ~12% faster than the same code through tsx, where each
// imported function is a live binding V8 checks at every call (scripts/constBindings.mjs).
import { mkdirSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { bundleFile } from "./bundle.mjs"

const root = fileURLToPath(new URL("..", import.meta.url))
mkdirSync(new URL("../dist", import.meta.url), { recursive: true })
for (const name of ["run", "england", "probe"]) {
  await bundleFile(root, `bench/${name}.ts`, fileURLToPath(new URL(`../dist/bench-${name}.mjs`, import.meta.url)))
}
