/**
 * People as a struct of typed arrays, grown by doubling when referrals outrun the capacity (never per week
 * per person). Index = person id, in order of first referral. Fields are declared one by one so that the
 * engine's property accesses stay monomorphic and fast, and only assigned in the constructor (tsconfig's
 * `useDefineForClassFields: false`): each field's first value is then its typed array, which V8 records as the
 * field's type, so a read of `a.setbackClock[id]` needs no check of what kind of array `a.setbackClock` is.
 */
import { drawProcesses } from "./random.ts"
import { dueKinds, never, starAreas } from "./constants.ts"

/** The kinds of typed array the tables are made of. */
export type ColumnKind<A> = {
  new(length: number): A
  new(buffer: ArrayBuffer, byteOffset: number, length: number): A
  readonly BYTES_PER_ELEMENT: number
}

/** Makes a table's typed array of `length` entries, zeros (or, for `resident.ts`, memory not yet written). */
export type MakeColumn = <A>(kind: ColumnKind<A>, length: number) => A

/** Each array its own block of memory. */
export const freshColumn: MakeColumn = (kind, length) => new kind(length)

/** Four bytes as one 32-bit word, over the same memory (`starWords.ts`). */
const wordsOf = (bytes: Uint8Array): Int32Array => new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2)


export class PeopleArrays {
  /** Room for this many people. */
  readonly capacity: number
  /** Practice, area, link worker (-1 none), linked lists (waiting and handover queues, caseloads, re-referral due). */
  readonly practice: Int32Array
  readonly cluster: Int32Array
  readonly lw: Int32Array
  readonly prevInLw: Int32Array
  readonly nextInLw: Int32Array
  readonly nextInQueue: Int32Array
  readonly nextInHandover: Int32Array
  readonly serviceId: Int32Array
  /**
   * While engaged, the person's place in the list of the engaged plus one (0: not engaged), where their next event's
   * week, link-worker slot and weekly clocks are kept (`engagedTable.ts`).
   */
  readonly engagedAt: Int32Array
  readonly nextInBucket: Int32Array
  readonly firstReferredWeek: Int16Array
  readonly referredWeek: Int16Array
  readonly allocatedWeek: Int16Array
  readonly engagedWeek: Int16Array
  readonly exitWeek: Int16Array
  readonly lwChangeWeek: Int16Array
  readonly setbackUntil: Int16Array
  readonly noServiceUntil: Int16Array
  readonly serviceEndWeek: Int16Array
  readonly nextReviewWeek: Int16Array
  readonly supportLimitWeeks: Int16Array
  /** The week each calendar event is due, by kind (`calendar.ts`): entry id × dueKinds + kind; `never` for none. */
  readonly due: Int16Array
  /** The onward-referral clock has counted down at `onwardRate` since the start of this week. */
  readonly onwardFrom: Int16Array
  readonly bestStarChange: Int16Array
  readonly ageBand: Uint8Array
  readonly female: Uint8Array
  readonly ethnicity: Uint8Array
  readonly conditions: Uint8Array
  readonly mentalHealth: Uint8Array
  readonly isolated: Uint8Array
  readonly employed: Uint8Array
  readonly travels: Uint8Array
  readonly languageNeed: Uint8Array
  readonly inHandover: Uint8Array
  readonly state: Uint8Array
  readonly episodes: Uint8Array
  readonly everEngaged: Uint8Array
  readonly lwChangeManaged: Uint8Array
  readonly contactAttempts: Uint8Array
  readonly reviews: Uint8Array
  readonly extended: Uint8Array
  readonly handoverManaged: Uint8Array
  readonly linkWorkerChanges: Uint16Array
  readonly onwardReferrals: Uint16Array
  readonly onwardFailures: Uint16Array
  readonly setbacks: Uint16Array
  /** The effect has reached its maximum this episode. */
  readonly plateaued: Uint8Array
  readonly setbackClock: Float64Array
  /** Reaching goals in intensive support, then settling in maintenance: one clock, redrawn at the step down. */
  readonly phaseClock: Float64Array
  readonly onwardClock: Float64Array
  readonly onwardRate: Float64Array
  readonly hospitalBaseWeek: Float64Array
  readonly setbackHazard: Float64Array
  /** The hospital-cost effect when this episode's support began (then it ramps up), or when the person left. */
  readonly effect: Float64Array
  readonly effectAtExit: Float64Array
  readonly saving: Float64Array
  readonly comparisonCost: Float64Array
  readonly key: Uint32Array
  readonly drawCounters: Uint16Array
  readonly star: Uint8Array
  readonly starBaseline: Uint8Array
  readonly starLastReview: Uint8Array
  /** The same memory as `star`, `starBaseline` and `starLastReview`, four areas a word (`starWords.ts`). */
  readonly starWords: Int32Array
  readonly starBaselineWords: Int32Array
  readonly starLastReviewWords: Int32Array

