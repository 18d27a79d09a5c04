import { describe, expect, it } from "vitest"
import { instructionsByFunction } from "../../bench/instructionCounts.ts"

/** A block counter as TurboFan emits it: load, +1, saturate, store (8 instructions). */
const counter = (offset: number): Array<string> => {
  const at = offset === 0 ? "[rdx]" : `[rdx+0x${offset.toString(16)}]`
  return [
    `0x10     0  8b0a                 movl rcx,${at}`,
    "0x12     2  8d7901               leal rdi,[rcx+0x1]",
    "0x15     5  3bf9                 cmpl rdi,rcx",
    "0x17     7  0f92c1               setcl cl",
    "0x1a     a  0fb6c9               movzxbl rcx,rcx",
    "0x1d     d  f7d9                 negl rcx",
    "0x1f     f  0bcf                 orl rcx,rdi",
    `0x21    11  890a                 movl ${at},rcx`
  ]
}
const code = (...instructions: Array<string>): Array<string> => instructions.map((ins, i) => `0x${(0x100 + i).toString(16)}   ${i}  90   ${ins}`)

const profile = (name: string, counts: Record<number, number>, body: Array<string>): string =>
  [`block counts for ${name}:`, ...Object.entries(counts).map(([b, n]) => `block B${b} : ${n}`), "", "kind = TURBOFAN", "Instructions (size = 99)", ...body, "", "Safepoints (entries = 0)"].join("\n")

describe("instructions by function from V8's basic-block profile", () => {
  it("multiplies each block's own instructions by its count, leaving out the counters", () => {
    const f = profile("f", { 0: 10, 1: 3, 2: 0 }, [
      // Block 0: two instructions before its counter (the prologue), two after.
      ...code("REX.W movq rbx,[rcx-0x8]", "movl rdx,0x453c2400"),
      ...counter(0),
      ...code("REX.W movq rbp,rsp", "push rbp"),
      // Block 1 (4 × 1 bytes on): three instructions, one of them a load that is not a counter.
      ...counter(4),
      ...code("movl rax,[rbx+0x10]", "addl rax,0x1", "ret"),
      // Block 2 never ran.
      ...counter(8),
      ...code("int3")
    ])
    expect(instructionsByFunction(f).get("f")).toBe(4 * 10 + 3 * 3)
  })

  it("adds up the versions of a function V8 compiled more than once", () => {
    const once = profile("g", { 0: 5 }, [...counter(0), ...code("nop", "ret")])
    const twice = `${once}\n${profile("g", { 0: 7 }, [...counter(0), ...code("ret")])}`
    expect(instructionsByFunction(twice).get("g")).toBe(2 * 5 + 7)
    expect(instructionsByFunction(once).get("g")).toBe(10)
  })

  it("reads the machine code of the function whose counts it read, not the next one's", () => {
    const two = `${profile("a", { 0: 2 }, [...counter(0), ...code("nop")])}\n${profile("b", { 0: 100 }, [...counter(0), ...code("nop", "nop")])}`
    const byFunction = instructionsByFunction(two)
    expect(byFunction.get("a")).toBe(2)
    expect(byFunction.get("b")).toBe(200)
  })
})
