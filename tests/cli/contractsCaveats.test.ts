/** What the contracts table rests on, said beneath it in the CLI and the explorer. */
import { describe, expect, it } from "vitest"
import { contractsCaveats } from "../../src/cli/headline.ts"

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
