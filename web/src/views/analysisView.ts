/**
 * On demand, with fewer replicates: the caseload sweep (the KPIs at each caseload cap) and the tornado (which
 * assumed parameters move a chosen figure most), both on common random numbers through the worker pool,
 * built with the CLI's own `gridOf`, `swingOf` and `tornadoOfRuns`.
 */
import { gridOf } from "../../../src/analysis/grid.ts"
import { assumedSingleValues, meanOf, noSwing, swingOf, tornadoOfRuns, tornadoVariants, unchangedNote } from "../../../src/analysis/sensitivity.ts"
import { counted } from "../../../src/cli/format.ts"
import { summarise } from "../../../src/results/summary.ts"
import { findParameter, getAtPath } from "../../../src/scenario/parameters.ts"
import type { Scenario } from "../../../src/scenario/schema.ts"
import { parameterLabel } from "../controls/buildControls.ts"
import { catalogue, caseloadPath } from "../controls/catalogue.ts"
import { sweepChart } from "../charts/sweep.ts"
import { tornadoChart } from "../charts/tornado.ts"
import type { ReplicatePool } from "../run/replicatePool.ts"
import { runVariantsInPool } from "../run/runVariants.ts"
import { freshId, h } from "./dom.ts"
import { metricLabel } from "./headline.ts"

export const sweepValues = [40, 60, 90, 120, 160, 200] as const
export const defaultAnalysisReplicates = 8
export const tornadoSwing = 0.5

/** The tornado's parameters: the catalogue's among those `spsim sensitivity` swings by default (`assumedSingleValues`). */
export const tornadoParameters = (scenario: Scenario): Array<string> => {
  const assumed = new Set(assumedSingleValues(scenario))
  return catalogue.flatMap((g) => g.sections.flatMap((s) => s.parameters)).filter((p) => assumed.has(p))
}

/** The swept parameter on the sweep's axis: its label as the page names it, and its unit. */
const parameterAxis = (scenario: Scenario, path: string): string => {
  const unit = findParameter(path)?.unit
  return unit === undefined ? parameterLabel(scenario, path) : `${parameterLabel(scenario, path)} (${unit})`
}

/**
 * What the sweep draws (sweepChart: each point's `summarise` band, p05 to p95, around its p50), and for a figure some
 * replicates leave out (the week the cap is reached, only where it is reached) over how many it is at each cap.
 */
export const sweepKey = (replicates: number, points: ReadonlyArray<{ readonly value: number; readonly band: { readonly replicates?: number } | undefined }> = []): string => {
  const partly = points.filter((p) => p.band === undefined || p.band.replicates !== undefined)
  const over = partly.map((p) => `${p.band?.replicates ?? 0} of ${replicates} at ${p.value}`).join(", ")
  return `Line and dots: the median over ${counted(replicates, "replicate")} at each caseload cap; band: their 5th to 95th percentile (the middle 90% of the replicates).` +
    (partly.length === 0 ? "" : ` This figure exists only in the replicates that have it (the cap's week: those that reach the cap): ${over}; no dot where none has it.`)
}

