/**
 * Bookkeeping that must hold in every week of every run: nobody is lost or counted twice, the weekly
 * flows add up to the event counts and to the stocks, caseloads match the people on them and never pass
 * the cap, and the hospital-cost columns equal the sum of every person's own account. A commissioner's
 * figures are only as good as these identities.
 */
import { describe, expect, it, vi } from "vitest"
import { Due, dueKinds, never } from "../../src/model/calendar.ts"
import { Post, State, starAreas, stateCount } from "../../src/model/constants.ts"
import { compileParams } from "../../src/model/params.ts"
import { effectInWeek } from "../../src/model/secondaryCare.ts"
import { createSim, type Sim } from "../../src/model/sim.ts"
import { step } from "../../src/model/step.ts"
import { Schema } from "effect"
import { prepareScenario } from "../../src/ensemble/prepared.ts"
import { runReplicate } from "../../src/ensemble/replicate.ts"
import { practiceProblems } from "../../src/scenario/practiceList.ts"
import { isSetAt, listParameters, withAtPath } from "../../src/scenario/parameters.ts"
import { starOutcomes } from "../../src/results/metrics.ts"
import { Scenario } from "../../src/scenario/schema.ts"
import { scenarioWith, shippedScenario } from "../support/scenarios.ts"

/**
 * Caseloads right after allocation, the moment they peak in a week (later in the week people only leave).
 * Both ways onto a caseload — allocation from the waiting list and a managed handover when a link worker
 * leaves — go through `postWithRoom`, which needs a whole free place under cap × FTE, so the code allows
 * no exception: no post may ever be over its cap.
 */
const afterAllocation = vi.hoisted(() => ({ calls: 0, overCap: [] as Array<string> }))

vi.mock("../../src/model/allocation.ts", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/model/allocation.ts")>()
  return {
    ...original,
    allocate: (sim: Sim, week: number): void => {
      original.allocate(sim, week)
      afterAllocation.calls++
      const cap = sim.scenario.linkWorkers.caseloadCapPerFte
      for (let i = 0; i < sim.posts.count; i++) {
        if (sim.posts.caseload[i] > cap * sim.posts.fte[i]) {
          afterAllocation.overCap.push(`week ${week}, post ${i}: ${sim.posts.caseload[i]} > ${cap} x ${sim.posts.fte[i]} FTE`)
        }
      }
    }
  }
})

const live = (state: number): boolean => state <= State.maintenance
const sum = (xs: ArrayLike<number>): number => {
  let s = 0
  for (let i = 0; i < xs.length; i++) s += xs[i]
  return s
}
const workloadOf = (sc: Scenario, state: number): number =>
  state === State.intensive ? 1 : state === State.maintenance ? sc.linkWorkers.maintenanceWorkload : sc.linkWorkers.contactingWorkload

