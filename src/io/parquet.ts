/**
 * Parquet copies of the CSV results, for DuckDB, pandas and R's arrow. Written with hyparquet-writer from the
 * CSV text itself, so the two formats hold the same values: a column whose every value is a number becomes
 * DOUBLE (empty cells null), any other column STRING; the keys and counts the model keeps as whole numbers
 * (`integerColumns`) become INT32, so that `replicate`, `week` or `id` read as integers in pandas, DuckDB and R
 * and join with other integer keys.
 */
import { parquetWriteBuffer } from "hyparquet-writer"

/**
 * Columns of the result tables that hold whole numbers by construction: identifiers, weeks and counts. One of them
 * holding anything else (a fraction, a number beyond 32 bits) is written as DOUBLE, so nothing is lost.
 */
export const integerColumns: ReadonlySet<string> = new Set([
  // keys (every table)
  "replicate", "week", "id", "practice", "area", "period", "quarter", "replicates",
  // people.csv
  "conditions", "mentalHealth", "isolated", "firstReferredWeek", "referredWeek", "episodes", "waitWeeks", "engagedWeek",
  "exitWeek", "linkWorkerChanges", "onwardReferrals", "onwardReferralFailures", "setbacks", "starBaseline", "starLast", "reviews",
  // weekly.csv counts
  "referred", "newPeople", "reEntries", "waiting", "contacting", "unassigned", "active", "intensive", "maintenance", "engagedNew",
  "neverEngaged", "disengaged", "discharged", "exitedNeverEngaged", "exitedDisengaged", "exitedDischarged", "vacancies",
  "servicesOpen", "serviceUsers", "onwardFailures", "handovers", "linkWorkerLeavers", "hires"
])

const isInt32 = (v: number | null): boolean => v === null || (Number.isInteger(v) && v >= -2147483648 && v <= 2147483647)

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
    if (!numeric) return { name, data: values.map((v) => v), type: "STRING" as const }
    const data = values.map((v) => (v === "" ? null : Number(v)))
    return { name, data, type: integerColumns.has(name) && data.every(isInt32) ? "INT32" as const : "DOUBLE" as const }
  })
  return parquetWriteBuffer({ columnData })
}
