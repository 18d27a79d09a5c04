import { Schema } from "effect"
import { assumed, param, share } from "../param.ts"

const ageBandWeight = (band: string) =>
  param({ unit: "relative weight", min: 0, max: 100, description: `Relative weight of the ${band} age band among referred people`, ...assumed })

export const EthnicGroup = Schema.Struct({
  name: Schema.NonEmptyString.annotate({ description: "Name of the ethnic group" }),
  weight: param({ unit: "relative weight", min: 0, max: 100, description: "Relative weight of this group among referred people (weights are normalised)", source: "assumed (approximates west Newcastle census profile)", confidence: "low" }),
  languageSupportShare: share({ description: "Share of this group who need services in a language other than English", ...assumed }),
  majority: Schema.Boolean.annotate({ description: "True for the majority group: culturally specific services serve the other groups" })
})

/** Who is referred: the distributions person attributes are drawn from. */
export const Population = Schema.Struct({
  ageBands: Schema.Struct({
    "40-49": ageBandWeight("40-49"),
    "50-59": ageBandWeight("50-59"),
    "60-74": ageBandWeight("60-74")
  }).annotate({ description: "Age mix of referred people (eligibility: age 40-74; Wildman et al. 2019)" }),
  femaleShare: share({ description: "Share of referred people who are women", ...assumed }),
  ethnicGroups: Schema.Array(EthnicGroup).check(Schema.isMinLength(1)),
  extraConditionsMean: param({ unit: "conditions", min: 0, max: 5, description: "Mean number of qualifying long-term conditions beyond the first (Poisson); multimorbidity", ...assumed }),
  maxConditions: param({ unit: "conditions", min: 1, max: 10, integer: true, description: "Largest number of long-term conditions a person can have", source: "assumed", confidence: "assumed" }),
  mentalHealthShare: share({ description: "Share with anxiety or depression, for a person with one long-term condition (Wildman 2019: eligible with or without)", ...assumed }),
  mentalHealthPerExtraCondition: share({ description: "Added to the anxiety/depression share for each extra long-term condition", ...assumed }),
  isolatedShare: share({ description: "Share who are socially isolated", ...assumed }),
  employedShare: share({ description: "Share in work (cannot attend daytime-only services)", ...assumed }),
  travelsShare: share({ description: "Share willing to travel to a service in a neighbouring area", ...assumed }),
  starBaseline: Schema.Struct({
    meanPerArea: param({ unit: "Star points (1-10)", min: 1, max: 10, description: "Mean baseline score per Well-being Star area for people with neither anxiety/depression nor isolation (the shifts below apply to those); WtW's +3.4 total points was an 11% gain, so a baseline total of about 31 (3.9 per area) overall", source: "calibrated to the baseline WtW news Jan 2020 implies (+3.4 points = 11%); spsim calibrate, docs/validation.md", confidence: "low", calibratable: true }),
    sdPerArea: param({ unit: "Star points", min: 0, max: 5, description: "Spread of baseline scores between people and areas", ...assumed }),
    mentalHealthShift: param({ unit: "Star points", min: -5, max: 5, description: "Shift of every area's baseline for people with anxiety or depression", ...assumed }),
    isolationShift: param({ unit: "Star points", min: -5, max: 5, description: "Shift of every area's baseline for socially isolated people", ...assumed })
  })
})
export type Population = typeof Population.Type
