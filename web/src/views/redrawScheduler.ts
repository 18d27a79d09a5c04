/**
 * Redraws charts a few at a time, one animation frame after another, so that no single main-thread task
 * grows long however many charts there are: new results only mark charts stale; each frame redraws stale
 * charts until a small time budget is spent.
 */
export interface Drawable {
  /** Draws from the latest results. */
  readonly draw: () => void
}

const frameBudgetMs = 24

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
    const start = performance.now()
    for (const d of [...this.stale]) {
      this.stale.delete(d)
      d.draw()
      if (performance.now() - start > frameBudgetMs) break
    }
    if (this.stale.size > 0) this.frame = requestAnimationFrame(() => this.run())
  }
}
