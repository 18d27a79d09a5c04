/** The main charts as figures on the page under one heading, each titled by its own; each redrawn (by the scheduler) from the latest results. */
import { mainCharts } from "../charts/registry.ts"
import { contractInfo, type EnsembleResults } from "../run/ensembleResults.ts"
import type { Drawable } from "./redrawScheduler.ts"
import type { Watched } from "./onScreen.ts"
import { freshId, h } from "./dom.ts"

export interface ChartsView {
  readonly element: HTMLElement
  readonly drawables: ReadonlyArray<Drawable>
  /** Each chart's drawable and figure, to tell which are on screen. */
  readonly watched: ReadonlyArray<Watched>
}

/** `current()` gives the results, contract in view and run number when a chart is drawn; `onDrawn` hears how many replicates it showed. */
export const chartsView = (
  current: () => { readonly results: EnsembleResults; readonly contract: string; readonly run: number } | undefined,
  onDrawn: (replicates: number) => void
): ChartsView => {
  const figures = mainCharts.map((entry) => {
    const body = h("div", { class: "chart-body" }, h("p", { class: "waiting" }, "waiting for the first replicates…"))
    const figure = h("figure", { class: entry.detail === true ? "chart detail" : "chart", id: `chart-${entry.id}`, "data-chart": entry.id, "data-replicates": 0 }, h("figcaption", {}, h("h3", {}, entry.title)), body)
    const draw = () => {
      const now = current()
      if (now === undefined || now.results.count === 0) return
      const summary = now.results.summary(entry.needs(contractInfo(now.results.scenario), now.contract))
      body.replaceChildren(entry.render(summary, now.contract))
      figure.dataset.replicates = String(summary.replicates)
      figure.dataset.run = String(now.run)
      onDrawn(summary.replicates)
    }
    return { figure, drawable: { name: entry.id, draw } }
  })
  const heading = freshId("heading")
  const element = h("section", { class: "charts-section", "aria-labelledby": heading },
    h("h2", { id: heading, class: "section-heading" }, "Charts"),
    h("div", { class: "charts" }, figures.map((f) => f.figure)))
  return { element, drawables: figures.map((f) => f.drawable), watched: figures.map((f) => ({ drawable: f.drawable, element: f.figure })) }
}
