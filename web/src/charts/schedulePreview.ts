/** A schedule drawn over the service's weeks, as the engine reads it (`compileSchedule`): what the typed points mean. */
import * as Plot from "@observablehq/plot"
import { compileSchedule } from "../../../src/model/schedule.ts"
import type { Schedule } from "../../../src/scenario/schedule.ts"
import { weekDate } from "./shape.ts"

export const scheduleRows = (schedule: Schedule, startDate: string, horizonWeeks: number): Array<{ x: Date; value: number }> =>
  Array.from(compileSchedule(schedule, startDate, horizonWeeks), (value, w) => ({ x: weekDate(startDate, w), value }))

export const schedulePreview = (schedule: Schedule, startDate: string, horizonWeeks: number) =>
  Plot.plot({
    width: 320,
    height: 110,
    marginLeft: 36,
    y: { label: "multiplier", domain: [0, Math.max(1.2, ...schedule.points.map((p) => p.value))], grid: true },
    x: { label: null, ticks: 4 },
    marks: [Plot.ruleY([1], { stroke: "#aaa" }), Plot.lineY(scheduleRows(schedule, startDate, horizonWeeks), { x: "x", y: "value", stroke: "steelblue", curve: "step-after" })]
  })
