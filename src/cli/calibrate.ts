/** `spsim calibrate`: the command around src/calibration/calibrate.ts — progress, tables, files. */
import { Console, Effect } from "effect"
import { calibrate, type CalibrateOptions } from "../calibration/calibrate.ts"
import { calibrationRecord } from "../calibration/record.ts"
import { posteriorCsv } from "../calibration/posteriorFile.ts"
import { targetMiss } from "../calibration/distance.ts"
import { writeFileAtomic } from "../io/atomicWrite.ts"
import { spsimVersion } from "../version.ts"
import { counted, textTable } from "./format.ts"
import { checkOutDir, prepareOutDir } from "./outDir.ts"
import { progressBar } from "./progress.ts"

const num = (x: number): string => (Number.isFinite(x) ? (+x.toPrecision(4)).toString() : String(x))

export const calibrateCommand = Effect.fn("calibrateCommand")(function*(
  options: Omit<CalibrateOptions, "onProgress"> & { readonly out: string | undefined; readonly quiet: boolean }
) {
  if (options.out !== undefined) yield* checkOutDir(options.out)
  const progress = progressBar("calibrate", options.quiet)
  const started = performance.now()
  const r = yield* calibrate({ ...options, onProgress: progress.update })
  progress.finish()
  const seconds = (performance.now() - started) / 1000
  const record = calibrationRecord(options, r, spsimVersion)
  if (options.out !== undefined) {
    yield* prepareOutDir(options.out)
    yield* writeFileAtomic(`${options.out}/calibrated.json`, `${JSON.stringify(r.calibrated, null, 2)}\n`)
    yield* writeFileAtomic(`${options.out}/posterior.csv`, posteriorCsv(r.posterior.paths, r.result.particles))
    yield* writeFileAtomic(`${options.out}/calibration.json`, `${JSON.stringify(record, null, 2)}\n`)
  }
  const runs = r.result.generations.reduce((s, g) => s + g.proposed, 0) * options.replicates
  yield* Console.log([
    `${r.base.name}: ABC-SMC over ${counted(r.priors.length, "parameter")}, ${counted(r.result.generations.length, "generation")}, ${counted(runs, "simulation")} in ${seconds.toFixed(0)} s; ` +
    `${r.result.particles.length} parameter sets kept (distance ≤ ${num(record.posterior.tolerance)}, effective size ${num(record.posterior.effectiveSize)}); stopped: ${r.result.stopped}`,
    "",
    textTable(
      ["generation", "new sets", "within tolerance", "tolerance", "kept"],
      r.result.generations.map((g) => [String(g.generation), String(g.proposed), g.acceptance === null ? "-" : `${(g.acceptance * 100).toFixed(0)}%`, num(g.epsilon), String(g.kept)])
    ),
    "",
    textTable(
      ["parameter", "prior (uniform)", "posterior median", "posterior 90%", "calibrated (medoid)"],
      r.priors.map((p, j) => {
        const s = r.summary[j]
        return [p.path, `${num(p.low)} – ${num(p.high)}`, num(s.p50), `${num(s.p05)} – ${num(s.p95)}`, num(r.chosen.set[j])]
      })
    ),
    "",
    textTable(
      ["target", "published", "counted as a match", `calibrated set's median (${counted(options.replicates, "replicate")})`, ""],
      r.targets.targets.map((t, k) => [
        t.name, num(t.published), `${num(t.low)} – ${num(t.high)}`, num(r.chosen.simulated[k]), targetMiss(r.chosen.simulated[k], t) === 0 ? "match" : "missed"
      ])
    ),
    ...(options.out !== undefined ? ["", `Calibrated scenario, posterior and record written to ${options.out}/ (calibrated.json, posterior.csv, calibration.json)`] : [])
  ].join("\n"))
}, Effect.scoped)
