/**
 * A worker thread of the ensemble pool: an RPC server over the thread's parent port that answers replicate
 * requests. Started through workerEntry.mjs, which registers tsx so that this TypeScript file loads.
 */
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as NodeWorkerRunner from "@effect/platform-node/NodeWorkerRunner"
import { Effect, Layer } from "effect"
import { RpcServer } from "effect/rpc"
import { EnsembleRpcs } from "./protocol.ts"
import { makeResponder } from "./respond.ts"

const Handlers = EnsembleRpcs.toLayer(Effect.sync(() => {
  const responder = makeResponder()
  return {
    RunReplicate: responder.runWire
  }
}))

const Server = RpcServer.layer(EnsembleRpcs, { disableTracing: true }).pipe(
  Layer.provide(Handlers),
  Layer.provide(RpcServer.layerProtocolWorkerRunner),
  Layer.provide(NodeWorkerRunner.layer)
)

// The server runs until the pool closes the port (or, when a run stops, terminates the thread).
NodeRuntime.runMain(Layer.launch(Server))
