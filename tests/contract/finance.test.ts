/**
 * The figures a commissioner or investor would check in a spreadsheet: NPV, IRR and money multiple agree
 * with textbook and spreadsheet values, quarterly flows give annual rates comparable with annual flows, and
 * the IRR behaves as an investor expects (NPV zero at it, higher when they are paid more) or says plainly
 * why it has no single value.
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { discountFactors, irr, moneyMultiple, npv, type IrrResult } from "../../src/contract/finance.ts"

const okRate = (result: IrrResult): number => {
  if (!result.ok) throw new Error(`expected an IRR, got: ${result.reason}`)
  return result.annualRate
}

/** Size of the flows in present value at a rate, so "NPV ≈ 0" is judged relative to what is at stake. */
const presentSize = (flows: ReadonlyArray<number>, ratePerYear: number, periodsPerYear: number): number => {
  const factors = discountFactors(flows.length, ratePerYear, periodsPerYear)
  return flows.reduce((s, f, i) => s + Math.abs(f) * factors[i], 0)
}

describe("textbook and spreadsheet values", () => {
  it("−100, +60, +60 a year has an IRR of 13.07% and NPV 4.13 at 10%", () => {
    const flows = [-100, 60, 60]
    expect(okRate(irr(flows, 1))).toBeCloseTo(0.1307, 4)
    expect(npv(flows, 0.1, 1)).toBeCloseTo(-100 + 60 / 1.1 + 60 / 1.21, 12)
    expect(npv(flows, 0.1, 1)).toBeCloseTo(4.13, 2)
    expect(Math.abs(npv(flows, okRate(irr(flows, 1)), 1))).toBeLessThan(1e-10)
  })

  it("−100 then +110 a year later is 10%", () => {
    const result = irr([-100, 110], 1)
    expect(result).toMatchObject({ ok: true })
    expect(okRate(result)).toBeCloseTo(0.1, 12)
    expect(result.ok && result.note).toBeFalsy()
  })

  it("matches a spreadsheet's NPV once its discounting of the first value is allowed for", () => {
    // Spreadsheet: =NPV(10%, -10000, 3000, 4200, 6800) = 1188.44, the first value a year away.
    expect(npv([0, -10000, 3000, 4200, 6800], 0.1, 1)).toBeCloseTo(1188.44, 2)
    // Ours puts the first flow today: =-10000 + NPV(10%, 3000, 4200, 6800) = 1188.44 × 1.1 = 1307.29.
    expect(npv([-10000, 3000, 4200, 6800], 0.1, 1)).toBeCloseTo(1307.29, 2)
  })

  it("matches a spreadsheet's IRR examples", () => {
    // =IRR(-70000, 12000, 15000, 18000, 21000, 26000) = 8.66%; without the last year −2.12%; two years −44.35%.
    expect(okRate(irr([-70000, 12000, 15000, 18000, 21000, 26000], 1))).toBeCloseTo(0.0866, 4)
    expect(okRate(irr([-70000, 12000, 15000, 18000, 21000], 1))).toBeCloseTo(-0.0212, 4)
    expect(okRate(irr([-70000, 12000, 15000], 1))).toBeCloseTo(-0.4435, 4)
  })

  it("NPV has no meaning at or below −100% a year", () => {
    expect(npv([-100, 60, 60], -1, 1)).toBeNaN()
    expect(npv([-100, 60, 60], -1.5, 1)).toBeNaN()
  })

  it("discount factors are those NPV applies", () => {
    const flows = [-100, 20, 30, 40, 50, 60]
    const factors = discountFactors(flows.length, 0.035, 4)
    expect(factors[0]).toBe(1)
    expect(factors[4]).toBeCloseTo(1 / 1.035, 14)
    expect(npv(flows, 0.035, 4)).toBeCloseTo(flows.reduce((s, f, i) => s + f * factors[i], 0), 10)
  })
})

