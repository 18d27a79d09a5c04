import { Schema } from "effect"
import { assumed, param } from "../param.ts"

/** The Well-being Star: 8 areas, each 1-10, recorded at entry and every review. */
export const Wellbeing = Schema.Struct({
  gainEventsPerWeek: param({ unit: "points per week", min: 0, max: 2, description: "Rate of one-point gains (in a random area below 10) in intensive support at the reference link-worker time; WtW reported +3.4 total points by January 2020 against a target of +1.5", source: "calibrated to WtW news Jan 2020; spsim calibrate, docs/validation.md", confidence: "low", calibratable: true }),
  maintenanceGainMultiplier: param({ unit: "multiplier", min: 0, max: 2, description: "Gain rate in maintenance relative to intensive support", ...assumed }),
  linkWorkerTimeElasticity: param({ unit: "elasticity", min: 0, max: 2, description: "Gain rate scales with (link-worker time / reference time) to this power", ...assumed }),
  linkWorkerTimeMaxFactor: param({ unit: "multiplier", min: 1, max: 10, description: "Most that generous link-worker time can multiply the gain rate", ...assumed }),
  onwardReferralGainMultiplier: param({ unit: "multiplier", min: 1, max: 10, description: "Gain-rate multiplier while a person attends a community service they were referred to", ...assumed }),
  reviewIntervalWeeks: param({ unit: "weeks", min: 1, max: 104, integer: true, description: "Weeks between Star reviews (every six months)", source: "Wildman et al. 2019; Outcomes Star", confidence: "high" })
})
