import { Schema } from "effect"
import { Schedule } from "../schedule.ts"
import { assumed, param, share } from "../param.ts"

/** The workforce: posts, caseloads, training, turnover and handovers. */
export const LinkWorkers = Schema.Struct({
  posts: param({ unit: "posts", min: 0, max: 100000, integer: true, description: "Link-worker posts, shared between areas in proportion to their expected referrals (eligible population weighted by each practice's champion and referral multipliers)", ...assumed }),
  ftePerPost: param({ unit: "FTE", min: 0.1, max: 1, description: "Full-time equivalent of each post", ...assumed }),
  postsSchedule: Schedule.annotate({ description: "Multiplier on the number of funded posts over time (posts beyond the funded number are frozen when they fall vacant)" }),
  caseloadCapPerFte: param({ unit: "people per FTE", min: 1, max: 1000, description: "Most people one full-time link worker holds at once; referrals beyond it wait (NHSE guidance of 200-250 a year is for short episodes, not WtW's two-year support)", ...assumed }),
  comfortableCaseloadPerFte: param({ unit: "people per FTE", min: 1, max: 1000, description: "Caseload above which pressure starts to raise disengagement", ...assumed }),
  directHoursPerFteWeek: param({ unit: "hours per FTE-week", min: 1, max: 40, description: "Hours a full-time link worker spends with or for the people on their caseload", ...assumed }),
  contactingWorkload: param({ unit: "workload weight", min: 0, max: 2, description: "Workload of a person being contacted, relative to one in intensive support", ...assumed }),
  maintenanceWorkload: param({ unit: "workload weight", min: 0, max: 2, description: "Workload of a person in maintenance, relative to one in intensive support", ...assumed }),
  mentalHealthTrainedShare: share({ description: "Share of link workers trained in mental health", ...assumed }),
  turnoverPerYear: share({ description: "Share of link workers leaving each year (NALW 2020: 29% considering leaving within a year)", source: "assumed, informed by NALW survey 2020; calibrated to the WtW record; spsim calibrate, docs/validation.md; barely identified by it", confidence: "low", calibratable: true }),
  vacancyWeeksMean: param({ unit: "weeks", min: 0, max: 104, description: "Mean weeks a post stays vacant before a replacement starts", ...assumed }),
  handoverManagedShare: share({ description: "Share of people whose handover to a new link worker is managed (introduced, notes passed on) when their link worker leaves", ...assumed })
})
export type LinkWorkers = typeof LinkWorkers.Type
