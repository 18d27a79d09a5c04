import { Schema } from "effect"
import { Population } from "./sections/population.ts"
import { Practices, Referral } from "./sections/referral.ts"
import { LinkWorkers } from "./sections/linkWorkers.ts"
import { Contact, Discharge, Disengagement, Engagement, Setbacks } from "./sections/pathway.ts"
import { Wellbeing } from "./sections/wellbeing.ts"
import { CommunityServices, OnwardReferral } from "./sections/community.ts"
import { SecondaryCare } from "./sections/secondaryCare.ts"
import { Appraisal, Contract, Costs } from "./sections/contracts.ts"
import { IsoDate } from "./schedule.ts"
import { confidences, param } from "./param.ts"

/** Where one of this scenario's values comes from, when it is not the Ways to Wellness default's documented source. */
export const StatedSource = Schema.Struct({
  source: Schema.NonEmptyString.annotate({ description: "A published source (title, year, table or page), or how the value was reached" }),
  confidence: Schema.Literals(confidences).annotate({ description: "high, medium or low for a published figure (as in evidence.md); assumed where nothing is published" })
})
export type StatedSource = typeof StatedSource.Type

/** A complete scenario: everything one simulated service needs. Files may `extends` another and override parts. */
export const Scenario = Schema.Struct({
  name: Schema.NonEmptyString.annotate({ description: "Short name of the scenario" }),
  description: Schema.String.annotate({ description: "What the scenario represents and how it differs from its base" }),
  sources: Schema.optionalKey(Schema.Record(Schema.String, StatedSource)).annotate({
    description: "Sources of the values this scenario sets, by path (as for spsim sweep --set: \"practices.population\", \"contracts[outcomes].capTotal\", a schedule such as \"communityServices.funding\", or a whole section such as \"discharge\"). A value that differs from the Ways to Wellness default without a source here counts as assumed (spsim provenance)."
  }),
  seed: param({ unit: "integer", min: 0, max: 2 ** 31 - 1, integer: true, description: "Seed of all random streams; replicate i uses streams derived from (seed, i)", source: "none needed: any seed is valid", confidence: "high" }),
  startDate: IsoDate.annotate({ description: "First day of the service (WtW: April 2015, GO Lab INDIGO)" }),
  horizonWeeks: param({ unit: "weeks", min: 1, max: 1040, integer: true, description: "Length of the simulated service (7 years = 364 weeks; GO Lab INDIGO)", source: "GO Lab INDIGO-POJ-0120", confidence: "high" }),
  practices: Practices,
  population: Population,
  referral: Referral,
  linkWorkers: LinkWorkers,
  contact: Contact,
  engagement: Engagement,
  disengagement: Disengagement,
  setbacks: Setbacks,
  wellbeing: Wellbeing,
  onwardReferral: OnwardReferral,
  communityServices: CommunityServices,
  discharge: Discharge,
  secondaryCare: SecondaryCare,
  providerCosts: Costs.annotate({ description: "What delivering the service costs the provider" }),
  contracts: Schema.Array(Contract).annotate({ description: "Contracts paid on the same simulated people: outcomes contracts and alternatives (block grant, fee-for-service, hybrid)" }),
  appraisal: Appraisal
}).annotate({ title: "spsim scenario", description: "A social-prescribing service simulated by spsim" })

export type Scenario = typeof Scenario.Type
