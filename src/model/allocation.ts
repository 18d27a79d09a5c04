/**
 * Allocation and waiting: each area's link workers take people first-come first-served, people whose link
 * worker left first, as long as someone is under the caseload cap.
 */
import { State } from "./constants.ts"
import type { Sim } from "./sim.ts"
import { assign } from "./transitions.ts"
import { postWithRoom } from "./workforce.ts"
import { residentPeople } from "./resident.ts"

export const allocate = (sim: Sim, week: number): void => {
  const a = residentPeople
  const clusters = sim.posts.clusterStart.length - 1
  for (let c = 0; c < clusters; c++) {
    while (sim.handover.length[c] > 0) {
      const lw = postWithRoom(sim, c)
      if (lw < 0) break
      const id = sim.handover.pop(a.nextInHandover, c)
      if (id < 0) break
      a.inHandover[id] = 0
      // Dropped lazily: the person left, or was handed over directly, since joining the queue.
      if (a.state[id] === State.waiting || a.state[id] > State.maintenance || a.lw[id] >= 0) continue
      assign(sim, id, lw, week)
    }
    while (sim.waiting.length[c] > 0) {
      const lw = postWithRoom(sim, c)
      if (lw < 0) break
      assign(sim, sim.waiting.pop(a.nextInQueue, c), lw, week)
    }
  }
}