/** Every identity between the people, the posts, the services and the running totals, at the end of a week. */
const weekProblems = (sim: Sim, week: number): Array<string> => {
  const problems: Array<string> = []
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(`week ${week}: ${what}`)
  }
  const a = sim.people.arrays
  const sc = sim.scenario
  const col = sim.weekly.columns
  const counts = new Array<number>(stateCount).fill(0)
  const caseload = new Array<number>(sim.posts.count).fill(0)
  const workload = new Array<number>(sim.posts.count).fill(0)
  const occupied = new Array<number>(sim.services.count).fill(0)
  let unassigned = 0
  let starSum = 0
  let engagedPeople = 0
  for (let id = 0; id < sim.people.count; id++) {
    const state = a.state[id]
    counts[state]++
    const lw = a.lw[id]
    if (lw >= 0) {
      check(state === State.contacting || state === State.intensive || state === State.maintenance, `person ${id} in state ${state} holds post ${lw}`)
      caseload[lw]++
      workload[lw] += workloadOf(sc, state)
    } else if (live(state) && state !== State.waiting) unassigned++
    const service = a.serviceId[id]
    if (service >= 0) {
      check(state === State.intensive || state === State.maintenance, `person ${id} in state ${state} attends service ${service}`)
      check(sim.services.open[service] === 1, `person ${id} still attends closed service ${service}`)
      occupied[service]++
    }
    if (state === State.intensive || state === State.maintenance) {
      for (let k = id * starAreas; k < (id + 1) * starAreas; k++) starSum += a.star[k]
      // With a review and the support limit ahead on the calendar, nothing due in the past, and the week the loop
      // next looks at the calendar no later than the earliest due (earlier when an event was moved later or
      // cancelled: that look finds nothing).
      engagedPeople++
      check(a.due[id * dueKinds + Due.review] < never && a.due[id * dueKinds + Due.supportLimit] < never, `engaged person ${id} has no review or support limit ahead`)
      let earliest = never
      for (let k = 0; k < dueKinds; k++) {
        check(a.due[id * dueKinds + k] > week, `engaged person ${id} has an event of kind ${k} due in week ${a.due[id * dueKinds + k]}, not after week ${week}`)
        earliest = Math.min(earliest, a.due[id * dueKinds + k])
      }
      const at = a.engagedAt[id] - 1
      const t = sim.engaged
      check(at >= 0 && at < t.count && t.ids[at] === id, `engaged person ${id} is not at place ${at} of the engaged list`)
      check(t.nextEvent[at] > week && t.nextEvent[at] <= earliest, `engaged person ${id}: next look in week ${t.nextEvent[at]}, earliest due ${earliest}`)
      const lw = a.lw[id]
      check(t.slot[at] === 2 * (lw >= 0 ? lw : sim.posts.count) + a.mentalHealth[id], `engaged person ${id} has link-worker slot ${t.slot[at]} with link worker ${lw}`)
    } else {
      check(a.engagedAt[id] === 0, `person ${id} in state ${state} has a place in the engaged list`)
      for (let k = 0; k < dueKinds; k++) if (k !== Due.changeEnd) check(a.due[id * dueKinds + k] === never, `person ${id} in state ${state} has events of kind ${k} due`)
    }
  }

  // Every person referred is in exactly one state.
  check(counts.every((n, s) => n === sim.stateCounts[s]), `state counts ${sim.stateCounts} vs people ${counts}`)
  check(sum(sim.stateCounts) === sim.tally.newPeople, `${sum(sim.stateCounts)} people in states vs ${sim.tally.newPeople} referred`)
  let referredSoFar = 0
  for (let w = 0; w <= week; w++) referredSoFar += col.newPeople[w]
  const stocks = col.waiting[week] + col.contacting[week] + col.intensive[week] + col.maintenance[week] +
    col.exitedNeverEngaged[week] + col.exitedDisengaged[week] + col.exitedDischarged[week]
  check(stocks === referredSoFar, `weekly stocks add to ${stocks}, cumulative new people ${referredSoFar}`)
  check(col.active[week] === col.intensive[week] + col.maintenance[week], "active = intensive + maintenance")
  check(sim.waiting.total() === counts[State.waiting], `waiting lists hold ${sim.waiting.total()}, ${counts[State.waiting]} people waiting`)
  check(sim.live.count === counts[State.waiting] + counts[State.contacting], "live list = people waiting or being contacted")
  // The engaged list: the people engaged, once each, in the order they engaged, and holes (left, not yet closed up).
  const listed = [...sim.engaged.ids.subarray(0, sim.engaged.count)].filter((id) => id >= 0)
  const inEngagedList = new Set(listed)
  check(inEngagedList.size === listed.length && listed.length === engagedPeople && listed.every((id) => a.state[id] === State.intensive || a.state[id] === State.maintenance), "engaged list = people engaged, once each")
  check(sim.engaged.count - listed.length === sim.engaged.holes && sim.engaged.holes * 8 <= sim.engaged.count, `engaged list: ${sim.engaged.holes} holes counted, ${sim.engaged.count - listed.length} found, of ${sim.engaged.count}`)
  check(listed.every((id, i) => i === 0 || a.engagedWeek[listed[i - 1]] <= a.engagedWeek[id]), "engaged list in the order people engaged")

  // Caseloads: the posts' own counts and workloads match the people who name them; nobody over the cap.
  const cap = sc.linkWorkers.caseloadCapPerFte
  for (let i = 0; i < sim.posts.count; i++) {
    check(sim.posts.caseload[i] === caseload[i], `post ${i} counts ${sim.posts.caseload[i]} people, ${caseload[i]} name it`)
    check(Math.abs(sim.posts.workload[i] - workload[i]) < 1e-6, `post ${i} workload ${sim.posts.workload[i]} vs ${workload[i]}`)
    check(caseload[i] <= cap * sim.posts.fte[i], `post ${i} caseload ${caseload[i]} over cap`)
    if (sim.posts.status[i] !== Post.filled) check(caseload[i] === 0, `vacant post ${i} holds ${caseload[i]} people`)
  }
  check(sim.unassigned === unassigned && col.unassigned[week] === unassigned, `unassigned ${sim.unassigned} (column ${col.unassigned[week]}) vs ${unassigned} people without a link worker`)

  // Community-service places.
  for (let i = 0; i < sim.services.count; i++) {
    check(sim.services.occupied[i] === occupied[i], `service ${i} counts ${sim.services.occupied[i]} users, ${occupied[i]} attend`)
  }

  // The running Star total behind starMeanActive.
  const active = counts[State.intensive] + counts[State.maintenance]
  const starMean = active > 0 ? starSum / active : 0
  check(Math.abs(col.starMeanActive[week] - starMean) < 1e-9, `starMeanActive ${col.starMeanActive[week]} vs ${starMean}`)

  // The Star outcomes to date, kept as the run goes: what the horizon's would be if the run ended this week, as
  // counted person by person.
  const star = starOutcomes(sim)
  const counted = starOutcomesCounted(sim)
  check(star.reviewed === counted.reviewed, `${star.reviewed} people reviewed twice or more kept, ${counted.reviewed} counted`)
  for (const name of ["changeMean", "improvedShare", "baselineMean"] as const) {
    check(star[name] === counted[name], `Star ${name} ${star[name]} kept, ${counted[name]} counted`)
  }
  check(col.starReviewedToDate[week] === counted.reviewed, `starReviewedToDate ${col.starReviewedToDate[week]} vs ${counted.reviewed} people reviewed twice or more`)
  check(Math.abs(col.starChangeMeanToDate[week] - counted.changeMean) < 1e-9, `starChangeMeanToDate ${col.starChangeMeanToDate[week]} vs ${counted.changeMean}`)
  return problems
}

