/** What a worker sends back for a replicate agrees with the replicate's own metrics, the figures the CLI reports. */
import { beforeAll, describe, expect, it } from "vitest"
import { prepareScenario } from "../../src/ensemble/prepared.ts"
import { runReplicate } from "../../src/ensemble/replicate.ts"
import { weeklyColumns } from "../../src/model/weekly.ts"
import { seriesLayout, starChangeBins, starChangeMin } from "../../web/src/run/layout.ts"
import { type ReplicateOutput, replicateOutput } from "../../web/src/run/replicateOutput.ts"
import { shippedScenario } from "../support/scenarios.ts"

const scenario = shippedScenario()
const layout = seriesLayout(scenario)
let output: ReplicateOutput
let weekly: Record<string, Float64Array>

beforeAll(() => {
  const result = runReplicate(prepareScenario(scenario), scenario.seed, 0)
  weekly = result.sim.weekly.columns
  output = replicateOutput(result, layout)
})

const last = (series: string): number => {
  const s = layout.quarterly.indexOf(series)
  expect(s, series).toBeGreaterThanOrEqual(0)
  return output.quarterly[s * layout.quarters + layout.quarters - 1]
}

describe("a replicate's output for the explorer", () => {
  it("carries the engine's weekly series unchanged", () => {
    expect(output.weekly.length).toBe(weeklyColumns.length * scenario.horizonWeeks)
    const s = weeklyColumns.indexOf("waiting")
    expect(Array.from(output.weekly.subarray(s * scenario.horizonWeeks, (s + 1) * scenario.horizonWeeks))).toEqual(Array.from(weekly.waiting))
  })

  it("records quarters up to the last payment after the horizon", () => {
    // Quarterly payments one period late: the last quarter's payment falls a quarter past the horizon.
    expect(layout.quarters).toBe(Math.floor(((Math.ceil(364 / 13) + 1) * 13 - 1) / 13) + 1)
  })

  it("ends each contract's cumulative payments at the metrics' totals", () => {
    for (const c of scenario.contracts) {
      const m = (f: string) => output.metrics[`${c.name}.${f}`]
      expect(last(`${c.name}.totalPaid`)).toBeCloseTo(m("commissionerOutlay"), 2)
      expect(last(`${c.name}.outcomePaid`)).toBeCloseTo(m("outcomePayments"), 2)
      for (const p of c.payers) expect(last(`${c.name}.paid.${p.name}`)).toBeCloseTo(m(`paymentsByPayer.${p.name}`), 2)
    }
  })

  it("ends each party's cash position at its net flows: the investor's return, the commissioner's net cost", () => {
    const m = (f: string) => output.metrics[`outcomes.${f}`]
    expect(last("outcomes.cash.investor")).toBeCloseTo(m("investorRepaid") - m("investorCapitalDrawn"), 2)
    expect(last("outcomes.cash.commissioner")).toBeCloseTo(-m("commissionerNetCost"), 2)
    expect(last("outcomes.cash.provider")).toBeCloseTo(m("providerSurplus") + 0, 2)
    // The J-curve: the investor is out of pocket (never by more than it drew) before outcome payments repay it.
    const s = layout.quarterly.indexOf("outcomes.cash.investor")
    const investor = Array.from(output.quarterly.subarray(s * layout.quarters, (s + 1) * layout.quarters))
    expect(investor[0]).toBeLessThan(0)
    expect(Math.min(...investor)).toBeGreaterThanOrEqual(-m("investorCapitalDrawn") - 1e-6)
    expect(investor[investor.length - 1]).toBeGreaterThan(0)
  })

  it("gives the Star change distribution as shares whose mean matches starChangeMean", () => {
    expect(output.starChange.length).toBe(starChangeBins)
    const total = output.starChange.reduce((s, x) => s + x, 0)
    expect(total).toBeCloseTo(1, 10)
    const mean = output.starChange.reduce((s, x, i) => s + x * (starChangeMin + i), 0)
    // End bins gather the tails, so the binned mean is close to, not exactly, the metric.
    expect(mean).toBeCloseTo(output.metrics.starChangeMean, 0)
  })
})
