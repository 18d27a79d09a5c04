import { Schema } from "effect"

/** How far a default can be trusted: from the project's evidence table (docs/model.md, References), or "assumed" when nothing is published. */
export const confidences = ["high", "medium", "low", "assumed"] as const
export type Confidence = (typeof confidences)[number]

/** What every model parameter carries: its unit, allowed range, meaning and provenance. */
export interface ParamInfo {
  readonly unit: string
  readonly min: number
  readonly max: number
  readonly description: string
  /** A published source (see docs/model.md), or "assumed". */
  readonly source: string
  readonly confidence: Confidence
  readonly integer?: boolean
  /** May calibration move this parameter within its range? */
  readonly calibratable?: boolean
  /**
   * The size such a value typically has, where its range is only a validation limit (money up to £10bn): a
   * sensitivity analysis swings a parameter whose default is 0 by `--swing` times this. Without it, a tenth of
   * the range.
   */
  readonly typical?: number
}

/** JSON Schema keys under which parameter metadata travels (editors show them; docs and sensitivity read them). */
export const annotationKeys = {
  unit: "x-unit",
  source: "x-source",
  confidence: "x-confidence",
  calibratable: "x-calibratable",
  typical: "x-typical"
} as const

export const isAnnotationKey = (key: string): boolean => key.startsWith("x-")

/** A numeric model parameter: finite (or integer), within [min, max], annotated with its metadata. */
export const param = (info: ParamInfo) =>
  (info.integer ? Schema.Int : Schema.Finite)
    .check(Schema.isBetween({ minimum: info.min, maximum: info.max }))
    .annotate({
      description: info.description,
      [annotationKeys.unit]: info.unit,
      [annotationKeys.source]: info.source,
      [annotationKeys.confidence]: info.confidence,
      [annotationKeys.calibratable]: info.calibratable ?? false,
      ...(info.typical === undefined ? {} : { [annotationKeys.typical]: info.typical }),
      "x-minimum": info.min,
      "x-maximum": info.max
    } as Schema.Annotations.Bottom<number, readonly []>)

/** A probability or proportion in [0, 1]. */
export const share = (info: Omit<ParamInfo, "unit" | "min" | "max">) =>
  param({ ...info, unit: "share (0-1)", min: 0, max: 1 })

/** Shorthand for an assumed parameter (nothing published). */
export const assumed = { source: "assumed", confidence: "assumed" } as const

/** An assumed parameter that the published targets inform, so calibration moves it by default (the WtW default is calibrated). */
export const calibrated = { source: "assumed; calibrated to the WtW record; spsim calibrate, docs/validation.md", confidence: "assumed", calibratable: true } as const
