/**
 * Replicates gathered as they arrive, in any order, and summarised on demand: metrics with the CLI's own
 * `summarise` (over replicates in replicate order, so the figures equal `spsim run`'s), series with the
 * CLI's `WeeklyBands`. Adding a replicate is cheap; banding is done per chart, only for what it draws.
 */
import { summarise, summariseNotes } from "../../../src/results/summary.ts"
import type { Metrics } from "../../../src/results/metrics.ts"
import { WeeklyBands } from "../../../src/results/weeklyBands.ts"
import type { Scenario } from "../../../src/scenario/schema.ts"
import type { ContractInfo, ExplorerSummary, SeriesBand, SeriesNeeds } from "../summary.ts"
import { type SeriesLayout, seriesLayout, starChangeBins } from "./layout.ts"
import type { ReplicateOutput } from "./replicateOutput.ts"

const bandQs = [0.05, 0.5, 0.95] as const

const seriesBand = (bands: WeeklyBands, series: string): SeriesBand => {
  const [p05, p50, p95] = bands.quantiles(series, bandQs)
  return { p05: Array.from(p05), p50: Array.from(p50), p95: Array.from(p95) }
}

export const contractInfo = (scenario: Scenario): Array<ContractInfo> =>
  scenario.contracts.map((c) => ({ name: c.name, capTotal: c.capTotal, payers: c.payers.map((p) => p.name), financed: c.financing !== undefined }))

export class EnsembleResults {
  readonly layout: SeriesLayout
  readonly weekly: WeeklyBands
  readonly quarterly: WeeklyBands
  readonly starChange: WeeklyBands
  private readonly metricsByReplicate: Array<Metrics | undefined> = []
  private readonly notesByReplicate: Array<Record<string, string> | undefined> = []
  count = 0
  private metricBands: { readonly count: number; readonly bands: ExplorerSummary["metrics"] } | undefined

  constructor(readonly scenario: Scenario, readonly seed: number) {
    this.layout = seriesLayout(scenario)
    this.weekly = new WeeklyBands(this.layout.weekly, this.layout.weeks)
    this.quarterly = new WeeklyBands(this.layout.quarterly, this.layout.quarters)
    this.starChange = new WeeklyBands(["share"], starChangeBins)
  }

  add(output: ReplicateOutput): void {
    this.metricsByReplicate[output.replicate] = output.metrics
    this.notesByReplicate[output.replicate] = output.notes
    this.weekly.add(output.replicate, output.weekly)
    this.quarterly.add(output.replicate, output.quarterly)
    this.starChange.add(output.replicate, output.starChange)
    this.count++
  }

  /** Per-replicate metrics in replicate order (replicates not yet arrived are skipped). */
  metrics(): Array<Metrics> {
    return this.metricsByReplicate.filter((m): m is Metrics => m !== undefined)
  }

  /** Per-replicate metrics by replicate number (undefined where a replicate has not arrived). */
  metricsByReplicateNumber(): ReadonlyArray<Metrics | undefined> {
    return this.metricsByReplicate
  }

  notes(): Array<Record<string, string>> {
    return this.notesByReplicate.filter((n): n is Record<string, string> => n !== undefined)
  }

  notesSummary(): Record<string, string> {
    return summariseNotes(this.notes())
  }

  /** Bands of every metric (recomputed only when replicates have arrived since). */
  metricsSummary(): ExplorerSummary["metrics"] {
    if (this.metricBands?.count !== this.count) this.metricBands = { count: this.count, bands: summarise(this.metrics()) }
    return this.metricBands.bands
  }

  /** Bands of every metric, and of the series asked for. */
  summary(needs: SeriesNeeds): ExplorerSummary {
    const empty = this.count === 0
    const pick = (bands: WeeklyBands, names: ReadonlyArray<string> | undefined) =>
      Object.fromEntries((empty ? [] : names ?? []).map((n) => [n, seriesBand(bands, n)]))
    return {
      scenario: this.scenario.name,
      startDate: this.scenario.startDate,
      replicates: this.count,
      contracts: contractInfo(this.scenario),
      metrics: this.metricsSummary(),
      weekly: pick(this.weekly, needs.weekly),
      quarterly: pick(this.quarterly, needs.quarterly),
      starChange: needs.starChange === true && !empty ? seriesBand(this.starChange, "share") : undefined
    }
  }
}
