/** Problems with a scenario (an upload, a link, an edit), each with where it is, what was expected and what was found. */
import type { ShownProblem } from "../scenario/fromText.ts"
import { h } from "./dom.ts"

export const problemsView = (title: string, problems: ReadonlyArray<ShownProblem>): HTMLElement =>
  h("section", { class: "problems", role: "alert", "aria-label": title },
    h("h2", {}, title),
    h("ul", {}, problems.map((p) =>
      h("li", {}, p.where === "" ? null : h("code", { class: "where" }, p.where), p.where === "" ? "" : ": ", `${p.expected}, found `, h("span", { class: "found" }, p.found)))))
