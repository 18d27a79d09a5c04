/** A small helper for building the page's elements without a framework. */
type Child = Node | string | null | undefined | false

export const h = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number | boolean | undefined> = {},
  ...children: ReadonlyArray<Child | ReadonlyArray<Child>>
): HTMLElementTagNameMap[K] => {
  const el = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue
    el.setAttribute(name, value === true ? "" : String(value))
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue
    el.append(child)
  }
  return el
}

let ids = 0
/** A fresh element id, for tying labels and descriptions to inputs. */
export const freshId = (prefix: string): string => `${prefix}-${++ids}`

/**
 * A box that scrolls sideways on its own when what it holds (a wide table) is wider than the window, so the page
 * itself never does; focusable, so a keyboard can scroll it, and named by the heading `labelledBy` names.
 */
export const scrollX = (labelledBy: string, ...children: ReadonlyArray<Child | ReadonlyArray<Child>>): HTMLDivElement =>
  h("div", { class: "scroll-x", tabindex: 0, role: "group", "aria-labelledby": labelledBy }, ...children)
