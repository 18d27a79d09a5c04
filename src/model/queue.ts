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
 * The people waiting or being contacted, nearly in id order (people are appended as they join), so that a pass
 * over it walks the person arrays forwards; compacted by the contact pass, which drops those who engaged or left.
 * (The engaged have a list of their own, `engagedTable.ts`.)
 */
export class PersonList {
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