/** The Star outcomes person by person: last review against baseline of everyone with two or more reviews. */
const starOutcomesCounted = (sim: Sim) => {
  const { reviews, starBaseline, starLastReview } = sim.people.arrays
  let reviewed = 0
  let change = 0
  let improved = 0
  let baseline = 0
  for (let id = 0; id < sim.people.count; id++) {
    if (reviews[id] < 2) continue
    reviewed++
    let better = false
    for (let k = id * starAreas; k < (id + 1) * starAreas; k++) {
      change += starLastReview[k] - starBaseline[k]
      baseline += starBaseline[k]
      if (starLastReview[k] > starBaseline[k]) better = true
    }
    if (better) improved++
  }
  const ratio = (x: number) => (reviewed > 0 ? x / reviewed : 0)
  return { reviewed, changeMean: ratio(change), improvedShare: ratio(improved), baselineMean: ratio(baseline) }
}

/**
 * Each person's hospital-cost reduction this week, as a share of their counterpart's cost: the effect of the
 * current episode plus what is left of an effect kept from an earlier episode (kept on leaving, fading from
 * the next week with the effect half-life, and carried into the next episode on re-referral, as
 * `secondaryCare.ts` books it). It never exceeds the maximum effect, so a cost below zero is impossible.
 */
class ReductionTracker {
  private residual = new Float64Array(1024)
  readonly negativeCost: Array<string> = []

  afterWeek(sim: Sim, week: number): void {
    const a = sim.people.arrays
    if (this.residual.length < sim.people.count) {
      const grown = new Float64Array(2 * sim.people.count)
      grown.set(this.residual)
      this.residual = grown
    }
    for (let id = 0; id < sim.people.count; id++) {
      const state = a.state[id]
      // Re-referred this week: what was left of the kept effect now lives in the new episode's effect.
      if (a.episodes[id] > 1 && a.referredWeek[id] === week) this.residual[id] = 0
      if (state === State.intensive || state === State.maintenance) {
        const reduction = effectInWeek(sim, id, week) + this.residual[id]
        if (reduction > sim.scenario.secondaryCare.maxEffectEngaged + 1e-12 && this.negativeCost.length < 10) {
          this.negativeCost.push(`week ${week}, person ${id} (episode ${a.episodes[id]}): cost reduced by ${(100 * reduction).toFixed(1)}%`)
        }
      }
      const kept = a.exitWeek[id] === week && !live(state) ? a.effectAtExit[id] : 0
      this.residual[id] = (this.residual[id] + kept) * sim.params.effectDecayWeek
    }
  }
}

