/**
 * The headline figures of one replicate, named as in summary.json. Counts are over the whole horizon;
 * episode counts (engaged, disengaged, ...) count each referral episode, so a re-referred person counts
 * once per episode.
 */
import { onwardFailureNames, State } from "../model/constants.ts"
import { holdResident, type Sim } from "../model/sim.ts"
import { residentPeople } from "../model/resident.ts"
import { serviceCategories } from "../scenario/sections/community.ts"
import { groupMetrics } from "./groups.ts"

export type Metrics = Record<string, number>

const sum = (xs: Float64Array): number => xs.reduce((s, x) => s + x, 0)
const mean = (xs: Float64Array): number => (xs.length > 0 ? sum(xs) / xs.length : 0)
const max = (xs: Float64Array): number => xs.reduce((m, x) => (x > m ? x : m), 0)
const ratio = (a: number, b: number): number => (b > 0 ? a / b : 0)

/** Hospital cost and saving among people who engaged at least once (the cohort WtW compared). */
const engagedCohortSaving = (sim: Sim): number => {
  // Read where the run holds them, as constants (src/model/resident.ts; as in `groupMetrics`).
  holdResident(sim)
  const a = residentPeople
  let saving = 0
  let comparison = 0
  for (let id = 0; id < sim.people.count; id++) {
    if (a.everEngaged[id] === 0) continue
    saving += a.saving[id]
    comparison += a.comparisonCost[id]
  }
  return ratio(saving, comparison)
}

/**
 * Star change (last review minus baseline, total of 8 areas) of people with two or more reviews in their last
 * episode, the share of them improved in at least one area, and their mean baseline total: kept as the run goes
 * (`review` and `forgetLastReview` in wellbeing.ts), so reading them costs nothing.
 */
export const starOutcomes = (sim: Sim): { reviewed: number; changeMean: number; improvedShare: number; baselineMean: number } => {
  const reviewed = sim.starReviewedToDate
  return {
    reviewed,
    changeMean: ratio(sim.starChangeSumToDate, reviewed),
    improvedShare: ratio(sim.starImprovedToDate, reviewed),
    baselineMean: ratio(sim.starBaselineSumToDate, reviewed)
  }
}

/** The parts of the hospital-cost saving, in the order of the scenario's component shares and effects. */
export const secondaryCareComponents = ["admissions", "emergency", "outpatients"] as const

export const replicateMetrics = (sim: Sim): Metrics => {
  const t = sim.tally
  const col = sim.weekly.columns
  const star = starOutcomes(sim)
  const referrals = t.newPeople + t.reEntries
  const cost = sum(col.secondaryCareCost)
  const comparison = sum(col.comparisonSecondaryCareCost)
  const saving = comparison - cost
  const p = sim.params
  const m: Metrics = {
    people: t.newPeople,
    referrals,
    reEntries: t.reEntries,
    engaged: t.engaged,
    engagedShare: ratio(t.engaged, referrals),
    neverEngaged: t.neverEngagedDeclined + t.neverEngagedUnreachable,
    neverEngagedUnreachable: t.neverEngagedUnreachable,
    neverEngagedDeclined: t.neverEngagedDeclined,
    disengaged: t.disengaged,
    discharged: t.dischargedAtLimit + t.dischargedSettled,
    dischargedAtLimit: t.dischargedAtLimit,
    dischargedSettled: t.dischargedSettled,
    extensions: t.extensions,
    ongoingAtEnd: sim.stateCounts[State.waiting] + sim.stateCounts[State.contacting] + sim.stateCounts[State.intensive] + sim.stateCounts[State.maintenance],
    meanWaitWeeks: ratio(t.waitWeeksSum, t.allocated),
    peakWaiting: max(col.waiting),
    meanWaiting: mean(col.waiting),
    meanActive: mean(col.active),
    meanCaseloadPerFte: mean(col.meanCaseload),
    meanLinkWorkersFte: mean(col.linkWorkersFte),
    linkWorkerLeavers: t.linkWorkerLeavers,
    handovers: t.handovers,
    handoversManagedShare: ratio(t.handoversManaged, t.handovers),
    setbacks: t.setbacks,
    onwardReferrals: t.onwardReferrals,
    onwardReferralFailures: t.onwardFailures,
    onwardReferralFailureShare: ratio(t.onwardFailures, t.onwardReferrals),
    meanWeeksOnProgramme: ratio(t.episodeWeeksSum, t.episodesCompleted),
    starReviewed: star.reviewed,
    starChangeMean: star.changeMean,
    starBaselineMean: star.baselineMean,
    starImprovedShare: star.improvedShare,
    secondaryCareCost: cost,
    comparisonSecondaryCareCost: comparison,
    secondaryCareSaving: saving,
    secondaryCareSavingShare: ratio(saving, comparison),
    secondaryCareSavingShareEngaged: engagedCohortSaving(sim)
  }
  onwardFailureNames.forEach((name, i) => {
    m[`onwardReferralFailures.${name}`] = t.onwardFailuresByReason[i]
  })
  serviceCategories.forEach((name, i) => {
    m[`onwardReferrals.${name}`] = t.onwardReferralsByCategory[i]
  })
  Object.assign(m, groupMetrics(sim))
  secondaryCareComponents.forEach((name, k) => {
    const share = p.componentShares[k]
    const relative = p.meanRelativeEffect > 0 ? p.componentEffects[k] / p.meanRelativeEffect : 0
    m[`secondaryCareSaving.${name}`] = share * relative * saving
  })
  return m
}
