/** Redraws between the first band and the end skip charts off screen; a chart that missed one is redrawn when it comes into view. */
import { describe, expect, it } from "vitest"
import { type ObserverFactory, OnScreen } from "../../web/src/views/onScreen.ts"
import type { Drawable, RedrawScheduler } from "../../web/src/views/redrawScheduler.ts"

/** A scheduler that records what it was asked to redraw, and an observer the test moves by hand. */
const setup = () => {
  const asked: Array<string> = []
  const scheduler = { invalidate: (ds: Iterable<Drawable>) => { for (const d of ds) asked.push(d.name) } } as unknown as RedrawScheduler
  let report: Parameters<ObserverFactory>[0] = () => undefined
  const observed: Array<Element> = []
  const observer: ObserverFactory = (onChange) => {
    report = onChange
    return { observe: (e) => observed.push(e) }
  }
  const drawable = (name: string): Drawable => ({ name, draw: () => undefined })
  const [top, low, headline] = [drawable("top"), drawable("low"), drawable("headline")]
  const elements = { top: { id: "top" } as unknown as Element, low: { id: "low" } as unknown as Element }
  const onScreen = new OnScreen(scheduler, [{ drawable: top, element: elements.top }, { drawable: low, element: elements.low }], observer)
  const scroll = (visible: { top: boolean; low: boolean }) =>
    report([{ target: elements.top, isIntersecting: visible.top }, { target: elements.low, isIntersecting: visible.low }])
  return { asked, onScreen, scroll, observed, all: [headline, top, low] }
}

describe("redrawing only what is on screen", () => {
  it("watches every chart's figure", () => {
    const { observed } = setup()
    expect(observed.map((e) => (e as unknown as { id: string }).id)).toEqual(["top", "low"])
  })

  it("redraws charts on screen, and unwatched drawables, at once", () => {
    const { asked, onScreen, scroll, all } = setup()
    scroll({ top: true, low: false })
    onScreen.onScreenOnly(all)
    expect(asked).toEqual(["headline", "top"])
  })

  it("redraws a chart that missed a redraw when it scrolls into view, once", () => {
    const { asked, onScreen, scroll, all } = setup()
    scroll({ top: true, low: false })
    onScreen.onScreenOnly(all)
    onScreen.onScreenOnly(all)
    asked.length = 0
    scroll({ top: false, low: true })
    expect(asked).toEqual(["low"])
    scroll({ top: false, low: false })
    scroll({ top: false, low: true })
    expect(asked).toEqual(["low"])
  })

  it("redraws everything when asked, and then owes nothing", () => {
    const { asked, onScreen, scroll, all } = setup()
    scroll({ top: true, low: false })
    onScreen.onScreenOnly(all)
    onScreen.everything(all)
    expect(asked).toEqual(["headline", "top", "headline", "top", "low"])
    asked.length = 0
    scroll({ top: true, low: true })
    expect(asked).toEqual([])
  })
})
