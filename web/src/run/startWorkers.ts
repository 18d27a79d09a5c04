/** The page's replicate workers: one per core the browser reports, at least two. */
import { ReplicatePool } from "./replicatePool.ts"

export const workerCount = (): number => Math.max(2, navigator.hardwareConcurrency || 2)

export const startPool = (count = workerCount()): ReplicatePool =>
  new ReplicatePool(Array.from({ length: count }, () => new Worker(new URL("./replicateWorker.ts", import.meta.url), { type: "module", name: "spsim-replicates" })))
