/**
 * What the ensemble runner asks a worker and what it gets back: one replicate of a scenario, answered with
 * its metrics and, when asked for, its CSV rows (bodies only: the caller writes each header once).
 */
import { Schema } from "effect"
import { Rpc, RpcGroup } from "effect/rpc"

/** Which result tables the caller writes; rows not wanted are neither built nor sent. */
export const RowsWanted = Schema.Struct({
  weekly: Schema.Boolean,
  people: Schema.Boolean,
  /** payments.csv and cashflows.csv */
  contracts: Schema.Boolean
})
export type RowsWanted = typeof RowsWanted.Type

/** One replicate of a scenario, as the pool's callers ask for it. */
export interface ReplicateRequest {
  /** The resolved scenario as plain JSON data; a lane decodes it with the Scenario schema (once per distinct scenario). */
  readonly scenario: unknown
  readonly seed: number
  readonly replicate: number
  readonly rows: RowsWanted
}

/**
 * A replicate request as a worker thread gets it: the scenario as its JSON text, made once per scenario object
 * (`scenarioText` in respond.ts), which the thread's cache of prepared scenarios is keyed by. As an object, the
 * scenario was copied between threads, checked as JSON by the protocol and written out as text again by the thread for
 * every replicate (~0.1 ms of each).
 */
export const WireRequest = Schema.Struct({
  scenario: Schema.String,
  seed: Schema.Number,
  replicate: Schema.Number,
  rows: RowsWanted
})
export type WireRequest = typeof WireRequest.Type

/**
 * A record of numbers (or of strings), checked with one pass over its values: as `Schema.Record`, decoding each of a
 * replicate's ~150 metrics key by key took ~0.8 ms of the receiving thread's time a replicate. What is checked is the
 * same: an object whose own values are all numbers (strings).
 */
const recordOf = <T extends number | string>(kind: "number" | "string", what: string) =>
  Schema.declare<Readonly<Record<string, T>>>(
    (u): u is Readonly<Record<string, T>> => {
      if (typeof u !== "object" || u === null || Array.isArray(u)) return false
      for (const key in u) if (typeof (u as Record<string, unknown>)[key] !== kind) return false
      return true
    },
    { expected: what }
  )

export const ReplicateResponse = Schema.Struct({
  replicate: Schema.Number,
  metrics: recordOf<number>("number", "a record of numbers"),
  notes: recordOf<string>("string", "a record of strings"),
  weeklyCsv: Schema.optional(Schema.String),
  peopleCsv: Schema.optional(Schema.String),
  paymentsCsv: Schema.optional(Schema.String),
  cashflowsCsv: Schema.optional(Schema.String)
})
export type ReplicateResponse = typeof ReplicateResponse.Type

/** The scenario sent did not decode or its contracts did not compile (`loadScenario` catches both earlier). */
export class ScenarioRejected extends Schema.TaggedError<ScenarioRejected>()("ScenarioRejected", {
  reason: Schema.String
}) {
  override get message(): string {
    return `scenario rejected by the ensemble runner: ${this.reason}`
  }
}

/** The model threw while running a replicate. */
export class ReplicateFailed extends Schema.TaggedError<ReplicateFailed>()("ReplicateFailed", {
  replicate: Schema.Number,
  reason: Schema.String
}) {
  override get message(): string {
    return `replicate ${this.replicate} failed: ${this.reason}`
  }
}

/** One replicate; a thread decodes and prepares the scenario the first time it meets it (and keeps a few). */
export const RunReplicate = Rpc.make("RunReplicate", {
  payload: WireRequest,
  success: ReplicateResponse,
  error: Schema.Union([ScenarioRejected, ReplicateFailed])
})

export class EnsembleRpcs extends RpcGroup.make(RunReplicate) {}
