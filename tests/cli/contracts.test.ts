/**
 * Contracts through the command line as a commissioner meets them: a bad formula stops `spsim validate` and
 * `spsim run` with exit code 2 and a message naming the contract, the metric, the formula and the problem;
 * a good run writes payments.csv and cashflows.csv that add up to the figures in summary.json.
 */
import { spawn } from "node:child_process"
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { irr, npv } from "../../src/contract/finance.ts"

const root = fileURLToPath(new URL("../..", import.meta.url))
const wtw = join(root, "scenarios/ways-to-wellness.json")
const work = mkdtempSync(join(tmpdir(), "spsim-contracts-"))

/** Runs the CLI without blocking, so that the cases (each a fresh Node process) run side by side. */
const spsim = (...args: Array<string>): Promise<{ code: number | null; stdout: string; stderr: string }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, "bin/spsim.mjs"), ...args], { cwd: work })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (d) => (stdout += d))
    child.stderr.on("data", (d) => (stderr += d))
    child.on("error", reject)
    child.on("close", (code) => resolve({ code, stdout, stderr }))
  })

type Json = Record<string, any>
const shipped: Json = JSON.parse(readFileSync(wtw, "utf8"))
const outcomes = (): Json => structuredClone(shipped.contracts.find((c: Json) => c.name === "outcomes"))

/** A scenario file extending the shipped default with its contracts replaced. */
const withContracts = (name: string, contracts: ReadonlyArray<Json>): string => {
  const file = join(work, `${name}.json`)
  writeFileSync(file, JSON.stringify({ extends: wtw, contracts }, null, 2))
  return file
}

/** The outcomes contract with its wellbeing (review) or secondaryCare (period) metric changed. */
const changed = (metric: "wellbeing" | "secondaryCare", terms: Json): Json => {
  const c = outcomes()
  c.metrics = c.metrics.map((m: Json) => (m.name === metric ? { ...m, ...terms } : m))
  return c
}

const reviewVariables = "(known: episode, reviewNumber, weeksEngaged, starScore, starBaseline, starChange, bestPreviousChange, starChangeSincePrevious, areasImproved, conditions, mentalHealth)"

describe("a bad contract stops validate and run with exit code 2 and says where and what", () => {
  // Each case is a contract of its own (named after it) in one scenario file: every problem is reported at once.
  const cases: ReadonlyArray<readonly [string, Json, string]> = [
    ["syntaxError", changed("wellbeing", { quantity: "max(0, starChange -" }),
      'metric "wellbeing", quantity: syntax error at character 20: unexpected end of expression in "max(0, starChange -"'],
    ["unknownVariable", changed("wellbeing", { quantity: "max(0, starGian)" }),
      `metric "wellbeing", quantity: unknown variable "starGian" in "max(0, starGian)" ${reviewVariables}`],
    ["unknownFunction", changed("wellbeing", { payment: "tariff * cap(quantity)" }),
      'metric "wellbeing", payment: unknown function "cap" in "tariff * cap(quantity)" (known: abs, ceil, floor, round, fix, sign, min, max, mean, median, sum, sqrt, cbrt, exp, log, log10, log2, pow, mod)'],
    ["notANumber", changed("wellbeing", { quantity: "[starChange, 1]" }),
      'metric "wellbeing", quantity: the result is not a number (got DenseMatrix) in "[starChange, 1]"'],
    ["periodVariableInReviewMetric", changed("wellbeing", { quantity: "saving" }),
      `metric "wellbeing", quantity: unknown variable "saving" in "saving" ${reviewVariables}`],
    ["reviewVariableInPeriodMetric", changed("secondaryCare", { payment: "tariff * quantity * starChange" }),
      'metric "secondaryCare", payment: unknown variable "starChange" in "tariff * quantity * starChange" (known: saving, comparisonCost, cost, referrals, engaged, discharged, disengaged, reviews, activeWeeks, period, year, weeks, tariff, quantity)'],
    ["metricNameTwice", changed("secondaryCare", { name: "wellbeing" }),
      'metric "wellbeing": the name is used twice in this contract'],
    ["payerOfUnknownStream", { ...outcomes(), payers: outcomes().payers.map((p: Json) => ({ ...p, pays: ["wellbeeing"] })) },
      'payer "ccg": pays for "wellbeeing", which is not "block", "fees" or a metric of this contract (wellbeing, secondaryCare)']
  ]
  const file = withContracts("bad-contracts", cases.map(([name, contract]) => ({ ...contract, name })))
  const validated = spsim("validate", file)

  it("exit code 2, nothing said to be valid", async () => {
    const r = await validated
    expect(r.code).toBe(2)
    expect(r.stdout).not.toContain("valid scenario")
  })

  it.for(cases)("%s: the message names the file, contract, metric, formula and problem", async ([name, , message]) => {
    expect((await validated).stderr).toContain(`${file}: contract "${name}", ${message}`)
  })

  it("run stops before anything is written", async () => {
    const out = join(work, "never")
    const r = await spsim("run", withContracts("one-bad", [changed("secondaryCare", { quantity: "savings" })]), "--replicates", "2", "--out", out)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('contract "outcomes", metric "secondaryCare", quantity: unknown variable "savings" in "savings"')
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([])
  })
})

