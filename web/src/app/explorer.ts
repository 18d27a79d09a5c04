/**
 * The explorer page: the view state, the worker pool and the results of the run in progress, wired to the
 * toolbar, the controls and the charts. A change of scenario abandons the run in progress and starts another;
 * results arrive replicate by replicate and the charts are redrawn a few per frame.
 */
import { Result } from "effect"
import { scenarioProvenance } from "../../../src/scenario/provenance.ts"
import type { Scenario } from "../../../src/scenario/schema.ts"
import { spsimVersion } from "../../../src/version.ts"
import { buildControls, type ControlGroup } from "../controls/buildControls.ts"
import type { ConcretePath } from "../controls/paths.ts"
import { provenanceLine, withEdit } from "../controls/provenance.ts"
import { differsFromFile, fileValueAt, withFileSources } from "../controls/reset.ts"
import { bandsCsv, replicatesCsv, saveFile, scenarioJson, summaryJson } from "../download/resultFiles.ts"
import { EnsembleResults } from "../run/ensembleResults.ts"
import { startPool } from "../run/startWorkers.ts"
import { problemsOf, scenarioFromDocument, scenarioFromText, type ShownProblem } from "../scenario/fromText.ts"
import { defaultScenarioName, shippedNames, shippedTexts } from "../scenario/shipped.ts"
import { analysisView } from "../views/analysisView.ts"
import { chartsView } from "../views/chartsView.ts"
import { compareView } from "../views/compareView.ts"
import { controlsPanel, type ControlsHandlers, rebuildControl, showMarks, showProblemsAtControls, showResets } from "../views/controlsPanel.ts"
import { h } from "../views/dom.ts"
import { headlineView } from "../views/headline.ts"
import { problemsView } from "../views/problemsView.ts"
import { type Drawable, RedrawScheduler } from "../views/redrawScheduler.ts"
import { redrawDue } from "../views/redrawPolicy.ts"
import { OnScreen } from "../views/onScreen.ts"
import { toolbar, type ToolbarAction } from "../views/toolbar.ts"
import { contractFor, initialView, loadShipped, maxReplicates, urlOf, type ViewState, viewFromUrl } from "./viewState.ts"
import { counted } from "../../../src/cli/format.ts"

/** Marks the benchmark and the tests read: a run started, its first band of at least this many replicates was drawn, it finished. */
export const firstBandReplicates = 20

/** How often the status line may change while a run is under way. */
export const statusEveryMs = 250

