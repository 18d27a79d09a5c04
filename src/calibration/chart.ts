/**
 * The validation report's chart: cumulative weekly series over replicates (median line, 5th–95th
 * percentile band) with the published figures as points and their match ranges as bars. Plain SVG text, no
 * DOM, every number rounded to one decimal, so the same results give the same bytes.
 */
import { quantileSorted } from "../results/summary.ts"
import { weekOf } from "../model/schedule.ts"
import type { Target } from "./targets.ts"

export interface ChartSeries {
  readonly series: string
  readonly label: string
  /** One array per replicate: the weekly values. */
  readonly replicates: ReadonlyArray<ArrayLike<number>>
}

const WIDTH = 800
const HEIGHT = 400
const M = { left: 64, right: 220, top: 36, bottom: 40 }
const COLOURS = ["#1f6fb4", "#d0600f", "#2f8f3a", "#8a3fa0"]

const r1 = (x: number): string => (Math.round(x * 10) / 10).toString()
const escape = (s: string): string => s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;")

/** Per week: 5th, 50th and 95th percentile over replicates of the running total. */
export const cumulativeBands = (replicates: ReadonlyArray<ArrayLike<number>>, weeks: number) => {
  const totals = replicates.map((r) => {
    const c = new Float64Array(weeks)
    let s = 0
    for (let w = 0; w < weeks; w++) c[w] = s += r[w] ?? 0
    return c
  })
  return Array.from({ length: weeks }, (_, w) => {
    const sorted = Float64Array.from(totals, (c) => c[w]).sort()
    return { p05: quantileSorted(sorted, 0.05), p50: quantileSorted(sorted, 0.5), p95: quantileSorted(sorted, 0.95) }
  })
}

const niceStep = (max: number): number => {
  const raw = max / 5
  const power = 10 ** Math.floor(Math.log10(raw))
  return [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw
}

export const cumulativeChart = (options: {
  readonly title: string
  readonly startDate: string
  readonly weeks: number
  readonly series: ReadonlyArray<ChartSeries>
  readonly targets: ReadonlyArray<Target>
}): string => {
  const { weeks, startDate } = options
  const bands = options.series.map((s) => cumulativeBands(s.replicates, weeks))
  const points = options.targets.flatMap((t) => (t.kind === "cumulative" ? [{ t, week: Math.min(weeks - 1, weekOf(t.date, startDate)) }] : []))
  const top = Math.max(1, ...bands.flatMap((b) => b.map((x) => x.p95)), ...points.map((p) => p.t.high))
  const step = niceStep(top)
  const yMax = Math.ceil(top / step) * step
  const plotW = WIDTH - M.left - M.right
  const plotH = HEIGHT - M.top - M.bottom
  const x = (week: number) => M.left + (week / (weeks - 1)) * plotW
  const y = (value: number) => M.top + plotH - (value / yMax) * plotH
  const out: Array<string> = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
    `<text x="${M.left}" y="20" font-size="14" font-weight="bold">${escape(options.title)}</text>`
  ]
  for (let v = 0; v <= yMax + 1e-9; v += step) {
    out.push(`<line x1="${M.left}" x2="${M.left + plotW}" y1="${r1(y(v))}" y2="${r1(y(v))}" stroke="#e4e4e4"/>`)
    out.push(`<text x="${M.left - 6}" y="${r1(y(v) + 4)}" text-anchor="end">${Math.round(v).toLocaleString("en-GB")}</text>`)
  }
  const firstYear = Number(startDate.slice(0, 4)) + 1
  for (let year = firstYear; ; year++) {
    const week = weekOf(`${year}-01-01`, startDate)
    if (week > weeks - 1) break
    out.push(`<line x1="${r1(x(week))}" x2="${r1(x(week))}" y1="${M.top + plotH}" y2="${M.top + plotH + 4}" stroke="#444"/>`)
    out.push(`<text x="${r1(x(week))}" y="${M.top + plotH + 18}" text-anchor="middle">${year}</text>`)
  }
  out.push(`<line x1="${M.left}" x2="${M.left + plotW}" y1="${M.top + plotH}" y2="${M.top + plotH}" stroke="#444"/>`)
  options.series.forEach((s, k) => {
    const colour = COLOURS[k % COLOURS.length]
    const band = bands[k]
    const upper = band.map((b, w) => `${r1(x(w))},${r1(y(b.p95))}`)
    const lower = band.map((b, w) => `${r1(x(w))},${r1(y(b.p05))}`).reverse()
    out.push(`<polygon points="${[...upper, ...lower].join(" ")}" fill="${colour}" fill-opacity="0.18" stroke="none"/>`)
    out.push(`<polyline points="${band.map((b, w) => `${r1(x(w))},${r1(y(b.p50))}`).join(" ")}" fill="none" stroke="${colour}" stroke-width="2"/>`)
    const ly = M.top + 14 + k * 40
    out.push(`<rect x="${WIDTH - M.right + 16}" y="${ly - 9}" width="18" height="10" fill="${colour}" fill-opacity="0.18"/>`)
    out.push(`<line x1="${WIDTH - M.right + 16}" x2="${WIDTH - M.right + 34}" y1="${ly - 4}" y2="${ly - 4}" stroke="${colour}" stroke-width="2"/>`)
    out.push(`<text x="${WIDTH - M.right + 40}" y="${ly}">${escape(s.label)}</text>`)
    out.push(`<text x="${WIDTH - M.right + 40}" y="${ly + 15}" fill="#666">median, 90% of replicates</text>`)
    for (const p of points.filter((p) => p.t.kind === "cumulative" && p.t.series === s.series)) {
      const px = r1(x(p.week))
      out.push(`<line x1="${px}" x2="${px}" y1="${r1(y(p.t.low))}" y2="${r1(y(p.t.high))}" stroke="black" stroke-width="1.5"/>`)
      out.push(`<circle cx="${px}" cy="${r1(y(p.t.published))}" r="4" fill="${colour}" stroke="black"><title>${escape(p.t.name)}: ${p.t.published.toLocaleString("en-GB")}</title></circle>`)
    }
  })
  const ly = M.top + 14 + options.series.length * 40
  out.push(`<circle cx="${WIDTH - M.right + 25}" cy="${ly - 4}" r="4" fill="white" stroke="black"/>`)
  out.push(`<text x="${WIDTH - M.right + 40}" y="${ly}">published figure</text>`)
  out.push(`<text x="${WIDTH - M.right + 40}" y="${ly + 15}" fill="#666">bar: range counted as a match</text>`)
  out.push("</svg>", "")
  return out.join("\n")
}