  /**
   * Room for `n` people. Nothing is due for anyone (`due` all `never`) unless `clear` is false, which leaves the
   * memory untouched (a table far bigger than what it will hold, `resident.ts`): then each person's row is cleared
   * when they are added (`People.add`).
   */
  constructor(n: number, clear = true, make: MakeColumn = freshColumn) {
    this.capacity = n
    this.practice = make(Int32Array, n)
    this.cluster = make(Int32Array, n)
    this.lw = make(Int32Array, n)
    this.prevInLw = make(Int32Array, n)
    this.nextInLw = make(Int32Array, n)
    this.nextInQueue = make(Int32Array, n)
    this.nextInHandover = make(Int32Array, n)
    this.serviceId = make(Int32Array, n)
    this.engagedAt = make(Int32Array, n)
    this.nextInBucket = make(Int32Array, n)
    this.firstReferredWeek = make(Int16Array, n)
    this.referredWeek = make(Int16Array, n)
    this.allocatedWeek = make(Int16Array, n)
    this.engagedWeek = make(Int16Array, n)
    this.exitWeek = make(Int16Array, n)
    this.lwChangeWeek = make(Int16Array, n)
    this.setbackUntil = make(Int16Array, n)
    this.noServiceUntil = make(Int16Array, n)
    this.serviceEndWeek = make(Int16Array, n)
    this.nextReviewWeek = make(Int16Array, n)
    this.supportLimitWeeks = make(Int16Array, n)
    this.due = make(Int16Array, n * dueKinds)
    if (clear) this.due.fill(never)
    this.onwardFrom = make(Int16Array, n)
    this.bestStarChange = make(Int16Array, n)
    this.ageBand = make(Uint8Array, n)
    this.female = make(Uint8Array, n)
    this.ethnicity = make(Uint8Array, n)
    this.conditions = make(Uint8Array, n)
    this.mentalHealth = make(Uint8Array, n)
    this.isolated = make(Uint8Array, n)
    this.employed = make(Uint8Array, n)
    this.travels = make(Uint8Array, n)
    this.languageNeed = make(Uint8Array, n)
    this.inHandover = make(Uint8Array, n)
    this.state = make(Uint8Array, n)
    this.episodes = make(Uint8Array, n)
    this.everEngaged = make(Uint8Array, n)
    this.lwChangeManaged = make(Uint8Array, n)
    this.contactAttempts = make(Uint8Array, n)
    this.reviews = make(Uint8Array, n)
    this.extended = make(Uint8Array, n)
    this.handoverManaged = make(Uint8Array, n)
    this.linkWorkerChanges = make(Uint16Array, n)
    this.onwardReferrals = make(Uint16Array, n)
    this.onwardFailures = make(Uint16Array, n)
    this.setbacks = make(Uint16Array, n)
    this.plateaued = make(Uint8Array, n)
    this.setbackClock = make(Float64Array, n)
    this.phaseClock = make(Float64Array, n)
    this.onwardClock = make(Float64Array, n)
    this.onwardRate = make(Float64Array, n)
    this.hospitalBaseWeek = make(Float64Array, n)
    this.setbackHazard = make(Float64Array, n)
    this.effect = make(Float64Array, n)
    this.effectAtExit = make(Float64Array, n)
    this.saving = make(Float64Array, n)
    this.comparisonCost = make(Float64Array, n)
    this.key = make(Uint32Array, n)
    this.drawCounters = make(Uint16Array, n * drawProcesses)
    this.star = make(Uint8Array, n * starAreas)
    this.starBaseline = make(Uint8Array, n * starAreas)
    this.starLastReview = make(Uint8Array, n * starAreas)
    this.starWords = wordsOf(this.star)
    this.starBaselineWords = wordsOf(this.starBaseline)
    this.starLastReviewWords = wordsOf(this.starLastReview)
  }

