/**
 * The parameter controls, grouped by who asks (commissioner, provider, researcher): each labelled, with its
 * unit, range and meaning from the Schema's annotations, its value's source and confidence from the scenario's
 * provenance (assumed values flagged; `showMarks` updates them in place after an edit), a slider and a
 * number box (both keyboard-usable), and a place beside it for any problem with its value. A key the scenario
 * may leave out (a cap) has a checkbox too: unticked, the key is left out and the control says what that means
 * ("no cap"); ticking it and typing a value adds the key, unticking it (or emptying the box) removes it again.
 * A choice (a contract's payment period, its financing facility) is a labelled list of the options the Schema allows;
 * one the scenario may leave out shows what leaving it out amounts to ("fixed"), and choosing that leaves it out again.
 * Optional schedules (a kind of service's own funding) sit together in a group closed until one is set, each
 * with a box to tick to add it and untick to leave it out.
 * Each control, choice and schedule has a "reset" button beside it, shown only while its value differs from the
 * file's (`showResets` shows and hides them in place after each edit); it asks for the file's value back through
 * `onReset`, and the page rebuilds that one control (`rebuildControl`) to show it.
 */
import { renderPath } from "../../../src/scenario/issues.ts"
import type { Schedule } from "../../../src/scenario/schedule.ts"
import { allChoices, allControls, allSchedules, type ChoiceSpec, type ControlGroup, type ControlSpec, type ScheduleGroupSpec, type ScheduleSpec } from "../controls/buildControls.ts"
import type { ConcretePath } from "../controls/paths.ts"
import { freshId, h } from "./dom.ts"
import { optionalScheduleEditor, scheduleEditor, scheduleHelp, type Timeline } from "./scheduleEditor.ts"
import { showMark, sourceSentence } from "./valueMark.ts"
import { fileValueAt, fileValueWords, valueDiffers } from "../controls/reset.ts"

export interface ControlsHandlers {
  /** A new value, or undefined to leave an optional key out. */
  readonly onValue: (path: ConcretePath, value: number | undefined) => void
  /** A new choice, or undefined to leave an optional key out. */
  readonly onChoice: (path: ConcretePath, value: string | undefined) => void
  /** A new schedule, or undefined to leave an optional schedule out. */
  readonly onSchedule: (path: ConcretePath, schedule: Schedule | undefined) => void
  /** Put the value at `path` back as the file has it. */
  readonly onReset: (path: ConcretePath) => void
  readonly timeline: Timeline
}

/** A round step near `raw`: 1, 2 or 5 times a power of ten, so that the slider lands on round values. */
const roundStep = (raw: number): number => {
  if (!(raw > 0)) return 1
  const power = 10 ** Math.floor(Math.log10(raw))
  const m = raw / power
  return Number(((m < 2 ? 1 : m < 5 ? 2 : 5) * power).toPrecision(1))
}

/**
 * Slider bounds: the declared range, narrowed around the value where the range is vast (money, counts): up to three
 * times the value, or from 0 up to ten times the parameter's typical size (a £1.25m block grant for money whose range
 * is a £10bn limit; the whole range of a share). Steps are round, a whole number for whole numbers.
 */
export const sliderRange = (c: ControlSpec): { min: number; max: number; step: number } => {
  const { min, max, integer, typical } = c.info
  const value = c.value ?? min
  const top = Math.min(max, value > 0 ? Math.max(value * 3, min + 1) : min + 10 * typical)
  const step = roundStep((top - min) / 200)
  return { min, max: top, step: integer ? Math.max(1, step) : step }
}

/** Why a typed value cannot be used, or undefined if it can. */
export const valueProblem = (c: ControlSpec, text: string): string | undefined => {
  const v = Number(text)
  if (text.trim() === "" || !Number.isFinite(v)) return `expected a number, found "${text}"`
  if (v < c.info.min || v > c.info.max) return `expected a value between ${c.info.min} and ${c.info.max} (${c.info.unit}), found ${v}`
  if (c.info.integer && !Number.isInteger(v)) return `expected a whole number, found ${v}`
  return undefined
}

const formatRange = (c: ControlSpec): string => `${c.info.min.toLocaleString("en-GB")} to ${c.info.max.toLocaleString("en-GB")} ${c.info.unit}`

