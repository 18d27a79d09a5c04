/**
 * Reads V8's basic-block profile (`node --turbo-profiling-verbose`, printed at exit): for each function TurboFan
 * compiled, "block counts for NAME:" with each block's count ("block B7 : 1234"), then the machine code, in which
 * every block starts with its counter's increment (a 32-bit load from the counters' array at 4 × the block's
 * number, `leal` of that register + 1, and six more instructions). Used by `bench/instructions.ts`.
 */
/** Instructions executed per function in one process's optimized code, from V8's printed block counts. */
export const instructionsByFunction = (output: string): Map<string, number> => {
  const lines = output.split("\n")
  const byFunction = new Map<string, number>()
  // A block counter: a 32-bit load from the counters' array (at 4 × the block's number), then +1 (8 instructions).
  const counterLoad = /\s(?:movl|REX\.W movq) (r[a-z0-9]+),\[r[a-z0-9]+(?:\+0x([0-9a-f]+))?\]\s*$/
  for (let i = 0; i < lines.length; i++) {
    const header = /^block counts for (.*):$/.exec(lines[i])
    if (header === null) continue
    const name = header[1]
    const counts = new Map<number, number>()
    for (i++; i < lines.length && lines[i].startsWith("block B"); i++) {
      const m = /^block B(\d+) : (\d+)/.exec(lines[i])
      if (m !== null) counts.set(Number(m[1]), Number(m[2]))
    }
    while (i < lines.length && !lines[i].startsWith("Instructions (size")) i++
    let block = 0
    let total = 0
    for (i++; i < lines.length && /^0x[0-9a-f]+\s/.test(lines[i]); i++) {
      const m = counterLoad.exec(lines[i].split(";;")[0])
      if (m !== null && lines[i + 1]?.includes(`[${m[1]}+0x1]`)) {
        block = parseInt(m[2] ?? "0", 16) / 4
        i += 7
        continue
      }
      total += counts.get(block) ?? 0
    }
    byFunction.set(name, (byFunction.get(name) ?? 0) + total)
  }
  return byFunction
}
