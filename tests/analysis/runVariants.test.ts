import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { runVariants } from "../../src/analysis/runVariants.ts"
import { scenarioWith } from "../support/scenarios.ts"

describe("running scenario variants", () => {
  it("gives each variant its own replicates, on the same seeds", async () => {
    const short = (gain: number) => scenarioWith((d) => {
      d.horizonWeeks = 104
      d.contracts = []
      d.wellbeing.gainEventsPerWeek = gain
    })
    const runs = await Effect.runPromise(runVariants([short(0.05), short(0.2), short(0.05)], { seed: 3, replicates: 2, workers: 1 }))
    expect(runs.map((r) => r.length)).toEqual([2, 2, 2])
    expect(runs[1][0].starChangeMean).toBeGreaterThan(runs[0][0].starChangeMean)
    expect(runs[2]).toEqual(runs[0])
  })
})
