/**
 * When new replicates are worth a redraw. Redrawing on every arrival would spend the main thread (and, on a
 * small machine, the workers' cores) on charts that barely change; so charts are redrawn when the count has
 * grown by half since the last drawing, when it reaches the first band's size, when a while has passed, and
 * at the end.
 */
export interface RedrawPolicy {
  readonly growth: number
  readonly firstBand: number
  readonly maxWaitMs: number
}

export const defaultRedrawPolicy: RedrawPolicy = { growth: 1.5, firstBand: 20, maxWaitMs: 700 }

export const redrawDue = (
  count: number, drawnCount: number, msSinceDrawn: number, total: number, policy: RedrawPolicy = defaultRedrawPolicy
): boolean =>
  count >= total ||
  drawnCount === 0 ||
  count >= drawnCount * policy.growth ||
  (drawnCount < policy.firstBand && count >= policy.firstBand) ||
  msSinceDrawn >= policy.maxWaitMs