/**
 * Runs a replicate week by week, collecting every broken identity (the first few, with their weeks): those
 * between people, posts and services in every `every`-th week and the last, the hospital-cost bounds in every week.
 */
const runChecked = (scenario: Scenario, replicate: number, every = 1): { sim: Sim; problems: Array<string>; negativeCost: Array<string> } => {
  const params = compileParams(scenario)
  const sim = createSim(params, scenario.seed, replicate)
  const problems: Array<string> = []
  const reductions = new ReductionTracker()
  const callsBefore = afterAllocation.calls
  for (let week = 0; week < params.horizonWeeks; week++) {
    step(sim, week)
    if (problems.length < 10 && (week % every === 0 || week === params.horizonWeeks - 1)) problems.push(...weekProblems(sim, week))
    reductions.afterWeek(sim, week)
  }
  expect(afterAllocation.calls - callsBefore, "allocation ran once a week").toBe(params.horizonWeeks)
  return { sim, problems: problems.slice(0, 10), negativeCost: reductions.negativeCost }
}

/** Every flow, stock and counter that must agree at the end of a run. */
const endProblems = (sim: Sim): Array<string> => {
  const problems: Array<string> = []
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(what)
  }
  const t = sim.tally
  const col = sim.weekly.columns
  const a = sim.people.arrays
  const H = sim.params.horizonWeeks

  // The weekly flows add up to the run's event counts.
  const flows: ReadonlyArray<[string, number, number]> = [
    ["newPeople", sum(col.newPeople), t.newPeople],
    ["reEntries", sum(col.reEntries), t.reEntries],
    ["referred", sum(col.referred), t.newPeople + t.reEntries],
    ["engagedNew", sum(col.engagedNew), t.engaged],
    ["neverEngaged", sum(col.neverEngaged), t.neverEngagedDeclined + t.neverEngagedUnreachable],
    ["disengaged", sum(col.disengaged), t.disengaged],
    ["discharged", sum(col.discharged), t.dischargedAtLimit + t.dischargedSettled],
    ["onwardReferrals", sum(col.onwardReferrals), t.onwardReferrals],
    ["onwardReferrals by category", sum(t.onwardReferralsByCategory), t.onwardReferrals],
    ["onwardFailures", sum(col.onwardFailures), t.onwardFailures],
    ["onwardFailures by reason", sum(t.onwardFailuresByReason), t.onwardFailures],
    ["setbacks", sum(col.setbacks), t.setbacks],
    ["handovers", sum(col.handovers), t.handovers],
    // ... and to each person's own counters.
    ["episodes", sum(a.episodes.subarray(0, sim.people.count)), t.newPeople + t.reEntries],
    ["person setbacks", sum(a.setbacks.subarray(0, sim.people.count)), t.setbacks],
    ["person onward referrals", sum(a.onwardReferrals.subarray(0, sim.people.count)), t.onwardReferrals],
    ["person onward failures", sum(a.onwardFailures.subarray(0, sim.people.count)), t.onwardFailures],
    ["person link-worker changes", sum(a.linkWorkerChanges.subarray(0, sim.people.count)), t.handovers],
    ["episodes ended after engaging", t.episodesCompleted, t.disengaged + t.dischargedAtLimit + t.dischargedSettled]
  ]
  for (const [name, weekly, total] of flows) check(weekly === total, `${name}: ${weekly} vs ${total}`)

  // Stocks move by exactly the week's flows.
  for (let w = 0; w < H; w++) {
    const prev = (name: keyof typeof col) => (w > 0 ? col[name][w - 1] : 0)
    const exited = (x: number) => col.exitedNeverEngaged[x] + col.exitedDisengaged[x] + col.exitedDischarged[x]
    const dActive = col.active[w] - prev("active")
    const dBefore = col.waiting[w] + col.contacting[w] - prev("waiting") - prev("contacting")
    const dExited = exited(w) - (w > 0 ? exited(w - 1) : 0)
    check(dActive === col.engagedNew[w] - col.disengaged[w] - col.discharged[w], `week ${w}: active moved ${dActive}`)
    check(dBefore === col.referred[w] - col.engagedNew[w] - col.neverEngaged[w], `week ${w}: waiting + contacting moved ${dBefore}`)
    check(dExited === col.neverEngaged[w] + col.disengaged[w] + col.discharged[w] - col.reEntries[w], `week ${w}: exits moved ${dExited}`)
  }

  // Hospital cost: the weekly columns are the sum of every person's own account against their counterpart.
  let comparison = 0
  let cost = 0
  let outOfRange = 0
  for (let id = 0; id < sim.people.count; id++) {
    comparison += a.comparisonCost[id]
    cost += a.comparisonCost[id] - a.saving[id]
    if (a.saving[id] < 0 || a.saving[id] > a.comparisonCost[id]) outOfRange++
  }
  // Relative to the larger total, or absolute below a pound (no one referred, or no hospital cost at all).
  const relative = (x: number, y: number) => Math.abs(x - y) / Math.max(1, Math.abs(x), Math.abs(y))
  check(relative(comparison, sum(col.comparisonSecondaryCareCost)) < 1e-9, `comparison cost: people ${comparison} vs weeks ${sum(col.comparisonSecondaryCareCost)}`)
  check(relative(cost, sum(col.secondaryCareCost)) < 1e-9, `secondary-care cost: people ${cost} vs weeks ${sum(col.secondaryCareCost)}`)
  check(outOfRange === 0, `${outOfRange} people saved less than nothing, or more than their counterpart's whole cost`)
  return problems
}

