/**
 * Outcomes for whom: the same measures for each group of people by age band, sex, ethnic group, number of
 * long-term conditions, anxiety or depression, and isolation, named `group.<dimension>.<group>.<measure>` in
 * summary.json. One pass over the person table; people are counted once (their first referral), with what
 * happened over all their episodes.
 *
 * Also `disengagedShare` over everyone (not a group's: the headline's dropout share, the measure below for all).
 *
 * Measures: `people` referred; `engagedShare`, the share of them who engaged at least once; `disengagedShare`,
 * the share of those who engaged whose last episode ended in dropout (someone re-referred after dropping out
 * counts by their new episode, so is not counted if it is still going on or ended otherwise); `starChangeMean`, the mean Star change
 * (last review minus baseline, 8 areas) of those reviewed twice or more; `onwardReferralFailureShare`, failed
 * onward referrals over those made; `secondaryCareSavingShareEngaged`, the hospital-cost saving of those who engaged
 * over their comparison counterparts' cost. A measure with nobody to measure in a replicate (no one engaged,
 * no onward referral) is left out of that replicate, so its summary says how many replicates it is over.
 */
import { ageBands, State } from "../model/constants.ts"
import { personStarChange } from "../model/wellbeing.ts"
import { holdResident, type Sim } from "../model/sim.ts"
import { residentPeople } from "../model/resident.ts"
import type { Scenario } from "../scenario/schema.ts"
import type { Metrics } from "./metrics.ts"

/** The dimensions and their groups, in the order summary.json lists them. */
export const groupDimensions = (scenario: Scenario): ReadonlyArray<{ readonly dimension: string; readonly groups: ReadonlyArray<string> }> => [
  { dimension: "ageBand", groups: ageBands },
  { dimension: "sex", groups: ["female", "male"] },
  { dimension: "ethnicity", groups: scenario.population.ethnicGroups.map((g) => g.name) },
  { dimension: "conditions", groups: conditionGroups },
  { dimension: "mentalHealth", groups: ["anxietyOrDepression", "neither"] },
  { dimension: "isolated", groups: ["isolated", "notIsolated"] }
]

/** Long-term conditions: one, two, three or more. */
const conditionGroups = ["1", "2", "3+"] as const

/** The name of a group's measure in summary.json: `group.<dimension>.<group>.<measure>`. */
export const groupMetricName = (dimension: string, group: string, measure: string): string => `group.${dimension}.${group}.${measure}`

/** A `groupMetricName` taken apart (the group may itself hold dots), or undefined for any other metric. */
export const parseGroupMetric = (name: string): { readonly dimension: string; readonly group: string; readonly measure: string } | undefined => {
  if (!name.startsWith("group.")) return undefined
  const last = name.lastIndexOf(".")
  const rest = name.slice("group.".length, last)
  const dot = rest.indexOf(".")
  if (dot < 0) return undefined
  return { dimension: rest.slice(0, dot), group: rest.slice(dot + 1), measure: name.slice(last + 1) }
}

export const groupMeasures = ["people", "engagedShare", "disengagedShare", "starChangeMean", "onwardReferralFailureShare", "secondaryCareSavingShareEngaged"] as const

/** Running sums for one group. */
const fields = 9
const F = { people: 0, engaged: 1, disengaged: 2, reviewed: 3, starChange: 4, onward: 5, onwardFailed: 6, saving: 7, comparison: 8 } as const

/**
 * Sums are kept per cell, a combination of one group of each dimension (3 × 2 × ethnic groups × 3 × 2 × 2
 * cells), one pass over the people adding to their cell; each group is then the sum of its cells. Adding to
 * every group of a person instead cost ~1.7 ms a replicate.
 */
const groupBlock = 1024

/** People from … to − 1 of the run holding the resident tables, each added to their cell's sums. */
const addToCells = (
  sums: Float64Array, from: number, to: number, sAge: number, sSex: number, sEthnic: number, sConditions: number, sMental: number
): void => {
  const a = residentPeople
  const { ageBand, female, ethnicity, conditions, mentalHealth, isolated, onwardReferrals, onwardFailures, everEngaged, state, saving, comparisonCost, reviews } = a
  for (let id = from; id < to; id++) {
    const cell = ageBand[id] * sAge + (1 - female[id]) * sSex + ethnicity[id] * sEthnic +
      (Math.min(conditions[id], 3) - 1) * sConditions + (1 - mentalHealth[id]) * sMental + (1 - isolated[id])
    const k = cell * fields
    sums[k + F.people] += 1
    sums[k + F.onward] += onwardReferrals[id]
    sums[k + F.onwardFailed] += onwardFailures[id]
    if (everEngaged[id] === 1) {
      sums[k + F.engaged] += 1
      if (state[id] === State.disengaged) sums[k + F.disengaged] += 1
      sums[k + F.saving] += saving[id]
      sums[k + F.comparison] += comparisonCost[id]
    }
    if (reviews[id] >= 2) {
      sums[k + F.reviewed] += 1
      sums[k + F.starChange] += personStarChange(a, id)
    }
  }
}

