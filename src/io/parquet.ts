/**
 * Parquet copies of the CSV results, for DuckDB, pandas and R's arrow. Written with hyparquet-writer from the
 * CSV text itself, so the two formats hold the same values: a column whose every value is a number becomes
 * DOUBLE (empty cells null), any other column STRING.
 */
import { parquetWriteBuffer } from "hyparquet-writer"

/** Splits one CSV line as src/io/csv.ts writes it (fields quoted only when they contain , " or a newline). */
const splitLine = (line: string): Array<string> => {
  const out: Array<string> = []
  let field = ""
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ",") {
      out.push(field)
      field = ""
    } else field += ch
  }
  out.push(field)
  return out
}

export const csvToParquet = (csv: string): ArrayBuffer => {
  const lines = csv.split("\n").filter((l) => l !== "")
  const header = splitLine(lines[0] ?? "")
  const cells = header.map(() => [] as Array<string>)
  for (let r = 1; r < lines.length; r++) {
    const fields = splitLine(lines[r])
    header.forEach((_, c) => cells[c].push(fields[c] ?? ""))
  }
  const columnData = header.map((name, c) => {
    const values = cells[c]
    const numeric = values.every((v) => v === "" || Number.isFinite(Number(v)) || v === "NaN" || v === "Infinity" || v === "-Infinity")
    return numeric
      ? { name, data: values.map((v) => (v === "" ? null : Number(v))), type: "DOUBLE" as const }
      : { name, data: values.map((v) => v), type: "STRING" as const }
  })
  return parquetWriteBuffer({ columnData })
}
