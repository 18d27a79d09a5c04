// The file a pool thread starts with. Node 20 cannot load worker.ts by itself, and `--import tsx` in a worker's
// execArgv does not apply to its entry module, so tsx's loader is registered here, in the thread.
//
// The big plain-JavaScript packages are loaded first, before tsx: its hooks would otherwise see each of their
// thousand-odd files, which costs a starting thread about half a second. Later imports of them (from the
// TypeScript files) resolve to these same module instances.
await Promise.all([
  import("effect"),
  import("effect/rpc"),
  import("@effect/platform-node/NodeRuntime"),
  import("@effect/platform-node/NodeWorkerRunner"),
  import("mathjs"),
  import("seedrandom")
])
const { register } = await import("tsx/esm/api")
register()
await import("./worker.ts")
