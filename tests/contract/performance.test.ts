/**
 * "What will this contract cost us under realistic, good and bad performance?": `poor-performance.json` and
 * `strong-performance.json` set the service's performance parameters at the ends of their calibrated posterior's
 * 90% intervals, and, on the same people, order every outcome the way their names say.
 */
import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { getAtPath, withAtPath } from "../../src/scenario/parameters.ts"
import { runMetrics, shippedScenario } from "../support/scenarios.ts"

const record = JSON.parse(readFileSync(new URL("../../calibration/ways-to-wellness.calibration.json", import.meta.url), "utf8")) as {
  posterior: { parameters: ReadonlyArray<{ path: string; p05: number; p95: number }> }
}
/** Performance parameters, and whether more of it is better for the service. */
const performance: ReadonlyArray<readonly [string, boolean]> = [
  ["contact.attendFirstAppointment", true],
  ["disengagement.baseRatePerYear", false],
  ["linkWorkers.turnoverPerYear", false],
  ["wellbeing.gainEventsPerWeek", true],
  ["secondaryCare.maxEffectEngaged", true],
  ["secondaryCare.retainedAfterDischarge", true]
]
const fourFigures = (x: number) => Number(x.toPrecision(4))

describe("poor and strong performance", () => {
  const base = shippedScenario()
  const poor = shippedScenario("poor-performance")
  const strong = shippedScenario("strong-performance")

  it("set each performance parameter at its posterior's 5th or 95th percentile (to 4 figures), and nothing else", () => {
    for (const [path, moreIsBetter] of performance) {
      const p = record.posterior.parameters.find((x) => x.path === path)!
      expect(getAtPath(poor, path), path).toBe(fourFigures(moreIsBetter ? p.p05 : p.p95))
      expect(getAtPath(strong, path), path).toBe(fourFigures(moreIsBetter ? p.p95 : p.p05))
    }
    // Each states a source for exactly those six; with them put back, each is the default scenario under another name.
    const putBack = ({ sources, ...s }: typeof base) => {
      expect(Object.keys(sources ?? {}).sort()).toEqual(performance.map(([path]) => path).sort())
      return performance.reduce((x, [path]) => withAtPath(x, path, getAtPath(base, path)), { ...s, name: base.name, description: base.description })
    }
    expect(putBack(poor)).toEqual(base)
    expect(putBack(strong)).toEqual(base)
  })

  it("order the outcomes on the same people: poor below the default below strong, replicate by replicate", () => {
    const [p, d, s] = [poor, base, strong].map((sc) => runMetrics(sc, 2))
    for (let i = 0; i < 2; i++) {
      for (const figure of ["engaged", "starChangeMean", "secondaryCareSaving", "outcomes.npvCommissioner", "outcomes.investorIrr"]) {
        expect(p[i][figure], `${figure}, replicate ${i}`).toBeLessThan(d[i][figure])
        expect(d[i][figure], `${figure}, replicate ${i}`).toBeLessThan(s[i][figure])
      }
      // The same people are referred in all three: performance does not change who comes.
      expect(p[i].people).toBe(d[i].people)
      expect(s[i].people).toBe(d[i].people)
    }
  })
})
