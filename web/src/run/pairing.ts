/**
 * A and B paired replicate by replicate (common random numbers): only replicates both have, in replicate
 * order, go to the CLI's `pairedDifferences` and `pairedRatio` (src/analysis/paired.ts), so the page's B − A and
 * B / A are `spsim compare`'s.
 */
import { pairedDifferences, type PairedDifference, pairedRatio, type PairedRatio } from "../../../src/analysis/paired.ts"
import type { Metrics } from "../../../src/results/metrics.ts"

export const pairedByReplicate = (
  a: ReadonlyArray<Metrics | undefined>, b: ReadonlyArray<Metrics | undefined>
): {
  readonly replicates: number
  readonly differences: Record<string, PairedDifference>
  /** B as a share of A, over the paired replicates where A is not 0 (a figure A is 0 in throughout has none). */
  readonly ratios: Record<string, PairedRatio>
} => {
  const left: Array<Metrics> = []
  const right: Array<Metrics> = []
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]
    const y = b[i]
    if (x !== undefined && y !== undefined) {
      left.push(x)
      right.push(y)
    }
  }
  const differences = pairedDifferences(left, right)
  // Every figure with a ratio has a difference (the same pairs, fewer where A is 0).
  const ratios: Record<string, PairedRatio> = {}
  for (const name of Object.keys(differences)) {
    const r = pairedRatio(left, right, name)
    if (r !== undefined) ratios[name] = r
  }
  return { replicates: left.length, differences, ratios }
}
