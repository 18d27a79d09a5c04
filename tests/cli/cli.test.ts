/** The spsim command line as a user meets it: clear errors with exit code 2, and complete, reproducible outputs. */
import { spawn, spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { parquetReadObjects } from "hyparquet"
import { describe, expect, it } from "vitest"
import { formatMetric } from "../../src/cli/format.ts"

const root = fileURLToPath(new URL("../..", import.meta.url))
const wtw = join(root, "scenarios/ways-to-wellness.json")
const work = mkdtempSync(join(tmpdir(), "spsim-cli-"))

const spsim = (...args: Array<string>) => {
  const r = spawnSync(process.execPath, [join(root, "bin/spsim.mjs"), ...args], { encoding: "utf8", cwd: work })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

const writeScenario = (name: string, content: string): string => {
  const file = join(work, name)
  writeFileSync(file, content)
  return file
}

/** A scenario extending the shipped default with some fields changed. */
const extending = (name: string, changes: object): string =>
  writeScenario(name, JSON.stringify({ extends: wtw, ...changes }, null, 2))

describe("bad input: exit code 2 and a message naming the problem", () => {
  it("missing file", () => {
    const r = spsim("validate", "no-such-scenario.json")
    expect(r.code).toBe(2)
    expect(r.stderr).toContain("scenario file not found: no-such-scenario.json")
  })

  it("invalid JSON, with line and column", () => {
    const file = writeScenario("broken.json", '{\n  "name": "x",\n  "seed": 12,,\n}\n')
    const r = spsim("validate", file)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(`${file}:3:14: invalid JSON`)
  })

  it("wrong type, out of range and unknown field, each with path, expectation and value found", () => {
    const file = extending("several.json", {
      linkWorkers: { posts: "twenty", caseloadCapPerFte: 5000, postz: 3 }
    })
    const r = spsim("validate", file)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/at linkWorkers\.posts: expected .*number.*, found "twenty"/)
    expect(r.stderr).toContain("at linkWorkers.caseloadCapPerFte: expected a value between 1 and 1000, found 5000")
    expect(r.stderr).toMatch(/at linkWorkers\.postz: .*unknown field.*, found 3/)
  })

  it("missing required field", () => {
    const doc = JSON.parse(readFileSync(wtw, "utf8"))
    delete doc.contact.attemptsMax
    delete doc.$schema
    const r = spsim("validate", writeScenario("missing.json", JSON.stringify(doc)))
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/at contact\.attemptsMax: expected .*number.*, found missing/)
  })

  it("no run starts on an invalid scenario and nothing is written", () => {
    const out = join(work, "never")
    const r = spsim("run", extending("bad-run.json", { horizonWeeks: -5 }), "--out", out)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain("at horizonWeeks")
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([])
  })

  it("a stated source for a value the scenario does not have", () => {
    const r = spsim("validate", extending("bad-sources.json", { sources: { "practices.populaton": { source: "NHS Digital", confidence: "high" } } }))
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('at sources["practices.populaton"]: expected a path to a value, list element, schedule or section of this scenario')
    expect(r.stderr).toContain('found "practices.populaton", which is not in the scenario')
  })

  it("a practice list that disagrees with the count, the population or the areas", () => {
    const r = spsim("validate", extending("bad-practices.json", {
      practices: { count: 2, population: 50000, list: [{ name: "Elswick", listSize: 20000 }, { name: "Benwell", listSize: 20000, area: 9 }] }
    }))
    expect(r.code).toBe(2)
    expect(r.stderr).toContain("at practices.population: expected 40000, the sum of the list sizes in practices.list, found 50000")
    expect(r.stderr).toContain("at practices.list[1].area: expected an area from 0 to 3 (practices.clusters is 4), found 9")
  })

  it("bad flag value", () => {
    const r = spsim("run", wtw, "--replicates", "0")
    expect(r.code).toBe(2)
    // The flag, what it takes and what it got, said once.
    expect(r.stderr).toContain('Invalid value for flag --replicates: "0". Expected: a number of replicates from 1 to 100000, found 0')
  })
})