/** What the tornado draws (tornadoChart: each swing's mean at its low and high end, from the base run's mean). */
export const tornadoKey = (replicates: number, shown: number, of: number): string =>
  `Bars: the figure's mean over ${counted(replicates, "replicate")} with the parameter at its low (−${tornadoSwing * 100}%) and its high (+${tornadoSwing * 100}%) value, ` +
  `within its range, drawn from its mean in the base run (the black line); ${shown === of ? "a bar for each parameter swung" : `the ${shown} of ${of} parameters swung that move it most`}. ` +
  "Hover over a bar for the swing's 95% interval (the low and high runs paired replicate by replicate)."

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
  /**
   * The figures on offer, the contract in view's among them. Filled again whenever the menu is used or a run starts,
   * since the contract in view is known only once the page has a scenario and may change; a contract's figure chosen
   * before stays chosen, as the new contract's same figure (never a silent switch to another figure).
   */
  const fillMetrics = () => {
    const c = context.contract()
    const options = ["engaged", "meanWaitWeeks", "disengaged", "starChangeMean", "secondaryCareSaving",
      ...(c === "" ? [] : [`${c}.outcomePayments`, `${c}.commissionerNetCost`, `${c}.costPerEngaged`])]
    const chosen = metric.value
    const figure = chosen.slice(chosen.indexOf(".") + 1)
    const pick = options.includes(chosen) ? chosen : chosen.includes(".") && options.includes(`${c}.${figure}`) ? `${c}.${figure}` : options[0]
    const current = Array.from(metric.options, (o) => o.value)
    if (current.length !== options.length || current.some((v, i) => v !== options[i])) {
      metric.replaceChildren(...options.map((m) => h("option", { value: m }, metricLabel(m))))
    }
    metric.value = pick
  }
  fillMetrics()
  metric.addEventListener("focus", fillMetrics)
  metric.addEventListener("pointerdown", fillMetrics)
  const replicatesId = freshId("analysis-replicates")
  const replicates = h("input", { type: "number", id: replicatesId, min: 1, max: 200, step: 1, value: defaultAnalysisReplicates })
  const replicateCount = () => Math.min(200, Math.max(1, Math.round(Number(replicates.value)) || defaultAnalysisReplicates))
  const status = h("p", { class: "analysis-status", role: "status", "aria-live": "polite" })
  const sweepOut = h("div", { class: "chart", id: "sweep-chart" }, h("p", { class: "waiting" }, "Not run yet."))
  const tornadoOut = h("div", { class: "chart", id: "tornado-chart" }, h("p", { class: "waiting" }, "Not run yet."))
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
    const n = replicateCount()
    const runs = await runVariantsInPool(context.pool, points.map((p) => p.scenario), context.seed(), n, progress("Caseload sweep"))
    // The caseload cap is a number: every point's value is one of sweepValues.
    const results = points.map((_, i) => ({ value: sweepValues[i], metrics: summarise(runs[i]) }))
    sweepOut.replaceChildren(sweepChart(results, metric.value, { parameter: parameterAxis(base, caseloadPath), metric: metricLabel(metric.value) }), h("p", { class: "chart-key" }, sweepKey(n, results.map((r) => ({ value: r.value, band: r.metrics[metric.value] })))))
    sweepOut.dataset.points = String(results.length)
    sweepOut.dataset.metric = metric.value
  }))
  const tornadoButton = h("button", { type: "button", id: "run-tornado" }, "Run the tornado")
  tornadoButton.addEventListener("click", () => guard("Tornado", async () => {
    fillMetrics()
    const base = context.scenario()
    const swings = tornadoParameters(base)
      .map((path) => swingOf(findParameter(path)!, getAtPath(base, path) as number, tornadoSwing))
      .filter((s) => s.low !== s.high)
    const n = replicateCount()
    const runs = await runVariantsInPool(context.pool, tornadoVariants(base, swings), context.seed(), n, progress("Tornado"))
    const all = tornadoOfRuns(swings, runs, metric.value)
    const bars = all.slice(0, 12)
    // As spsim sensitivity says it: how many swings leave the figure where it was, and why when a cap holds it.
    const note = unchangedNote(metric.value, all.filter(noSwing).length, all.length, (c) => meanOf(runs[0], `${c}.capReachedChance`), (m) => metricLabel(m))
    tornadoOut.replaceChildren(tornadoChart(bars, metric.value, { metric: metricLabel(metric.value), parameter: (path) => parameterLabel(base, path) }),
      h("p", { class: "chart-key" }, tornadoKey(n, bars.length, all.length)),
      ...(note === undefined ? [] : [h("p", { class: "tornado-note" }, note)]))
    tornadoOut.dataset.bars = String(bars.length)
    tornadoOut.dataset.metric = metric.value
  }))
  const sweepHeading = freshId("heading")
  const tornadoHeading = freshId("heading")
  return h("section", { class: "analysis", "aria-label": "Sweep and tornado" },
    h("h2", {}, "Caseload sweep and tornado"),
    h("p", {}, `Run on demand, with fewer replicates per point than the main run, on common random numbers. The sweep sets the caseload cap to ${sweepValues.join(", ")} people per FTE; the tornado swings each provider and researcher parameter whose value is assumed in this scenario to its value ± ${tornadoSwing * 100}% (within its range), one at a time.`),
    h("span", { class: "field" }, h("label", { for: metricId }, "Figure"), metric), " ",
    h("span", { class: "field" }, h("label", { for: replicatesId }, "Replicates per point"), replicates), " ", sweepButton, " ", tornadoButton,
    status,
    h("div", { class: "analysis-charts" },
      h("section", { class: "analysis-chart", "aria-labelledby": sweepHeading }, h("h3", { id: sweepHeading }, "Caseload sweep"), sweepOut),
      h("section", { class: "analysis-chart", "aria-labelledby": tornadoHeading }, h("h3", { id: tornadoHeading }, "Tornado"), tornadoOut)))
}
