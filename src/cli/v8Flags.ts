/**
 * V8's inlining budget, raised for the engine's weekly loop. Imported first by the CLI (and the benchmarks),
 * before any replicate runs: the flags are process-wide, so the pool's worker threads share them.
 *
 * By default TurboFan stops inlining into a function once the callees it has inlined add up to 920 bytes of
 * bytecode (`--max-inlined-bytecode-size-cumulative`). The week's step calls a few dozen small event handlers
 * (`engagedWeek.ts` and the modules it calls), so past the first few they stay calls. With the budget raised, one Ways to Wellness replicate ran ~12% faster in alternating
 * runs pinned to one CPU (docs/architecture.md, "Where the time goes"); outputs are the same to the bit (the
 * JIT does not change the arithmetic). The browser explorer cannot set V8 flags and runs without it.
 */
import { setFlagsFromString } from "node:v8"

export const engineV8Flags = ["--max-inlined-bytecode-size-cumulative=30000", "--max-inlined-bytecode-size-absolute=60000"]

for (const flag of engineV8Flags) setFlagsFromString(flag)
