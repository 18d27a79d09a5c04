/**
 * A schedule (a multiplier over time, e.g. community-service funding under austerity, or a shock to
 * referrals) typed as a list of points: when (a week number or a date) and the multiplier from then on,
 * stepped or interpolated. Checked with the Schema when the scenario is decoded again. A schedule a scenario may
 * leave out (a kind of service's own funding) has a box to tick to add it and untick to leave it out again.
 */
import type { Schedule } from "../../../src/scenario/schedule.ts"
import { renderPath } from "../../../src/scenario/issues.ts"
import type { ScheduleSpec } from "../controls/buildControls.ts"
import { defaultOptionalWords } from "../controls/catalogue.ts"
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
  `${spec.info.description}. 1 before the first point; weeks count from 0 at the start of the service, or give a date YYYY-MM-DD. ${sourceSentence(spec.mark)}${spec.optional === undefined ? "" : ` Optional: unticked means it ${spec.optional.absent}.`}`

/**
 * What an optional schedule starts from when it is ticked: no points, so 1 throughout. A kind of service's own
 * funding multiplies the overall schedule, so this changes nothing until a point is added (a copy of the overall
 * schedule would apply its cut twice).
 */
export const emptySchedule: Schedule = { interpolation: "step", points: [] }

/** The editing part of a schedule editor: how points are joined, the points, "add a point" and the preview. */
const scheduleFields = (
  spec: ScheduleSpec, initial: Schedule, timeline: Timeline, onChange: (schedule: Schedule) => void, interpolationAttributes: Record<string, string>
): Array<HTMLElement> => {
  let schedule = initial
  const preview = h("div", { class: "schedule-preview", "aria-hidden": "true" })
  const rows = h("tbody")
  const interpolation = h("select", interpolationAttributes,
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
  const add = h("button", { type: "button", "aria-label": `Add a point to ${spec.label}` }, "add a point")
  add.addEventListener("click", () => {
    const last = schedule.points[schedule.points.length - 1]
    const at = last === undefined ? 52 : typeof last.at === "number" ? last.at + 52 : last.at
    update({ ...schedule, points: [...schedule.points, { at, value: last?.value ?? 1 }] })
  })
  render()
  return [
    interpolation,
    h("table", {}, h("thead", {}, h("tr", {}, h("th", {}, "from week or date"), h("th", {}, "multiplier"), h("th", {}))), rows),
    add,
    preview
  ]
}

export const scheduleEditor = (spec: ScheduleSpec, initial: Schedule, timeline: Timeline, onChange: (schedule: Schedule) => void): HTMLElement => {
  const id = freshId("schedule")
  const host = h("div", { class: "schedule", "data-key": spec.key, "data-problem-path": renderPath(spec.path) },
    h("label", { for: `${id}-interpolation` }, spec.label, " ", h("span", { class: "unit" }, "(multiplier over time)")),
    h("p", { class: "help" }),
    scheduleFields(spec, initial, timeline, onChange, { id: `${id}-interpolation` }))
  showMark(host, spec.mark, scheduleHelp(spec))
  return host
}

/**
 * An optional schedule (a kind of service's own funding): a box to tick beside what leaving it out means ("follows
 * the overall funding"). Ticking it gives the schedule it had last on this page (one the scenario came with, or
 * typed before unticking), else `emptySchedule`, and shows its editor; unticking it leaves the key out
 * (`onChange(undefined)`). Its help text shows only while it is set, to keep a group of them short.
 */
export const optionalScheduleEditor = (spec: ScheduleSpec, timeline: Timeline, onChange: (schedule: Schedule | undefined) => void): HTMLElement => {
  const words = spec.optional ?? defaultOptionalWords
  const id = freshId("schedule")
  /** The schedule last given, restored when the box is ticked again. */
  let last = spec.value
  const toggle = h("input", { type: "checkbox", id: `${id}-set`, "aria-label": `${spec.label}: ${words.toggle}`, "aria-describedby": `${id}-help` })
  const absent = h("span", { class: "absent" }, words.absent)
  const help = h("p", { class: "help", id: `${id}-help` })
  const fields = h("div", { class: "fields" })
  const host = h("div", { class: "schedule optional", "data-key": spec.key, "data-problem-path": renderPath(spec.path) },
    // The group says what the multiplier does; each row stays two short lines until it is set.
    h("label", { for: toggle.id }, spec.label),
    h("div", { class: "inputs" }, h("span", { class: "toggle" }, toggle, h("label", { for: toggle.id }, words.toggle)), absent),
    help,
    fields)
  const show = (schedule: Schedule | undefined) => {
    const set = schedule !== undefined
    host.dataset.set = String(set)
    toggle.checked = set
    absent.hidden = set
    help.hidden = !set
    fields.replaceChildren(...(schedule === undefined ? [] : scheduleFields(spec, schedule, timeline, (next) => {
      last = next
      onChange(next)
    }, { "aria-label": `${spec.label}: interpolation` })))
  }
  toggle.addEventListener("change", () => {
    const next = toggle.checked ? last ?? emptySchedule : undefined
    show(next)
    onChange(next)
  })
  show(spec.value)
  showMark(host, spec.mark, scheduleHelp(spec))
  return host
}
