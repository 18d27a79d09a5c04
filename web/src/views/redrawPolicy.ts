/**
 * When new replicates are worth a redraw. Every chart drawing takes the main thread for tens of milliseconds,
 * and on a small machine that time comes out of the workers' cores; so charts are first drawn at the first
 * band (bands from a handful of replicates say little; the status line counts them meanwhile), then when the
 * count has doubled since the last drawing or a while has passed, and at the end: for 200 replicates, at 20, 40,
 * 80, 160 and 200 (growing by half instead, seven drawings of every chart, made the run ~0.3 s longer).
 */
export interface RedrawPolicy {
  readonly growth: number
  readonly firstBand: number
  readonly maxWaitMs: number
}

export const defaultRedrawPolicy: RedrawPolicy = { growth: 2, firstBand: 20, maxWaitMs: 2000 }

export const redrawDue = (
  count: number, drawnCount: number, msSinceDrawn: number, total: number, policy: RedrawPolicy = defaultRedrawPolicy
): boolean =>
  count >= total ||
  (count >= policy.firstBand &&
    (drawnCount < policy.firstBand || count >= drawnCount * policy.growth || msSinceDrawn >= policy.maxWaitMs))
