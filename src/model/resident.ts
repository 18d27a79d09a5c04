/**
 * The tables the engine reads while it steps a run, made once per thread at a fixed size as module constants: the
 * person table, the list of the engaged by place (`engagedTable.ts`), the link workers' tables of the week's gain
 * and dropout factors and what allocation and caseloads read of each post (`workforce.ts`), and what onward referral
 * reads of each community service (`services.ts`).
 *
 * Why constants: TurboFan (V8 11) compiles a read of a typed array held in a module-level `const` with the array's
 * address and length built in, relying on its kind staying put (a dependency, not a check). A typed array reached
 * through an object (`sim.people.arrays.state`) or a local is checked for its kind, and its address and length are
 * reloaded, at each read after a call and on every pass of a loop: V8 hoists none of it. In a Ways to Wellness
 * replicate that was nearly a third of the engine's instructions (`npm run bench:instructions`: 225 million before
 * these tables, 153 million with them) and a fifth of its time (docs/architecture.md, *The engine over module
 * constants*).
 *
 * One run in a thread holds them at a time: the run being stepped. `createSim` gives them to the new run, and `step`
 * gives them back to a run stepped after another (`holdResident` in sim.ts); the run that held them moves out into
 * tables of its own, copied, unless it was given back as finished (`SimRecycler.give`). A run that keeps holding
 * them after its last week (the usual case) is read by the metrics, tables and contracts where it is, uncopied.
 *
 * Their size is the most one run can use. In Node it is far above any shipped scenario (England, 9.0 million people
 * over seven years, fits in 16.8 million): the places untouched cost address space, not memory (the system hands
 * out pages when first written), so a Ways to Wellness thread uses a few megabytes of them. In a browser, which may
 * count address space against a page's memory, they are sized for the scenarios the explorer runs. A run that
 * needs more stops with an error naming the limit.
 */
import { type MakeColumn, PeopleArrays } from "./people.ts"

