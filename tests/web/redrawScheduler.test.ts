/** Charts are redrawn over frames: the first stale chart of a frame always, then others while their last drawing time fits the budget. */
import { describe, expect, it } from "vitest"
import { type Drawable, type FrameClock, RedrawScheduler } from "../../web/src/views/redrawScheduler.ts"

/** A clock the test advances: each drawing takes its chart's cost in ms; frames run when the test says. */
const setup = (costs: Record<string, number>, budgetMs = 40) => {
  let now = 0
  let frames: Array<() => void> = []
  const frameLog: Array<Array<string>> = []
  const measured: Array<[string, number]> = []
  const clock: FrameClock = {
    requestFrame: (run) => void frames.push(run),
    now: () => now,
    measure: (name, start, end) => void measured.push([name, end - start])
  }
  const scheduler = new RedrawScheduler(clock, budgetMs)
  let current: Array<string> = []
  const drawable = (name: string): Drawable => ({
    name,
    draw: () => {
      current.push(name)
      now += costs[name]
    }
  })
  const runFrames = () => {
    while (frames.length > 0) {
      const due = frames
      frames = []
      for (const f of due) {
        current = []
        f()
        frameLog.push(current)
      }
    }
  }
  const pendingFrames = () => frames.length
  return { scheduler, drawable, runFrames, frameLog, measured, pendingFrames }
}

describe("redraw scheduler", () => {
  it("draws a chart it has not timed in a frame of its own, then packs charts into frames by their last times", () => {
    const { scheduler, drawable, runFrames, frameLog } = setup({ a: 10, b: 15, c: 20, d: 30 })
    const all = ["a", "b", "c", "d"].map(drawable)
    scheduler.invalidate(all)
    runFrames()
    expect(frameLog).toEqual([["a"], ["b"], ["c"], ["d"]])
    frameLog.length = 0
    scheduler.invalidate(all)
    runFrames()
    // a (10) + b (15) = 25, c would make 45 > 40; c (20) alone, d would make 50; d.
    expect(frameLog).toEqual([["a", "b"], ["c"], ["d"]])
  })

  it("always draws one chart a frame, however slow", () => {
    const { scheduler, drawable, runFrames, frameLog } = setup({ slow: 90, quick: 1 })
    const all = [drawable("slow"), drawable("quick")]
    scheduler.invalidate(all)
    runFrames()
    scheduler.invalidate(all)
    runFrames()
    expect(frameLog.slice(2)).toEqual([["slow"], ["quick"]])
  })

  it("asks for one frame however often charts are marked stale, and none when nothing is", () => {
    const { scheduler, drawable, runFrames, frameLog, pendingFrames } = setup({ a: 1 })
    scheduler.invalidate([])
    expect(pendingFrames()).toBe(0)
    const a = drawable("a")
    scheduler.invalidate([a])
    scheduler.invalidate([a])
    expect(pendingFrames()).toBe(1)
    runFrames()
    expect(frameLog).toEqual([["a"]])
  })

  it("records each drawing's time", () => {
    const { scheduler, drawable, runFrames, measured } = setup({ a: 3, b: 4 })
    scheduler.invalidate([drawable("a"), drawable("b")])
    runFrames()
    expect(measured).toEqual([["a", 3], ["b", 4]])
  })
})
