// Gives a bundle's top-level bindings of our own modules back the `const` esbuild takes from them.
//
// When it bundles, esbuild writes every top-level `const`, `let` and `class` as `var` (deliberately, with no option
// to turn it off: https://esbuild.github.io/faq/#top-level-var). To V8 a `var` is a binding that may change, so
// TurboFan's code checks, at every call to a function it has inlined (`personExponential`, `mix32`, …) and at
// every read of a module constant (`logTable`, `starAreas`, …), that the binding still holds what it held when the
// code was compiled; a `const` it can take as fixed. In a replicate of Ways to Wellness that was ~17% of the
// engine's instructions (`npm run bench:instructions`: 320 against 264 million) and ~12% of its time
// (docs/architecture.md, "What limits a replicate now").
//
// Only declarations at the top of a module from `src/` (esbuild marks each module's code with a `// src/…` line),
// with a value (`var x = …`), and whose name is never assigned anywhere in the bundle (`x = `, `x += `, `x++`, …:
// a conservative look, so a local of the same name that is assigned keeps the top-level one a `var`). Our sources
// declare these as `const` (or as a `let` never assigned again), so this restores what they say; unbundled runs
// (tsx, the tests) already run them as such.

const moduleHeader = /^\/\/ (\S+\.(?:ts|tsx|js|mjs|cjs|mts|cts))$/
const declaration = /^var ([A-Za-z_$][\w$]*) = /

/**
 * Every name `code` assigns, increments or decrements (`x = `, `x += `, `x ??= `, `x++`, `--x`), a declaration's own
 * `=` left out; also a name after a comma or in parameters (`var a = 1, b = 2`, `(x = 0) =>`), to be safe.
 */
const assignedNames = (code) => {
  const names = new Set()
  const assignment = /(?<![\w$.])([A-Za-z_$][\w$]*)\s*(?:\*\*|<<|>>>|>>|&&|\|\||\?\?|[-+*/%&|^])?=(?![=>])/g
  for (const m of code.matchAll(assignment)) {
    const before = code.slice(Math.max(0, m.index - 6), m.index)
    if (/(?:^|[^\w$])(?:var|let|const) $/.test(before)) continue
    names.add(m[1])
  }
  for (const m of code.matchAll(/(?:\+\+|--)\s*([A-Za-z_$][\w$]*)|(?<![\w$.])([A-Za-z_$][\w$]*)\s*(?:\+\+|--)/g)) names.add(m[1] ?? m[2])
  return names
}

/**
 * `code` with the top-level `var NAME = ` of the modules `include` accepts (by the path esbuild names them with)
 * written `const NAME = `, where NAME is never assigned. Returns the new code and the names made const.
 */
export const restoreConstBindings = (code, include = (path) => path.startsWith("src/")) => {
  const lines = code.split("\n")
  const assigned = assignedNames(code)
  let section = ""
  const names = []
  for (let i = 0; i < lines.length; i++) {
    const header = moduleHeader.exec(lines[i])
    if (header !== null) {
      section = header[1]
      continue
    }
    if (!include(section)) continue
    const m = declaration.exec(lines[i])
    if (m !== null && !assigned.has(m[1])) {
      lines[i] = `const ${lines[i].slice(4)}`
      names.push(m[1])
    }
  }
  return { code: lines.join("\n"), names }
}
