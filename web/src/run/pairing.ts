/**
 * A and B paired replicate by replicate (common random numbers): only replicates both have, in replicate
 * order, go to the CLI's `pairedDifferences`.
 */
import { pairedDifferences, type PairedDifference } from "../../../src/analysis/paired.ts"
import type { Metrics } from "../../../src/results/metrics.ts"

export const pairedByReplicate = (
  a: ReadonlyArray<Metrics | undefined>, b: ReadonlyArray<Metrics | undefined>
): { readonly replicates: number; readonly differences: Record<string, PairedDifference> } => {
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
  return { replicates: left.length, differences: pairedDifferences(left, right) }
}
