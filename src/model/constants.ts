/** Fixed vocabulary of the model. */

export const ageBands = ["40-49", "50-59", "60-74"] as const
export const olderAgeBand = 2
export const starAreas = 8
export const starMin = 1
export const starMax = 10

/** Where a person is on the pathway. Every referred person is in exactly one state each week. */
export const State = {
  waiting: 0,
  contacting: 1,
  intensive: 2,
  maintenance: 3,
  neverEngaged: 4,
  disengaged: 5,
  discharged: 6
} as const
export const stateCount = 7
export const exitReasonNames = ["ongoing", "ongoing", "ongoing", "ongoing", "neverEngaged", "disengaged", "discharged"] as const

/** Why an onward referral failed. */
export const OnwardFailure = {
  noService: 0,
  noCapacity: 1,
  tooFar: 2,
  unsuitableSex: 3,
  unsuitableAge: 4,
  unsuitableTimes: 5,
  unsuitableLanguage: 6,
  unsuitableCulture: 7
} as const
export const onwardFailureNames = [
  "noService", "noCapacity", "tooFar", "unsuitableSex", "unsuitableAge", "unsuitableTimes", "unsuitableLanguage", "unsuitableCulture"
] as const

/** Link-worker post status. */
export const Post = { filled: 0, recruiting: 1, frozen: 2 } as const

/** Kinds of event on a person's calendar (`Due` in calendar.ts). */
export const dueKinds = 10

/** A week that never comes: "not due" (past any horizon, and the largest week a due week can hold). */
export const never = 32767
