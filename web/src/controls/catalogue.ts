/**
 * Which parameters the explorer offers, grouped by who asks about them. Only the selection lives here: each
 * control's unit, range, source, confidence and meaning come from the Schema's annotations through
 * `listParameters`, and its value from the scenario. Patterns use "[]" for every element of a list
 * (the contract's list elements are narrowed to the contract in view) and "*" for every key of a record.
 * An optional parameter (one the Schema lets a scenario leave out, e.g. a yearly cap) gets a control for every
 * contract or metric in view, set or not; so does an optional schedule (a kind of service's own funding), in a group
 * of its own. A choice (a value the Schema lets be one of a few strings: a contract's payment period, its financing
 * facility) gets a list of the Schema's options, one per contract in view where the contract has the object that holds
 * it.
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
  /** Choices, each offered as a list of the options the Schema allows, before the section's numbers. */
  readonly choices?: ReadonlyArray<CatalogueChoice>
  /** Schedules (time-varying multipliers) edited as a list of points. */
  readonly schedules?: ReadonlyArray<string>
  /** Schedules a scenario may leave out, one for every key of a record, each offered set or not. */
  readonly scheduleGroups?: ReadonlyArray<CatalogueScheduleGroup>
}

/** A choice named by a pattern ("[]" for every element of a list) whose value the Schema lets be one of a few strings. */
export interface CatalogueChoice {
  /** E.g. "contracts[].period": every concrete path must be a choice of the Schema (`listChoices`). */
  readonly pattern: string
  /**
   * For a key a scenario may leave out: the option that leaving it out amounts to (as the model reads no key), which
   * the control shows while the key is left out; choosing it leaves the key out again. Required for such a key.
   */
  readonly absent?: string
}

/**
 * Optional schedules named by one pattern ("*" for every key of a record), shown together in a group that stays
 * closed until one of them is set: each reads as left out, with a box to tick to give it a schedule of its own.
 */
export interface CatalogueScheduleGroup {
  readonly title: string
  /** E.g. "communityServices.categories.*.funding": every concrete path must be a schedule the Schema lets a scenario leave out. */
  readonly pattern: string
  /** The checkbox that adds one, and what leaving it out means. */
  readonly optional: OptionalWords
  /** The group's heading when none is set, and after "2 of 7" when some are. */
  readonly none: string
  readonly some: string
  /** What a schedule of the group does, once for the group. */
  readonly help: string
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
      { title: "Tariffs", choices: [{ pattern: "contracts[].period" }], parameters: ["contracts[].metrics[].tariff", "contracts[].blockPerYear", "contracts[].fees.perReferral", "contracts[].fees.perEngagement", "contracts[].fees.perReview"] },
      { title: "Caps", parameters: ["contracts[].capTotal", "contracts[].capPerYear", "contracts[].metrics[].perPersonCap", "contracts[].metrics[].cap"], optional: { toggle: "cap", absent: "no cap" } },
      { title: "Payers", parameters: ["contracts[].payers[].share", "contracts[].payers[].ceiling", "contracts[].payers[].fixedPerPayment", "contracts[].lagPeriods"], optional: { toggle: "fixed amount", absent: "none" } },
      { title: "Investment and appraisal", choices: [{ pattern: "contracts[].financing.facility", absent: "fixed" }], parameters: ["contracts[].financing.capitalCommitted", "contracts[].financing.returnCapMultiple", "appraisal.discountRatePerYear"] }
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
      {
        title: "Austerity and shocks",
        parameters: [],
        schedules: ["communityServices.funding", "communityServices.availability"],
        scheduleGroups: [{
          title: "Funding by kind of service",
          pattern: "communityServices.categories.*.funding",
          optional: { toggle: "own schedule", absent: "follows the overall funding" },
          none: "each kind follows the overall funding",
          some: "with their own schedule",
          help: "A kind's own schedule multiplies the overall funding for that kind alone: 0.5 from a date halves what the overall schedule gives it from then on. Ticked, it starts with no points (1 throughout: the overall funding alone), or with those it had before it was unticked; unticked, the key is left out."
        }]
      },
      { title: "Behaviour", parameters: ["disengagement.baseRatePerYear", "disengagement.caseloadPressureEffect", "setbacks.ratePerYear"] }
    ]
  }
]

/** The parameter a caseload sweep varies, and the control the share-link tests move. */
export const caseloadPath = "linkWorkers.caseloadCapPerFte"