const help = (c: ControlSpec): string =>
  `${c.info.description}. Range ${formatRange(c)}. ${sourceSentence(c.mark)}${c.optional === undefined ? "" : ` Optional: unticked means ${c.optional.absent}.`}`

const setSliderRange = (slider: HTMLInputElement, range: { min: number; max: number; step: number }) => {
  slider.min = String(range.min)
  slider.max = String(range.max)
  slider.step = String(range.step)
}

/** A control's "reset" button: hidden until `showResets` finds its value differs from the file's. */
const resetButton = (path: ConcretePath, handlers: ControlsHandlers): HTMLButtonElement => {
  const button = h("button", { type: "button", class: "reset-value", hidden: true }, "reset")
  button.addEventListener("click", () => handlers.onReset(path))
  return button
}

const control = (c: ControlSpec, handlers: ControlsHandlers): HTMLElement => {
  const id = freshId("control")
  const range = sliderRange(c)
  const unset = c.value === undefined
  const slider = h("input", { type: "range", id: `${id}-slider`, min: range.min, max: range.max, step: range.step, value: c.value ?? range.min, disabled: unset, "aria-label": `${c.label} (slider)`, "aria-describedby": `${id}-help` })
  const box = h("input", { type: "number", id, min: c.info.min, max: c.info.max, step: "any", value: c.value, placeholder: c.optional?.absent, disabled: unset, "aria-describedby": `${id}-help ${id}-problem` })
  const toggle = c.optional === undefined ? undefined : h("input", { type: "checkbox", id: `${id}-set`, checked: !unset, "aria-label": `${c.label}: ${c.optional.toggle}`, "aria-describedby": `${id}-help` })
  const problem = h("p", { class: "problem", id: `${id}-problem`, role: "alert", hidden: true })
  const host = h("div", { class: `control${c.mark.assumed ? " assumed" : ""}${toggle === undefined ? "" : " optional"}`, "data-key": c.key, "data-problem-path": renderPath(c.path), "data-set": String(!unset) })
  const showProblem = (text: string | undefined) => {
    problem.hidden = text === undefined
    problem.textContent = text ?? ""
    box.setAttribute("aria-invalid", String(text !== undefined))
  }
  /** Whether the scenario has the key, and the value last given (restored when the checkbox is ticked again). */
  let isSet = !unset
  let lastValue = c.value
  const showSet = (set: boolean) => {
    isSet = set
    host.dataset.set = String(set)
    slider.disabled = !set
    if (toggle !== undefined) toggle.checked = set
  }
  const leaveOut = () => {
    showProblem(undefined)
    const wasSet = isSet
    showSet(false)
    box.value = ""
    box.disabled = true
    if (wasSet) handlers.onValue(c.path, undefined)
  }
  let timer: ReturnType<typeof setTimeout> | undefined
  const commit = (text: string) => {
    if (toggle !== undefined && text.trim() === "") return leaveOut()
    const p = valueProblem(c, text)
    showProblem(p)
    if (p !== undefined) return
    const value = Number(text)
    if (!isSet) {
      // Newly set: centre the slider's range on the value given.
      setSliderRange(slider, sliderRange({ ...c, value }))
      slider.value = text
    }
    lastValue = value
    showSet(true)
    handlers.onValue(c.path, value)
  }
  slider.addEventListener("input", () => {
    box.value = slider.value
    clearTimeout(timer)
    timer = setTimeout(() => commit(slider.value), 120)
  })
  box.addEventListener("change", () => {
    // What cannot be read as a number reads as "" (which leaves an optional key out): say so instead.
    if (box.validity.badInput) return showProblem("expected a number")
    if (Number(box.value) <= Number(slider.max)) slider.value = box.value
    commit(box.value)
  })
  toggle?.addEventListener("change", () => {
    if (!toggle.checked) return leaveOut()
    box.disabled = false
    if (lastValue !== undefined) {
      box.value = String(lastValue)
      commit(box.value)
    } else {
      box.focus()
    }
  })
  // Ticked but left empty: nothing was set, so show it unticked again.
  box.addEventListener("blur", () => {
    if (toggle !== undefined && !isSet && box.value.trim() === "" && !box.validity.badInput) leaveOut()
  })
  host.append(
    h("label", { for: id }, c.label, " ", h("span", { class: "unit" }, `(${c.info.unit})`)),
    h("div", { class: "inputs" },
      toggle === undefined ? null : h("span", { class: "toggle" }, toggle, h("label", { for: toggle.id }, c.optional?.toggle)),
      slider, box, resetButton(c.path, handlers)),
    h("p", { class: "help", id: `${id}-help` }),
    problem)
  showMark(host, c.mark, help(c))
  return host
}

