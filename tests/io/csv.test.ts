import { describe, expect, it } from "vitest"
import { CsvWriter, csvRow } from "../../src/io/csv.ts"

describe("csvRow", () => {
  it("writes integers as integers and trims decimals to at most six places", () => {
    expect(csvRow([52, -3, 0, 1e6])).toBe("52,-3,0,1000000")
    expect(csvRow([0.5, 1.25, 2 / 3, 1234567.891, 0.1 + 0.2])).toBe("0.5,1.25,0.666667,1234567.891,0.3")
    expect(csvRow([-0.0000001, 9.9999999])).toBe("0,10")
  })

  it("quotes only strings that contain a comma, quote or newline", () => {
    expect(csvRow(["walking group", "arts, crafts", `the "men's shed"`, "line\nbreak"])).toBe(
      `walking group,"arts, crafts","the ""men's shed""","line\nbreak"`
    )
  })

  it("keeps non-finite numbers visible", () => {
    expect(csvRow([Number.NaN, Number.POSITIVE_INFINITY])).toBe("NaN,Infinity")
  })
})

describe("CsvWriter", () => {
  it("produces a header followed by one line per row", () => {
    const csv = new CsvWriter(["week", "service", "referrals"])
    csv.row([1, "walking", 12]).row([2, "arts, crafts", 7.5])
    expect(csv.rowCount).toBe(2)
    expect(csv.toString()).toBe(`week,service,referrals\n1,walking,12\n2,"arts, crafts",7.5\n`)
  })

  it("gives the same text however the rows are chunked", () => {
    const small = new CsvWriter(["week", "value"], 3)
    const large = new CsvWriter(["week", "value"])
    for (let week = 0; week < 10; week++) {
      small.row([week, week / 7])
      large.row([week, week / 7])
    }
    expect(small.toChunks().length).toBeGreaterThan(1)
    expect(small.toString()).toBe(large.toString())
    expect(small.toString().split("\n")).toHaveLength(12)
  })

  it("rejects a row whose width does not match the header", () => {
    expect(() => new CsvWriter(["a", "b"]).row([1])).toThrow(/1 values but the header has 2 columns/)
  })

  it("writes just the header when there are no rows", () => {
    expect(new CsvWriter(["a", "b"]).toString()).toBe("a,b\n")
  })
})