describe("quarterly flows and annual rates", () => {
  it("2.5% a quarter on a 10-year bond-like investment is (1.025)^4 − 1 a year", () => {
    const flows = [-100, ...Array.from({ length: 40 }, () => 2.5)]
    flows[40] += 100
    const result = irr(flows, 4)
    expect(result.ok && result.periodRate).toBeCloseTo(0.025, 12)
    expect(okRate(result)).toBeCloseTo(1.025 ** 4 - 1, 12)
  })

  it("annual flows placed at quarters 0, 4, 8 give the same annual IRR and NPV as the annual flows", () => {
    const annual = [-100, 60, 60]
    const quarterly = [-100, 0, 0, 0, 60, 0, 0, 0, 60]
    expect(okRate(irr(quarterly, 4))).toBeCloseTo(okRate(irr(annual, 1)), 12)
    expect(npv(quarterly, 0.035, 4)).toBeCloseTo(npv(annual, 0.035, 1), 12)
  })

  it("zero flows before the investment or after the last payment do not change the IRR", () => {
    expect(irr([-100, 60, 60, 0, 0, 0, 0], 1)).toEqual(irr([-100, 60, 60], 1))
    expect(okRate(irr([0, 0, -100, 110], 1))).toBeCloseTo(0.1, 12)
  })
})

describe("when the IRR is not a single number", () => {
  it("−100, +230, −132 is zero at 10% and 20%: gives 10% and says the IRR is not unique", () => {
    const flows = [-100, 230, -132]
    const result = irr(flows, 1)
    expect(okRate(result)).toBeCloseTo(0.1, 10)
    expect(result.ok && result.note).toMatch(/not unique.*20\.00%/)
    expect(Math.abs(npv(flows, okRate(result), 1))).toBeLessThan(1e-9)
    expect(Math.abs(npv(flows, 0.2, 1))).toBeLessThan(1e-9)
  })

  it("a top-up mid-contract changes sign three times but still has one IRR, given without a note", () => {
    const flows = [-50, -50, 30, -20, 60, 60]
    const result = irr(flows, 4)
    expect(result.ok && result.note).toBeUndefined()
    expect(Math.abs(npv(flows, okRate(result), 4))).toBeLessThan(1e-9 * presentSize(flows, okRate(result), 4))
  })

  it("no sign change or no flows at all: no IRR, with the reason", () => {
    const noSignChange = { ok: false, reason: "no sign change in the cash flows (all outflows or all inflows)" }
    expect(irr([-100, -50, 0], 4)).toEqual(noSignChange)
    expect(irr([100, 50], 4)).toEqual(noSignChange)
    expect(irr([0, 0, 0], 4)).toEqual({ ok: false, reason: "all flows zero" })
    expect(irr([], 4)).toEqual({ ok: false, reason: "all flows zero" })
  })

  it("rates beyond −99% or +10^6% a year are reported as not found", () => {
    const notFound = { ok: false, reason: "no rate found in [-99%, +10^6%]" }
    expect(irr([-1000, 1], 1)).toEqual(notFound)
    expect(irr([-1, 1e6], 1)).toEqual(notFound)
    expect(irr([-100, Number.NaN], 1)).toMatchObject({ ok: false })
  })
})

describe("money multiple", () => {
  it("is inflows per unit of outflows, undefined when nothing is paid out", () => {
    expect(moneyMultiple([-100, 60, 60])).toBeCloseTo(1.2, 12)
    expect(moneyMultiple([-100, 0])).toBe(0)
    expect(moneyMultiple([0, 10])).toBeUndefined()
  })
})

/** An investor's flows: one to four payments in, then returns (some possibly zero, at least one positive). */
const investorFlows = fc
  .record({
    outflows: fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 4 }),
    inflows: fc.array(fc.integer({ min: 0, max: 5_000 }), { minLength: 1, maxLength: 40 }),
    periodsPerYear: fc.constantFrom(1, 4, 12)
  })
  .filter(({ inflows }) => inflows.some((x) => x > 0))
  .map(({ outflows, inflows, periodsPerYear }) => ({ flows: [...outflows.map((x) => -x), ...inflows], periodsPerYear }))

