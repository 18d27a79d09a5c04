/**
 * Redraws charts one per animation frame, so that no single main-thread task grows long however many charts
 * there are: new results only mark charts stale, and each frame redraws the next stale one.
 */
export interface Drawable {
  readonly name: string
  /** Draws from the latest results. */
  readonly draw: () => void
}

export class RedrawScheduler {
  private readonly stale = new Set<Drawable>()
  private frame: number | undefined

  /** Marks every drawable stale; they are redrawn over the coming frames. */
  invalidate(drawables: Iterable<Drawable>): void {
    for (const d of drawables) this.stale.add(d)
    this.frame ??= requestAnimationFrame(() => this.run())
  }

  private run(): void {
    this.frame = undefined
    const next = this.stale.values().next()
    if (!next.done) {
      this.stale.delete(next.value)
      const began = performance.now()
      next.value.draw()
      // Each drawing's duration, for the benchmark's account of the main thread.
      performance.measure(`spsim:draw:${next.value.name}`, { start: began, end: performance.now() })
    }
    if (this.stale.size > 0) this.frame = requestAnimationFrame(() => this.run())
  }
}
