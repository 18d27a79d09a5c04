/** `spsim calibrate`: the command around src/calibration/calibrate.ts — progress, tables, files. */
import { Console, Effect, FileSystem } from "effect"
import { calibrate, type CalibrateOptions } from "../calibration/calibrate.ts"
import { writeFileAtomic } from "../io/atomicWrite.ts"
import { csvRow } from "../io/csv.ts"
import { spsimVersion } from "../version.ts"
import { textTable } from "./format.ts"
import { progressBar } from "./progress.ts"

const num = (x: number): string => (+x.toPrecision(4)).toString()

export const calibrateCommand = Effect.fn("calibrateCommand")(function*(
  options: Omit<CalibrateOptions, "onProgress"> & { readonly out: string | undefined; readonly quiet: boolean }
) {
  const progress = progressBar("calibrate", options.quiet)
  const r = yield* calibrate({ ...options, onProgress: progress.update })
  progress.finish()
  const best = r.posterior.accepted[0]
  if (options.out !== undefined) {
    const fs = yield* FileSystem.FileSystem
    yield* fs.makeDirectory(options.out, { recursive: true })
    yield* writeFileAtomic(`${options.out}/calibrated.json`, `${JSON.stringify(r.calibrated, null, 2)}\n`)
    const header = csvRow(["rank", "draw", "distance", ...r.priors.map((p) => p.path)])
    const lines = r.posterior.accepted.map((i, rank) => csvRow([rank + 1, i, r.distances[i], ...r.sets[i]]))
    yield* writeFileAtomic(`${options.out}/posterior.csv`, `${[header, ...lines].join("\n")}\n`)
    yield* writeFileAtomic(`${options.out}/calibration.json`, `${JSON.stringify({
      spsimVersion, scenario: options.scenarioFile, targets: options.targetsFile, samples: options.samples,
      acceptShare: options.acceptShare, spread: options.spread, replicates: options.replicates, priors: r.priors,
      epsilon: r.posterior.epsilon, posterior: r.posterior.summary
    }, null, 2)}\n`)
  }
  yield* Console.log([
    `${r.base.name}: rejection ABC over ${r.priors.length} parameters, ${options.samples} draws × ${options.replicates} replicates, ${r.posterior.accepted.length} accepted (distance ≤ ${num(r.posterior.epsilon)})`,
    "",
    textTable(
      ["parameter", "prior (uniform)", "posterior median", "posterior 90%"],
      r.priors.map((p, j) => {
        const s = r.posterior.summary[j]
        return [p.path, `${num(p.low)} – ${num(p.high)}`, num(s.p50), `${num(s.p05)} – ${num(s.p95)}`]
      })
    ),
    "",
    textTable(
      ["target", "published", "best draw's median"],
      r.targets.targets.map((t, k) => [t.name, num(t.published), num(r.simulated[best][k])])
    ),
    ...(options.out !== undefined ? ["", `Calibrated scenario, posterior and settings written to ${options.out}/ (calibrated.json, posterior.csv, calibration.json)`] : [])
  ].join("\n"))
}, Effect.scoped)