const scenarios: ReadonlyArray<[string, Scenario]> = [
  ["Ways to Wellness", shippedScenario()],
  [
    // Everything that moves people between lists at once: heavy turnover with part-managed handovers, part-time
    // posts (a cap of 90 x 0.7 = 63 is not a whole number), frozen then reopened posts, deep service cuts and
    // closures, a COVID-like referral collapse, short support and frequent re-referral.
    "a turbulent service",
    scenarioWith((d) => {
      d.linkWorkers.turnoverPerYear = 0.7
      d.linkWorkers.handoverManagedShare = 0.5
      d.linkWorkers.ftePerPost = 0.7
      d.linkWorkers.postsSchedule = { interpolation: "step", points: [{ at: "2017-01-01", value: 0.6 }, { at: "2019-01-01", value: 1.3 }] }
      d.communityServices.funding = { interpolation: "linear", points: [{ at: 0, value: 1 }, { at: "2018-01-01", value: 0.3 }] }
      d.communityServices.availability = { interpolation: "step", points: [{ at: "2020-03-23", value: 0.2 }, { at: "2021-06-01", value: 0.8 }] }
      d.referral.schedule = { interpolation: "step", points: [{ at: "2020-03-23", value: 0.2 }, { at: "2021-04-01", value: 1.2 }] }
      d.referral.reReferralShare = 0.4
      d.referral.reReferralMinGapWeeks = 2
      d.referral.reReferralMeanDelayWeeks = 8
      d.discharge.maxSupportWeeks = 52
      d.discharge.extensionShare = 1
    })
  ]
]

describe.each(scenarios)("bookkeeping in %s", (_, scenario) => {
  const runs = [0, 1].map((r) => runChecked(scenario, r))

  it("keeps every person in exactly one state, caseloads, places and running totals right, every week", () => {
    for (const { problems } of runs) expect(problems).toEqual([])
  })

  it("makes weekly flows add up to the event counts and to the stocks, and hospital costs to people's own", () => {
    for (const { sim } of runs) {
      expect(sim.tally.newPeople).toBeGreaterThan(1000)
      expect(sim.tally.handovers).toBeGreaterThan(0)
      expect(endProblems(sim)).toEqual([])
    }
  })

  it("never reduces a person's hospital cost by more than the maximum effect (so never below zero)", () => {
    for (const { negativeCost } of runs) expect(negativeCost).toEqual([])
  })
})

/**
 * Every parameter at each end of its declared range, one at a time (a sensitivity analysis or a sweep can ask
 * for any of them): a year of the default scenario keeps every identity above, and every figure of the
 * replicate, its contracts' included, is a finite number and no count is negative.
 */
/** A copy with the value at a dot path set, in every element of each array on the way ("contracts[].capTotal"). */
const withEverywhere = (node: unknown, path: ReadonlyArray<string>, value: unknown): unknown => {
  if (path.length === 0) return value
  const [head, ...rest] = path
  const record = node as Record<string, unknown>
  if (head.endsWith("[]")) {
    const key = head.slice(0, -2)
    return { ...record, [key]: (record[key] as Array<unknown>).map((element) => withEverywhere(element, rest, value)) }
  }
  // An optional key left out (no cap in this contract) stays out.
  if (!Object.hasOwn(record, head)) return record
  return { ...record, [head]: withEverywhere(record[head], rest, value) }
}

