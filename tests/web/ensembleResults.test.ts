/** Results gathered in the page, in any arrival order, summarise exactly as the CLI summarises replicates. */
import { beforeAll, describe, expect, it } from "vitest"
import { prepareScenario } from "../../src/ensemble/prepared.ts"
import { runReplicate } from "../../src/ensemble/replicate.ts"
import { summarise } from "../../src/results/summary.ts"
import { EnsembleResults } from "../../web/src/run/ensembleResults.ts"
import { seriesLayout } from "../../web/src/run/layout.ts"
import { type ReplicateOutput, replicateOutput } from "../../web/src/run/replicateOutput.ts"
import { pairedByReplicate } from "../../web/src/run/pairing.ts"
import { scenarioWith } from "../support/scenarios.ts"

const scenario = scenarioWith((d) => {
  d.horizonWeeks = 104
})
const layout = seriesLayout(scenario)
let outputs: Array<ReplicateOutput>

beforeAll(() => {
  const prepared = prepareScenario(scenario)
  outputs = [0, 1, 2, 3].map((r) => replicateOutput(runReplicate(prepared, 11, r), layout))
})

const copy = (o: ReplicateOutput): ReplicateOutput => ({ ...o, weekly: o.weekly.slice(), quarterly: o.quarterly.slice(), starChange: o.starChange.slice() })

describe("results gathered as replicates arrive", () => {
  it("summarise the metrics as the CLI does, in replicate order whatever the arrival order", () => {
    const results = new EnsembleResults(scenario, 11)
    for (const i of [2, 0, 3, 1]) results.add(copy(outputs[i]))
    expect(results.count).toBe(4)
    expect(results.metricsSummary()).toEqual(summarise(outputs.map((o) => o.metrics)))
    expect(results.metrics()).toEqual(outputs.map((o) => o.metrics))
  })

  it("band only the series asked for", () => {
    const results = new EnsembleResults(scenario, 11)
    for (const o of outputs) results.add(copy(o))
    const summary = results.summary({ weekly: ["waiting"], quarterly: ["outcomes.totalPaid"], starChange: true })
    expect(Object.keys(summary.weekly)).toEqual(["waiting"])
    expect(summary.weekly.waiting.p50.length).toBe(104)
    expect(summary.quarterly["outcomes.totalPaid"].p50.length).toBe(layout.quarters)
    expect(summary.starChange?.p50.length).toBeGreaterThan(10)
    const s = layout.weekly.indexOf("waiting")
    const at = (o: ReplicateOutput, w: number) => o.weekly[s * 104 + w]
    for (const w of [10, 50, 100]) {
      const values = outputs.map((o) => at(o, w)).sort((a, b) => a - b)
      expect(summary.weekly.waiting.p50[w]).toBeCloseTo((values[1] + values[2]) / 2, 4)
    }
    expect(results.summary({}).weekly).toEqual({})
  })

  it("pair A and B replicate by replicate, leaving out replicates only one has", () => {
    const a = outputs.map((o) => o.metrics)
    const b = [outputs[0].metrics, undefined, outputs[2].metrics]
    const paired = pairedByReplicate(a, b)
    expect(paired.replicates).toBe(2)
    expect(paired.differences.engaged.difference.p50).toBe(0)
  })
})
