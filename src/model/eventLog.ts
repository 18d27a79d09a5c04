/**
 * Per-person events an outcomes contract can pay for (Star reviews, first appointments, exits), recorded as
 * growable integer columns. Only kept when a scenario's contracts measure something per person.
 */
export class EventLog<Column extends string> {
  count = 0
  private capacity = 1024
  columns: Record<Column, Int32Array>

  constructor(readonly names: ReadonlyArray<Column>) {
    this.columns = this.allocate(this.capacity)
  }

  /** Room for one more row; returns its index. The caller fills the columns. */
  add(): number {
    if (this.count === this.capacity) {
      const next = this.allocate(this.capacity * 2)
      for (const name of this.names) next[name].set(this.columns[name])
      this.columns = next
      this.capacity *= 2
    }
    return this.count++
  }

  /** Empty again, keeping its room (for a recycled replicate: see `SimRecycler`). */
  clear(): void {
    for (const name of this.names) this.columns[name].fill(0, 0, this.count)
    this.count = 0
  }

  /** A new row with the columns every log has (week, person, episode) filled; returns its index. */
  addFor(week: number, person: number, episode: number): number {
    const row = this.add()
    const c = this.columns as Record<string, Int32Array>
    c.week[row] = week
    c.person[row] = person
    c.episode[row] = episode
    return row
  }

  private allocate(n: number): Record<Column, Int32Array> {
    return Object.fromEntries(this.names.map((name) => [name, new Int32Array(n)])) as Record<Column, Int32Array>
  }
}

export const reviewColumns = [
  "week", "person", "episode", "reviewNumber", "weeksEngaged", "starScore", "starBaseline", "starChange",
  "bestPreviousChange", "starChangeSincePrevious", "areasImproved"
] as const
export const engagementColumns = ["week", "person", "episode", "waitWeeks", "starBaseline"] as const
export const exitColumns = ["week", "person", "episode", "discharged", "disengaged", "weeksEngaged", "reviews", "starChange"] as const

export interface ContractRecords {
  readonly reviews: EventLog<(typeof reviewColumns)[number]>
  readonly engagements: EventLog<(typeof engagementColumns)[number]>
  readonly exits: EventLog<(typeof exitColumns)[number]>
}

export const createRecords = (): ContractRecords => ({
  reviews: new EventLog(reviewColumns),
  engagements: new EventLog(engagementColumns),
  exits: new EventLog(exitColumns)
})