const inNode = (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node !== undefined

/** People one run may refer (everyone, with re-referrals counted once). */
export const residentPeopleCapacity = inNode ? 1 << 24 : 1 << 18
/** Places in the list of the engaged: people engaged at once, with the holes the list leaves before closing up. */
export const residentPlaces = inNode ? 1 << 22 : 1 << 16
/** Link-worker posts, at the most the posts schedule funds (the factor tables hold entries for one more: none). */
export const residentPosts = inNode ? 1 << 20 : 1 << 17
/** Community services (of every area and kind). */
export const residentServices = inNode ? 1 << 20 : 1 << 16

/**
 * The tables' arrays, carved one after another out of one block of memory made at once. Made one by one, each
 * tens of megabytes of address space, they had V8 collect garbage for "external memory pressure" after nearly every
 * one (`node --trace-gc`: ~60 collections, 50 ms of a process's start and 140 ms of a worker thread's, before its
 * first replicate). `layout` runs twice: once to add up the bytes, once to carve them.
 */
const inOneBlock = <T>(layout: (make: MakeColumn) => T): T => {
  const align = (bytes: number) => Math.ceil(bytes / 8) * 8
  let bytes = 0
  layout((kind, length) => {
    bytes += align(length * kind.BYTES_PER_ELEMENT)
    return new kind(0)
  })
  const block = new ArrayBuffer(bytes)
  let offset = 0
  return layout((kind, length) => {
    const array = new kind(block, offset, length)
    offset += align(length * kind.BYTES_PER_ELEMENT)
    return array
  })
}

const tables = inOneBlock((make) => ({
  people: new PeopleArrays(residentPeopleCapacity, false, make),
  ids: make(Int32Array, residentPlaces),
  nextEvent: make(Int16Array, residentPlaces),
  slot: make(Int32Array, residentPlaces),
  gainClock: make(Float64Array, residentPlaces),
  gainRate: make(Float64Array, residentPlaces),
  dropoutClock: make(Float64Array, residentPlaces),
  hazardRate: make(Float64Array, residentPlaces),
  gainTable: make(Float64Array, residentPosts + 1),
  hazardTable: make(Float64Array, 2 * residentPosts + 2),
  postStatus: make(Uint8Array, residentPosts),
  postFte: make(Float64Array, residentPosts),
  postCaseload: make(Int32Array, residentPosts),
  postHead: make(Int32Array, residentPosts),
  postWorkload: make(Float64Array, residentPosts),
  serviceRequires: make(Uint8Array, residentServices),
  serviceGroup: make(Int16Array, residentServices),
  serviceOccupied: make(Int32Array, residentServices),
  serviceCapacity: make(Float64Array, residentServices),
  serviceOpen: make(Uint8Array, residentServices)
}))

export const residentPeople = tables.people
export const residentIds = tables.ids
export const residentNextEvent = tables.nextEvent
export const residentSlot = tables.slot
export const residentGainClock = tables.gainClock
export const residentGainRate = tables.gainRate
export const residentDropoutClock = tables.dropoutClock
export const residentHazardRate = tables.hazardRate
export const residentGainTable = tables.gainTable
export const residentHazardTable = tables.hazardTable
/** What allocation, caseloads and the weekly record read of each link-worker post (`Posts` in workforce.ts). */
export const residentPostStatus = tables.postStatus
export const residentPostFte = tables.postFte
export const residentPostCaseload = tables.postCaseload
export const residentPostHead = tables.postHead
export const residentPostWorkload = tables.postWorkload
/** What onward referral and the weekly record read of each community service (`Services` in services.ts). */
export const residentServiceRequires = tables.serviceRequires
export const residentServiceGroup = tables.serviceGroup
export const residentServiceOccupied = tables.serviceOccupied
export const residentServiceCapacity = tables.serviceCapacity
export const residentServiceOpen = tables.serviceOpen

/** Who holds the tables, and how many person rows have been written since they were last cleared. */
export const residency = {
  holder: undefined as object | undefined,
  rowsWritten: 0
}

/** An array of the resident tables' kinds. */
type Column = Uint8Array | Int16Array | Int32Array | Float64Array

/**
 * Each field of `owner` named in `resident` moves into its resident array: the field's first `n` entries copied in,
 * and the field pointed at it (a run taking the tables back, `holdResident` in sim.ts). More than the arrays hold is
 * the error naming the limit, `what` being counted.
 */
export const moveIntoResident = <K extends string>(owner: NoInfer<Record<K, Column>>, resident: Record<K, Column>, n: number, what: string): void => {
  const room = Math.min(...Object.values<Column>(resident).map((array) => array.length))
  if (n > room) throw residentLimitError(what, room)
  for (const name of Object.keys(resident) as Array<K>) {
    const to = resident[name] as Uint8Array
    to.set((owner[name] as Uint8Array).subarray(0, n))
    owner[name] = to
  }
}

/** Each named field of `owner` becomes a copy of its first `n` entries, its own (a run moving out of the tables). */
export const copyOutOfResident = <K extends string>(owner: Record<K, Column>, names: ReadonlyArray<K>, n: number): void => {
  for (const name of names) owner[name] = (owner[name] as Uint8Array).slice(0, n)
}

/**
 * A table's fields kept in resident arrays (`resident`, by field name): how its run moves them in (`holdResident`)
 * and out again, `what` naming the table's entries for the error when there are more than the arrays hold.
 */
export const residentFields = <K extends string>(resident: Record<K, Column>, what: string) => ({
  moveIn: (owner: Record<K, Column> & { readonly count: number }): void => moveIntoResident(owner, resident, owner.count, what),
  moveOut: (owner: Record<K, Column> & { readonly count: number }): void =>
    copyOutOfResident(owner, Object.keys(resident) as Array<K>, owner.count)
})

/** The error for a run that needs more than the tables hold. */
export const residentLimitError = (what: string, limit: number): RangeError =>
  new RangeError(
    `this run needs more than ${limit.toLocaleString("en-GB")} ${what}, the most one run may have in this ${inNode ? "process" : "browser"} (src/model/resident.ts)`
  )
