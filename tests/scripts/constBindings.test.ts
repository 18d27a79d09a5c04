import { build } from "esbuild"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { nodeBundle } from "../../scripts/bundle.mjs"
import { restoreConstBindings } from "../../scripts/constBindings.mjs"

const bundle = [
  "// node_modules/lib/index.js",
  "var libValue = 1;",
  "",
  "// src/model/random.ts",
  "var logBins = 2048;",
  "var mix32 = (x) => x ^ x >>> 16;",
  "var counter = 0;",
  "var total = 0;",
  "var later;",
  "var PeopleArrays = class {",
  "  constructor(n) { this.n = n; }",
  "};",
  "function bump() { counter++; total += 2; }",
  "",
  "// src/model/sim.ts",
  "var step = (sim) => { let logBins2 = 1; logBins2 = 2; return mix32(logBins) + logBins2; };",
  "var cache = null;",
  "var fill = () => { cache = new Map(); };",
  "later = 3;"
].join("\n")

describe("restoring const to our modules' top-level bindings in a bundle", () => {
  const { code, names } = restoreConstBindings(bundle)
  const lines = code.split("\n")

  it("makes const each binding of ours with a value that nothing assigns", () => {
    expect(names).toEqual(["logBins", "mix32", "PeopleArrays", "step", "fill"])
    expect(lines).toContain("const logBins = 2048;")
    expect(lines).toContain("const mix32 = (x) => x ^ x >>> 16;")
    expect(lines).toContain("const PeopleArrays = class {")
  })

  it("keeps var where the name is assigned, incremented or only declared", () => {
    expect(lines).toContain("var counter = 0;")
    expect(lines).toContain("var total = 0;")
    expect(lines).toContain("var cache = null;")
    expect(lines).toContain("var later;")
  })

  it("leaves other packages' code alone", () => {
    expect(lines).toContain("var libValue = 1;")
  })

  it("changes nothing else, and the result still runs", () => {
    expect(code.replace(/^const /gm, "var ")).toBe(bundle)
    const run = new Function(`${code}\nbump(); fill(); return [step(), counter, total, cache instanceof Map, later];`)
    // step: mix32(2048) + 2 = 2048 + 2.
    expect(run()).toEqual([2050, 1, 2, true, 3])
  })
})

describe("restoring const in a bundle esbuild makes of the engine, as the CLI's build does", () => {
  it("finds our modules by esbuild's markers and makes the engine's hot functions and constants const", async () => {
    const root = fileURLToPath(new URL("../..", import.meta.url))
    const result = await build({ ...nodeBundle, absWorkingDir: root, entryPoints: ["src/model/simulate.ts"], write: false })
    const text = result.outputFiles[0].text
    // esbuild still writes them as var (were it not to, this would no longer be needed).
    expect(text).toMatch(/^var negLogUniform = /m)
    const { code, names } = restoreConstBindings(text)
    for (const name of ["negLogUniform", "mix32", "personExponential", "engagedWeeks", "nextEventOf"]) {
      expect(names).toContain(name)
      expect(code).toMatch(new RegExp(`^const ${name} = `, "m"))
    }
    // Packages (seedrandom, effect) are left as esbuild wrote them.
    expect(code).not.toMatch(/^const require_seedrandom/m)
  })
})
