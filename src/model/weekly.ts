/** The weekly series of one replicate: one Float64Array per column, one entry per week. */

export const weeklyColumns = [
  "referred", "newPeople", "reEntries",
  "waiting", "contacting", "unassigned", "active", "intensive", "maintenance",
  "engagedNew", "neverEngaged", "disengaged", "discharged",
  "exitedNeverEngaged", "exitedDisengaged", "exitedDischarged",
  "linkWorkersFte", "vacancies", "meanCaseload",
  "serviceCapacity", "servicesOpen", "serviceUsers",
  "onwardReferrals", "onwardFailures", "setbacks", "handovers", "reviews", "linkWorkerLeavers", "hires",
  "starMeanActive", "starReviewedToDate", "starChangeMeanToDate", "secondaryCareCost", "comparisonSecondaryCareCost"
] as const
export type WeeklyColumn = (typeof weeklyColumns)[number]

export class WeeklyRecord {
  readonly columns: Record<WeeklyColumn, Float64Array>
  constructor(readonly weeks: number) {
    this.columns = Object.fromEntries(weeklyColumns.map((c) => [c, new Float64Array(weeks)])) as Record<WeeklyColumn, Float64Array>
  }
}