export const startExplorer = (root: HTMLElement): void => {
  const pool = startPool()
  const scheduler = new RedrawScheduler()
  let view: ViewState
  let results: EnsembleResults | undefined
  let pinned: EnsembleResults | undefined
  let running = false
  let firstBandMarked = false
  /** Replicates when the charts were last asked to redraw, and when. */
  let drawnCount = 0
  let drawnAt = 0
  let computeMsTotal = 0
  /** Counts runs; each drawing says which run it shows (`data-run`), so a page (or a test) can tell a finished run's drawings from the last run's. */
  let runNumber = 0

  const status = h("p", { id: "status", role: "status", "aria-live": "polite", "data-replicates": 0, "data-done": "false" })
  const problems = h("div", { id: "problems" })
  const controlsHost = h("aside", { class: "controls-host", "aria-label": "Parameters" })
  const headlineParts = headlineView()
  const headline = headlineParts.element
  const compareHost = h("div", { id: "compare" })

  const showProblems = (title: string, list: ReadonlyArray<ShownProblem>, atControls = false) => {
    const left = atControls ? showProblemsAtControls(controlsHost, list) : list
    problems.replaceChildren(...(left.length > 0 ? [problemsView(title, left)] : []))
  }
  const showNotes = (notes: ReadonlyArray<string>) => problems.replaceChildren(...notes.map((n) => h("p", { class: "note", role: "note" }, n)))

  const charts = chartsView(() => (results === undefined ? undefined : { results, contract: view.contract, run: runNumber }), (replicates) => {
    if (!firstBandMarked && replicates >= Math.min(firstBandReplicates, view.replicates)) {
      firstBandMarked = true
      performance.mark("spsim:first-band")
    }
  })
  const headlineDrawable: Drawable = {
    name: "headline",
    draw: () => {
      if (results === undefined || results.count === 0) return
      const summary = results.summary({})
      headlineParts.show(summary, view.contract)
      headline.dataset.run = String(runNumber)
    }
  }
  const compareDrawable: Drawable = {
    name: "compare",
    draw: () => {
      compareHost.replaceChildren(...(pinned !== undefined && results !== undefined && results.count > 0 ? [compareView(pinned, results)] : []))
      compareHost.dataset.run = String(runNumber)
    }
  }
  const drawables = [headlineDrawable, ...charts.drawables, compareDrawable]
  const onScreen = new OnScreen(scheduler, charts.watched)

  /**
   * While replicates arrive the status line is rewritten at most every `statusEveryMs`: each rewrite costs the
   * page a style, layout and paint pass (about 3 ms, taken from the workers' cores: rewriting it for every
   * replicate slowed a run of 200 by a tenth), and a screen reader reads the live region each time.
   */
  let statusTimer: ReturnType<typeof setTimeout> | undefined
  const showStatusSoon = () => {
    statusTimer ??= setTimeout(showStatus, statusEveryMs)
  }
  const showStatus = () => {
    clearTimeout(statusTimer)
    statusTimer = undefined
    const n = results?.count ?? 0
    status.dataset.replicates = String(n)
    status.dataset.done = String(!running)
    status.dataset.run = String(runNumber)
    status.dataset.replicateMs = n > 0 ? (computeMsTotal / n).toFixed(1) : ""
    status.textContent = `${view.scenario.name}: ${n} of ${counted(view.replicates, "replicate")}${running ? "…" : ""} · seed ${view.seed} · spsim ${spsimVersion}`
  }

  const run = () => {
    runNumber++
    results = new EnsembleResults(view.scenario, view.seed)
    running = true
    firstBandMarked = false
    drawnCount = 0
    computeMsTotal = 0
    performance.clearMarks()
    for (const m of performance.getEntriesByType("measure")) if (m.name.startsWith("spsim:draw:")) performance.clearMeasures(m.name)
    performance.mark("spsim:run-start")
    const mine = results
    pool.run({
      variants: [view.scenario],
      seed: view.seed,
      replicates: view.replicates,
      onResult: (_variant, output, computeMs) => {
        mine.add(output)
        computeMsTotal += computeMs
        showStatusSoon()
        const now = performance.now()
        if (redrawDue(mine.count, drawnCount, now - drawnAt, view.replicates)) {
          // The first band and the end redraw every chart; redraws between them only the charts on screen.
          const everything = drawnCount < firstBandReplicates || mine.count >= view.replicates
          drawnCount = mine.count
          drawnAt = now
          if (everything) onScreen.everything(drawables)
          else onScreen.onScreenOnly(drawables)
        }
      },
      onFailed: (reason) => {
        running = false
        showProblems("The run stopped", [{ where: "", expected: "expected replicates to run", found: reason }])
        showStatus()
      },
      onDone: () => {
        running = false
        performance.mark("spsim:done")
        showStatus()
      }
    })
    showStatus()
  }

  /** How many of the scenario's values are assumed, under the panel's title; updated as the user edits. */
  const provenanceCount = h("p", { class: "help", id: "provenance-count" })
  /**
   * Puts every parameter back as the scenario was loaded or opened (`view.loaded`). Disabled with `aria-disabled`, so
   * that it stays in the tab order and its reason beside it is read with it.
   */
  const fileReset = h("button", { type: "button", id: "reset-file", "aria-describedby": "reset-file-why" }, "Reset to the file's values")
  const fileResetWhy = h("span", { class: "help", id: "reset-file-why" })
  fileReset.addEventListener("click", () => resetAll())
  const showFileReset = () => {
    const differs = differsFromFile(view.loaded, view.scenario)
    fileReset.setAttribute("aria-disabled", String(!differs))
    fileResetWhy.textContent = differs
      ? `Puts every parameter back as ${view.origin} had it when opened (the seed, replicates and contract in view stay).`
      : `Nothing to reset: every parameter is as ${view.origin} had it when opened.`
  }
  const handlers: ControlsHandlers = { onValue: edit, onChoice: edit, onSchedule: edit, onReset: resetValue, get timeline() { return view.scenario } }
  const controlGroups = (): Array<ControlGroup> => {
    const contract = view.scenario.contracts.findIndex((c) => c.name === view.contract)
    const values = scenarioProvenance(view.scenario)
    provenanceCount.textContent = provenanceLine(values)
    return buildControls(view.scenario, contract, values)
  }
  /** The panel built afresh; `keepOpen`: the audiences the user had open stay open (after a reset, not a new scenario). */
  const renderControls = (keepOpen = false) => {
    const open = new Set([...controlsHost.querySelectorAll<HTMLDetailsElement>("details.audience")].filter((d) => d.open).map((d) => d.dataset.audience))
    const focused = document.activeElement === fileReset
    const groups = controlGroups()
    const panel = controlsPanel(groups, handlers)
    if (keepOpen) for (const d of panel.querySelectorAll<HTMLDetailsElement>("details.audience")) d.open = open.has(d.dataset.audience)
    controlsHost.replaceChildren(h("h2", {}, "Parameters"), h("p", { class: "help" }, "Values marked assumed have no published source: results that move with them rest on assumptions."), provenanceCount,
      h("p", { class: "reset-file" }, fileReset, " ", fileResetWhy), panel)
    showResets(controlsHost, groups, view.loaded, view.scenario)
    if (focused) fileReset.focus()
  }
  /** After an edit: the marks, the reset buttons and the count in place, keeping the panel's inputs, focus and open sections. */
  const showProvenance = (groups: Array<ControlGroup> = controlGroups()): void => {
    showMarks(controlsHost, groups)
    showResets(controlsHost, groups, view.loaded, view.scenario)
  }

  const bar = toolbar(shippedNames, {
    onPick: (name) => {
      const base = loadShipped(name, shippedTexts)
      if (Result.isFailure(base)) return showProblems(`Cannot open ${name}`, base.failure)
      setView(initialView(name, base.success, view.replicates), true)
    },
    onUpload: (file) => void file.text().then((text) => upload(file.name, text)),
    onSeed: (seed) => setView({ ...view, seed }, false),
    onReplicates: (replicates) => setView({ ...view, replicates: Math.min(maxReplicates, Math.max(1, replicates)) }, false),
    onContract: (contract) => {
      view = { ...view, contract }
      refresh(true, false)
      onScreen.everything(drawables)
    },
    onAction: (action) => void act(action)
  })

  /** Shows the view; rebuilds the controls if the scenario's shape may have changed; runs unless only the contract in view changed. */
  const refresh = (controls: boolean, rerun: boolean) => {
    history.replaceState(null, "", urlOf(view))
    bar.shareLink.value = location.href
    showFileReset()
    bar.show({ origin: view.origin, shipped: shippedNames.includes(view.origin), seed: view.seed, replicates: view.replicates, contract: view.contract, contracts: view.scenario.contracts.map((c) => c.name), pinned: pinned !== undefined })
    if (controls) renderControls()
    if (rerun) run()
  }

  const setView = (next: ViewState, controls: boolean) => {
    view = next
    problems.replaceChildren()
    refresh(controls, true)
  }

  /**
   * Every change of the scenario's values goes this way (an edit, a reset of one value, the reset of all): the
   * file's stated sources come back for what is again as the file has it (the file itself when everything is), the
   * Schema checks the result, and the view changes (the share URL, the run). Whether it could.
   */
  function change(document: Scenario, rebuild: boolean): boolean {
    const next = withFileSources(view.loaded, document)
    const decoded = next === view.loaded ? Result.succeed(next) : scenarioFromDocument(next, "scenario")
    if (Result.isFailure(decoded)) {
      showProblems("This change cannot run", problemsOf(decoded.failure), true)
      return false
    }
    showProblemsAtControls(controlsHost, [])
    view = { ...view, scenario: decoded.success }
    problems.replaceChildren()
    refresh(false, true)
    if (rebuild) renderControls(true)
    return true
  }

  /**
   * Sets the value at `path`, or leaves the (optional) key out when the value is undefined, dropping the stated
   * sources that covered it (the new value is the editor's: assumed until given a source, or until it is the file's
   * again); the Schema checks the result. The run starts before the marks are redrawn, so the workers are not kept waiting.
   */
  function edit(path: ConcretePath, value: unknown): void {
    if (change(withEdit(view.scenario, path, value), false)) showProvenance()
  }

  /** One value back as the file has it: an edit like any other, then that control rebuilt to show it, keeping focus there. */
  function resetValue(path: ConcretePath): void {
    if (!change(withEdit(view.scenario, path, fileValueAt(view.loaded, path)), false)) return
    const groups = controlGroups()
    const rebuilt = rebuildControl(controlsHost, groups, path.join("."), handlers)
    showProvenance(groups)
    rebuilt?.querySelector<HTMLElement>('input[type=number]:not(:disabled), select, input[type=checkbox]')?.focus()
  }

  /** Every value back as the scenario was loaded or opened; the panel rebuilt, keeping the sections open that were. */
  function resetAll(): void {
    if (differsFromFile(view.loaded, view.scenario)) change(view.loaded, true)
  }

  const upload = (name: string, text: string) => {
    const decoded = scenarioFromText(text, name, shippedTexts)
    if (Result.isFailure(decoded)) return showProblems(`${name} cannot be used`, problemsOf(decoded.failure))
    const scenario: Scenario = decoded.success
    const base = view.baseName === defaultScenarioName ? view.base : Result.getOrThrow(loadShipped(defaultScenarioName, shippedTexts))
    setView({ baseName: defaultScenarioName, base, scenario, loaded: scenario, origin: `upload: ${name}`, seed: scenario.seed, replicates: view.replicates, contract: contractFor(scenario, view.contract) }, true)
  }

  const act = async (action: ToolbarAction) => {
    switch (action) {
      case "pin":
        // A must be complete: the next run takes the workers, and A's missing replicates would never arrive.
        if (running) return showNotes([`A can be pinned once this run has finished (${results?.count ?? 0} of ${view.replicates} replicates so far).`])
        pinned = results
        refresh(false, false)
        return scheduler.invalidate([compareDrawable])
      case "unpin":
        pinned = undefined
        refresh(false, false)
        return scheduler.invalidate([compareDrawable])
      case "share":
        bar.shareLink.value = location.href
        bar.shareLink.select()
        return navigator.clipboard?.writeText(location.href).catch(() => undefined)
      case "scenario":
        return saveFile(`${view.scenario.name}.json`, scenarioJson(view.scenario), "application/json")
      case "bands":
        return results && saveFile("bands.csv", bandsCsv(results), "text/csv")
      case "replicates":
        return results && saveFile("replicates.csv", replicatesCsv(results), "text/csv")
      case "summary":
        return results && saveFile("summary.json", await summaryJson(results), "application/json")
      case "print":
        return window.print()
    }
  }

  const openFromUrl = () => {
    const fromUrl = viewFromUrl(location.hash, shippedTexts)
    if (fromUrl !== undefined && Result.isSuccess(fromUrl)) {
      setView(fromUrl.success.view, true)
      showNotes(fromUrl.success.notes)
      return
    }
    const base = Result.getOrThrow(loadShipped(defaultScenarioName, shippedTexts))
    setView(initialView(defaultScenarioName, base), true)
    if (fromUrl !== undefined && Result.isFailure(fromUrl)) showProblems("The link cannot be opened; showing the default scenario", fromUrl.failure)
  }

  root.replaceChildren(
    h("header", {}, h("h1", {}, "spsim explorer"), h("p", { class: "lede" }, "Link-worker social prescribing paid through outcomes contracts: change a decision and see it play out over the contract, with the spread chance gives (median and 90% interval over replicates).")),
    bar.element, status, problems,
    h("div", { class: "layout" }, controlsHost, h("main", {}, headline, compareHost, charts.element,
      analysisView({ pool, scenario: () => view.scenario, seed: () => view.seed, contract: () => (view as ViewState | undefined)?.contract ?? "", busy: () => running }))))
  addEventListener("hashchange", () => {
    if (location.hash !== urlOf(view)) openFromUrl()
  })
  openFromUrl()
}
