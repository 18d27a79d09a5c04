import { parquetReadObjects } from "hyparquet"
import { describe, expect, it } from "vitest"
import { csvToParquet } from "../../src/io/parquet.ts"

describe("Parquet copies of the CSV results", () => {
  it("hold the same columns and values, numbers as numbers and empty cells as nulls", async () => {
    const csv = [
      "replicate,contract,quarter,party,flow,amount,engagedWeek",
      "0,outcomes,3,provider,serviceCosts,-321.5,",
      '0,outcomes,4,"ccg, the CCG",payments,1e6,12',
      "1,hybrid,0,investor,capitalProvided,-0.25,7"
    ].join("\n") + "\n"
    const rows = await parquetReadObjects({ file: csvToParquet(csv) })
    expect(rows).toEqual([
      { replicate: 0, contract: "outcomes", quarter: 3, party: "provider", flow: "serviceCosts", amount: -321.5, engagedWeek: null },
      { replicate: 0, contract: "outcomes", quarter: 4, party: "ccg, the CCG", flow: "payments", amount: 1e6, engagedWeek: 12 },
      { replicate: 1, contract: "hybrid", quarter: 0, party: "investor", flow: "capitalProvided", amount: -0.25, engagedWeek: 7 }
    ])
  })
})
