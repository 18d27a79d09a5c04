import { describe, expect, it } from "vitest"
import { isLongRun, longRunPersonWeeks } from "../../src/ensemble/v8Flags.ts"
import { shippedScenario } from "../support/scenarios.ts"

describe("raising V8's inlining budget for long runs", () => {
  const wtw = shippedScenario("ways-to-wellness")
  const england = shippedScenario("england")

  it("leaves a short run (the default 20 replicates) with V8's defaults, whose compile is quicker", () => {
    expect(isLongRun(wtw, 20)).toBe(false)
    expect(isLongRun(wtw, 1)).toBe(false)
  })

  it("raises it for many replicates of Ways to Wellness and for one national run", () => {
    expect(isLongRun(wtw, 1000)).toBe(true)
    expect(isLongRun(england, 1)).toBe(true)
  })

  it("draws the line at about 400 replicates of Ways to Wellness", () => {
    const perReplicate = wtw.practices.population * wtw.horizonWeeks
    const threshold = Math.ceil(longRunPersonWeeks / perReplicate)
    expect(threshold).toBeGreaterThanOrEqual(380)
    expect(threshold).toBeLessThanOrEqual(450)
    expect(isLongRun(wtw, threshold - 1)).toBe(false)
    expect(isLongRun(wtw, threshold)).toBe(true)
  })
})