describe("provenance", () => {
  it("lists the values a scenario changes, each with the source it states", () => {
    const r = spsim("provenance", join(root, "scenarios/austerity.json"))
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain("0 changed from the default with no source given")
    expect(r.stdout).toContain("communityServices.funding: linear: 1 at week 0, 0.76 at 2019-04-01, 0.7 at 2022-03-31 (Ways to Wellness: linear: 1 at week 0, 0.9 at 2019-04-01)")
    expect(r.stdout).toMatch(/ {4}low: the size of the real-terms cut to the public health grant/)
  })

  it("a value changed without a source is assumed, in provenance, in the run's headline and in summary.json", () => {
    const file = extending("unsourced.json", { contact: { attendFirstAppointment: 0.6 } })
    const p = spsim("provenance", file, "--json")
    expect(p.code, p.stderr).toBe(0)
    const doc = JSON.parse(p.stdout)
    expect(doc.summary.unsourced).toEqual(["contact.attendFirstAppointment"])
    expect(doc.values.find((v: { path: string }) => v.path === "contact.attendFirstAppointment")).toMatchObject({ value: 0.6, origin: "changed", confidence: "assumed" })
    const r = spsim("run", file, "--replicates", "1")
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain(`${doc.summary.byConfidence.assumed} of ${doc.summary.values} values are assumed (nothing published). 1 of them differs from the Ways to Wellness default with no source given (contact.attendFirstAppointment).`)
    const summary = JSON.parse(spsim("run", file, "--replicates", "1", "--json").stdout)
    expect(summary.provenance).toMatchObject({ values: doc.summary.values, byConfidence: doc.summary.byConfidence, unsourced: ["contact.attendFirstAppointment"] })
  })
})

