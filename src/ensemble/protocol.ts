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

export const ReplicateRequest = Schema.Struct({
  /** The resolved scenario as plain JSON data; the worker decodes it with the Scenario schema (once per distinct scenario). */
  scenario: Schema.Unknown,
  seed: Schema.Number,
  replicate: Schema.Number,
  rows: RowsWanted
})
export type ReplicateRequest = typeof ReplicateRequest.Type

export const ReplicateResponse = Schema.Struct({
  replicate: Schema.Number,
  metrics: Schema.Record(Schema.String, Schema.Number),
  notes: Schema.Record(Schema.String, Schema.String),
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

/** Decode and prepare a scenario ahead of its replicates; a thread answers once it has loaded and is ready to work. */
export const PrepareScenario = Rpc.make("PrepareScenario", {
  payload: { scenario: Schema.Unknown },
  error: ScenarioRejected
})

export const RunReplicate = Rpc.make("RunReplicate", {
  payload: ReplicateRequest,
  success: ReplicateResponse,
  error: Schema.Union([ScenarioRejected, ReplicateFailed])
})

export class EnsembleRpcs extends RpcGroup.make(PrepareScenario, RunReplicate) {}
