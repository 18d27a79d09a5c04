/**
 * Allocation and waiting: each area's link workers take people first-come first-served, people whose link
 * worker left first, as long as someone is under the caseload cap. Then each link worker's time per person
 * and caseload pressure for the week follow from their caseload.
 */
import { Post, State } from "./constants.ts"
import type { Sim } from "./sim.ts"
import { assign } from "./transitions.ts"
import { postWithRoom } from "./workforce.ts"

export const allocate = (sim: Sim, week: number): void => {
  const a = sim.people.arrays
  const clusters = sim.posts.clusterStart.length - 1
  for (let c = 0; c < clusters; c++) {
    while (sim.handover.length[c] > 0) {
      const lw = postWithRoom(sim, c)
      if (lw < 0) break
      const id = sim.handover.pop(a.nextInHandover, c)
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

/** Workload (intensive = 1), hours per unit of workload and caseload pressure of every post this week. */
export const measureCaseloads = (sim: Sim): void => {
  const a = sim.people.arrays
  const posts = sim.posts
  const lw = sim.scenario.linkWorkers
  posts.workload.fill(0)
  const live = sim.live.ids
  for (let j = 0; j < sim.live.count; j++) {
    const id = live[j]
    const post = a.lw[id]
    if (post < 0) continue
    const state = a.state[id]
    posts.workload[post] += state === State.intensive ? 1 : state === State.maintenance ? lw.maintenanceWorkload : lw.contactingWorkload
  }
  for (let i = 0; i < posts.count; i++) {
    const fte = posts.fte[i]
    const filled = posts.status[i] === Post.filled
    posts.hoursPerUnit[i] = filled ? (lw.directHoursPerFteWeek * fte) / Math.max(1, posts.workload[i]) : 0
    const perFte = posts.caseload[i] / fte
    posts.pressure[i] = Math.max(0, perFte - lw.comfortableCaseloadPerFte) / lw.comfortableCaseloadPerFte
  }
}
