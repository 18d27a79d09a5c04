/**
 * Workforce: link-worker posts in each area. Filled posts empty at the turnover rate; their people are
 * handed over (managed with some probability) or wait unassigned; the post stays vacant for a while and a
 * replacement starts. Funded posts follow the posts schedule: surplus posts are frozen when they fall vacant.
 */
import type { Scenario } from "../scenario/schema.ts"
import { Post, State } from "./constants.ts"
import { Draw, hashUniform, type Uniform, unitExponential } from "./random.ts"
import { personUniform } from "./personRandom.ts"
import type { Practices } from "./referral.ts"
import {
  copyOutOfResident,
  moveIntoResident,
  residentFields,
  residentGainTable,
  residentHazardTable,
  residentPeople,
  residentPostCaseload,
  residentPostFte,
  residentPostHead,
  residentPostStatus,
  residentPostWorkload
} from "./resident.ts"
import type { Sim } from "./sim.ts"
import { assign, awaitHandover } from "./transitions.ts"
import { linkWorkerTimeFactor } from "./wellbeing.ts"

/** A post's own random numbers, like a person's: the k-th draw of each process depends only on (post key, process, k). */
const PostDraw = { leave: 0, vacancy: 1, trained: 2 } as const
const postProcesses = 3

export interface Posts {
  readonly count: number
  readonly key: Uint32Array
  readonly drawCounters: Uint16Array
  readonly cluster: Int32Array
  /**
   * This, `status`, `caseload`, `head` and `workload` are the thread's resident arrays while the run holds them
   * (`resident.ts`), which the engine reads as constants, and copies of their own after (`movePostsOut`).
   */
  fte: Float64Array
  status: Uint8Array
  readonly vacantUntil: Int32Array
  readonly trained: Uint8Array
  caseload: Int32Array
  readonly leaveClock: Float64Array
  /** First person on the caseload (linked through people.nextInLw). */
  head: Int32Array
  /** Workload of the caseload (intensive = 1, others weighted), kept up to date by the transitions. */
  workload: Float64Array
  /** This week, from the caseload: hours per unit of workload, caseload pressure (relative excess over the
   * comfortable caseload), and the factors they give a person's wellbeing gains and dropout hazard. */
  readonly hoursPerUnit: Float64Array
  readonly pressure: Float64Array
  readonly gainFactor: Float64Array
  readonly hazardFactor: Float64Array
  /**
   * What the weekly loop multiplies a person's own rates by (`slot` in the person arrays): for post i, the gain
   * rate's factor at entry i (wellbeing gains a week at this link worker's time per person) and the dropout
   * hazard's at entry 2i + flag (caseload pressure, and anxiety or depression when the flag is 1, less with
   * training). The entries one past the last post are for people with no link worker: no gains, and the
   * unassigned dropout multiplier. The thread's resident tables (`resident.ts`) while the run holds them, which
   * have room for more entries than are used; copies of their own after.
   */
  gainTable: Float64Array
  hazardTable: Float64Array
  /** Posts of area c are clusterStart[c] .. clusterStart[c+1]-1. */
  readonly clusterStart: Int32Array
  readonly basePosts: Int32Array
}