type GroupKeys = Readonly<Record<(typeof groupMeasures)[number], string>>

/** What summing the cells into groups needs of a scenario, made once per scenario. */
interface Layout {
  /** Cells: one group of each dimension. */
  readonly cells: number
  readonly dimensions: number
  /** Each dimension's stride in the cell number (the last dimension's is 1). */
  readonly strides: ReadonlyArray<number>
  /** Where cell c's group of dimension i keeps its sums in the groups' array: `groupAt[i * cells + c]`. */
  readonly groupAt: Int32Array
  readonly groups: number
  /** Each group's measure names (`groupMetricName`), dimension by dimension, in summary.json's order. */
  readonly keys: ReadonlyArray<GroupKeys>
}

/**
 * Made afresh every replicate, the ~130 measure names were each looked up in V8's table of property names as they
 * became keys (`StringTable::FindEntry`, ~0.5% of a lane's time in `perf`), and each group was summed by a pass
 * over every cell that tested, by division, whether the cell was in it.
 */
const layouts = new WeakMap<Scenario, Layout>()

const layoutOf = (scenario: Scenario): Layout => {
  const known = layouts.get(scenario)
  if (known !== undefined) return known
  const dims = groupDimensions(scenario)
  const sizes = dims.map((d) => d.groups.length)
  const strides: Array<number> = []
  let cells = 1
  for (let i = sizes.length - 1; i >= 0; i--) {
    strides[i] = cells
    cells *= sizes[i]
  }
  const groupAt = new Int32Array(dims.length * cells)
  let first = 0
  dims.forEach((_, i) => {
    for (let c = 0; c < cells; c++) groupAt[i * cells + c] = (first + (Math.floor(c / strides[i]) % sizes[i])) * fields
    first += sizes[i]
  })
  const keys = dims.flatMap((d) =>
    d.groups.map((name) => Object.fromEntries(groupMeasures.map((measure) => [measure, groupMetricName(d.dimension, name, measure)])) as GroupKeys)
  )
  const layout: Layout = { cells, dimensions: dims.length, strides, groupAt, groups: first, keys }
  layouts.set(scenario, layout)
  return layout
}

export const groupMetrics = (sim: Sim): Metrics => {
  const { cells, dimensions, strides, groupAt, groups, keys } = layoutOf(sim.scenario)
  const sums = new Float64Array(cells * fields)
  // The run's people as the module constant they are while it holds the resident tables (src/model/resident.ts), so
  // that TurboFan builds in each array's address and length instead of checking it on every pass of the loop; in
  // blocks of people, so that V8 compiles the loop as a function called ~10 times a replicate: entered once a
  // replicate, it ran in code compiled on entering the loop (OSR), which cannot see the constants.
  holdResident(sim)
  const [sAge, sSex, sEthnic, sConditions, sMental] = strides
  const count = sim.people.count
  for (let from = 0; from < count; from += groupBlock) {
    addToCells(sums, from, Math.min(count, from + groupBlock), sAge, sSex, sEthnic, sConditions, sMental)
  }
  // Each group the sum of its cells, in cell order (a cell without people holds only zeros, and adds nothing).
  const sumsByGroup = new Float64Array(groups * fields)
  for (let cell = 0; cell < cells; cell++) {
    const k = cell * fields
    if (sums[k + F.people] === 0) continue
    for (let i = 0; i < dimensions; i++) {
      const g = groupAt[i * cells + cell]
      for (let f = 0; f < fields; f++) sumsByGroup[g + f] += sums[k + f]
    }
  }
  const m: Metrics = {}
  // Over everyone, the same measure as each group's: the share of those who engaged whose last episode ended in dropout.
  let engaged = 0
  let disengaged = 0
  for (let cell = 0; cell < cells; cell++) {
    engaged += sums[cell * fields + F.engaged]
    disengaged += sums[cell * fields + F.disengaged]
  }
  if (engaged > 0) m.disengagedShare = disengaged / engaged
  for (let g = 0; g < groups; g++) {
    const k = g * fields
    const key = keys[g]
    const people = sumsByGroup[k + F.people]
    m[key.people] = people
    if (people > 0) m[key.engagedShare] = sumsByGroup[k + F.engaged] / people
    if (sumsByGroup[k + F.engaged] > 0) m[key.disengagedShare] = sumsByGroup[k + F.disengaged] / sumsByGroup[k + F.engaged]
    if (sumsByGroup[k + F.reviewed] > 0) m[key.starChangeMean] = sumsByGroup[k + F.starChange] / sumsByGroup[k + F.reviewed]
    if (sumsByGroup[k + F.onward] > 0) m[key.onwardReferralFailureShare] = sumsByGroup[k + F.onwardFailed] / sumsByGroup[k + F.onward]
    if (sumsByGroup[k + F.comparison] > 0) m[key.secondaryCareSavingShareEngaged] = sumsByGroup[k + F.saving] / sumsByGroup[k + F.comparison]
  }
  return m
}
