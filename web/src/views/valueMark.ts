/**
 * A control's (or schedule editor's) provenance on the page: the "assumed" badge beside its label, with the value's
 * confidence and source on hover, and the source in its help text. Shown when the control is made, and again in
 * place after an edit (an edited value loses its stated source), so the panel need not be rebuilt.
 */
import { markTitle, type ValueMark } from "../controls/provenance.ts"
import { h } from "./dom.ts"

/** The help text's last sentence: where the value comes from. */
export const sourceSentence = (mark: ValueMark): string =>
  mark.source === "assumed" ? "Source: none published (assumed)." : `Source: ${mark.source} (${mark.confidence}).`

/**
 * Marks a control's host (its first `label` child takes the badge) and rewrites its help text (`.help` child).
 * `help` is the whole help text for the mark.
 */
export const showMark = (host: HTMLElement, mark: ValueMark, help: string): void => {
  host.classList.toggle("assumed", mark.assumed)
  const label = host.querySelector<HTMLElement>(":scope > label")
  let badge = label?.querySelector<HTMLElement>(":scope > .badge") ?? null
  if (mark.assumed) {
    if (badge === null) {
      badge = h("span", { class: "badge" }, "assumed")
      label?.append(badge)
    }
    badge.title = markTitle(mark)
  } else {
    badge?.remove()
  }
  const helpText = host.querySelector<HTMLElement>(":scope > .help")
  if (helpText !== null && helpText.textContent !== help) helpText.textContent = help
}
