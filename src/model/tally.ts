/** Event counts of one replicate (the flows behind summary.json). */
export class Tally {
  newPeople = 0
  reEntries = 0
  allocated = 0
  waitWeeksSum = 0
  engaged = 0
  neverEngagedUnreachable = 0
  neverEngagedDeclined = 0
  disengaged = 0
  dischargedAtLimit = 0
  dischargedSettled = 0
  extensions = 0
  maintenanceEntries = 0
  linkWorkerLeavers = 0
  hires = 0
  reviews = 0
  handovers = 0
  handoversManaged = 0
  setbacks = 0
  onwardReferrals = 0
  onwardFailures = 0
  /** Failed onward referrals by reason, indexed by `OnwardFailure`. */
  readonly onwardFailuresByReason = new Float64Array(8)
  onwardReferralsByCategory = new Float64Array(7)
  /** Completed engaged episodes: count and total weeks from first appointment to exit. */
  episodesCompleted = 0
  episodeWeeksSum = 0
}
