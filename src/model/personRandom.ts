/** A person's own random numbers: the k-th draw of each process depends only on (person key, process, k). */
import type { PeopleArrays } from "./people.ts"
import { drawProcesses, hashExponential, hashUniform } from "./random.ts"

export const personUniform = (a: PeopleArrays, id: number, process: number): number =>
  hashUniform(a.key[id], process, a.drawCounters[id * drawProcesses + process]++)

/** Exponential with mean 1 (a fresh threshold for a cumulative-hazard clock): −ln of the draw `personUniform` would give. */
export const personExponential = (a: PeopleArrays, id: number, process: number): number =>
  hashExponential(a.key[id], process, a.drawCounters[id * drawProcesses + process]++)
