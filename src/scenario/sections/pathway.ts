import { Schema } from "effect"
import { assumed, calibrated, param, share } from "../param.ts"

/** From allocation to a link worker to the first appointment. */
export const Contact = Schema.Struct({
  attemptsMax: param({ unit: "attempts", min: 1, max: 20, integer: true, description: "Phone contact attempts (one a week) before the referral is closed as unreachable", ...assumed }),
  attemptSuccess: share({ description: "Chance that one contact attempt reaches the person", ...assumed }),
  attendFirstAppointment: share({ description: "Chance of attending the first appointment with no wait (ELSA: 88% of adults 50+ offered a referral accepted it)", source: "calibrated to WtW engaged counts and share; spsim calibrate, docs/validation.md; ELSA wave 10 acceptance (Fancourt & Steptoe) as context", confidence: "medium", calibratable: true }),
  waitHalfLifeWeeks: param({ unit: "weeks", min: 1, max: 520, description: "Wait from referral after which the chance of attending has halved", ...assumed })
})

/** Intensive support, then maintenance once goals are reached. */
export const Engagement = Schema.Struct({
  intensiveWeeksMin: param({ unit: "weeks", min: 0, max: 208, integer: true, description: "Least time in intensive support before goals can be reached", ...assumed }),
  intensiveWeeksMean: param({ unit: "weeks", min: 1, max: 208, description: "Mean further time (exponential) in intensive support until goals are reached and support steps down to maintenance", ...assumed }),
  referenceHoursPerPersonWeek: param({ unit: "hours per person-week", min: 0.05, max: 10, description: "Link-worker time per person in intensive support at which wellbeing gains run at their base rate", ...assumed })
})

/** The weekly hazard of dropping out, and what raises it. */
export const Disengagement = Schema.Struct({
  baseRatePerYear: param({ unit: "per year", min: 0, max: 10, description: "Dropout hazard in intensive support with none of the risk factors below", ...calibrated }),
  caseloadPressureEffect: param({ unit: "multiplier per unit of excess", min: 0, max: 20, description: "Hazard rises by this times the relative excess of the link worker's caseload over the comfortable caseload", ...assumed }),
  changeManagedMultiplier: param({ unit: "multiplier", min: 1, max: 20, description: "Hazard multiplier after a managed change of link worker", ...assumed }),
  changeUnmanagedMultiplier: param({ unit: "multiplier", min: 1, max: 20, description: "Hazard multiplier after an unmanaged change of link worker", ...assumed }),
  changeEffectWeeks: param({ unit: "weeks", min: 0, max: 104, integer: true, description: "How long a change of link worker raises the hazard", ...assumed }),
  unassignedMultiplier: param({ unit: "multiplier", min: 1, max: 20, description: "Hazard multiplier while a person has no link worker (theirs left and nobody has room)", ...assumed }),
  noSuitableServiceMultiplier: param({ unit: "multiplier", min: 1, max: 20, description: "Hazard multiplier after an onward referral failed for want of a suitable service (Wildman 2019: a barrier)", ...assumed }),
  noSuitableServiceWeeks: param({ unit: "weeks", min: 0, max: 104, integer: true, description: "How long a failed onward referral raises the hazard", ...assumed }),
  setbackMultiplier: param({ unit: "multiplier", min: 1, max: 20, description: "Hazard multiplier during a setback", ...assumed }),
  mentalHealthMultiplier: param({ unit: "multiplier", min: 1, max: 20, description: "Hazard multiplier for people with anxiety or depression", ...assumed }),
  mentalHealthTrainingMitigation: share({ description: "Share of the anxiety/depression excess removed when the link worker is trained in mental health", ...assumed }),
  maintenanceMultiplier: param({ unit: "multiplier", min: 0, max: 5, description: "Hazard multiplier in maintenance relative to intensive support", ...assumed })
})

/** Health shocks and family or money crises. */
export const Setbacks = Schema.Struct({
  ratePerYear: param({ unit: "per year", min: 0, max: 20, description: "Setbacks a year for a person with one long-term condition", ...assumed }),
  perExtraCondition: param({ unit: "relative increase", min: 0, max: 5, description: "Relative increase in the setback rate for each extra long-term condition", ...assumed }),
  durationWeeksMean: param({ unit: "weeks", min: 1, max: 104, description: "Mean length of a setback (exponential)", ...assumed }),
  starLossPoints: param({ unit: "Star points", min: 0, max: 20, integer: true, description: "Star points lost at the start of a setback, spread over random areas", ...assumed })
})

/** Leaving at the end of support, or earlier once settled. */
export const Discharge = Schema.Struct({
  maxSupportWeeks: param({ unit: "weeks", min: 1, max: 520, integer: true, description: "Support length from the first appointment: up to two years (Wildman 2019)", source: "Wildman et al. 2019", confidence: "high" }),
  complexNeedsMinConditions: param({ unit: "conditions", min: 1, max: 10, integer: true, description: "People with at least this many conditions, or with anxiety/depression, count as having complex needs", ...assumed }),
  extensionShare: share({ description: "Share of people with complex needs whose support is extended at the maximum length (at the link worker's discretion, Wildman 2019)", ...assumed }),
  extensionWeeks: param({ unit: "weeks", min: 0, max: 260, integer: true, description: "Length of an extension", ...assumed }),
  settledWeeksMean: param({ unit: "weeks", min: 1, max: 520, description: "Mean time in maintenance (exponential) before an early discharge once settled", ...calibrated })
})
