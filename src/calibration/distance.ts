/**
 * How far a parameter set's simulated targets are from the published record: each target's miss outside
 * the range counted as a match, in units of that range's half-width (0 inside the range), combined as a
 * Euclidean norm. A target the simulation could not measure counts as a very large miss.
 */

/** A target as the distance sees it: the range counted as a match. */
export interface TargetRange {
  readonly low: number
  readonly high: number
}

/** The miss of one simulated value, in half-widths of the target's range (0 inside it). */
export const targetMiss = (simulated: number, target: TargetRange): number => {
  if (!Number.isFinite(simulated)) return UNMEASURED
  const half = (target.high - target.low) / 2 || Math.abs((target.high + target.low) / 2) || 1
  const outside = simulated < target.low ? target.low - simulated : simulated > target.high ? simulated - target.high : 0
  return outside / half
}

const UNMEASURED = 1e6

export const distance = (simulated: ReadonlyArray<number>, targets: ReadonlyArray<TargetRange>): number => {
  let d = 0
  targets.forEach((t, i) => {
    const z = targetMiss(simulated[i], t)
    d += z * z
  })
  return Math.sqrt(d)
}
