import { Schema } from "effect"
import { param, share } from "../param.ts"

/** Contract terms are choices, not behaviour to calibrate. */
const assumed = { source: "assumed", confidence: "assumed" } as const

/** A name usable in formulas and in summary.json keys. */
const Identifier = Schema.String.check(
  Schema.isPattern(/^[A-Za-z][A-Za-z0-9_]*$/u, { expected: "a name of letters, digits and _ starting with a letter" })
)

const Expression = Schema.String.check(Schema.isMinLength(1)).annotate({
  description: "A formula in mathjs syntax over the variables of the metric's basis (see docs/contracts.md)"
})

/**
 * An amount of money. Its range, up to £10bn, only rules out nonsense, so each states the size it typically has
 * (`typical`: what a sensitivity analysis swings it by from 0), mostly the shipped scenarios' own values.
 */
const gbp = (description: string, typical: number, source = "assumed", confidence: "high" | "medium" | "low" | "assumed" = "assumed") =>
  param({ unit: "gbp", min: 0, max: 1e10, description, source, confidence, typical })

/** What a metric is measured on: each Star review, each first appointment, each exit, or each payment period. */
export const metricBases = ["review", "engagement", "exit", "period"] as const

export const OutcomeMetric = Schema.Struct({
  name: Identifier.annotate({ description: "Name of the metric (used in results as <contract>.outcomePaymentsByMetric.<name>)" }),
  description: Schema.String,
  basis: Schema.Literals(metricBases).annotate({
    description: "review: each Star review after the baseline, per person; engagement: each first appointment; exit: each engaged episode's end; period: once per payment period over the cohort's totals"
  }),
  quantity: Expression.annotate({ description: "What is measured, e.g. max(0, starChange - bestPreviousChange) or saving" }),
  tariff: param({ unit: "gbp per unit of quantity", min: 0, max: 1e7, description: "Price of one unit of the quantity", ...assumed }),
  payment: Expression.annotate({ description: "The payment for one measurement, e.g. tariff * quantity or tariff * min(quantity, 5)" }),
  perPersonCap: Schema.optionalKey(gbp("Most paid for this metric for one person over the contract", 1800)),
  cap: Schema.optionalKey(gbp("Most paid for this metric over the contract", 1e6))
})
export type OutcomeMetric = typeof OutcomeMetric.Type

export const Payer = Schema.Struct({
  name: Identifier.annotate({ description: "Who pays (e.g. ccg, bigLotteryFund, cabinetOffice)" }),
  share: share({ description: "This payer's share of each payment it takes part in, after any fixed amounts (shares of the payers of a payment are normalised)", ...assumed }),
  fixedPerPayment: Schema.optionalKey(gbp("A fixed amount this payer pays of each payment it takes part in, before the rest is shared", 10000)),
  pays: Schema.Array(Identifier).annotate({ description: "What it pays for: metric names, \"block\" and/or \"fees\"; empty for everything" }),
  fromYear: param({ unit: "contract year", min: 1, max: 20, integer: true, description: "First contract year this payer pays in", ...assumed }),
  toYear: param({ unit: "contract year", min: 1, max: 20, integer: true, description: "Last contract year this payer pays in", ...assumed }),
  ceiling: gbp("Most this payer pays over the contract; beyond it its share goes unpaid (WtW: CCG £7m, Big Lottery Fund £2m, Cabinet Office £1m)", 1e6, "Big Society Capital blog", "medium")
})

export const Fees = Schema.Struct({
  perReferral: gbp("Fee per referral (fee-for-service)", 100),
  perEngagement: gbp("Fee per first appointment attended (fee-for-service)", 500),
  perReview: gbp("Fee per Star review after the baseline (fee-for-service)", 120)
})

/** Working capital from a social investor, repaid from outcome income. */
export const Financing = Schema.Struct({
  capitalCommitted: gbp("Investor capital available to draw (WtW: £1.65m from Bridges)", 1.65e6, "GO Lab INDIGO-POJ-0120; Big Society Capital", "high"),
  providerStartingCash: gbp("Cash the provider starts with", 25000),
  cashFloor: gbp("Cash the provider keeps; capital is drawn to stay above it", 25000),
  returnShareAfterPrincipal: share({ description: "Share of each payment the provider receives that goes to the investor once the drawn capital is repaid (of gross receipts, not of income above costs)", ...assumed }),
  returnCapMultiple: param({ unit: "multiple of capital drawn", min: 1, max: 10, description: "Most the investor receives in all, as a multiple of the capital drawn (of the most capital outstanding at once, for a revolving facility)", ...assumed }),
  facility: Schema.optionalKey(Schema.Literals(["fixed", "revolving"]).annotate({
    description: "fixed (the default): capitalCommitted caps the capital drawn in all, so capital repaid is not drawn again; revolving: it caps the capital outstanding, so capital repaid can be drawn again"
  }))
})

/** What delivering the service costs the provider, whichever contract pays for it. */
export const Costs = Schema.Struct({
  linkWorkerCostPerFteYear: param({ unit: "gbp per FTE-year", min: 0, max: 200000, description: "Cost of a link worker per FTE-year actually employed (vacant posts cost nothing)", source: "Management in Practice 2023 (ARRS maximum reimbursable £36,428, 2022/23)", confidence: "medium" }),
  hiringCostPerHire: gbp("Cost of recruiting one replacement link worker", 3000),
  managementPerYear: gbp("Management, supervision and data costs per year", 250000),
  overheadShare: param({ unit: "share of staff cost", min: 0, max: 2, description: "Overheads as a share of link-worker cost", ...assumed }),
  serviceGrantsPerYear: gbp("Grants from the provider to community services per year", 62500)
})

export const Contract = Schema.Struct({
  name: Identifier.annotate({ description: "Name of the contract (results are reported as <name>.<metric>)" }),
  description: Schema.String,
  period: Schema.Literals(["quarterly", "six-monthly", "annual"]).annotate({ description: "How often payments are measured and made" }),
  lagPeriods: param({ unit: "periods", min: 0, max: 8, integer: true, description: "Periods between the end of the period measured and the payment", ...assumed }),
  blockPerYear: gbp("Block grant per year, paid in equal parts each period", 1.25e6),
  fees: Fees,
  metrics: Schema.Array(OutcomeMetric).annotate({ description: "Outcome metrics and their payment rules (empty for a pure block grant or fee-for-service)" }),
  capPerYear: Schema.optionalKey(gbp("Most outcome payments per contract year", 1.5e6)),
  capTotal: Schema.optionalKey(gbp("Most outcome payments over the contract (WtW: about £10m, the payers' ceilings together)", 1e7, "derived from the payers' ceilings (Big Society Capital blog)", "low")),
  payers: Schema.Array(Payer).check(Schema.isMinLength(1)),
  financing: Schema.optionalKey(Financing)
})
export type Contract = typeof Contract.Type

export const Appraisal = Schema.Struct({
  discountRatePerYear: param({ unit: "per year", min: 0, max: 0.2, description: "Discount rate for present values (HM Treasury Green Book: 3.5% real for years 0-30)", source: "HM Treasury Green Book", confidence: "high" })
})