describe("properties an investor relies on", () => {
  it("an IRR is found exactly when one lies in range, and the NPV at it is zero", () => {
    fc.assert(
      fc.property(investorFlows, ({ flows, periodsPerYear }) => {
        const inRange = npv(flows, -0.99, periodsPerYear) * npv(flows, 1e4, periodsPerYear) <= 0
        const result = irr(flows, periodsPerYear)
        expect(result.ok).toBe(inRange)
        if (!result.ok) return
        expect(result.note).toBeUndefined()
        const size = presentSize(flows, result.annualRate, periodsPerYear)
        expect(Math.abs(npv(flows, result.annualRate, periodsPerYear))).toBeLessThanOrEqual(1e-9 * size)
      })
    )
  })

  it("whatever the signs of the flows, an IRR returned makes their NPV zero", () => {
    const anyFlows = fc.array(fc.integer({ min: -10_000, max: 10_000 }), { minLength: 2, maxLength: 60 })
    fc.assert(
      fc.property(anyFlows, fc.constantFrom(1, 4, 12), (flows, periodsPerYear) => {
        const result = irr(flows, periodsPerYear)
        if (!result.ok) return
        const size = presentSize(flows, result.annualRate, periodsPerYear)
        expect(Math.abs(npv(flows, result.annualRate, periodsPerYear))).toBeLessThanOrEqual(1e-9 * size)
      })
    )
  })

  it("NPV is positive at any rate below the IRR and negative above it", () => {
    fc.assert(
      fc.property(investorFlows, fc.double({ min: 0.01, max: 0.5, noNaN: true }), ({ flows, periodsPerYear }, gap) => {
        const result = irr(flows, periodsPerYear)
        fc.pre(result.ok)
        const growth = 1 + okRate(result)
        expect(npv(flows, growth * (1 - gap) - 1, periodsPerYear)).toBeGreaterThan(0)
        expect(npv(flows, growth * (1 + gap) - 1, periodsPerYear)).toBeLessThan(0)
      })
    )
  })

  it("a larger final payment never lowers the IRR", () => {
    fc.assert(
      fc.property(investorFlows, fc.integer({ min: 1, max: 5_000 }), ({ flows, periodsPerYear }, extra) => {
        const before = irr(flows, periodsPerYear)
        const after = irr([...flows.slice(0, -1), flows[flows.length - 1] + extra], periodsPerYear)
        fc.pre(before.ok && after.ok)
        expect(okRate(after)).toBeGreaterThanOrEqual(okRate(before))
      })
    )
    expect(okRate(irr([-100, 60, 70], 1))).toBeGreaterThan(okRate(irr([-100, 60, 60], 1)))
  })

  it("with one payment in at the start, NPV falls as the discount rate rises", () => {
    fc.assert(
      fc.property(
        investorFlows,
        fc.double({ min: -0.9, max: 10, noNaN: true }),
        fc.double({ min: -0.9, max: 10, noNaN: true }),
        ({ flows, periodsPerYear }, a, b) => {
          const single = [flows[0], ...flows.filter((f) => f >= 0)]
          const [low, high] = a <= b ? [a, b] : [b, a]
          expect(npv(single, low, periodsPerYear)).toBeGreaterThanOrEqual(npv(single, high, periodsPerYear))
        }
      )
    )
  })

  it("money multiple is above 1 exactly when the undiscounted flows sum to a gain", () => {
    const anyFlows = fc.array(fc.integer({ min: -10_000, max: 10_000 }), { minLength: 1, maxLength: 40 })
    fc.assert(
      fc.property(anyFlows, (flows) => {
        const multiple = moneyMultiple(flows)
        if (flows.some((f) => f < 0)) expect(multiple! > 1).toBe(flows.reduce((s, f) => s + f, 0) > 0)
        else expect(multiple).toBeUndefined()
      })
    )
  })
})
