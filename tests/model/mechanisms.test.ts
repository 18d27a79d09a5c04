/**
 * Each mechanism the studies describe, moved on its own: on common random numbers (the same seed and
 * replicates, so the same people), changing one parameter moves the outcomes the way the evidence says.
 * A direction is accepted when the paired difference is more than two standard errors from zero, so a
 * test cannot pass on noise.
 */
import { describe, expect, it } from "vitest"
import { State } from "../../src/model/constants.ts"
import { weekOf } from "../../src/model/schedule.ts"
import type { Sim } from "../../src/model/sim.ts"
import type { Metrics } from "../../src/results/metrics.ts"
import type { Scenario } from "../../src/scenario/schema.ts"
import { runReplicates, scenarioWith, shippedScenario, type ScenarioDraft } from "../support/scenarios.ts"

const replicates = 6
const base = shippedScenario()

interface Run {
  readonly metrics: Metrics
  readonly sim: Sim
}

const cache = new Map<Scenario, ReadonlyArray<Run>>()
const runsOf = (scenario: Scenario): ReadonlyArray<Run> => {
  let runs = cache.get(scenario)
  if (runs === undefined) {
    runs = runReplicates(scenario, replicates)
    cache.set(scenario, runs)
  }
  return runs
}
const variant = (change: (draft: ScenarioDraft) => void): Scenario => scenarioWith(change, base)

type Measure = string | ((run: Run) => number)
const valueOf = (run: Run, measure: Measure): number => (typeof measure === "string" ? run.metrics[measure] : measure(run))
const mean = (xs: ReadonlyArray<number>): number => xs.reduce((s, x) => s + x, 0) / xs.length

/** Paired change in a measure from scenario `from` to scenario `to`, replicate by replicate. */
const change = (from: Scenario, to: Scenario, measure: Measure) => {
  const a = runsOf(from).map((r) => valueOf(r, measure))
  const b = runsOf(to).map((r) => valueOf(r, measure))
  const d = b.map((x, i) => x - a[i])
  const m = mean(d)
  const se = Math.sqrt(d.reduce((s, x) => s + (x - m) ** 2, 0) / (d.length - 1) / d.length)
  // Identical differences (standard error 0) count as infinitely clear, unless there is no difference.
  const t = se > 0 ? m / se : m === 0 ? 0 : Math.sign(m) * Infinity
  return { t, summary: `${mean(a).toPrecision(4)} -> ${mean(b).toPrecision(4)} (paired t ${t.toFixed(1)})` }
}
const name = (measure: Measure): string => (typeof measure === "string" ? measure : measure.name)

const expectRise = (from: Scenario, to: Scenario, measure: Measure) => {
  const c = change(from, to, measure)
  expect(c.t, `${name(measure)} should rise: ${c.summary}`).toBeGreaterThan(2)
}
const expectFall = (from: Scenario, to: Scenario, measure: Measure) => {
  const c = change(from, to, measure)
  expect(c.t, `${name(measure)} should fall: ${c.summary}`).toBeLessThan(-2)
}

/** Share of engaged episodes that ended in disengagement (so that more reach does not pass for more dropout). */
const disengagedShare = (run: Run): number => run.metrics.disengaged / run.metrics.engaged
/** Setbacks per person-week on the programme. */
const setbacksPerActiveWeek = (run: Run): number => run.metrics.setbacks / (run.metrics.meanActive * run.sim.params.horizonWeeks)
const failedForWantOfPlaces = (run: Run): number =>
  run.metrics["onwardReferralFailures.noCapacity"] + run.metrics["onwardReferralFailures.noService"]

describe("link-worker continuity", () => {
  const moreTurnover = variant((d) => { d.linkWorkers.turnoverPerYear = 0.5 })
  it("more turnover means more handovers and more people dropping out", () => {
    expectRise(base, moreTurnover, "linkWorkerLeavers")
    expectRise(base, moreTurnover, "handovers")
    expectRise(base, moreTurnover, "disengaged")
    expectRise(base, moreTurnover, disengagedShare)
  })

  it("unmanaged handovers lose more people than managed ones", () => {
    const managed = variant((d) => { d.linkWorkers.handoverManagedShare = 1 })
    const unmanaged = variant((d) => { d.linkWorkers.handoverManagedShare = 0 })
    expectRise(managed, unmanaged, "disengaged")
    expectRise(managed, unmanaged, disengagedShare)
  })
})

describe("community services", () => {
  it("austerity cuts (funding down to 40%) mean more failed onward referrals and smaller wellbeing gains", () => {
    const cuts = variant((d) => {
      d.communityServices.funding = { interpolation: "linear", points: [{ at: 0, value: 1 }, { at: "2018-04-01", value: 0.4 }] }
    })
    expectRise(base, cuts, failedForWantOfPlaces)
    expectRise(base, cuts, "onwardReferralFailureShare")
    expectFall(base, cuts, "starChangeMean")
  })
})

describe("caseloads and posts", () => {
  it("a bigger caseload cap with the same posts shortens waits and reaches more people, but more drop out", () => {
    const cap60 = variant((d) => {
      d.linkWorkers.caseloadCapPerFte = 60
      d.linkWorkers.comfortableCaseloadPerFte = 50
    })
    const cap120 = variant((d) => {
      d.linkWorkers.caseloadCapPerFte = 120
      d.linkWorkers.comfortableCaseloadPerFte = 50
    })
    expectFall(cap60, cap120, "meanWaitWeeks")
    expectRise(cap60, cap120, "engaged")
    expectRise(cap60, cap120, "meanCaseloadPerFte")
    expectRise(cap60, cap120, "disengaged")
    expectRise(cap60, cap120, disengagedShare)
  })

  it("fewer posts mean longer waits and fewer people engaged", () => {
    const fewerPosts = variant((d) => { d.linkWorkers.posts = Math.round(base.linkWorkers.posts * 0.6) })
    expectRise(base, fewerPosts, "meanWaitWeeks")
    expectFall(base, fewerPosts, "engaged")
  })

  it("a longer tolerance of waiting (waitHalfLifeWeeks) means more people engage", () => {
    const patient = variant((d) => { d.contact.waitHalfLifeWeeks = base.contact.waitHalfLifeWeeks * 3 })
    expectRise(base, patient, "engaged")
    expectFall(base, patient, "neverEngagedDeclined")
  })
})

