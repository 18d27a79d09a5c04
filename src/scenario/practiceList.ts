/**
 * A scenario that lists its GP practices (`practices.list`) must agree with itself: the count and the population
 * are the list's, each practice's area exists, and no two practices share a name (paths name them).
 */
import type { ScenarioProblem } from "./errors.ts"
import { getAtPath, isSetAt, withAtPath } from "./parameters.ts"
import type { Scenario } from "./schema.ts"

export const practiceProblems = (scenario: Scenario): ReadonlyArray<ScenarioProblem> => {
  const { list, count, population, clusters } = scenario.practices
  if (list === undefined) return []
  const problems: Array<ScenarioProblem> = []
  if (count !== list.length) {
    problems.push({ path: "practices.count", expected: `expected ${list.length}, the number of practices in practices.list`, found: String(count) })
  }
  const total = list.reduce((sum, p) => sum + p.listSize, 0)
  if (population !== total) {
    problems.push({ path: "practices.population", expected: `expected ${total}, the sum of the list sizes in practices.list`, found: String(population) })
  }
  const seen = new Set<string>()
  list.forEach((p, i) => {
    if (p.area !== undefined && p.area >= clusters) {
      problems.push({ path: `practices.list[${i}].area`, expected: `expected an area from 0 to ${clusters - 1} (practices.clusters is ${clusters})`, found: String(p.area) })
    }
    if (seen.has(p.name)) problems.push({ path: `practices.list[${i}].name`, expected: "expected a name no other practice in the list has", found: JSON.stringify(p.name) })
    seen.add(p.name)
  })
  return problems
}

/** Values a run does not read when the scenario lists its practices: the spread of drawn list sizes. */
export const idleWithPracticeList = (scenario: Scenario): ReadonlySet<string> =>
  new Set(scenario.practices.list === undefined ? [] : ["practices.listSizeCv"])

/**
 * Values a practice list makes idle or fixes: its count and population are the list's, list sizes are not drawn,
 * and where the list gives areas, the number of areas is theirs to agree with.
 */
export const fixedByPracticeList = (scenario: Scenario): ReadonlySet<string> => {
  const list = scenario.practices.list
  if (list === undefined) return new Set()
  return new Set([...idleWithPracticeList(scenario), "practices.count", "practices.population", ...(list.some((p) => p.area !== undefined) ? ["practices.clusters"] : [])])
}

/**
 * What a sweep or sensitivity analysis would run that its scenario's practice list rules out (a count or population
 * not the list's, an area beyond the last): one message per problem, naming the variant that has it.
 */
export const variantProblems = (variants: ReadonlyArray<{ readonly label: string; readonly scenario: Scenario }>): Array<string> => [
  ...new Set(variants.flatMap((v) => practiceProblems(v.scenario).map((q) => `${v.label}: at ${q.path}: ${q.expected}, found ${q.found}`)))
]

/**
 * A scenario with the value at a path varied, as a sweep or sensitivity analysis varies it: a listed practice's list
 * size carries the population (the sum of the list's sizes) with it, so the variant still agrees with its list.
 */
export const withVaried = <S extends Scenario>(scenario: S, path: string, value: number | string): S => {
  const varied = isSetAt(scenario, path) ? withAtPath(scenario, path, value) : withKeyAdded(scenario, path, value)
  const list = varied.practices.list
  if (list === undefined || !/^practices\.list\[[^\]]+\]\.listSize$/.test(path)) return varied
  return withAtPath(varied, "practices.population", list.reduce((sum, p) => sum + p.listSize, 0))
}

/** A copy with an optional key the scenario leaves out (a financing facility) set in the object that would hold it. */
const withKeyAdded = <S extends Scenario>(scenario: S, path: string, value: number | string): S => {
  const dot = path.lastIndexOf(".")
  const holder = getAtPath(scenario, path.slice(0, dot))
  return withAtPath(scenario, path.slice(0, dot), { ...(holder as object), [path.slice(dot + 1)]: value })
}
