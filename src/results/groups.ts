/**
 * Outcomes for whom: the same measures for each group of people by age band, sex, ethnic group, number of
 * long-term conditions, anxiety or depression, and isolation, named `group.<dimension>.<group>.<measure>` in
 * summary.json. One pass over the person table; people are counted once (their first referral), with what
 * happened over all their episodes.
 *
 * Measures: `people` referred; `engagedShare`, the share of them who engaged at least once; `disengagedShare`,
 * the share of those who engaged whose last episode ended in dropout; `starChangeMean`, the mean Star change
 * (last review minus baseline, 8 areas) of those reviewed twice or more; `onwardReferralFailureShare`, failed
 * onward referrals over those made; `secondaryCareSavingShare`, the hospital-cost saving of those who engaged
 * over their comparison counterparts' cost. A measure with nobody to measure in a replicate (no one engaged,
 * no onward referral) is left out of that replicate, so its summary says how many replicates it is over.
 */
import { ageBands, starAreas, State } from "../model/constants.ts"
import type { Sim } from "../model/sim.ts"
import type { Metrics } from "./metrics.ts"

/** The dimensions and their groups, in the order summary.json lists them. */
export const groupDimensions = (sim: Sim): ReadonlyArray<{ readonly dimension: string; readonly groups: ReadonlyArray<string> }> => [
  { dimension: "ageBand", groups: ageBands },
  { dimension: "sex", groups: ["female", "male"] },
  { dimension: "ethnicity", groups: sim.scenario.population.ethnicGroups.map((g) => g.name) },
  { dimension: "conditions", groups: conditionGroups },
  { dimension: "mentalHealth", groups: ["anxietyOrDepression", "neither"] },
  { dimension: "isolated", groups: ["isolated", "notIsolated"] }
]

/** Long-term conditions: one, two, three or more. */
const conditionGroups = ["1", "2", "3+"] as const

export const groupMeasures = ["people", "engagedShare", "disengagedShare", "starChangeMean", "onwardReferralFailureShare", "secondaryCareSavingShare"] as const

/** Running sums for one group. */
const fields = 9
const F = { people: 0, engaged: 1, disengaged: 2, reviewed: 3, starChange: 4, onward: 5, onwardFailed: 6, saving: 7, comparison: 8 } as const

export const groupMetrics = (sim: Sim): Metrics => {
  const dims = groupDimensions(sim)
  const offsets: Array<number> = []
  let groupsTotal = 0
  for (const d of dims) {
    offsets.push(groupsTotal)
    groupsTotal += d.groups.length
  }
  const sums = new Float64Array(groupsTotal * fields)
  const a = sim.people.arrays
  const add = (group: number, field: number, value: number) => {
    sums[group * fields + field] += value
  }
  const memberOf = new Int32Array(dims.length)
  for (let id = 0; id < sim.people.count; id++) {
    memberOf[0] = offsets[0] + a.ageBand[id]
    memberOf[1] = offsets[1] + (a.female[id] ? 0 : 1)
    memberOf[2] = offsets[2] + a.ethnicity[id]
    memberOf[3] = offsets[3] + Math.min(a.conditions[id], 3) - 1
    memberOf[4] = offsets[4] + (a.mentalHealth[id] ? 0 : 1)
    memberOf[5] = offsets[5] + (a.isolated[id] ? 0 : 1)
    const engaged = a.everEngaged[id] === 1
    let change = 0
    const reviewed = a.reviews[id] >= 2
    if (reviewed) for (let k = id * starAreas; k < (id + 1) * starAreas; k++) change += a.starLastReview[k] - a.starBaseline[k]
    for (const g of memberOf) {
      add(g, F.people, 1)
      add(g, F.onward, a.onwardReferrals[id])
      add(g, F.onwardFailed, a.onwardFailures[id])
      if (engaged) {
        add(g, F.engaged, 1)
        if (a.state[id] === State.disengaged) add(g, F.disengaged, 1)
        add(g, F.saving, a.saving[id])
        add(g, F.comparison, a.comparisonCost[id])
      }
      if (reviewed) {
        add(g, F.reviewed, 1)
        add(g, F.starChange, change)
      }
    }
  }
  const m: Metrics = {}
  dims.forEach((d, i) => {
    d.groups.forEach((name, j) => {
      const s = (field: number) => sums[(offsets[i] + j) * fields + field]
      const key = (measure: string) => `group.${d.dimension}.${name}.${measure}`
      m[key("people")] = s(F.people)
      if (s(F.people) > 0) m[key("engagedShare")] = s(F.engaged) / s(F.people)
      if (s(F.engaged) > 0) m[key("disengagedShare")] = s(F.disengaged) / s(F.engaged)
      if (s(F.reviewed) > 0) m[key("starChangeMean")] = s(F.starChange) / s(F.reviewed)
      if (s(F.onward) > 0) m[key("onwardReferralFailureShare")] = s(F.onwardFailed) / s(F.onward)
      if (s(F.comparison) > 0) m[key("secondaryCareSavingShare")] = s(F.saving) / s(F.comparison)
    })
  })
  return m
}
