/**
 * Renders the main charts from the committed fixture summary (tests/web/fixtures/summary.json), one figure
 * each, for the golden-SVG tests: the charts are checked against fixed data, so engine changes elsewhere
 * do not move them.
 */
import fixture from "../../tests/web/fixtures/summary.json"
import { mainCharts } from "./charts/registry.ts"
import type { ExplorerSummary } from "./summary.ts"

const summary = fixture as unknown as ExplorerSummary
const contract = summary.contracts[0]?.name ?? ""
const host = document.getElementById("goldens")!
for (const entry of mainCharts) {
  const figure = document.createElement("figure")
  figure.dataset.chart = entry.id
  figure.append(entry.render(summary, contract))
  host.append(figure)
}
host.dataset.ready = "true"
