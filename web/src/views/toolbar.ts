/** The bar at the top: which scenario, an upload, seed, replicates, contract in view, and the actions. */
import { freshId, h } from "./dom.ts"

export interface ToolbarHandlers {
  readonly onPick: (name: string) => void
  readonly onUpload: (file: File) => void
  readonly onSeed: (seed: number) => void
  readonly onReplicates: (replicates: number) => void
  readonly onContract: (contract: string) => void
  readonly onAction: (action: ToolbarAction) => void
}

export type ToolbarAction = "pin" | "unpin" | "share" | "scenario" | "bands" | "replicates" | "summary" | "print"

export interface Toolbar {
  readonly element: HTMLElement
  /** Shows the current state in the inputs. */
  readonly show: (state: { readonly origin: string; readonly shipped: boolean; readonly seed: number; readonly replicates: number; readonly contract: string; readonly contracts: ReadonlyArray<string>; readonly pinned: boolean }) => void
  readonly shareLink: HTMLInputElement
}

const labelled = (label: string, input: HTMLElement & { id: string }) => h("span", { class: "field" }, h("label", { for: input.id }, label), input)

export const toolbar = (names: ReadonlyArray<string>, handlers: ToolbarHandlers): Toolbar => {
  const pick = h("select", { id: freshId("scenario") }, names.map((n) => h("option", { value: n }, n)))
  const upload = h("input", { type: "file", id: "upload", accept: ".json,application/json" })
  const seed = h("input", { type: "number", id: freshId("seed"), min: 0, max: 2 ** 31 - 1, step: 1 })
  const replicates = h("input", { type: "number", id: "replicates", min: 1, max: 1000, step: 1 })
  const contract = h("select", { id: "contract" })
  const shareLink = h("input", { type: "text", id: "share-link", readonly: true, "aria-label": "Share link", size: 30 })
  pick.addEventListener("change", () => handlers.onPick(pick.value))
  upload.addEventListener("change", () => {
    const file = upload.files?.[0]
    if (file !== undefined) handlers.onUpload(file)
    upload.value = ""
  })
  seed.addEventListener("change", () => Number.isInteger(Number(seed.value)) && handlers.onSeed(Number(seed.value)))
  replicates.addEventListener("change", () => Number.isInteger(Number(replicates.value)) && handlers.onReplicates(Number(replicates.value)))
  contract.addEventListener("change", () => handlers.onContract(contract.value))
  const button = (action: ToolbarAction, text: string) => {
    const b = h("button", { type: "button", id: `action-${action}` }, text)
    b.addEventListener("click", () => handlers.onAction(action))
    return b
  }
  const pin = button("pin", "Pin as A")
  const unpin = button("unpin", "Unpin A")
  const element = h("div", { class: "toolbar" },
    h("div", { class: "row" },
      labelled("Scenario", pick), labelled("or upload a file", upload), labelled("Seed", seed), labelled("Replicates", replicates), labelled("Contract in view", contract)),
    h("div", { class: "row" },
      pin, unpin, button("share", "Copy share link"), shareLink,
      button("scenario", "Download scenario"), button("bands", "Download bands.csv"), button("replicates", "Download replicates.csv"), button("summary", "Download summary.json"), button("print", "Print summary")))
  return {
    element,
    shareLink,
    show: (state) => {
      // A scenario not among the shipped ones (an upload, a shared link's changes) shows as itself, not as the last pick.
      const other = pick.querySelector<HTMLOptionElement>("option[data-other]")
      if (state.shipped) {
        other?.remove()
        pick.value = state.origin
      } else {
        const option = other ?? pick.appendChild(h("option", { value: "", disabled: true, "data-other": "" }))
        option.textContent = state.origin
        option.selected = true
      }
      seed.value = String(state.seed)
      replicates.value = String(state.replicates)
      contract.replaceChildren(...state.contracts.map((c) => h("option", { value: c, selected: c === state.contract }, c)))
      pin.hidden = state.pinned
      unpin.hidden = !state.pinned
    }
  }
}
