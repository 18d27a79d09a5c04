import { Schema } from "effect"
import { assumed, calibrated, param, share } from "../param.ts"

const Component = (label: string) =>
  Schema.Struct({
    costShare: param({ unit: "relative weight", min: 0, max: 100, description: `Weight of ${label} in hospital cost (weights are normalised)`, ...assumed }),
    relativeEffect: param({ unit: "multiplier", min: 0, max: 5, description: `Effect of social prescribing on ${label} relative to the overall effect (Rotherham: A&E fell more than admissions)`, source: "assumed, informed by Dayson & Bashir 2014", confidence: "low" })
  })

/** Hospital use of each person against a matched comparison counterpart who never joined. */
export const SecondaryCare = Schema.Struct({
  baselineCostPerYear: param({ unit: "gbp per person-year", min: 0, max: 100000, description: "Mean hospital cost (admissions, A&E, outpatients) of an eligible person with one long-term condition", ...assumed }),
  perExtraConditionMultiplier: param({ unit: "multiplier per condition", min: 1, max: 5, description: "Hospital cost multiplier for each extra long-term condition", ...assumed }),
  costCv: param({ unit: "coefficient of variation", min: 0, max: 5, description: "Spread of hospital cost between people (lognormal)", ...assumed }),
  costGrowthPerYear: param({ unit: "per year", min: -0.5, max: 0.5, description: "Yearly growth of hospital cost over the contract, for everyone and their counterparts alike (ageing, progression, prices); someone referred in a later year starts from a higher cost", ...assumed }),
  maxEffectEngaged: share({ description: "Reduction in hospital cost reached after the ramp while engaged; WtW reported 27% lower cost on average against its comparison group (11% to 45% by year)", source: "calibrated to Bridges / WtW news 2018, 2020 (self-reported); spsim calibrate, docs/validation.md", confidence: "medium", calibratable: true }),
  effectRampWeeks: param({ unit: "weeks", min: 0, max: 208, integer: true, description: "Weeks of engagement for the effect to reach its maximum", ...assumed }),
  retainedAfterDischarge: share({ description: "Share of the reached effect kept on discharge", ...calibrated }),
  retainedAfterDisengagement: share({ description: "Share of the reached effect kept on disengagement", ...assumed }),
  effectHalfLifeWeeks: param({ unit: "weeks", min: 1, max: 1040, description: "Half-life of the kept effect after leaving", ...assumed }),
  components: Schema.Struct({
    admissions: Component("unplanned admissions"),
    emergency: Component("A&E attendances"),
    outpatients: Component("outpatient appointments")
  })
})
export type SecondaryCare = typeof SecondaryCare.Type
