/**
 * Sweeps: `--set PATH=v1,v2,…` specs, checked against the scenario's parameters (numbers) and choices (one of a few
 * words, e.g. `contracts[outcomes].financing.facility=fixed,revolving`), and the grid of scenario variants they make
 * (one or two parameters; every combination).
 */
import { resolveChoice } from "../scenario/choices.ts"
import { resolveParameter, unresolvedReason } from "../scenario/parameters.ts"
import { withVaried } from "../scenario/practiceList.ts"
import type { Scenario } from "../scenario/schema.ts"

/** A value an axis takes: a number, or for a choice one of its words. */
export type AxisValue = number | string

export interface SweepAxis {
  readonly path: string
  readonly values: ReadonlyArray<AxisValue>
  /** A choice may be left out of a scenario (a financing facility): the sweep then sets it where its parent is. */
  readonly optional?: boolean
}

export interface GridPoint {
  /** The value of each axis at this point, in axis order. */
  readonly values: ReadonlyArray<AxisValue>
  readonly scenario: Scenario
}

/** Parses one `PATH=v1,v2,…`; a problem is returned as a message naming the spec. */
export const parseAxis = (spec: string): SweepAxis | string => {
  const eq = spec.indexOf("=")
  if (eq <= 0) return `--set ${spec}: expected PATH=v1,v2,… (e.g. linkWorkers.caseloadCapPerFte=40,60,80)`
  const path = spec.slice(0, eq).trim()
  const texts = spec.slice(eq + 1).split(",").map((t) => t.trim()).filter((t) => t !== "")
  const choice = resolveChoice(path)
  if (choice !== undefined) {
    if (texts.length === 0) return `--set ${spec}: no values given`
    const wrong = texts.find((t) => !choice.options.includes(t))
    if (wrong !== undefined) return `--set ${spec}: ${path} is one of ${choice.options.map((o) => `"${o}"`).join(", ")}, found "${wrong}"`
    return { path, values: texts, optional: choice.optional }
  }
  const info = resolveParameter(path)
  if (info === undefined) return `--set ${spec}: ${unresolvedReason(path, true)}`
  if (texts.length === 0) return `--set ${spec}: no values given`
  const values: Array<number> = []
  for (const t of texts) {
    const v = Number(t)
    if (!Number.isFinite(v)) return `--set ${spec}: "${t}" is not a number`
    if (v < info.min || v > info.max) return `--set ${spec}: ${t} is outside the range of ${path}, ${info.min} to ${info.max} ${info.unit}`
    if (info.integer && !Number.isInteger(v)) return `--set ${spec}: ${path} takes whole numbers, found ${t}`
    values.push(v)
  }
  return { path, values }
}

/** Every combination of the axes' values (the last axis varies fastest). */
export const gridOf = (base: Scenario, axes: ReadonlyArray<SweepAxis>): Array<GridPoint> => {
  let points: Array<GridPoint> = [{ values: [], scenario: base }]
  for (const axis of axes) {
    points = points.flatMap((p) => axis.values.map((v) => ({ values: [...p.values, v], scenario: withVaried(p.scenario, axis.path, v) })))
  }
  return points
}
