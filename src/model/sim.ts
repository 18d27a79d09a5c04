/** Everything one replicate carries from week to week. Built once by `createSim`, advanced by `step`. */
import type { Scenario } from "../scenario/schema.ts"
import type { ModelParams } from "./params.ts"
import { People, PeopleArrays } from "./people.ts"
import { EngagedTable, moveEngaged, moveEngagedIn } from "./engagedTable.ts"
import { residency, residentLimitError, residentPeople, residentPeopleCapacity } from "./resident.ts"
import { PersonList, Queues } from "./queue.ts"
import { makeStreams, type Streams } from "./random.ts"
import { createPractices, type Practices } from "./referral.ts"
import { createPosts, movePostsIn, movePostsOut, type Posts } from "./workforce.ts"
import { createServices, moveServicesIn, moveServicesOut, type Services } from "./services.ts"
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
 * What a finished replicate leaves to be used again by the next one in the same thread, instead of fresh memory:
 * the contracts' event logs; and, given back, the replicate no longer holds the resident tables (`resident.ts`), so
 * the next takes them without copying it out. In a browser, two Web Workers each taking fresh typed arrays for every
 * replicate took ~48 ms a replicate each instead of ~32. The caller gives a replicate back only when nothing reads it
 * any more: its person table is the next replicate's.
 */
/** The person table of a replicate given back: none (`SimRecycler.give`). */
const givenBack = new PeopleArrays(0)

export class SimRecycler {
  private records: ContractRecords | undefined

  give(sim: Sim): void {
    this.records = sim.records ?? this.records
    if (holdsResident(sim)) {
      release(sim)
      // Its rows are the next run's to clear and write: a read of the given-back run finds no table, not another's.
      sim.people.arrays = givenBack
    }
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
 * The run that holds the resident tables moves out of them into copies of its own (its people, its list of the
 * engaged, its link workers' posts and tables, its services' places), so that another run can have them.
 */
const moveOut = (sim: Sim): void => {
  const people = sim.people
  const own = new PeopleArrays(Math.max(16, people.count))
  own.copyRows(people.arrays, people.count)
  people.arrays = own
  moveEngaged(sim.engaged, Math.max(16, sim.engaged.count))
  movePostsOut(sim.posts)
  moveServicesOut(sim.services)
}

/** Whether `sim` holds the thread's resident tables (`resident.ts`). */
export const holdsResident = (sim: Sim): boolean => residency.holder === sim

/** The holder lets the tables go; the person rows it wrote are left for the next holder to clear. */
const release = (sim: Sim): void => {
  residency.rowsWritten = Math.max(residency.rowsWritten, sim.people.count)
  residency.holder = undefined
}

/** The tables cleared for a new holder: the run that held them moved out (unless given back as finished). */
const vacate = (): void => {
  const holder = residency.holder as Sim | undefined
  if (holder !== undefined) {
    moveOut(holder)
    release(holder)
  }
  residentPeople.reset(residency.rowsWritten)
  residency.rowsWritten = 0
}

/**
 * `sim` holds the thread's resident tables, as the engine needs of the run it steps (`resident.ts`): the run that
 * held them moves out, and `sim`'s own copies move in.
 */
export const holdResident = (sim: Sim): void => {
  if (residency.holder === sim) return
  vacate()
  const people = sim.people
  if (people.count > residentPeopleCapacity) throw residentLimitError("people", residentPeopleCapacity)
  residentPeople.copyRows(people.arrays, people.count)
  residency.rowsWritten = people.count
  people.arrays = residentPeople
  moveEngagedIn(sim.engaged)
  movePostsIn(sim.posts)
  moveServicesIn(sim.services)
  residency.holder = sim
}

/** A fresh replicate, holding the thread's resident tables; its event logs come from `recycler` when it keeps some. */
export const createSim = (params: ModelParams, seed: number, replicate: number, recycler?: SimRecycler): Sim => {
  const scenario = params.scenario
  const streams = makeStreams(seed, replicate)
  const practices = createPractices(scenario, streams.setup)
  const clusters = scenario.practices.clusters
  vacate()
  const posts = createPosts(scenario, practices, streams.workforce, params.postsMultiplier, true)
  const services = createServices(scenario, streams.setup, true)
  const sim: Sim = {
    params,
    scenario,
    seed,
    replicate,
    streams,
    practices,
    posts,
    services,
    people: new People(residentPeople),
    live: new PersonList(),
    engaged: new EngagedTable(true),
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
  residency.holder = sim
  return sim
}
