/** The caseload sweep's key says what is drawn, and over how many replicates a figure some leave out is at each cap. */
import { describe, expect, it } from "vitest"
import { sweepKey } from "../../web/src/views/analysisView.ts"

describe("the caseload sweep's key", () => {
  it("says the median and the middle 90% over the replicates, and nothing more when every replicate has the figure", () => {
    const key = sweepKey(20, [{ value: 40, band: {} }, { value: 60, band: {} }])
    expect(key).toBe("Line and dots: the median over 20 replicates at each caseload cap; band: their 5th to 95th percentile (the middle 90% of the replicates).")
  })

  it("says over how many replicates the cap's week is at each cap, and where none reaches it", () => {
    const key = sweepKey(20, [{ value: 40, band: {} }, { value: 60, band: { replicates: 7 } }, { value: 80, band: undefined }])
    expect(key).toContain("those that reach the cap): 7 of 20 at 60, 0 of 20 at 80; no dot where none has it.")
    expect(key).not.toContain("at 40")
  })
})