/** The option a choice shows: the scenario's, or while an optional key is left out, what that amounts to. */
export const choiceShown = (c: ChoiceSpec): string | undefined => c.value ?? c.absent

/** What choosing an option writes at the choice's path: the option, or undefined (the key left out) for what leaving it out amounts to. */
export const choiceValue = (c: ChoiceSpec, option: string): string | undefined => (option === c.absent ? undefined : option)

export const choiceHelp = (c: ChoiceSpec): string =>
  `${c.info.description}.${c.absent === undefined ? "" : ` Optional: left out, it is ${c.absent}, and choosing ${c.absent} leaves it out.`}`

const choice = (c: ChoiceSpec, handlers: ControlsHandlers): HTMLElement => {
  const id = freshId("choice")
  const shown = choiceShown(c)
  const select = h("select", { id, "aria-describedby": `${id}-help` },
    c.info.options.map((option) => h("option", { value: option, selected: option === shown }, option)))
  const host = h("div", { class: "control choice", "data-key": c.key, "data-problem-path": renderPath(c.path), "data-set": String(c.value !== undefined) })
  select.addEventListener("change", () => {
    const value = choiceValue(c, select.value)
    host.dataset.set = String(value !== undefined)
    handlers.onChoice(c.path, value)
  })
  host.append(
    h("label", { for: id }, c.label),
    h("div", { class: "inputs" }, select, resetButton(c.path, handlers)),
    h("p", { class: "help", id: `${id}-help` }, choiceHelp(c)))
  return host
}

/** The heading's count of a schedule group, e.g. "2 of 7 with their own schedule". */
export const scheduleGroupCount = (g: ScheduleGroupSpec, set: number): string => (set === 0 ? g.none : `${set} of ${g.schedules.length} ${g.some}`)

/** Each schedule group's recount of its heading, by its element: a rebuilt editor in it recounts too. */
const recounts = new WeakMap<Element, () => void>()

/** A schedule's editor (an optional one with its box to tick), with its reset button; an optional one recounts its group first. */
const scheduleControl = (sc: ScheduleSpec, handlers: ControlsHandlers): HTMLElement => {
  const reset = resetButton(sc.path, handlers)
  if (sc.optional === undefined && sc.value !== undefined) {
    const editor = scheduleEditor(sc, sc.value, handlers.timeline, (schedule) => handlers.onSchedule(sc.path, schedule))
    editor.querySelector(":scope > label")?.after(reset)
    return editor
  }
  const editor: HTMLElement = optionalScheduleEditor(sc, handlers.timeline, (schedule) => {
    const group = editor.closest("details.schedule-group")
    if (group !== null) recounts.get(group)?.()
    handlers.onSchedule(sc.path, schedule)
  })
  editor.querySelector(":scope > .inputs")?.append(reset)
  return editor
}

/** A group of optional schedules: open when one is set (so an uploaded scenario's are in view), its heading counting those set. */
const scheduleGroup = (g: ScheduleGroupSpec, handlers: ControlsHandlers): HTMLElement => {
  const count = h("span", { class: "question" })
  const group = h("details", { class: "schedule-group", open: g.schedules.some((sc) => sc.value !== undefined) },
    h("summary", {}, g.title, " ", count),
    h("p", { class: "help" }, g.help),
    g.schedules.map((sc) => scheduleControl(sc, handlers)))
  const showCount = () => {
    count.textContent = scheduleGroupCount(g, group.querySelectorAll('.schedule[data-set="true"]').length)
  }
  recounts.set(group, showCount)
  showCount()
  return group
}

export const controlsPanel = (groups: ReadonlyArray<ControlGroup>, handlers: ControlsHandlers): HTMLElement =>
  h("div", { class: "controls" },
    groups.map((g, i) =>
      h("details", { class: "audience", "data-audience": g.audience, open: i === 0 },
        h("summary", {}, h("strong", {}, g.title), " ", h("span", { class: "question" }, g.question)),
        g.sections.map((s) =>
          h("fieldset", {},
            h("legend", {}, s.title),
            s.choices.map((c) => choice(c, handlers)),
            s.controls.map((c) => control(c, handlers)),
            s.schedules.flatMap((sc) => (sc.value === undefined ? [] : [scheduleControl(sc, handlers)])),
            s.scheduleGroups.map((g) => scheduleGroup(g, handlers)))))))