describe("every parameter at each end of its range", () => {
  const year = withAtPath(shippedScenario(), "horizonWeeks", 52)
  // The listed practices' values, on a year of the default with three practices listed.
  const listedYear: Scenario = {
    ...year,
    practices: {
      ...year.practices,
      count: 3,
      population: 132000,
      list: [
        { name: "A", listSize: 44000, area: 0, champion: true, referralMultiplier: 1 },
        { name: "B", listSize: 44000, area: 1, champion: false, referralMultiplier: 1 },
        { name: "C", listSize: 44000, area: 2, referralMultiplier: 1 }
      ]
    }
  }
  const decode = Schema.decodeUnknownSync(Scenario)
  const cases = listParameters()
    .filter((p) => p.path !== "seed" && (p.perElement || isSetAt(year, p.path)))
    .flatMap((p) => [p.min, p.max].map((value) => ({ path: p.path, value })))
  const rejected: Array<string> = []
  const outcomes = cases.flatMap(({ path, value }) => {
    // A hundred million people: four weeks are enough to meet them all.
    // A list size sets the population too (three practices of that size), over four weeks as above.
    const base = path === "practices.population"
      ? withAtPath(year, "horizonWeeks", 4)
      : path === "practices.list[].listSize"
      ? withAtPath(withAtPath(listedYear, "horizonWeeks", 4), "practices.population", Math.max(100, 3 * value))
      : path.startsWith("practices.list") ? listedYear : year
    const scenario = decode(withEverywhere(base, path.split("."), value))
    // A value the scenario's other values rule out (an area beyond the last; three practices of one person, below
    // the least population) is refused at load.
    const inconsistent = practiceProblems(scenario)
    if (inconsistent.length > 0) {
      rejected.push(`${path} = ${value}: ${inconsistent.map((q) => `${q.path}: ${q.expected}`).join("; ")}`)
      return []
    }
    let prepared: ReturnType<typeof prepareScenario>
    try {
      prepared = prepareScenario(scenario)
    } catch (error) {
      // A contract the value makes impossible (a payer's first year after its last) is refused with a reason.
      rejected.push(`${path} = ${value}: ${error instanceof Error ? error.message : String(error)}`)
      return []
    }
    // Every fourth week's identities (a twenty-year horizon would otherwise take seconds).
    const { sim, problems, negativeCost } = runChecked(scenario, 0, 4)
    const { metrics } = runReplicate(prepared, scenario.seed, 0)
    const notFinite = Object.keys(metrics).filter((name) => !Number.isFinite(metrics[name]))
    const countsBelowZero = Object.keys(metrics).filter((name) => metrics[name] < 0 && !/npv|irr|surplus|netCost|minCash|cash|saving|change/i.test(name))
    return { case: `${path} = ${value}`, problems: [...problems, ...endProblems(sim), ...negativeCost], notFinite, countsBelowZero }
  })

  it("covers every parameter, contracts' included, and refuses only impossible contracts, saying why", () => {
    expect(new Set(cases.map((c) => c.path)).size).toBe(listParameters().length - 1)
    expect(cases.map((c) => c.path)).toContain("contracts[].metrics[].tariff")
    for (const reason of rejected) expect(reason).toMatch(/fromYear|toYear|^practices\.list\[\]\.(area = 9999|listSize = 1): /)
    expect(outcomes.length + rejected.length).toBe(cases.length)
  })

  it("keeps the bookkeeping and gives finite figures, at every extreme", () => {
    const broken = outcomes.filter((o) => o.problems.length > 0 || o.notFinite.length > 0 || o.countsBelowZero.length > 0)
    expect(JSON.stringify(broken.slice(0, 5), null, 1)).toBe("[]")
  })
})

describe("caseload caps", () => {
  // The runs above (made while the suites are collected) went through the wrapped `allocate`.
  it("are never exceeded right after allocation, handovers included", () => {
    expect(afterAllocation.calls).toBeGreaterThan(0)
    expect(afterAllocation.overCap.slice(0, 10)).toEqual([])
  })
})