describe("setbacks and wellbeing", () => {
  it("more multimorbidity means more setbacks, per person-week on the programme too", () => {
    const multimorbid = variant((d) => { d.population.extraConditionsMean = 1.8 })
    expectRise(base, multimorbid, "setbacks")
    expectRise(base, multimorbid, setbacksPerActiveWeek)
  })

  it("more frequent setbacks mean smaller Star gains", () => {
    const shaky = variant((d) => { d.setbacks.ratePerYear = 2 })
    expectRise(base, shaky, "setbacks")
    expectFall(base, shaky, "starChangeMean")
  })

  it("mental-health training of link workers means fewer people with anxiety or depression drop out", () => {
    const trained = variant((d) => { d.linkWorkers.mentalHealthTrainedShare = 1 })
    // Among people with anxiety/depression whose latest episode was on the programme and has ended.
    const droppedOutWithMentalHealth = (run: Run): number => {
      const a = run.sim.people.arrays
      let ended = 0
      let disengaged = 0
      for (let id = 0; id < run.sim.people.count; id++) {
        if (a.mentalHealth[id] !== 1 || a.engagedWeek[id] < 0) continue
        if (a.state[id] === State.disengaged) disengaged++
        if (a.state[id] === State.disengaged || a.state[id] === State.discharged) ended++
      }
      return disengaged / ended
    }
    expectFall(base, trained, droppedOutWithMentalHealth)
    expectFall(base, trained, "disengaged")
  })
})

describe("referral", () => {
  it("a higher referral rate and practice champions bring more referrals", () => {
    expectRise(base, variant((d) => { d.referral.ratePerEligiblePerYear = base.referral.ratePerEligiblePerYear * 1.25 }), "referrals")
    expectRise(variant((d) => { d.referral.championMultiplier = 1 }), variant((d) => { d.referral.championMultiplier = 2.5 }), "referrals")
  })

  it("a COVID-like collapse (20% of referrals from 2020-03-23) cuts 2020-21 referrals to a fifth and leaves earlier ones alone", () => {
    const covid = variant((d) => { d.referral.schedule.points.push({ at: "2020-03-23", value: 0.2 }) })
    const start = weekOf("2020-03-23", base.startDate)
    const end = weekOf("2021-04-01", base.startDate)
    const newPeopleBetween = (from: number, until: number) => (run: Run): number =>
      run.sim.weekly.columns.newPeople.slice(from, until).reduce((s, x) => s + x, 0)
    const during = newPeopleBetween(start, end)
    const before = newPeopleBetween(0, start)
    const ratio = mean(runsOf(covid).map(during)) / mean(runsOf(base).map(during))
    expect(ratio).toBeGreaterThan(0.17)
    expect(ratio).toBeLessThan(0.23)
    expect(runsOf(covid).map(before)).toEqual(runsOf(base).map(before))
  })

  it("no re-referral means no re-entries", () => {
    const none = variant((d) => { d.referral.reReferralShare = 0 })
    expect(Math.min(...runsOf(base).map((r) => r.metrics.reEntries))).toBeGreaterThan(0)
    expect(runsOf(none).map((r) => r.metrics.reEntries)).toEqual(new Array(replicates).fill(0))
  })
})

describe("support length and secondary care", () => {
  it("no wellbeing gains in maintenance mean smaller Star gains", () => {
    expectFall(base, variant((d) => { d.wellbeing.maintenanceGainMultiplier = 0 }), "starChangeMean")
  })

  it("no extra gains while attending a community service mean smaller Star gains", () => {
    expectFall(base, variant((d) => { d.wellbeing.onwardReferralGainMultiplier = 1 }), "starChangeMean")
  })

  it("a higher dropout hazard in maintenance means more people drop out", () => {
    expectRise(base, variant((d) => { d.disengagement.maintenanceMultiplier = 2 }), disengagedShare)
  })

  it("no onward referrals in maintenance mean fewer onward referrals", () => {
    expectFall(base, variant((d) => { d.onwardReferral.maintenanceMultiplier = 0 }), "onwardReferrals")
  })

  it("settling sooner in maintenance means more early discharges, after less time on the programme", () => {
    const sooner = variant((d) => { d.discharge.settledWeeksMean = 10 })
    expectRise(base, sooner, "dischargedSettled")
    expectFall(base, sooner, "meanWeeksOnProgramme")
  })

  it("a shorter maximum support discharges more people at the limit, after less time on the programme", () => {
    const oneYear = variant((d) => { d.discharge.maxSupportWeeks = 52 })
    expectRise(base, oneYear, "dischargedAtLimit")
    expectFall(base, oneYear, "meanWeeksOnProgramme")
  })

  it("a bigger effect while engaged means a bigger secondary-care saving", () => {
    expectRise(
      variant((d) => { d.secondaryCare.maxEffectEngaged = base.secondaryCare.maxEffectEngaged / 2 }),
      base,
      "secondaryCareSaving"
    )
  })
})
