import { describe, expect, it } from "vitest"
import { redrawDue } from "../../web/src/views/redrawPolicy.ts"

describe("when to redraw as replicates arrive", () => {
  it("draws the first replicate, then as the count grows by half, at the first band and at the end", () => {
    const drawnAt: Array<number> = []
    let drawn = 0
    for (let n = 1; n <= 200; n++) {
      if (redrawDue(n, drawn, 0, 200)) {
        drawn = n
        drawnAt.push(n)
      }
    }
    expect(drawnAt).toEqual([1, 2, 3, 5, 8, 12, 18, 20, 30, 45, 68, 102, 153, 200])
  })

  it("draws after a while however few have arrived", () => {
    expect(redrawDue(41, 40, 100, 200)).toBe(false)
    expect(redrawDue(41, 40, 800, 200)).toBe(true)
  })
})
