/**
 * posterior.csv: one row per posterior parameter set — `particle` (its name: generation/index), `weight`
 * (normalised), `distance` (to the targets), then one column per parameter path. `spsim calibrate` writes
 * it; `spsim run --posterior` reads it back, checking every column and value.
 */
import { Effect, FileSystem } from "effect"
import { InputError } from "../scenario/errors.ts"
import { findParameter } from "../scenario/parameters.ts"
import { csvRow } from "../io/csv.ts"
import type { Posterior } from "./posterior.ts"
import { normalised } from "./posterior.ts"
import type { Particle } from "./smc.ts"

const FIXED = ["particle", "weight", "distance"] as const

/** Full precision, so that a posterior read back is the posterior written. */
const exact = (x: number): string => String(x)

export const posteriorCsv = (paths: ReadonlyArray<string>, particles: ReadonlyArray<Particle>): string => {
  const weights = normalised(particles.map((p) => p.weight))
  const rows = particles.map((p, i) => csvRow([`${p.generation}/${p.index}`, exact(weights[i]), exact(p.distance), ...Array.from(p.set, exact)]))
  return `${[csvRow([...FIXED, ...paths]), ...rows].join("\n")}\n`
}

/** Parse and check a posterior file's text; every problem names the line, the column, what was expected and what was found. */
export const parsePosterior = (text: string, file: string): { posterior: Posterior; problems: Array<string> } => {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "")
  const problems: Array<string> = []
  const header = (lines[0] ?? "").split(",").map((c) => c.trim())
  const weightColumn = header.indexOf("weight")
  if (weightColumn < 0) problems.push(`${file}: line 1: expected a "weight" column, found columns ${JSON.stringify(header)}`)
  const paths = header.filter((c) => !(FIXED as ReadonlyArray<string>).includes(c))
  const columns = paths.map((path) => header.indexOf(path))
  const infos = paths.map((path) => findParameter(path))
  infos.forEach((info, j) => {
    if (info === undefined || info.perElement) problems.push(`${file}: line 1: column "${paths[j]}": expected a single-valued scenario parameter (see docs/parameters.md), found no such parameter`)
  })
  if (paths.length === 0) problems.push(`${file}: line 1: expected at least one parameter column, found none`)
  if (lines.length < 2) problems.push(`${file}: expected at least one parameter set after the header, found none`)
  const sets: Array<Float64Array> = []
  const weights: Array<number> = []
  lines.slice(1).forEach((line, r) => {
    const fields = line.split(",")
    const at = `${file}: line ${r + 2}`
    if (fields.length !== header.length) {
      problems.push(`${at}: expected ${header.length} values, found ${fields.length}`)
      return
    }
    const weight = Number(fields[weightColumn])
    if (weightColumn >= 0 && !(Number.isFinite(weight) && weight >= 0)) problems.push(`${at}: column "weight": expected a number of at least 0, found "${fields[weightColumn]}"`)
    const set = Float64Array.from(columns, (c, j) => {
      const value = Number(fields[c])
      const info = infos[j]
      if (info !== undefined && !(Number.isFinite(value) && fields[c].trim() !== "" && value >= info.min && value <= info.max)) {
        problems.push(`${at}: column "${paths[j]}": expected a number between ${info.min} and ${info.max}, found "${fields[c]}"`)
      }
      return value
    })
    sets.push(set)
    weights.push(weight)
  })
  if (problems.length === 0 && !weights.some((w) => w > 0)) problems.push(`${file}: column "weight": expected at least one weight above 0, found none`)
  return { posterior: { paths, sets, weights }, problems }
}

export const loadPosterior = Effect.fn("loadPosterior")(function*(file: string) {
  const fs = yield* FileSystem.FileSystem
  const text = yield* fs.readFileString(file).pipe(
    Effect.mapError(() => new InputError({ problems: [`${file}: expected a posterior file (posterior.csv from spsim calibrate), found no readable file`] }))
  )
  const { posterior, problems } = parsePosterior(text, file)
  if (problems.length > 0) return yield* new InputError({ problems })
  return posterior
})
