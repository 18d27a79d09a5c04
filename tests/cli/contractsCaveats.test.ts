/** What the CLI says under its contracts table: who pays what, and what the comparison rests on (also in the explorer). */
import { describe, expect, it } from "vitest"
import { contractsCaveats, payerLines } from "../../src/cli/headline.ts"

describe("the note under the contracts table", () => {
  it("says every contract pays for the same simulated service at the scenario's prices", () => {
    const lines = contractsCaveats(["outcomes", "blockGrant"], { "outcomes.providerSurplus": { p50: 1.2e6 }, "blockGrant.providerSurplus": { p50: 0 } })
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^Every contract pays for the same simulated service: how well it works does not change with the contract/)
    expect(lines[0]).toContain("the scenario's own prices")
  })

  it("names each contract whose provider ends out of pocket, with its median surplus", () => {
    const lines = contractsCaveats(["outcomes", "feeForService", "hybrid"], {
      "outcomes.providerSurplus": { p50: 1.2e6 }, "feeForService.providerSurplus": { p50: -1.31e6 }, "hybrid.providerSurplus": { p50: -4e4 }
    })
    expect(lines[1]).toBe("The provider's income does not cover its costs under feeForService (-£1.31m), hybrid (-£40,000): median surplus below zero, not a contract it could run as priced.")
  })
})

describe("who pays what", () => {
  it("gives each payer's median payments for each contract with more than one payer", () => {
    const band = (p50: number) => ({ mean: p50, p05: p50, p50, p95: p50 })
    const lines = payerLines({
      contracts: ["outcomes", "blockGrant"],
      metrics: {
        "outcomes.paymentsByPayer.ccg": band(7e6), "outcomes.paymentsByPayer.bigLotteryFund": band(2e6), "outcomes.paymentsByPayer.cabinetOffice": band(1e6),
        "blockGrant.paymentsByPayer.ccg": band(8.75e6), "outcomes.commissionerOutlay": band(1e7)
      }
    })
    expect(lines).toEqual(["  outcomes: ccg £7.00m, bigLotteryFund £2.00m, cabinetOffice £1.00m"])
  })
})
