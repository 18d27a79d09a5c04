/**
 * The people engaged (intensive support or maintenance), in list order, with what the weekly loop reads of each of
 * them every week kept by their place in the list rather than by person id: the week of their next calendar event,
 * their link-worker slot, and their two clocks whose rates move every week (wellbeing gains and dropout) with the
 * person's own factors of those rates. A quiet week then reads six short arrays front to back, which the CPU streams
 * from its caches, instead of one entry in each of six arrays as long as everyone ever referred (a cache miss each
 * once the person table outgrows the caches: `docs/architecture.md`, *What limits a replicate now*).
 *
 * A person's place is `engagedAt[id] − 1` (`engagedAt` is in the person table, 0 when not engaged). People join at
 * the end. One who leaves leaves a hole (id −1, next event week 0, so the loop stops there and steps over it), and
 * the list closes up, in order, once holes are an eighth of it: the order is the order people engaged, as it was
 * when the list closed up every week.
 */
import { never } from "./calendar.ts"
import type { PeopleArrays } from "./people.ts"
import {
  moveIntoResident,
  residentDropoutClock,
  residentGainClock,
  residentGainRate,
  residentHazardRate,
  residentIds,
  residentLimitError,
  residentNextEvent,
  residentPeople,
  residentPlaces,
  residentSlot
} from "./resident.ts"

export class EngagedTable {
  /** Places in use, holes included, and how many of them are holes. */
  count: number
  holes: number
  ids: Int32Array
  /** The earliest week anything is due on the person's calendar (`calendar.ts`); 0 for a hole. */
  nextEvent: Int16Array
  /**
   * The person's entry in the link-worker tables of the week's gain and dropout factors (`measureLinkWorkers`):
   * 2 × post + (1 with anxiety or depression), the post being one past the last for no link worker (`rates.ts`).
   */
  slot: Int32Array
  /** What is left of each clock (an exponential threshold less the weeks' rates so far), and the person's factors. */
  gainClock: Float64Array
  gainRate: Float64Array
  dropoutClock: Float64Array
  hazardRate: Float64Array

  /** In the resident arrays if `resident` (the run holds them), else in arrays of its own with room for `capacity`. */
  constructor(resident: boolean, capacity = 1024) {
    this.count = 0
    this.holes = 0
    this.ids = resident ? residentIds : new Int32Array(capacity)
    this.nextEvent = resident ? residentNextEvent : new Int16Array(capacity)
    this.slot = resident ? residentSlot : new Int32Array(capacity)
    this.gainClock = resident ? residentGainClock : new Float64Array(capacity)
    this.gainRate = resident ? residentGainRate : new Float64Array(capacity)
    this.dropoutClock = resident ? residentDropoutClock : new Float64Array(capacity)
    this.hazardRate = resident ? residentHazardRate : new Float64Array(capacity)
  }

  /** The arrays are the thread's resident ones (`resident.ts`): its run holds them. */
  get resident(): boolean {
    return this.ids === residentIds
  }
}

/** Person `id` joins the end of the list (their fields are set by the caller); returns their place. */
export const joinEngaged = (t: EngagedTable, a: PeopleArrays, id: number): number => {
  if (t.count === t.ids.length) grow(t)
  const at = t.count++
  t.ids[at] = id
  t.nextEvent[at] = never
  a.engagedAt[id] = at + 1
  return at
}

/** Person `id` leaves the list: a hole in their place until the list next closes up. */
export const leaveEngaged = (t: EngagedTable, a: PeopleArrays, id: number): void => {
  const at = a.engagedAt[id] - 1
  t.ids[at] = -1
  t.nextEvent[at] = 0
  t.holes++
  a.engagedAt[id] = 0
}

/**
 * Closes up the holes, keeping the order, once they are an eighth of the list. Only the list of the run being
 * stepped closes up, which is in the resident arrays: read as the module constants they are (`resident.ts`), so that
 * TurboFan builds in their addresses.
 */
export const closeUpEngaged = (t: EngagedTable): void => {
  if (t.holes * 8 <= t.count) return
  if (!t.resident) throw new Error("only the list of the run being stepped, in the resident arrays, closes up")
  const ids = residentIds, nextEvent = residentNextEvent, slot = residentSlot, gainClock = residentGainClock
  const gainRate = residentGainRate, dropoutClock = residentDropoutClock, hazardRate = residentHazardRate
  const engagedAt = residentPeople.engagedAt
  const count = t.count
  let kept = 0
  for (let j = 0; j < count; j++) {
    const id = ids[j]
    if (id < 0) continue
    ids[kept] = id
    nextEvent[kept] = nextEvent[j]
    slot[kept] = slot[j]
    gainClock[kept] = gainClock[j]
    gainRate[kept] = gainRate[j]
    dropoutClock[kept] = dropoutClock[j]
    hazardRate[kept] = hazardRate[j]
    engagedAt[id] = ++kept
  }
  t.count = kept
  t.holes = 0
}

/**
 * The list moves into arrays of its own, `n` places long, keeping its entries: when it outgrows them (a list not
 * in the resident arrays), and when its run moves out of the resident arrays (`holdResident` in sim.ts).
 */
export const moveEngaged = (t: EngagedTable, n: number): void => {
  const used = t.count
  const ids = new Int32Array(n)
  ids.set(t.ids.subarray(0, used))
  t.ids = ids
  const nextEvent = new Int16Array(n)
  nextEvent.set(t.nextEvent.subarray(0, used))
  t.nextEvent = nextEvent
  const slot = new Int32Array(n)
  slot.set(t.slot.subarray(0, used))
  t.slot = slot
  for (const name of ["gainClock", "gainRate", "dropoutClock", "hazardRate"] as const) {
    const moved = new Float64Array(n)
    moved.set(t[name].subarray(0, used))
    t[name] = moved
  }
}

/** The list moves back into the resident arrays (`holdResident` in sim.ts), keeping its entries. */
export const moveEngagedIn = (t: EngagedTable): void => {
  moveIntoResident(t, {
    ids: residentIds,
    nextEvent: residentNextEvent,
    slot: residentSlot,
    gainClock: residentGainClock,
    gainRate: residentGainRate,
    dropoutClock: residentDropoutClock,
    hazardRate: residentHazardRate
  }, t.count, "places in the list of the engaged")
}

const grow = (t: EngagedTable): void => {
  // The engine reads the resident arrays as constants: a run cannot move out of them while it runs.
  if (t.resident) throw residentLimitError("places in the list of the engaged", residentPlaces)
  moveEngaged(t, 2 * t.ids.length)
}