describe("validate and run", () => {
  it("validates every shipped scenario", () => {
    for (const name of ["ways-to-wellness", "austerity", "high-caseload", "covid", "england"]) {
      const r = spsim("validate", join(root, `scenarios/${name}.json`))
      expect(r.code, r.stderr).toBe(0)
      expect(r.stdout).toContain(`valid scenario "${name}"`)
    }
  })

  it("--json prints summary.json with every headline metric as mean and percentiles", () => {
    const r = spsim("run", wtw, "--replicates", "2", "--json")
    expect(r.code, r.stderr).toBe(0)
    const summary = JSON.parse(r.stdout)
    expect(summary).toMatchObject({ scenario: { name: "ways-to-wellness" }, seed: 20150401, replicates: 2 })
    expect(summary.spsimVersion).toMatch(/^\d+\.\d+\.\d+/)
    expect(summary.scenario.hash).toMatch(/^[0-9a-f]{16}$/)
    for (const name of [
      "referrals", "engaged", "neverEngaged", "disengaged", "discharged", "reEntries", "meanWaitWeeks", "peakWaiting",
      "meanActive", "meanCaseloadPerFte", "linkWorkerLeavers", "handovers", "onwardReferrals", "onwardReferralFailures",
      "meanWeeksOnProgramme", "starChangeMean", "starImprovedShare", "secondaryCareCost", "comparisonSecondaryCareCost",
      "secondaryCareSaving"
    ]) {
      const band = summary.metrics[name]
      expect(band, name).toBeDefined()
      expect(band.p05).toBeLessThanOrEqual(band.p50)
      expect(band.p50).toBeLessThanOrEqual(band.p95)
    }
  })

  it("--out writes complete, consistent files, byte-identical for the same seed whatever the number of workers", () => {
    const a = join(work, "a")
    const b = join(work, "b")
    expect(spsim("run", wtw, "--replicates", "2", "--seed", "7", "--out", a, "--people").code).toBe(0)
    expect(spsim("run", wtw, "--replicates", "2", "--seed", "7", "--out", b, "--people", "--workers", "2").code).toBe(0)
    const files = ["summary.json", "weekly.csv", "bands.csv", "replicates.csv", "people.csv", "payments.csv", "cashflows.csv", "scenario.json"]
    expect(readdirSync(a).sort()).toEqual([...files].sort())
    for (const f of files) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true)

    const summary = JSON.parse(readFileSync(join(a, "summary.json"), "utf8"))
    expect(summary.seed).toBe(7)
    const weekly = readFileSync(join(a, "weekly.csv"), "utf8").trim().split("\n")
    const header = weekly[0].split(",")
    for (const c of ["replicate", "week", "referred", "waiting", "active", "maintenance", "engagedNew", "disengaged", "discharged", "linkWorkersFte", "vacancies", "meanCaseload", "serviceCapacity", "servicesOpen", "starMeanActive"]) {
      expect(header).toContain(c)
    }
    expect(weekly.length - 1).toBe(2 * 364)
    const people = readFileSync(join(a, "people.csv"), "utf8").trim().split("\n")
    const peopleHeader = people[0].split(",")
    for (const c of ["replicate", "id", "practice", "ageBand", "sex", "ethnicity", "conditions", "mentalHealth", "referredWeek", "engagedWeek", "exitWeek", "exitReason", "linkWorkerChanges", "onwardReferrals", "starBaseline", "starLast", "reviews", "secondaryCareCost", "comparisonSecondaryCareCost"]) {
      expect(peopleHeader).toContain(c)
    }
    // Counts agree across the three outputs: people per replicate, and referrals summed from weekly.csv.
    expect(people.length - 1).toBe(Math.round(summary.metrics.people.mean * 2))
    const col = (name: string) => header.indexOf(name)
    const referred = weekly.slice(1).reduce((s, line) => s + Number(line.split(",")[col("referred")]), 0)
    expect(referred).toBe(Math.round(summary.metrics.referrals.mean * 2))
    // replicates.csv: every metric of both replicates; their mean is summary.json's.
    const replicateRows = readFileSync(join(a, "replicates.csv"), "utf8").trim().split("\n")
    expect(replicateRows[0]).toBe("replicate,metric,value")
    const valuesOf = (metric: string) => replicateRows.slice(1).map((l) => l.split(",")).filter((f) => f[1] === metric).map((f) => Number(f[2]))
    for (const metric of ["people", "engagedShare", "outcomes.commissionerOutlay", "group.sex.female.people"]) {
      const values = valuesOf(metric)
      expect(values, metric).toHaveLength(2)
      expect((values[0] + values[1]) / 2, metric).toBeCloseTo(summary.metrics[metric].mean, 4)
    }
    const resolved = JSON.parse(readFileSync(join(a, "scenario.json"), "utf8"))
    expect(resolved.name).toBe("ways-to-wellness")
    expect(resolved.extends).toBeUndefined()
  })

  it("Ctrl-C mid-run exits 130 at once, saying so, and leaves no file behind, complete-looking or not", async () => {
    const dir = join(work, "interrupted")
    const child = spawn(process.execPath, [join(root, "bin/spsim.mjs"), "run", wtw, "--replicates", "5000", "--people", "--out", dir, "--quiet"], { cwd: work })
    let stderr = ""
    child.stderr.on("data", (chunk) => (stderr += chunk))
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)))
    // Interrupt once the run is writing its (temporary) files, with replicates in flight on the workers.
    const started = Date.now()
    while (!(existsSync(dir) && readdirSync(dir).some((f) => f.includes(".tmp-"))) && Date.now() - started < 60_000) {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    expect(readdirSync(dir).some((f) => f.includes(".tmp-")), "the run started writing").toBe(true)
    const interrupted = Date.now()
    child.kill("SIGINT")
    const code = await exited
    expect(Date.now() - interrupted, "ms from Ctrl-C to exit").toBeLessThan(10_000)
    expect(code).toBe(130)
    expect(stderr).toContain("interrupted: no results were written")
    expect(readdirSync(dir)).toEqual([])
  })

  it("--parquet writes each table as Parquet with the same rows as the CSV", async () => {
    const dir = join(work, "pq")
    expect(spsim("run", extending("short-pq.json", { horizonWeeks: 52 }), "--replicates", "2", "--out", dir, "--parquet", "--quiet").code).toBe(0)
    for (const table of ["weekly", "bands", "replicates", "payments", "cashflows"]) {
      const csv = readFileSync(join(dir, `${table}.csv`), "utf8").trim().split("\n")
      const buffer = readFileSync(join(dir, `${table}.parquet`))
      const rows = await parquetReadObjects({ file: buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) })
      expect(rows.length, table).toBe(csv.length - 1)
      expect(Object.keys(rows[0])).toEqual(csv[0].split(","))
    }
  })

  it("--parquet tables read in DuckDB with the CSV's rows, columns and totals, keys and counts as integers", async () => {
    const dir = join(work, "pq-duckdb")
    expect(spsim("run", extending("short-duckdb.json", { horizonWeeks: 52 }), "--replicates", "2", "--out", dir, "--parquet", "--people", "--quiet").code).toBe(0)
    const { DuckDBInstance } = await import("@duckdb/node-api")
    const db = await DuckDBInstance.create(":memory:")
    const connection = await db.connect()
    for (const table of ["weekly", "bands", "replicates", "people", "payments", "cashflows"]) {
      const file = join(dir, `${table}.parquet`).replaceAll("'", "''")
      const [header, ...lines] = readFileSync(join(dir, `${table}.csv`), "utf8").trim().split("\n")
      const columns = header.split(",")
      const described = (await connection.runAndReadAll(`describe select * from '${file}'`)).getRowObjects()
      expect(described.map((c) => c.column_name), table).toEqual(columns)
      const types = new Map(described.map((c) => [String(c.column_name), String(c.column_type)]))
      for (const key of ["replicate", "week", "id", "quarter", "period"]) if (types.has(key)) expect(types.get(key), `${table}.${key}`).toBe("INTEGER")
      const count = (await connection.runAndReadAll(`select count(*) as n from '${file}'`)).getRowObjects()[0].n
      expect(Number(count), table).toBe(lines.length)
      // Every numeric column adds up to the same total as in the CSV (no field of this scenario's tables holds a comma).
      const numeric = columns.filter((c) => types.get(c) === "INTEGER" || types.get(c) === "DOUBLE")
      const sums = (await connection.runAndReadAll(`select ${numeric.map((c, i) => `sum("${c}")::double as s${i}`).join(", ")} from '${file}'`)).getRowObjects()[0]
      numeric.forEach((c, i) => {
        const at = columns.indexOf(c)
        const csvSum = lines.reduce((t, line) => t + Number(line.split(",")[at] || 0), 0)
        expect(Math.abs(Number(sums[`s${i}`]) - csvSum), `${table}.${c}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(csvSum)))
      })
    }
    connection.closeSync()
  })

  it("prints a headline table by default", () => {
    const r = spsim("run", extending("short.json", { horizonWeeks: 104 }), "--replicates", "2")
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/Engaged share of referrals\s+\d+\.\d%/)
    expect(r.stdout).toMatch(/Hospital cost saving\s+£/)
    expect(r.stdout).not.toContain("Outcomes by group")
    expect(r.stdout).toContain("With 2 replicates the medians have no 95% interval of their own: run 6 or more")
  })

  it("gives each median its own 95% interval (Monte Carlo error) from 6 replicates, and says how wide it is", () => {
    const dir = join(work, "mc")
    const r = spsim("run", extending("short-mc.json", { horizonWeeks: 52 }), "--replicates", "8", "--out", dir)
    expect(r.code, r.stderr).toBe(0)
    const typical = /Monte Carlo error: with 8 replicates a median's own 95% interval \(p50Low to p50High in summary.json\) is typically (\d+)% as wide as its 90% interval/.exec(r.stdout)
    expect(typical, r.stdout).not.toBeNull()
    // With 8 values the interval runs from the lowest to the highest (rank 1 of 8: coverage 99.2%), wider than the 90% interval.
    expect(Number(typical![1])).toBeGreaterThan(100)
    const summary = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8"))
    for (const [name, band] of Object.entries(summary.metrics) as Array<[string, { p50: number; p50Low: number; p50High: number; replicates?: number }]>) {
      if ((band.replicates ?? 8) < 6) continue
      expect(band.p50Low, name).toBeLessThanOrEqual(band.p50)
      expect(band.p50High, name).toBeGreaterThanOrEqual(band.p50)
    }
    const values = readFileSync(join(dir, "replicates.csv"), "utf8").trim().split("\n").map((l) => l.split(",")).filter((f) => f[1] === "engaged").map((f) => Number(f[2]))
    expect(summary.metrics.engaged.p50Low).toBe(Math.min(...values))
    expect(summary.metrics.engaged.p50High).toBe(Math.max(...values))
  })

  it("--groups adds outcomes by group, one row per group of each dimension", () => {
    const r = spsim("run", extending("short.json", { horizonWeeks: 104 }), "--replicates", "2", "--groups")
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain("Outcomes by group")
    for (const group of ["ageBand: 40-49", "sex: female", "ethnicity: White British", "conditions: 3+", "mentalHealth: anxietyOrDepression", "isolated: notIsolated"]) {
      expect(r.stdout).toMatch(new RegExp(`${group.replace("+", "\\+")}\\s+[\\d,]+\\s+\\d+\\.\\d%`))
    }
  })

  it("--groups gives each group's 90% interval from summary.json on the row beneath its medians, within 100 columns", () => {
    const dir = join(work, "groups-out")
    const r = spsim("run", extending("short-groups.json", { horizonWeeks: 104 }), "--replicates", "3", "--workers", "1", "--groups", "--out", dir)
    expect(r.code, r.stderr).toBe(0)
    const summary = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8"))
    const lines = r.stdout.slice(r.stdout.indexOf("Outcomes by group")).split("\n")
    const cells = (line: string) => line.split(/\s{2,}/).filter((x) => x !== "")
    const measures = [["people", "engagedShare", "disengagedShare"], ["starChangeMean", "onwardReferralFailureShare", "secondaryCareSavingShareEngaged"]]
    // Each group is a row in each of the two tables, its intervals beneath: p05 – p95, formatted as the median is.
    for (const group of ["sex.female", "ethnicity.South Asian", "conditions.3+", "isolated.notIsolated"]) {
      const label = group.replace(".", ": ")
      const at = lines.flatMap((l, i) => (l.startsWith(`${label} `) ? [i] : []))
      expect(at, group).toHaveLength(2)
      at.forEach((i, t) => {
        expect(cells(lines[i + 1])[0]).toBe("90% interval")
        expect(cells(lines[i + 1]).slice(1), group).toEqual(measures[t].map((measure) => {
          const metric = `group.${group}.${measure}`
          const band = summary.metrics[metric]
          return band === undefined ? "-" : `${formatMetric(metric, band.p05)} – ${formatMetric(metric, band.p95)}`
        }))
      })
    }
    expect(lines.join(" ")).toContain("90% interval: the 5th to 95th percentile of the group's figure over replicates")
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(100)
  })
})
