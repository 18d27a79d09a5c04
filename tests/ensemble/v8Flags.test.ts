import { describe, expect, it } from "vitest"
import { isLongRun, longRunPersonWeeks } from "../../src/ensemble/v8Flags.ts"
import { shippedScenario } from "../support/scenarios.ts"

describe("raising V8's inlining budget for long runs", () => {
  const wtw = shippedScenario("ways-to-wellness")
  const england = shippedScenario("england")
  const replicatesOf = (scenario: typeof wtw) => () => scenario

  it("leaves a short run (the default 20 replicates) with V8's defaults, whose compile is quicker", () => {
    expect(isLongRun(20, replicatesOf(wtw))).toBe(false)
    expect(isLongRun(1, replicatesOf(wtw))).toBe(false)
    expect(isLongRun(0, replicatesOf(england))).toBe(false)
  })

  it("raises it for many replicates of Ways to Wellness and for one national run", () => {
    expect(isLongRun(1000, replicatesOf(wtw))).toBe(true)
    expect(isLongRun(1, replicatesOf(england))).toBe(true)
  })

  it("draws the line at about 400 replicates of Ways to Wellness", () => {
    const perReplicate = wtw.practices.population * wtw.horizonWeeks
    const threshold = Math.ceil(longRunPersonWeeks / perReplicate)
    expect(threshold).toBeGreaterThanOrEqual(380)
    expect(threshold).toBeLessThanOrEqual(450)
    expect(isLongRun(threshold - 1, replicatesOf(wtw))).toBe(false)
    expect(isLongRun(threshold, replicatesOf(wtw))).toBe(true)
  })

  it("judges a sweep by all its design points, not by its first", () => {
    // Twenty small points, then one national: long, though its first point alone would not be.
    const grid = (i: number) => (i < 20 ? wtw : england)
    expect(isLongRun(21, grid)).toBe(true)
    expect(isLongRun(20, grid)).toBe(false)
  })
})