/**
 * Shows each control's and schedule's mark (badge, hover text, source in its help) as `groups` has them, in place:
 * after an edit the panel keeps its inputs, focus and open sections, and only the marks move.
 */
export const showMarks = (root: HTMLElement, groups: ReadonlyArray<ControlGroup>): void => {
  const hosts = new Map([...root.querySelectorAll<HTMLElement>(".control[data-key], .schedule[data-key]")].map((el) => [el.dataset.key ?? "", el]))
  for (const s of groups.flatMap((g) => g.sections)) {
    for (const c of s.controls) {
      const host = hosts.get(c.key)
      if (host !== undefined) showMark(host, c.mark, help(c))
    }
    for (const sc of [...s.schedules, ...s.scheduleGroups.flatMap((g) => g.schedules)]) {
      const host = hosts.get(sc.key)
      if (host !== undefined) showMark(host, sc.mark, scheduleHelp(sc))
    }
  }
}

/**
 * Shows each control's, choice's and schedule's reset button where its value in `current` differs from the file's,
 * naming the file's value; hides the others. In place, as `showMarks`.
 */
export const showResets = (root: HTMLElement, groups: ReadonlyArray<ControlGroup>, file: unknown, current: unknown): void => {
  const hosts = new Map([...root.querySelectorAll<HTMLElement>(".control[data-key], .schedule[data-key]")].map((el) => [el.dataset.key ?? "", el]))
  for (const spec of [...allChoices(groups), ...allControls(groups), ...allSchedules(groups)]) {
    const button = hosts.get(spec.key)?.querySelector<HTMLButtonElement>("button.reset-value")
    if (button === undefined || button === null) continue
    const differs = valueDiffers(file, current, spec.path)
    button.hidden = !differs
    const words = `Reset ${spec.label} to the file's value (${fileValueWords(fileValueAt(file, spec.path))})`
    button.setAttribute("aria-label", words)
    button.title = words
  }
}

/**
 * Replaces the control, choice or schedule editor at `key` with one built afresh from `groups` (after its value was
 * reset: its inputs, slider range and checkbox as the file has them); returns it, or undefined if there is none.
 */
export const rebuildControl = (root: HTMLElement, groups: ReadonlyArray<ControlGroup>, key: string, handlers: ControlsHandlers): HTMLElement | undefined => {
  const host = [...root.querySelectorAll<HTMLElement>(".control[data-key], .schedule[data-key]")].find((el) => el.dataset.key === key)
  if (host === undefined) return undefined
  const c = allControls(groups).find((x) => x.key === key)
  const ch = allChoices(groups).find((x) => x.key === key)
  const sc = allSchedules(groups).find((x) => x.key === key)
  const next = c !== undefined ? control(c, handlers) : ch !== undefined ? choice(ch, handlers) : sc !== undefined ? scheduleControl(sc, handlers) : undefined
  if (next === undefined) return undefined
  host.replaceWith(next)
  const group = next.closest("details.schedule-group")
  if (group !== null) recounts.get(group)?.()
  return next
}

/** Shows each problem beside the control or schedule editor whose path it names; returns the problems shown nowhere. */
export const showProblemsAtControls = <P extends { readonly where: string; readonly expected: string; readonly found: string }>(
  root: HTMLElement, problems: ReadonlyArray<P>
): Array<P> => {
  for (const el of root.querySelectorAll<HTMLElement>("[data-problem-path] > .problem.from-scenario")) el.remove()
  return problems.filter((p) => {
    const host = [...root.querySelectorAll<HTMLElement>("[data-problem-path]")].find((el) => p.where === el.dataset.problemPath || p.where.startsWith(`${el.dataset.problemPath}.`) || p.where.startsWith(`${el.dataset.problemPath}[`))
    if (host === undefined) return true
    host.append(h("p", { class: "problem from-scenario", role: "alert" }, `${p.expected}, found ${p.found}`))
    return false
  })
}
