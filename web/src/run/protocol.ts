/**
 * Messages between the page and its replicate workers (plain `postMessage`, typed arrays transferred). Every
 * `run` gets exactly one answer: `result`, `failed` or `dropped`.
 */
import type { Scenario } from "../../../src/scenario/schema.ts"
import type { ReplicateOutput } from "./replicateOutput.ts"

export type ToWorker =
  /** Make the variants of a job ready (compile parameters and contracts once); replaces any earlier job. */
  | { readonly type: "prepare"; readonly job: number; readonly seed: number; readonly variants: ReadonlyArray<Scenario> }
  | { readonly type: "run"; readonly job: number; readonly variant: number; readonly replicate: number }

export type FromWorker =
  /** `ms`: the worker's time for the replicate (engine, contracts and output), for the benchmark. */
  | { readonly type: "result"; readonly job: number; readonly variant: number; readonly output: ReplicateOutput; readonly ms: number }
  | { readonly type: "failed"; readonly job: number; readonly variant: number; readonly replicate: number; readonly reason: string }
  /** A replicate asked for by a job that a newer `prepare` replaced before it started: not run. */
  | { readonly type: "dropped"; readonly job: number; readonly variant: number; readonly replicate: number }
