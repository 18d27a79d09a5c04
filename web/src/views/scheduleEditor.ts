/**
 * A schedule (a multiplier over time, e.g. community-service funding under austerity, or a shock to
 * referrals) typed as a list of points: when (a week number or a date) and the multiplier from then on,
 * stepped or interpolated. Checked with the Schema when the scenario is decoded again.
 */
import type { Schedule } from "../../../src/scenario/schedule.ts"
import { renderPath } from "../../../src/scenario/issues.ts"
import type { ScheduleSpec } from "../controls/buildControls.ts"
import { schedulePreview } from "../charts/schedulePreview.ts"
import { freshId, h } from "./dom.ts"
import { showMark, sourceSentence } from "./valueMark.ts"

type Point = Schedule["points"][number]

/** A point's time as typed: a week number or YYYY-MM-DD (anything else is left for the Schema to reject). */
export const parseAt = (text: string): Point["at"] => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : text.trim())

/** When the service starts and how long it runs, to draw the schedule over it. */
export interface Timeline {
  readonly startDate: string
  readonly horizonWeeks: number
}

/** A schedule editor's help text: what the schedule does, how its points are read, and where its value comes from. */
export const scheduleHelp = (spec: ScheduleSpec): string =>
  `${spec.info.description}. 1 before the first point; weeks count from 0 at the start of the service, or give a date YYYY-MM-DD. ${sourceSentence(spec.mark)}`

export const scheduleEditor = (spec: ScheduleSpec, initial: Schedule, timeline: Timeline, onChange: (schedule: Schedule) => void): HTMLElement => {
  let schedule = initial
  const preview = h("div", { class: "schedule-preview", "aria-hidden": "true" })
  const id = freshId("schedule")
  const rows = h("tbody")
  const interpolation = h("select", { id: `${id}-interpolation` },
    h("option", { value: "step", selected: schedule.interpolation === "step" }, "step (hold each value)"),
    h("option", { value: "linear", selected: schedule.interpolation === "linear" }, "linear (interpolate)"))
  const update = (next: Schedule) => {
    schedule = next
    onChange(schedule)
    render()
  }
  const setPoint = (i: number, point: Point) => update({ ...schedule, points: schedule.points.map((p, j) => (j === i ? point : p)) })
  const render = () => {
    // The Schema rejects bad points when the scenario is decoded; until then, draw what can be drawn.
    try {
      preview.replaceChildren(schedulePreview(schedule, timeline.startDate, timeline.horizonWeeks))
    } catch {
      preview.replaceChildren()
    }
    rows.replaceChildren(...schedule.points.map((p, i) => {
      const at = h("input", { type: "text", value: String(p.at), "aria-label": `${spec.label}: point ${i + 1}, week or date`, size: 11 })
      const value = h("input", { type: "number", value: p.value, min: 0, max: 100, step: "any", "aria-label": `${spec.label}: point ${i + 1}, multiplier` })
      const remove = h("button", { type: "button", "aria-label": `Remove point ${i + 1} of ${spec.label}` }, "remove")
      at.addEventListener("change", () => setPoint(i, { ...p, at: parseAt(at.value) }))
      value.addEventListener("change", () => setPoint(i, { ...p, value: Number(value.value) }))
      remove.addEventListener("click", () => update({ ...schedule, points: schedule.points.filter((_, j) => j !== i) }))
      return h("tr", {}, h("td", {}, at), h("td", {}, value), h("td", {}, remove))
    }))
  }
  interpolation.addEventListener("change", () => update({ ...schedule, interpolation: interpolation.value === "linear" ? "linear" : "step" }))
  const add = h("button", { type: "button" }, "add a point")
  add.addEventListener("click", () => {
    const last = schedule.points[schedule.points.length - 1]
    const at = last === undefined ? 52 : typeof last.at === "number" ? last.at + 52 : last.at
    update({ ...schedule, points: [...schedule.points, { at, value: last?.value ?? 1 }] })
  })
  render()
  const host = h("div", { class: "schedule", "data-key": spec.key, "data-problem-path": renderPath(spec.path) },
    h("label", { for: `${id}-interpolation` }, spec.label, " ", h("span", { class: "unit" }, "(multiplier over time)")),
    h("p", { class: "help" }),
    interpolation,
    h("table", {}, h("thead", {}, h("tr", {}, h("th", {}, "from week or date"), h("th", {}, "multiplier"), h("th", {}))), rows),
    add,
    preview)
  showMark(host, spec.mark, scheduleHelp(spec))
  return host
}
