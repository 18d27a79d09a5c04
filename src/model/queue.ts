/** First-come first-served queues of people per area, as linked lists through `nextInQueue` (no allocation). */
export class Queues {
  readonly head: Int32Array
  readonly tail: Int32Array
  readonly length: Int32Array
  constructor(areas: number) {
    this.head = new Int32Array(areas).fill(-1)
    this.tail = new Int32Array(areas).fill(-1)
    this.length = new Int32Array(areas)
  }

  push(nextInQueue: Int32Array, area: number, person: number): void {
    nextInQueue[person] = -1
    if (this.tail[area] < 0) this.head[area] = person
    else nextInQueue[this.tail[area]] = person
    this.tail[area] = person
    this.length[area]++
  }

  /** The first person in the area's queue, removed; -1 when empty. */
  pop(nextInQueue: Int32Array, area: number): number {
    const person = this.head[area]
    if (person < 0) return -1
    this.head[area] = nextInQueue[person]
    if (this.head[area] < 0) this.tail[area] = -1
    this.length[area]--
    return person
  }

  total(): number {
    let n = 0
    for (let i = 0; i < this.length.length; i++) n += this.length[i]
    return n
  }
}

/**
 * The people waiting or being contacted, nearly in id order (new referrals are appended), so that the weekly loop walks
 * the person arrays forwards. People who leave are dropped when the loop compacts the list.
 */
export class LiveList {
  ids = new Int32Array(1024)
  count = 0

  add(person: number): void {
    if (this.count === this.ids.length) {
      const next = new Int32Array(this.ids.length * 2)
      next.set(this.ids)
      this.ids = next
    }
    this.ids[this.count++] = person
  }
}

/**
 * The people in intensive support or maintenance, in no particular order: a person joins at the end and, on
 * leaving, the last one takes their place (`at` holds each person's place), so both are constant time.
 */
export class EngagedList {
  ids = new Int32Array(1024)
  count = 0

  add(at: Int32Array, person: number): void {
    if (this.count === this.ids.length) {
      const next = new Int32Array(this.ids.length * 2)
      next.set(this.ids)
      this.ids = next
    }
    at[person] = this.count
    this.ids[this.count++] = person
  }

  remove(at: Int32Array, person: number): void {
    const place = at[person]
    const last = this.ids[--this.count]
    this.ids[place] = last
    at[last] = place
    at[person] = -1
  }
}