/** Posts shared between areas in proportion to expected referrals: eligible population weighted by each practice's rate (largest remainder). */
export const createPosts = (scenario: Scenario, practices: Practices, workforce: Uniform, postsMultiplier: Float64Array, resident: boolean): Posts => {
  const lw = scenario.linkWorkers
  const clusters = scenario.practices.clusters
  const eligibleByCluster = new Float64Array(clusters)
  for (let p = 0; p < practices.count; p++) eligibleByCluster[practices.cluster[p]] += practices.eligible[p] * practices.rateMultiplier[p]
  const total = eligibleByCluster.reduce((s, x) => s + x, 0) || 1
  const basePosts = new Int32Array(clusters)
  const remainders = Array.from(eligibleByCluster, (e, c) => {
    const exact = (lw.posts * e) / total
    basePosts[c] = Math.floor(exact)
    return { c, r: exact - basePosts[c] }
  }).sort((x, y) => y.r - x.r || x.c - y.c)
  let left = lw.posts - basePosts.reduce((s, x) => s + x, 0)
  for (const { c } of remainders) {
    if (left-- <= 0) break
    basePosts[c]++
  }
  // Room for the most posts the schedule ever funds; those not funded at the start begin frozen.
  const peak = Math.max(1, ...postsMultiplier)
  const clusterStart = new Int32Array(clusters + 1)
  for (let c = 0; c < clusters; c++) clusterStart[c + 1] = clusterStart[c] + Math.ceil(basePosts[c] * peak)
  const count = clusterStart[clusters]
  const cluster = new Int32Array(count)
  const status = new Uint8Array(count).fill(Post.frozen)
  for (let c = 0; c < clusters; c++) {
    cluster.fill(c, clusterStart[c], clusterStart[c + 1])
    status.fill(Post.filled, clusterStart[c], clusterStart[c] + Math.round(basePosts[c] * (postsMultiplier[0] ?? 1)))
  }
  // Each post's key depends only on its area and its place there, so adding posts (or a posts schedule)
  // leaves the existing posts' turnover, vacancies and training unchanged.
  const baseKey = Math.floor(workforce() * 4294967296) >>> 0
  const key = new Uint32Array(count)
  for (let c = 0; c < clusters; c++) {
    for (let i = clusterStart[c]; i < clusterStart[c + 1]; i++) key[i] = Math.floor(hashUniform(baseKey, c, i - clusterStart[c]) * 4294967296) >>> 0
  }
  const drawCounters = new Uint16Array(count * postProcesses)
  const trained = new Uint8Array(count)
  const leaveClock = new Float64Array(count)
  const posts = { key, drawCounters }
  for (let i = 0; i < count; i++) {
    trained[i] = postUniform(posts, i, PostDraw.trained) < lw.mentalHealthTrainedShare ? 1 : 0
    leaveClock[i] = unitExponential(postUniform(posts, i, PostDraw.leave))
  }
  const made: Posts = {
    count,
    key,
    drawCounters,
    cluster,
    fte: new Float64Array(count).fill(lw.ftePerPost),
    status,
    vacantUntil: new Int32Array(count),
    trained,
    caseload: new Int32Array(count),
    leaveClock,
    head: new Int32Array(count).fill(-1),
    workload: new Float64Array(count),
    hoursPerUnit: new Float64Array(count),
    pressure: new Float64Array(count),
    gainFactor: new Float64Array(count),
    hazardFactor: new Float64Array(count),
    gainTable: new Float64Array(count + 1),
    hazardTable: new Float64Array(2 * count + 2),
    clusterStart,
    basePosts
  }
  if (resident) movePostsIn(made)
  return made
}

/** What the engine reads of each post: in the thread's resident arrays while the run holds them (`resident.ts`). */
const residentPostFields = residentFields({
  status: residentPostStatus,
  fte: residentPostFte,
  caseload: residentPostCaseload,
  head: residentPostHead,
  workload: residentPostWorkload
}, "link-worker posts")

/** The factor tables: an entry a post and one for no link worker (gains); two of each (dropout). */
const gainEntries = (posts: Posts): number => posts.count + 1
const hazardEntries = (posts: Posts): number => 2 * posts.count + 2

/** The posts' resident arrays and factor tables are the run's now (`holdResident`), its own copies copied in. */
export const movePostsIn = (posts: Posts): void => {
  residentPostFields.moveIn(posts)
  moveIntoResident(posts, { gainTable: residentGainTable }, gainEntries(posts), "link-worker posts")
  moveIntoResident(posts, { hazardTable: residentHazardTable }, hazardEntries(posts), "link-worker posts")
}

/** The run moves out of the resident arrays into copies of its own (`holdResident` for another run). */
export const movePostsOut = (posts: Posts): void => {
  residentPostFields.moveOut(posts)
  copyOutOfResident(posts, ["gainTable"], gainEntries(posts))
  copyOutOfResident(posts, ["hazardTable"], hazardEntries(posts))
}

const postUniform = (posts: Pick<Posts, "key" | "drawCounters">, i: number, process: number): number =>
  hashUniform(posts.key[i], process, posts.drawCounters[i * postProcesses + process]++)

const vacancyWeeks = (sim: Sim, post: number): number =>
  Math.round(sim.scenario.linkWorkers.vacancyWeeksMean * unitExponential(postUniform(sim.posts, post, PostDraw.vacancy)))

/** A link worker leaves: each of their people is handed over to a colleague with room (if managed) or waits. */
const leavePost = (sim: Sim, lw: number, week: number): void => {
  const a = residentPeople
  const posts = sim.posts
  const managedShare = sim.scenario.linkWorkers.handoverManagedShare
  sim.tally.linkWorkerLeavers++
  residentPostStatus[lw] = Post.recruiting
  posts.vacantUntil[lw] = week + Math.max(1, vacancyWeeks(sim, lw))
  let id = residentPostHead[lw]
  while (id >= 0) {
    const next = a.nextInLw[id]
    const managed = personUniform(a, id, Draw.handover) < managedShare
    awaitHandover(sim, id, managed, week)
    if (managed) {
      const colleague = postWithRoom(sim, posts.cluster[lw])
      // Handed straight to a colleague; the queue entry is skipped when it comes up.
      if (colleague >= 0) assign(sim, id, colleague, week)
    }
    id = next
  }
}

