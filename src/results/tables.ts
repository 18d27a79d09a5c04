/** The rows of weekly.csv, people.csv and replicates.csv for one replicate. */
import { ageBands, exitReasonNames } from "../model/constants.ts"
import { starTotalOf } from "../model/starWords.ts"
import type { Sim } from "../model/sim.ts"
import { weeklyColumns } from "../model/weekly.ts"
import { dateOfWeek } from "../model/schedule.ts"
import { CsvWriter, csvRow } from "../io/csv.ts"
import type { Metrics } from "./metrics.ts"

/** replicates.csv: every metric of every replicate, one row each (long, so that R, pandas or DuckDB read it as is). */
export const replicatesHeader = ["replicate", "metric", "value"] as const

/** One replicate's rows of replicates.csv, in the order its metrics were made (the order of summary.json). */
export const replicateRows = (replicate: number, metrics: Metrics): string =>
  Object.entries(metrics).map(([metric, value]) => `${csvRow([replicate, metric, value])}\n`).join("")

export const weeklyHeader = ["replicate", "week", "date", ...weeklyColumns] as const

export const writeWeeklyRows = (sim: Sim, out: CsvWriter): void => {
  const cols = weeklyColumns.map((c) => sim.weekly.columns[c])
  const row: Array<string | number> = new Array(weeklyHeader.length)
  for (let w = 0; w < sim.weekly.weeks; w++) {
    row[0] = sim.replicate
    row[1] = w
    row[2] = dateOfWeek(w, sim.scenario.startDate)
    for (let c = 0; c < cols.length; c++) row[3 + c] = cols[c][w]
    out.row(row)
  }
}

export const peopleHeader = [
  "replicate", "id", "practice", "area", "ageBand", "sex", "ethnicity", "conditions", "mentalHealth", "isolated",
  "firstReferredWeek", "referredWeek", "episodes", "waitWeeks", "engagedWeek", "exitWeek", "exitReason",
  "linkWorkerChanges", "onwardReferrals", "onwardReferralFailures", "setbacks",
  "starBaseline", "starLast", "reviews", "secondaryCareCost", "comparisonSecondaryCareCost"
] as const

/**
 * One row per person; episode fields describe their latest referral, the counts of link-worker changes, onward
 * referrals and setbacks over all their episodes. Star totals (8-80) are the latest referral's baseline and last review,
 * and `reviews` its Star records, the baseline included: empty and 0 where that referral has not engaged (never,
 * or not yet: a person back on the waiting list after an earlier episode, whose Star outcome, as in the summary's
 * `starChangeMean`, no longer counts).
 */
export const writePeopleRows = (sim: Sim, out: CsvWriter): void => {
  const a = sim.people.arrays
  const groups = sim.scenario.population.ethnicGroups
  const row: Array<string | number> = new Array(peopleHeader.length)
  for (let id = 0; id < sim.people.count; id++) {
    const engaged = a.engagedWeek[id] >= 0
    row[0] = sim.replicate
    row[1] = id
    row[2] = a.practice[id]
    row[3] = a.cluster[id]
    row[4] = ageBands[a.ageBand[id]]
    row[5] = a.female[id] ? "female" : "male"
    row[6] = groups[a.ethnicity[id]].name
    row[7] = a.conditions[id]
    row[8] = a.mentalHealth[id]
    row[9] = a.isolated[id]
    row[10] = a.firstReferredWeek[id]
    row[11] = a.referredWeek[id]
    row[12] = a.episodes[id]
    row[13] = a.allocatedWeek[id] >= 0 ? a.allocatedWeek[id] - a.referredWeek[id] : ""
    row[14] = engaged ? a.engagedWeek[id] : ""
    row[15] = a.exitWeek[id] >= 0 ? a.exitWeek[id] : ""
    row[16] = exitReasonNames[a.state[id]]
    row[17] = a.linkWorkerChanges[id]
    row[18] = a.onwardReferrals[id]
    row[19] = a.onwardFailures[id]
    row[20] = a.setbacks[id]
    row[21] = engaged ? starTotalOf(a.starBaselineWords, id) : ""
    row[22] = engaged ? starTotalOf(a.starLastReviewWords, id) : ""
    row[23] = a.reviews[id]
    row[24] = a.comparisonCost[id] - a.saving[id]
    row[25] = a.comparisonCost[id]
    out.row(row)
  }
}
