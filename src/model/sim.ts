/** Everything one replicate carries from week to week. Built once by `createSim`, advanced by `step`. */
import type { Scenario } from "../scenario/schema.ts"
import type { ModelParams } from "./params.ts"
import { People, PeopleArrays } from "./people.ts"
import { EngagedTable, moveEngaged } from "./engagedTable.ts"
import { claimResident, releaseResident } from "./resident.ts"
import { PersonList, Queues } from "./queue.ts"
import { makeStreams, type Streams } from "./random.ts"
import { createPractices, type Practices } from "./referral.ts"
import { createPosts, type Posts } from "./workforce.ts"
import { createServices, type Services } from "./services.ts"
import { Tally } from "./tally.ts"
import { WeeklyRecord } from "./weekly.ts"
import { type ContractRecords, createRecords } from "./eventLog.ts"

export interface Sim {
  readonly params: ModelParams
  readonly scenario: Scenario
  readonly seed: number
  readonly replicate: number
  readonly streams: Streams
  readonly practices: Practices
  readonly posts: Posts
  readonly services: Services
  readonly people: People
  /** Waiting or being contacted; and in intensive support or maintenance. */
  readonly live: PersonList
  readonly engaged: EngagedTable
  /** This run holds the thread's resident arrays (`resident.ts`) for its engaged list and link-worker tables. */
  resident: boolean
  /** Waiting for a first link worker, and (ahead of them) people whose link worker left. */
  readonly waiting: Queues
  readonly handover: Queues
  /** Re-referrals due, as linked lists by week through `nextInBucket`. */
  readonly reReferralDue: Int32Array
  readonly stateCounts: Int32Array
  readonly tally: Tally
  readonly weekly: WeeklyRecord
  /** Per-person events for contracts that pay per person; absent when no contract needs them. */
  readonly records: ContractRecords | undefined
  /** Secondary care: sum of baseline weekly cost of everyone referred so far, and of kept effects after exit. */
  comparisonBaseSum: number
  /** Sum of total Star scores of people in intensive support or maintenance. */
  starSumActive: number
  /**
   * The Star change to date (`starChangeMean`'s measure, kept as it goes): the people whose current or last episode
   * has a review after the baseline, and the sum of their last review minus baseline (total of 8 areas).
   */
  starReviewedToDate: number
  starChangeSumToDate: number
  /** Of those people: how many improved in at least one area, and the sum of their baseline totals. */
  starImprovedToDate: number
  starBaselineSumToDate: number
  /** People on the pathway whose link worker left and who have no other yet. */
  unassigned: number
  keptEffectSum: number
  keptEffectNew: number
  /**
   * Running sums over the people engaged, for the week's saving (`secondaryCare.ts`): Σ base·(effect − step·e)
   * and Σ base over those whose effect still ramps up, Σ base·max over those at the maximum.
   */
  effectRampSum: number
  effectRampBase: number
  effectPlateauSum: number
  /** This week's saving from people who left the programme this week (counted before they left the sums). */
  leaverSaving: number
  week: number
}

/**
 * What a finished replicate leaves to be cleared and used again by the next one in the same thread, instead of
 * fresh memory: the person table and the contracts' event logs (a few megabytes a replicate). In Node it saves
 * ~8% of a replicate; in a browser much more, where two Web Workers each taking fresh typed arrays for every
 * replicate took ~48 ms a replicate each instead of ~32. The caller gives a replicate back only when nothing
 * reads it any more.
 */
export class SimRecycler {
  private people: PeopleArrays | undefined
  /** People the kept table's replicate referred: only they need clearing. */
  private used = 0
  private records: ContractRecords | undefined

  give(sim: Sim): void {
    this.people = sim.people.arrays
    this.used = sim.people.count
    this.records = sim.records ?? this.records
  }

  /** A cleared person table with room for at least `capacity` people, if one is kept. */
  takePeople(capacity: number): PeopleArrays | undefined {
    const arrays = this.people
    if (arrays === undefined || arrays.capacity < capacity) return undefined
    this.people = undefined
    arrays.reset(this.used)
    return arrays
  }

  /** Empty event logs, if some are kept. */
  takeRecords(): ContractRecords | undefined {
    const records = this.records
    this.records = undefined
    if (records !== undefined) for (const log of [records.reviews, records.engagements, records.exits]) log.clear()
    return records
  }
}

/**
 * The run gives the thread's resident arrays back for the next (`resident.ts`), keeping copies of what it had in them:
 * its list of the engaged and its link-worker tables.
 */
export const vacateResident = (sim: Sim): void => {
  if (!sim.resident) return
  const t = sim.engaged
  if (t.resident) moveEngaged(t, Math.max(1, t.count))
  const posts = sim.posts
  if (posts.tablesResident) {
    posts.gainTable = posts.gainTable.slice(0, posts.count + 1)
    posts.hazardTable = posts.hazardTable.slice(0, 2 * posts.count + 2)
    posts.tablesResident = false
  }
  sim.resident = false
  releaseResident()
}

/** A fresh replicate; its person table and event logs come from `recycler` when one is given and holds them. */
export const createSim = (params: ModelParams, seed: number, replicate: number, recycler?: SimRecycler): Sim => {
  const scenario = params.scenario
  const streams = makeStreams(seed, replicate)
  const practices = createPractices(scenario, streams.setup)
  const clusters = scenario.practices.clusters
  // The thread's resident arrays for the engaged pass, if no other run holds them (`resident.ts`).
  const resident = claimResident()
  const posts = createPosts(scenario, practices, streams.workforce, params.postsMultiplier, resident)
  const services = createServices(scenario, streams.setup)
  // Room for the expected referrals up front; the table doubles if a run outgrows it.
  const expectedPeople = Math.ceil(practices.weightedEligible * params.referralPerEligibleWeek * params.horizonWeeks * 1.1)
  const capacity = Math.max(16, Math.min(expectedPeople + 1024, 50_000_000))
  return {
    params,
    scenario,
    seed,
    replicate,
    streams,
    practices,
    posts,
    services,
    people: new People(capacity, recycler?.takePeople(capacity)),
    live: new PersonList(),
    engaged: new EngagedTable(resident),
    resident,
    waiting: new Queues(clusters),
    handover: new Queues(clusters),
    reReferralDue: new Int32Array(params.horizonWeeks).fill(-1),
    stateCounts: new Int32Array(7),
    tally: new Tally(),
    weekly: new WeeklyRecord(params.horizonWeeks),
    records: params.recordEvents ? recycler?.takeRecords() ?? createRecords() : undefined,
    comparisonBaseSum: 0,
    starSumActive: 0,
    starReviewedToDate: 0,
    starChangeSumToDate: 0,
    starImprovedToDate: 0,
    starBaselineSumToDate: 0,
    unassigned: 0,
    keptEffectSum: 0,
    keptEffectNew: 0,
    effectRampSum: 0,
    effectRampBase: 0,
    effectPlateauSum: 0,
    leaverSaving: 0,
    week: 0
  }
}
