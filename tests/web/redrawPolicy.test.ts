import { describe, expect, it } from "vitest"
import { redrawDue } from "../../web/src/views/redrawPolicy.ts"

describe("when to redraw as replicates arrive", () => {
  it("draws at the first band, then as the count doubles, and at the end", () => {
    const drawnAt: Array<number> = []
    let drawn = 0
    for (let n = 1; n <= 200; n++) {
      if (redrawDue(n, drawn, 0, 200)) {
        drawn = n
        drawnAt.push(n)
      }
    }
    expect(drawnAt).toEqual([20, 40, 80, 160, 200])
  })

  it("draws after a while however few have arrived since, but never before the first band", () => {
    expect(redrawDue(41, 40, 100, 200)).toBe(false)
    expect(redrawDue(41, 40, 2500, 200)).toBe(true)
    expect(redrawDue(19, 0, 5000, 200)).toBe(false)
  })

  it("draws a run smaller than the first band when it ends", () => {
    expect(redrawDue(4, 0, 0, 5)).toBe(false)
    expect(redrawDue(5, 0, 0, 5)).toBe(true)
  })
})
