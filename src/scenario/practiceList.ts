/**
 * A scenario that lists its GP practices (`practices.list`) must agree with itself: the count and the population
 * are the list's, each practice's area exists, and no two practices share a name (paths name them).
 */
import type { ScenarioProblem } from "./errors.ts"
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
