/**
 * What the page shows: the scenario (and the shipped one it is described against), the seed, the number
 * of replicates and the contract in view, to and from the share URL. Pure, apart from nothing.
 */
import { Result } from "effect"
import type { Scenario } from "../../../src/scenario/schema.ts"
import { spsimVersion } from "../../../src/version.ts"
import { problemsOf, scenarioFromDocument, scenarioFromText, type ShippedTexts, type ShownProblem } from "../scenario/fromText.ts"
import { applyChanges, scenarioChanges } from "../share/scenarioChanges.ts"
import { decodeView, encodeView } from "../share/shareUrl.ts"

export interface ViewState {
  /** The shipped scenario the view is described against in the URL. */
  readonly baseName: string
  readonly base: Scenario
  readonly scenario: Scenario
  /**
   * The scenario as the page last loaded or opened it, before any edit: the shipped one picked, the file uploaded,
   * or the scenario a share link opened (its changes applied). What "Reset to the file's values" puts back.
   */
  readonly loaded: Scenario
  /** Where the scenario came from, for the page: a shipped name or an uploaded file. */
  readonly origin: string
  readonly seed: number
  readonly replicates: number
  readonly contract: string
}

export const maxReplicates = 1000
export const defaultReplicates = 200

export const loadShipped = (name: string, shipped: ShippedTexts): Result.Result<Scenario, Array<ShownProblem>> => {
  const text = shipped[`${name}.json`]
  if (text === undefined) return Result.fail([{ where: "", expected: `expected a shipped scenario (${Object.keys(shipped).join(", ")})`, found: `"${name}"` }])
  return Result.mapError(scenarioFromText(text, `scenarios/${name}.json`, shipped), problemsOf)
}

export const initialView = (name: string, base: Scenario, replicates = defaultReplicates): ViewState => ({
  baseName: name,
  base,
  scenario: base,
  loaded: base,
  origin: name,
  seed: base.seed,
  replicates,
  contract: base.contracts[0]?.name ?? ""
})

/** The contract in view, kept if the scenario still has it. */
export const contractFor = (scenario: Scenario, wanted: string | undefined): string =>
  scenario.contracts.find((c) => c.name === wanted)?.name ?? scenario.contracts[0]?.name ?? ""

export const urlOf = (view: ViewState): string =>
  encodeView({
    version: spsimVersion,
    base: view.baseName,
    changes: scenarioChanges(view.base, view.scenario),
    seed: view.seed === view.scenario.seed ? undefined : view.seed,
    replicates: view.replicates,
    contract: view.contract
  })

export interface FromUrl {
  readonly view: ViewState
  /** Said to the person opening the link: e.g. it was made with another version of the model. */
  readonly notes: ReadonlyArray<string>
}

/** The view a URL fragment describes, or the problems that stop it being shown. */
export const viewFromUrl = (hash: string, shipped: ShippedTexts): Result.Result<FromUrl, Array<ShownProblem>> | undefined => {
  const shared = decodeView(hash)
  if (shared === undefined) return undefined
  if (typeof shared === "string") return Result.fail([{ where: "link", expected: "expected a link made by the explorer", found: shared }])
  const base = loadShipped(shared.base, shipped)
  if (Result.isFailure(base)) return Result.fail(base.failure)
  const scenario = Result.mapError(scenarioFromDocument(applyChanges(base.success, shared.changes), "link"), problemsOf)
  if (Result.isFailure(scenario)) return Result.fail(scenario.failure)
  const notes = shared.version === undefined || shared.version === spsimVersion ? [] : [`This link was made with spsim ${shared.version}; this is spsim ${spsimVersion}, so the numbers may differ.`]
  return Result.succeed({
    view: {
      baseName: shared.base,
      base: base.success,
      scenario: scenario.success,
      loaded: scenario.success,
      origin: shared.changes === undefined ? shared.base : `${shared.base} (changed)`,
      seed: shared.seed ?? scenario.success.seed,
      replicates: Math.min(maxReplicates, Math.max(1, shared.replicates)),
      contract: contractFor(scenario.success, shared.contract)
    },
    notes
  })
}