/** A CSV of plain fields (names and numbers, no quoting) as records. */
const readCsv = (file: string): { header: Array<string>; rows: Array<Record<string, string>> } => {
  const [head, ...lines] = readFileSync(file, "utf8").trim().split("\n")
  const header = head.split(",")
  return { header, rows: lines.map((line) => Object.fromEntries(line.split(",").map((v, i) => [header[i], v]))) }
}

describe("a run's payments.csv and cashflows.csv agree with summary.json", () => {
  it("for every contract and replicate", async () => {
    const out = join(work, "run")
    const r = await spsim("run", wtw, "--replicates", "2", "--out", out)
    expect(r.code, r.stderr).toBe(0)
    const summary: Json = JSON.parse(readFileSync(join(out, "summary.json"), "utf8"))
    const scenario: Json = JSON.parse(readFileSync(join(out, "scenario.json"), "utf8"))
    const payments = readCsv(join(out, "payments.csv"))
    const cashflows = readCsv(join(out, "cashflows.csv"))
    expect(payments.header).toEqual(["replicate", "contract", "period", "week", "metric", "payer", "amount"])
    expect(cashflows.header).toEqual(["replicate", "contract", "quarter", "party", "flow", "amount"])
    expect(summary.contracts).toEqual(["outcomes", "blockGrant", "feeForService", "hybrid"])
    const replicates = [0, 1]

    /** The figure's per-replicate values agree with its band: the same mean, and percentiles between them. */
    const agrees = (values: ReadonlyArray<number>, figure: string): void => {
      const band = summary.metrics[figure]
      expect(band, figure).toBeDefined()
      expect(values.reduce((s, v) => s + v, 0) / values.length, figure).toBeCloseTo(band.mean, 2)
      expect(band.p05, figure).toBeGreaterThanOrEqual(Math.min(...values) - 0.01)
      expect(band.p95, figure).toBeLessThanOrEqual(Math.max(...values) + 0.01)
    }
    const total = <T extends Record<string, string>>(rows: ReadonlyArray<T>, keep: (row: T) => boolean): number =>
      rows.filter(keep).reduce((s, row) => s + Number(row.amount), 0)
    const quarterly = (rows: ReadonlyArray<Record<string, string>>): Array<number> => {
      const flows: Array<number> = []
      for (const row of rows) {
        const q = Number(row.quarter)
        while (flows.length <= q) flows.push(0)
        flows[q] += Number(row.amount)
      }
      return flows
    }

    for (const contract of scenario.contracts as ReadonlyArray<Json>) {
      const name: string = contract.name
      const paid = (rep: number, keep: (row: Record<string, string>) => boolean = () => true) =>
        total(payments.rows, (row) => Number(row.replicate) === rep && row.contract === name && keep(row))
      const flow = (rep: number, party: string, flowName?: string) =>
        cashflows.rows.filter((row) => Number(row.replicate) === rep && row.contract === name && row.party === party && (flowName === undefined || row.flow === flowName))
      const m = (figure: string) => summary.metrics[`${name}.${figure}`]

      // Payments: each row paid at the end of the period measured plus the lag (periods 1-based, quarterly).
      for (const row of payments.rows.filter((row) => row.contract === name)) {
        expect(Number(row.week), `${name} payment week`).toBe((Number(row.period) + contract.lagPeriods) * 13 - 1)
      }
      const everything = replicates.map((rep) => paid(rep))
      agrees(everything, `${name}.commissionerOutlay`)
      for (const metric of contract.metrics as ReadonlyArray<Json>) {
        agrees(replicates.map((rep) => paid(rep, (row) => row.metric === metric.name)), `${name}.outcomePaymentsByMetric.${metric.name}`)
      }
      agrees(replicates.map((rep) => paid(rep, (row) => row.metric !== "block" && row.metric !== "fees")), `${name}.outcomePayments`)
      agrees(replicates.map((rep) => paid(rep, (row) => row.metric === "block")), `${name}.blockPayments`)
      agrees(replicates.map((rep) => paid(rep, (row) => row.metric === "fees")), `${name}.feePayments`)
      // All payments = outcome payments + block grant + fees.
      expect(m("outcomePayments").mean + m("blockPayments").mean + m("feePayments").mean).toBeCloseTo(everything.reduce((s, x) => s + x, 0) / 2, 2)
      for (const payer of contract.payers as ReadonlyArray<Json>) {
        agrees(replicates.map((rep) => paid(rep, (row) => row.payer === payer.name)), `${name}.paymentsByPayer.${payer.name}`)
      }

      // Cash flows: money conserved between parties, and the summary's figures rebuilt from the rows.
      const sumOf = (rows: ReadonlyArray<Record<string, string>>) => total(rows, () => true)
      for (const rep of replicates) {
        expect(sumOf(flow(rep, "provider", "outcomeAndContractIncome")), name).toBeCloseTo(everything[rep], 2)
        expect(sumOf(flow(rep, "commissioner", "payments")), name).toBeCloseTo(-everything[rep], 2)
        expect(sumOf(flow(rep, "investor", "capitalProvided")), name).toBeCloseTo(-sumOf(flow(rep, "provider", "capitalDrawn")), 2)
        expect(sumOf(flow(rep, "investor", "repaymentAndReturn")), name).toBeCloseTo(-sumOf(flow(rep, "provider", "paidToInvestor")), 2)
      }
      agrees(replicates.map((rep) => -sumOf(flow(rep, "provider", "serviceCosts"))), `${name}.providerCost`)
      agrees(replicates.map((rep) => -sumOf(flow(rep, "commissioner", "payments")) - sumOf(flow(rep, "commissioner", "hospitalSaving"))), `${name}.commissionerNetCost`)
      agrees(replicates.map((rep) => npv(quarterly(flow(rep, "commissioner")), scenario.appraisal.discountRatePerYear, 4)), `${name}.npvCommissioner`)
      if (contract.financing !== undefined) {
        agrees(replicates.map((rep) => -sumOf(flow(rep, "investor", "capitalProvided"))), `${name}.investorCapitalDrawn`)
        agrees(replicates.map((rep) => sumOf(flow(rep, "investor", "repaymentAndReturn"))), `${name}.investorRepaid`)
        const rates = replicates.map((rep) => {
          const result = irr(quarterly(flow(rep, "investor")), 4)
          if (!result.ok) throw new Error(`${name}, replicate ${rep}: ${result.reason}`)
          return result.annualRate
        })
        const band = m("investorIrr")
        expect((rates[0] + rates[1]) / 2).toBeCloseTo(band.mean, 6)
      } else {
        for (const rep of replicates) expect(flow(rep, "investor"), name).toEqual([])
      }
    }
  })
})
