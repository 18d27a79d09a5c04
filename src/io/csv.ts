const NEEDS_QUOTES = /[",\n\r]/
const DECIMALS = 6

export const csvNumber = (value: number): string => {
  if (Number.isInteger(value) || !Number.isFinite(value)) return String(value)
  const text = value.toFixed(DECIMALS).replace(/0+$/, "").replace(/\.$/, "")
  return text === "-0" ? "0" : text
}

export const csvString = (value: string): string =>
  NEEDS_QUOTES.test(value) ? `"${value.replaceAll("\"", "\"\"")}"` : value

export const csvRow = (values: ReadonlyArray<string | number>): string => {
  let line = ""
  for (let i = 0; i < values.length; i++) {
    const value = values[i]
    if (i > 0) line += ","
    line += typeof value === "number" ? csvNumber(value) : csvString(value)
  }
  return line
}

// Rows are joined into chunks so a long run does not build one ever-growing string.
export class CsvWriter {
  private readonly chunks: Array<string> = []
  private pending: Array<string> = []
  private rows = 0

  constructor(readonly columns: ReadonlyArray<string>, private readonly rowsPerChunk = 4096) {
    this.pending.push(csvRow(columns))
  }

  get rowCount(): number {
    return this.rows
  }

  row(values: ReadonlyArray<string | number>): this {
    if (values.length !== this.columns.length) {
      throw new Error(`CSV row has ${values.length} values but the header has ${this.columns.length} columns`)
    }
    this.pending.push(csvRow(values))
    this.rows++
    if (this.pending.length >= this.rowsPerChunk) this.flush()
    return this
  }

  toChunks(): ReadonlyArray<string> {
    this.flush()
    return this.chunks
  }

  toString(): string {
    return this.toChunks().join("")
  }

  private flush(): void {
    if (this.pending.length === 0) return
    this.chunks.push(`${this.pending.join("\n")}\n`)
    this.pending = []
  }
}
