import { Schema } from "effect"
import { Schedule } from "../schedule.ts"
import { assumed, param, share } from "../param.ts"

/** One named GP practice, for a scenario that lists its practices rather than drawing them. */
export const ListedPractice = Schema.Struct({
  name: Schema.NonEmptyString.annotate({ description: "The practice's name (or code), to tell it apart in scenario paths such as practices.list[Elswick].listSize" }),
  listSize: param({ unit: "people", min: 1, max: 10_000_000, integer: true, description: "The practice's registered list size", source: "the scenario's (give it in sources, e.g. NHS Digital, Patients Registered at a GP Practice)", confidence: "assumed" }),
  area: Schema.optionalKey(param({ unit: "area number", min: 0, max: 9999, integer: true, description: "The area (0 to practices.clusters - 1) whose link-worker pool and community services the practice uses; left out: practices are dealt to areas in turn", ...assumed })),
  champion: Schema.optionalKey(Schema.Boolean.annotate({ description: "Whether the practice has a social-prescribing champion; left out: drawn with practices.championShare" })),
  referralMultiplier: Schema.optionalKey(param({ unit: "multiplier", min: 0, max: 10, description: "The practice's referral rate relative to others like it (after the champion's multiplier); left out: 1", ...assumed }))
})
export type ListedPractice = typeof ListedPractice.Type

/**
 * The GP practices that refer: drawn (list sizes spread around the mean so they add up to the population), or
 * listed one by one in `list`.
 */
export const Practices = Schema.Struct({
  count: param({ unit: "practices", min: 1, max: 10000, integer: true, description: "Number of referring GP practices", source: "Moffatt et al. 2017 (17 practices)", confidence: "high" }),
  population: param({ unit: "people", min: 100, max: 100_000_000, integer: true, description: "Registered population of all practices together", source: "Moffatt et al. 2017 (132,000)", confidence: "high" }),
  listSizeCv: param({ unit: "coefficient of variation", min: 0, max: 2, description: "Spread of practice list sizes around the mean", ...assumed }),
  eligibleShare: share({ description: "Share of the registered population eligible: age 40-74 with a qualifying long-term condition (Wildman 2019 for the criteria)", ...assumed }),
  championShare: share({ description: "Share of practices with a social-prescribing champion", ...assumed }),
  clusters: param({ unit: "areas", min: 1, max: 10000, integer: true, description: "Areas the practices are grouped into; each has its own link-worker pool and community services (WtW: 4 providers each covering a cluster; 1 = one shared pool)", source: "Bridges Outcomes Partnerships (4 providers at launch)", confidence: "high" }),
  list: Schema.optionalKey(Schema.Array(ListedPractice).annotate({
    description: "The practices one by one, in place of drawn ones: count must be the list's length and population the sum of its list sizes (listSizeCv is then unused). Practice i in people.csv is the list's i-th entry (from 0)."
  }))
})

export const Referral = Schema.Struct({
  ratePerEligiblePerYear: param({ unit: "referrals per eligible person per year", min: 0, max: 2, description: "Referral rate at full ramp-up for a practice without a champion (the WtW default: about 1,540 referrals a year after the first year's ramp-up, 1,390 a year on average over 2015-2018 against the 1,450 published; see docs/model.md)", source: "calibrated to WtW cumulative referrals 2018-2021; spsim calibrate, docs/validation.md", confidence: "medium", calibratable: true }),
  rampUpWeeks: param({ unit: "weeks", min: 0, max: 520, integer: true, description: "Weeks for referrals to ramp up linearly to the full rate", ...assumed }),
  rampUpStartShare: share({ description: "Share of the full referral rate in the first week", ...assumed }),
  championMultiplier: param({ unit: "multiplier", min: 0, max: 10, description: "Referral rate of a practice with a champion relative to one without", ...assumed }),
  schedule: Schedule.annotate({ description: "Referral-rate multiplier over time (e.g. the COVID-19 collapse)" }),
  reReferralShare: share({ description: "Share of people who leave (any reason) who are referred again later", ...assumed }),
  reReferralMinGapWeeks: param({ unit: "weeks", min: 0, max: 520, integer: true, description: "Least time between leaving and a re-referral", ...assumed }),
  reReferralMeanDelayWeeks: param({ unit: "weeks", min: 1, max: 1040, description: "Mean further delay (exponential) before a re-referral", ...assumed })
})
export type Referral = typeof Referral.Type
export type Practices = typeof Practices.Type