  /**
   * The table's arrays, one for each stretch of memory (a view such as `starWords` starts where its array does, so is
   * left out; arrays carved out of one block, as the resident table's are, start at different places in it).
   */
  private ownArrays(): Array<[string, Uint8Array]> {
    const seen = new Map<ArrayBufferLike, Set<number>>()
    const own: Array<[string, Uint8Array]> = []
    for (const [name, field] of Object.entries(this)) {
      if (!ArrayBuffer.isView(field)) continue
      const starts = seen.get(field.buffer) ?? new Set<number>()
      seen.set(field.buffer, starts)
      if (starts.has(field.byteOffset)) continue
      starts.add(field.byteOffset)
      own.push([name, field as Uint8Array])
    }
    return own
  }

  /**
   * Every field as a fresh table's (zeros, and nothing due), given that only people 0 … used − 1 were written
   * since the table was fresh: a replicate writes only the people it refers, so the rest are still clear.
   */
  reset(used: number): void {
    const n = Math.min(used, this.capacity)
    for (const [, field] of this.ownArrays()) field.fill(0, 0, n * (field.length / this.capacity))
    this.due.fill(never, 0, n * dueKinds)
  }

  /** People 0 … n − 1 of `from` into the same rows of this table, every field. */
  copyRows(from: PeopleArrays, n: number): void {
    const to = this as unknown as Record<string, Uint8Array>
    for (const [name, field] of from.ownArrays()) to[name].set(field.subarray(0, n * (field.length / from.capacity)))
  }
}

/**
 * The people of one run: how many, and their table, which is the thread's resident one (`resident.ts`) while the
 * run holds it and a copy of its own after (`holdResident` in sim.ts moves it).
 */
export class People {
  count = 0
  arrays: PeopleArrays

  constructor(arrays: PeopleArrays) {
    this.arrays = arrays
  }

  get capacity(): number {
    return this.arrays.capacity
  }

  /** A new person's id, their row cleared. The caller fills in the attributes. */
  add(): number {
    const id = this.count
    if (id === this.arrays.capacity) {
      throw new RangeError(`this run refers more than ${id.toLocaleString("en-GB")} people, the most one run may have here (src/model/resident.ts)`)
    }
    clearDue(this.arrays, id)
    return this.count++
  }
}

/**
 * Nothing due for person `id`: a new person's row, and one who leaves the pathway. Written out for the ten kinds
 * (as `nextEventOf` reads them): `fill` on ten entries is a call into V8's runtime each time (~40 ns), a loop ~18
 * instructions an entry in V8's code, ten stores ~5 each.
 */
export const clearDue = (a: PeopleArrays, id: number): void => {
  const due = a.due
  const k = id * dueKinds
  due[k] = never
  due[k + 1] = never
  due[k + 2] = never
  due[k + 3] = never
  due[k + 4] = never
  due[k + 5] = never
  due[k + 6] = never
  due[k + 7] = never
  due[k + 8] = never
  due[k + 9] = never
}
