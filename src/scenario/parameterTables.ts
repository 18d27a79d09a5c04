/**
 * Parameter tables inside hand-written docs (docs/model.md). The prose lists the parameters it talks about in
 * a marker, and `npm run gen:schema` fills in the table below it from the Schema and the default scenario:
 *
 *   <!-- parameters: contact.attemptsMax communityServices.categories.*.needWeight -->
 *   (generated table)
 *   <!-- /parameters -->
 *
 * A `*` stands for one path segment: the row covers every match, whose units and sources must agree. A schedule's
 * path (or a pattern of schedules' paths) gives a row with the schedule in words.
 */
import { listParameters, listSchedules, type ParameterInfo } from "./parameters.ts"
import { cell, sectionTitles } from "./parametersDoc.ts"
import { renderDefault, renderSchedule } from "./scenarioValues.ts"

const block = /<!-- parameters: ([^>]*?) -->\n[\s\S]*?<!-- \/parameters -->/g

/** GitHub's anchor for a heading. */
export const headingAnchor = (heading: string): string =>
  heading.trim().toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, "").replace(/ /g, "-")

const regexOf = (pattern: string): RegExp =>
  new RegExp(`^${pattern.replace(/[.[\]]/g, (c) => `\\${c}`).replace(/\*/g, "[^.]+")}$`)

const matching = (pattern: string): ReadonlyArray<ParameterInfo> => {
  const regex = regexOf(pattern)
  const found = listParameters().filter((p) => regex.test(p.path))
  if (found.length === 0) throw new Error(`docs: no scenario parameter matches "${pattern}"`)
  return found
}

const provenance = (p: ParameterInfo): string => `${cell(p.source)} | ${p.confidence}${p.calibratable ? ", calibratable" : ""}`

const anchorOf = (section: string): string => headingAnchor(sectionTitles[section] ?? section)

/** The schedules a pattern names (a `*` for one path segment). */
const schedulesMatching = (pattern: string) => {
  const regex = regexOf(pattern)
  return listSchedules().filter((s) => regex.test(s.path))
}

const row = (pattern: string, document: unknown): string => {
  const schedules = schedulesMatching(pattern)
  if (schedules.length > 0) {
    const star = pattern.split(".").indexOf("*")
    const set = schedules.filter((s) => renderSchedule(document, s.path) !== "—")
    const value = schedules.length === 1
      ? renderSchedule(document, pattern)
      : set.length === 0 ? "— (left out for every one)" : set.map((s) => `${s.path.split(".")[star]} ${renderSchedule(document, s.path)}`).join("; ")
    return `| [\`${pattern}\`](parameters.md#${anchorOf(schedules[0].section)}) | multiplier over time | ${cell(value)} | — | — |`
  }
  const found = matching(pattern)
  const first = found[0]
  for (const p of found) {
    if (p.unit !== first.unit || provenance(p) !== provenance(first)) {
      throw new Error(`docs: "${pattern}" covers parameters with different units or sources (${p.path})`)
    }
  }
  const star = pattern.split(".").indexOf("*")
  const value = found.length === 1
    ? renderDefault(document, first)
    : found.map((p) => `${p.path.split(".")[star]} ${renderDefault(document, p)}`).join("; ")
  return `| [\`${pattern}\`](parameters.md#${anchorOf(first.section)}) | ${cell(first.unit)} | ${cell(value)} | ${provenance(first)} |`
}

/** The rows of one table: the parameters named in a marker, with unit, default and source. */
export const parameterTable = (patterns: ReadonlyArray<string>, document: unknown): string =>
  [
    "| Parameter | Unit | WtW default | Source | Confidence |",
    "|---|---|---|---|---|",
    ...patterns.map((pattern) => row(pattern, document))
  ].join("\n")

/** The markdown with every marked table regenerated. */
export const refreshParameterTables = (markdown: string, document: unknown): string =>
  markdown.replace(block, (_, list: string) => {
    const patterns = list.trim().split(/\s+/)
    return `<!-- parameters: ${patterns.join(" ")} -->\n${parameterTable(patterns, document)}\n<!-- /parameters -->`
  })

/** Parameter and schedule paths a markdown text's tables cover (wildcards expanded). */
export const tabledPaths = (markdown: string): ReadonlyArray<string> =>
  [...markdown.matchAll(block)].flatMap((m) =>
    m[1].trim().split(/\s+/).flatMap((p) =>
      schedulesMatching(p).length > 0 ? schedulesMatching(p).map((s) => s.path) : matching(p).map((info) => info.path)
    )
  )
