/**
 * Redraws charts over animation frames, so that no single main-thread task grows long however many charts
 * there are: new results only mark charts stale, and each frame redraws stale ones while they fit in a frame
 * budget. A frame draws its first stale chart whatever it costs, then the next ones only where the chart's own
 * last drawing time says it still fits in `budgetMs`: a chart drawn for the first time has no such time, so it
 * waits for a frame of its own. Fewer frames per redraw means fewer of the page's style, layout and paint
 * passes (about 7 ms each on the 2-core development machine), which come out of the workers' cores.
 */
export interface Drawable {
  readonly name: string
  /** Draws from the latest results. */
  readonly draw: () => void
}

/** What the scheduler needs from the browser; tests give their own. */
export interface FrameClock {
  readonly requestFrame: (run: () => void) => void
  readonly now: () => number
  /** Records one drawing (the benchmark reads these as `spsim:draw:<name>` measures). */
  readonly measure: (name: string, start: number, end: number) => void
}

const browserClock: FrameClock = {
  requestFrame: (run) => void requestAnimationFrame(run),
  now: () => performance.now(),
  measure: (name, start, end) => void performance.measure(`spsim:draw:${name}`, { start, end })
}

/** Time a frame may spend drawing (the browser reports tasks over 50 ms as long). */
export const frameBudgetMs = 24

export class RedrawScheduler {
  private readonly stale = new Set<Drawable>()
  /** Each drawable's last drawing time, ms. */
  private readonly lastMs = new Map<string, number>()
  private pending = false

  constructor(private readonly clock: FrameClock = browserClock, private readonly budgetMs = frameBudgetMs) {}

  /** Marks every drawable stale; they are redrawn over the coming frames. */
  invalidate(drawables: Iterable<Drawable>): void {
    for (const d of drawables) this.stale.add(d)
    if (!this.pending && this.stale.size > 0) {
      this.pending = true
      this.clock.requestFrame(() => this.run())
    }
  }

  private run(): void {
    this.pending = false
    const began = this.clock.now()
    let first = true
    for (const d of this.stale) {
      const expected = this.lastMs.get(d.name)
      if (!first && (expected === undefined || this.clock.now() - began + expected > this.budgetMs)) break
      first = false
      this.stale.delete(d)
      const start = this.clock.now()
      d.draw()
      const end = this.clock.now()
      this.lastMs.set(d.name, end - start)
      this.clock.measure(d.name, start, end)
    }
    if (this.stale.size > 0) {
      this.pending = true
      this.clock.requestFrame(() => this.run())
    }
  }
}
