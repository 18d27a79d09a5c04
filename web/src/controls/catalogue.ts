/**
 * Which parameters the explorer offers, grouped by who asks about them. Only the selection lives here: each
 * control's unit, range, source, confidence and meaning come from the Schema's annotations through
 * `listParameters`, and its value from the scenario. Patterns use "[]" for every element of a list
 * (the contract's list elements are narrowed to the contract in view) and "*" for every key of a record.
 * An optional parameter (one the Schema lets a scenario leave out, e.g. a yearly cap) gets a control for every
 * contract or metric in view, set or not.
 */
export type Audience = "commissioner" | "provider" | "researcher"

/** How a control for an optional parameter reads: the word on the checkbox that sets it, and what leaving it out means. */
export interface OptionalWords {
  readonly toggle: string
  readonly absent: string
}

export const defaultOptionalWords: OptionalWords = { toggle: "set", absent: "not set" }

export interface CatalogueSection {
  readonly title: string
  readonly parameters: ReadonlyArray<string>
  /** Words for the section's optional parameters; `defaultOptionalWords` if not given. */
  readonly optional?: OptionalWords
  /** Schedules (time-varying multipliers) edited as a list of points. */
  readonly schedules?: ReadonlyArray<string>
}

export interface CatalogueGroup {
  readonly audience: Audience
  readonly title: string
  readonly question: string
  readonly sections: ReadonlyArray<CatalogueSection>
}

export const catalogue: ReadonlyArray<CatalogueGroup> = [
  {
    audience: "commissioner",
    title: "Commissioner",
    question: "What will the contract cost, and is it better value than the alternatives?",
    sections: [
      { title: "Tariffs", parameters: ["contracts[].metrics[].tariff", "contracts[].blockPerYear", "contracts[].fees.perReferral", "contracts[].fees.perEngagement", "contracts[].fees.perReview"] },
      { title: "Caps", parameters: ["contracts[].capTotal", "contracts[].capPerYear", "contracts[].metrics[].perPersonCap", "contracts[].metrics[].cap"], optional: { toggle: "cap", absent: "no cap" } },
      { title: "Payers", parameters: ["contracts[].payers[].share", "contracts[].payers[].ceiling", "contracts[].payers[].fixedPerPayment", "contracts[].lagPeriods"], optional: { toggle: "fixed amount", absent: "none" } },
      { title: "Investment and appraisal", parameters: ["contracts[].financing.capitalCommitted", "contracts[].financing.returnCapMultiple", "appraisal.discountRatePerYear"] }
    ]
  },
  {
    audience: "provider",
    title: "Provider",
    question: "What caseload keeps people engaged, and how many link workers do we need?",
    sections: [
      { title: "Link workers", parameters: ["linkWorkers.posts", "linkWorkers.ftePerPost", "linkWorkers.caseloadCapPerFte", "linkWorkers.comfortableCaseloadPerFte", "linkWorkers.mentalHealthTrainedShare"], schedules: ["linkWorkers.postsSchedule"] },
      { title: "Turnover and handovers", parameters: ["linkWorkers.turnoverPerYear", "linkWorkers.vacancyWeeksMean", "linkWorkers.handoverManagedShare"] },
      { title: "Length of support", parameters: ["engagement.intensiveWeeksMean", "discharge.maxSupportWeeks", "discharge.extensionWeeks"] },
      { title: "Costs", parameters: ["providerCosts.linkWorkerCostPerFteYear", "providerCosts.managementPerYear", "providerCosts.overheadShare"] }
    ]
  },
  {
    audience: "researcher",
    title: "Researcher",
    question: "How do austerity, continuity and caseload pressure change outcomes?",
    sections: [
      { title: "Referrals", parameters: ["referral.ratePerEligiblePerYear", "referral.championMultiplier", "referral.reReferralShare"], schedules: ["referral.schedule"] },
      { title: "Community services by category", parameters: ["communityServices.categories.*.servicesPerArea", "communityServices.categories.*.placesPerService", "communityServices.closureShareOfCut"] },
      { title: "Austerity and shocks", parameters: [], schedules: ["communityServices.funding", "communityServices.availability"] },
      { title: "Behaviour", parameters: ["disengagement.baseRatePerYear", "disengagement.caseloadPressureEffect", "setbacks.ratePerYear"] }
    ]
  }
]

/** The parameter a caseload sweep varies, and the control the share-link tests move. */
export const caseloadPath = "linkWorkers.caseloadCapPerFte"
