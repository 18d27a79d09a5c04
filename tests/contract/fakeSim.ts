/**
 * A tiny stand-in for one replicate, holding only what the contract code reads: the weekly series, each
 * person's conditions and mental-health flag, and the per-person event logs. Hand-worked cases set a few
 * weeks and events and know every number the contract should pay.
 */
import type { Sim } from "../../src/model/sim.ts"
import { WeeklyRecord, type WeeklyColumn } from "../../src/model/weekly.ts"
import {
  createRecords, type engagementColumns, type EventLog, type exitColumns, type reviewColumns
} from "../../src/model/eventLog.ts"

export type ReviewEvent = EventRow<(typeof reviewColumns)[number]>
export type EngagementEvent = EventRow<(typeof engagementColumns)[number]>
export type ExitEvent = EventRow<(typeof exitColumns)[number]>
/** One event: its week and person, and any other columns (0 when left out). */
export type EventRow<Column extends string> = { readonly week: number; readonly person: number } & Partial<Record<Column, number>>

export interface FakePerson {
  readonly conditions?: number
  readonly mentalHealth?: number
}

/** A weekly column: one value every week, a value per week, or values at some weeks (0 elsewhere). */
export type WeeklyValues = number | ReadonlyArray<number> | ((week: number) => number) | Readonly<Record<number, number>>

export interface FakeSimSpec {
  readonly weeks: number
  /** How many people, or each person's attributes; by default as many as the events name. */
  readonly people?: number | ReadonlyArray<FakePerson>
  readonly weekly?: Partial<Record<WeeklyColumn, WeeklyValues>>
  readonly reviews?: ReadonlyArray<ReviewEvent>
  readonly engagements?: ReadonlyArray<EngagementEvent>
  readonly exits?: ReadonlyArray<ExitEvent>
}

const fill = (target: Float64Array, values: WeeklyValues): void => {
  if (typeof values === "number") target.fill(values)
  else if (typeof values === "function") for (let w = 0; w < target.length; w++) target[w] = values(w)
  else if (Array.isArray(values)) target.set(values as ReadonlyArray<number>)
  else for (const [week, value] of Object.entries(values)) target[Number(week)] = value as number
}

/** Appends events in week order (the order the simulation writes them, which the contract code relies on). */
const append = <Column extends string>(log: EventLog<Column>, events: ReadonlyArray<EventRow<Column>>): void => {
  const sorted = [...events].sort((a, b) => a.week - b.week)
  for (const event of sorted) {
    const i = log.add()
    for (const name of log.names) log.columns[name][i] = (event as Partial<Record<Column, number>>)[name] ?? 0
  }
}

export const fakeSim = (spec: FakeSimSpec): Sim => {
  const weekly = new WeeklyRecord(spec.weeks)
  for (const [name, values] of Object.entries(spec.weekly ?? {})) {
    if (values !== undefined) fill(weekly.columns[name as WeeklyColumn], values)
  }
  const events = [...(spec.reviews ?? []), ...(spec.engagements ?? []), ...(spec.exits ?? [])]
  const people: ReadonlyArray<FakePerson> = typeof spec.people === "object"
    ? spec.people
    : Array.from({ length: typeof spec.people === "number" ? spec.people : 1 + Math.max(-1, ...events.map((e) => e.person)) }, () => ({}))
  const records = createRecords()
  append(records.reviews, spec.reviews ?? [])
  append(records.engagements, spec.engagements ?? [])
  append(records.exits, spec.exits ?? [])
  const fake = {
    weekly,
    people: {
      count: people.length,
      arrays: {
        conditions: Uint8Array.from(people, (p) => p.conditions ?? 0),
        mentalHealth: Uint8Array.from(people, (p) => p.mentalHealth ?? 0)
      }
    },
    records
  }
  return fake as unknown as Sim
}