/** The filled post in the area with most room under the caseload cap, or -1. */
export const postWithRoom = (sim: Sim, cluster: number): number => {
  // The posts' arrays as the resident constants they are for the run being stepped (`resident.ts`).
  const status = residentPostStatus, fte = residentPostFte, caseload = residentPostCaseload
  const cap = sim.scenario.linkWorkers.caseloadCapPerFte
  const start = sim.posts.clusterStart
  const end = start[cluster + 1]
  let best = -1
  let bestRoom = 0
  for (let lw = start[cluster]; lw < end; lw++) {
    if (status[lw] !== Post.filled) continue
    const room = cap * fte[lw] - caseload[lw]
    if (room >= 1 && room > bestRoom) {
      best = lw
      bestRoom = room
    }
  }
  return best
}

/** This week's leavers, starters and funding changes. */
export const updateWorkforce = (sim: Sim, week: number): void => {
  const posts = sim.posts
  const status = residentPostStatus
  const lw = sim.scenario.linkWorkers
  const hazard = sim.params.turnoverHazardWeek
  const clusters = posts.clusterStart.length - 1
  for (let c = 0; c < clusters; c++) {
    const funded = Math.round(posts.basePosts[c] * sim.params.postsMultiplier[week])
    let open = 0
    for (let i = posts.clusterStart[c]; i < posts.clusterStart[c + 1]; i++) {
      if (status[i] === Post.filled) {
        posts.leaveClock[i] -= hazard
        if (posts.leaveClock[i] <= 0) {
          posts.leaveClock[i] = unitExponential(postUniform(posts, i, PostDraw.leave))
          leavePost(sim, i, week)
        }
      } else if (status[i] === Post.recruiting && week >= posts.vacantUntil[i]) {
        status[i] = Post.filled
        sim.tally.hires++
        posts.trained[i] = postUniform(posts, i, PostDraw.trained) < lw.mentalHealthTrainedShare ? 1 : 0
      }
      if (status[i] !== Post.frozen) open++
    }
    // Match open posts to funding: freeze vacant posts beyond it, reopen frozen ones below it.
    for (let i = posts.clusterStart[c + 1] - 1; i >= posts.clusterStart[c] && open > funded; i--) {
      if (status[i] === Post.recruiting) {
        status[i] = Post.frozen
        open--
      }
    }
    for (let i = posts.clusterStart[c]; i < posts.clusterStart[c + 1] && open < funded; i++) {
      if (status[i] === Post.frozen) {
        status[i] = Post.recruiting
        posts.vacantUntil[i] = week + Math.max(1, vacancyWeeks(sim, i))
        open++
      }
    }
  }
}

/** Each link worker's time per person and caseload pressure this week, and what they mean for their people. */
export const measureLinkWorkers = (sim: Sim): void => {
  const posts = sim.posts
  // The posts' arrays and the factor tables as the resident constants they are for the run being stepped (`resident.ts`).
  const status = residentPostStatus, postFte = residentPostFte, workload = residentPostWorkload, caseload = residentPostCaseload
  const gainTable = residentGainTable, hazardTable = residentHazardTable
  const lw = sim.scenario.linkWorkers
  const d = sim.scenario.disengagement
  const gainEvents = sim.params.hot.gainEventsPerWeek
  for (let i = 0; i < posts.count; i++) {
    const fte = postFte[i]
    const hours = status[i] === Post.filled ? (lw.directHoursPerFteWeek * fte) / Math.max(1, workload[i]) : 0
    const pressure = Math.max(0, caseload[i] / fte - lw.comfortableCaseloadPerFte) / lw.comfortableCaseloadPerFte
    posts.hoursPerUnit[i] = hours
    posts.pressure[i] = pressure
    posts.gainFactor[i] = linkWorkerTimeFactor(sim, hours)
    posts.hazardFactor[i] = 1 + d.caseloadPressureEffect * pressure
    const mentalHealthFactor = 1 + (d.mentalHealthMultiplier - 1) * (1 - (posts.trained[i] ? d.mentalHealthTrainingMitigation : 0))
    gainTable[i] = gainEvents * posts.gainFactor[i]
    hazardTable[2 * i] = posts.hazardFactor[i]
    hazardTable[2 * i + 1] = posts.hazardFactor[i] * mentalHealthFactor
  }
  const none = posts.count
  gainTable[none] = 0
  hazardTable[2 * none] = d.unassignedMultiplier
  hazardTable[2 * none + 1] = d.unassignedMultiplier * d.mentalHealthMultiplier
}

/** Workload one person puts on their link worker, by pathway state. */
export const workloadOf = (sim: Sim, state: number): number =>
  state === State.intensive ? 1 : state === State.maintenance ? sim.scenario.linkWorkers.maintenanceWorkload : sim.scenario.linkWorkers.contactingWorkload
