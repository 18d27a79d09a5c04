/**
 * On demand, with fewer replicates: the caseload sweep (the KPIs at each caseload cap) and the tornado (which
 * assumed parameters move a chosen figure most), both on common random numbers through the worker pool,
 * built with the CLI's own `gridOf`, `swingOf` and `tornadoOfRuns`.
 */
import { gridOf } from "../../../src/analysis/grid.ts"
import { assumedSingleValues, swingOf, tornadoOfRuns, tornadoVariants } from "../../../src/analysis/sensitivity.ts"
import { summarise } from "../../../src/results/summary.ts"
import { findParameter, getAtPath } from "../../../src/scenario/parameters.ts"
import type { Scenario } from "../../../src/scenario/schema.ts"
import { catalogue, caseloadPath } from "../controls/catalogue.ts"
import { sweepChart } from "../charts/sweep.ts"
import { tornadoChart } from "../charts/tornado.ts"
import type { ReplicatePool } from "../run/replicatePool.ts"
import { runVariantsInPool } from "../run/runVariants.ts"
import { freshId, h } from "./dom.ts"

export const sweepValues = [40, 60, 90, 120, 160, 200] as const
export const defaultAnalysisReplicates = 8
export const tornadoSwing = 0.5

/** The tornado's parameters: the catalogue's among those `spsim sensitivity` swings by default (`assumedSingleValues`). */
export const tornadoParameters = (scenario: Scenario): Array<string> => {
  const assumed = new Set(assumedSingleValues(scenario))
  return catalogue.flatMap((g) => g.sections.flatMap((s) => s.parameters)).filter((p) => assumed.has(p))
}

export interface AnalysisContext {
  readonly pool: ReplicatePool
  readonly scenario: () => Scenario
  readonly seed: () => number
  readonly contract: () => string
  /** The main run is still going: the analysis would take its workers. */
  readonly busy: () => boolean
}

export const analysisView = (context: AnalysisContext): HTMLElement => {
  const metricId = freshId("metric")
  const metric = h("select", { id: metricId })
  const fillMetrics = () => {
    const c = context.contract()
    const options = ["engaged", "meanWaitWeeks", "disengaged", "starChangeMean", "secondaryCareSaving", `${c}.outcomePayments`, `${c}.commissionerNetCost`, `${c}.costPerEngaged`]
    const chosen = metric.value
    metric.replaceChildren(...options.map((m) => h("option", { value: m, selected: m === chosen }, m)))
  }
  fillMetrics()
  const replicatesId = freshId("analysis-replicates")
  const replicates = h("input", { type: "number", id: replicatesId, min: 1, max: 200, step: 1, value: defaultAnalysisReplicates })
  const replicateCount = () => Math.min(200, Math.max(1, Math.round(Number(replicates.value)) || defaultAnalysisReplicates))
  const status = h("p", { class: "analysis-status", role: "status", "aria-live": "polite" })
  const sweepOut = h("div", { class: "chart", id: "sweep-chart" })
  const tornadoOut = h("div", { class: "chart", id: "tornado-chart" })
  const progress = (what: string) => (done: number, total: number) => {
    status.textContent = `${what}: ${done} of ${total} runs`
  }
  const guard = async (what: string, work: () => Promise<void>) => {
    try {
      // The analysis needs the workers: it starts once the main run has finished.
      while (context.busy()) {
        status.textContent = `${what} waits for the main run to finish…`
        await new Promise((resolve) => setTimeout(resolve, 200))
      }
      await work()
      status.textContent = `${what}: done.`
    } catch (cause) {
      status.textContent = `${what} stopped: ${cause instanceof Error ? cause.message : String(cause)}`
    }
  }
  const sweepButton = h("button", { type: "button", id: "run-sweep" }, "Run the caseload sweep")
  sweepButton.addEventListener("click", () => guard("Caseload sweep", async () => {
    fillMetrics()
    const base = context.scenario()
    const points = gridOf(base, [{ path: caseloadPath, values: sweepValues }])
    const runs = await runVariantsInPool(context.pool, points.map((p) => p.scenario), context.seed(), replicateCount(), progress("Caseload sweep"))
    const results = points.map((p, i) => ({ value: p.values[0], metrics: summarise(runs[i]) }))
    sweepOut.replaceChildren(sweepChart(results, caseloadPath, metric.value))
    sweepOut.dataset.points = String(results.length)
  }))
  const tornadoButton = h("button", { type: "button", id: "run-tornado" }, "Run the tornado")
  tornadoButton.addEventListener("click", () => guard("Tornado", async () => {
    fillMetrics()
    const base = context.scenario()
    const swings = tornadoParameters(base)
      .map((path) => swingOf(findParameter(path)!, getAtPath(base, path) as number, tornadoSwing))
      .filter((s) => s.low !== s.high)
    const runs = await runVariantsInPool(context.pool, tornadoVariants(base, swings), context.seed(), replicateCount(), progress("Tornado"))
    const bars = tornadoOfRuns(swings, runs, metric.value).slice(0, 12)
    tornadoOut.replaceChildren(tornadoChart(bars, metric.value))
    tornadoOut.dataset.bars = String(bars.length)
  }))
  return h("section", { class: "analysis", "aria-label": "Sweep and tornado" },
    h("h2", {}, "Caseload sweep and tornado"),
    h("p", {}, `Run on demand, with fewer replicates per point than the main run, on common random numbers. The sweep sets the caseload cap to ${sweepValues.join(", ")} people per FTE; the tornado swings each provider and researcher parameter whose value is assumed in this scenario to its value ± ${tornadoSwing * 100}% (within its range), one at a time.`),
    h("span", { class: "field" }, h("label", { for: metricId }, "Figure"), metric), " ",
    h("span", { class: "field" }, h("label", { for: replicatesId }, "Replicates per point"), replicates), " ", sweepButton, " ", tornadoButton,
    status,
    h("div", { class: "analysis-charts" }, sweepOut, tornadoOut))
}
