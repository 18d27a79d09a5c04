/**
 * Which charts are on screen, so that a run's intermediate redraws skip those nobody can see: each drawing of a
 * chart costs the main thread ~15 ms (drawing, layout and paint), and on a small machine that comes out of the
 * workers' cores. A chart off screen that missed a redraw is redrawn as soon as it scrolls into view; the first
 * band and the end of a run redraw every chart (`everything`).
 */
import type { Drawable, RedrawScheduler } from "./redrawScheduler.ts"

export interface Watched {
  readonly drawable: Drawable
  readonly element: Element
}

/** What `OnScreen` needs of `IntersectionObserver` (a stand-in in tests). */
export type ObserverFactory = (onChange: (changes: ReadonlyArray<{ readonly target: Element; readonly isIntersecting: boolean }>) => void) => {
  observe(element: Element): void
}

const intersectionObserver: ObserverFactory = (onChange) =>
  // A margin, so that a chart just below the fold is kept fresh for a short scroll.
  new IntersectionObserver((entries) => onChange(entries), { rootMargin: "200px 0px" })

export class OnScreen {
  private readonly byElement = new Map<Element, Drawable>()
  /** Watched drawables on screen (or near it); unwatched ones count as always on screen. */
  private readonly visible = new Set<Drawable>()
  private readonly watched = new Set<Drawable>()
  /** Watched drawables off screen that are behind the latest results. */
  private readonly missed = new Set<Drawable>()

  constructor(private readonly scheduler: RedrawScheduler, watch: ReadonlyArray<Watched>, observer: ObserverFactory = intersectionObserver) {
    const observing = observer((changes) => {
      for (const change of changes) {
        const drawable = this.byElement.get(change.target)
        if (drawable === undefined) continue
        if (!change.isIntersecting) {
          this.visible.delete(drawable)
          continue
        }
        this.visible.add(drawable)
        if (this.missed.delete(drawable)) this.scheduler.invalidate([drawable])
      }
    })
    for (const w of watch) {
      this.byElement.set(w.element, w.drawable)
      this.watched.add(w.drawable)
      observing.observe(w.element)
    }
  }

  /** Redraws the drawables on screen now, the others when they come into view. */
  onScreenOnly(drawables: Iterable<Drawable>): void {
    const now: Array<Drawable> = []
    for (const d of drawables) {
      if (!this.watched.has(d) || this.visible.has(d)) now.push(d)
      else this.missed.add(d)
    }
    this.scheduler.invalidate(now)
  }

  /** Redraws every drawable, on screen or not. */
  everything(drawables: Iterable<Drawable>): void {
    const all = [...drawables]
    for (const d of all) this.missed.delete(d)
    this.scheduler.invalidate(all)
  }
}
