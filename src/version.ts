import pkg from "../package.json" with { type: "json" }

/** The model version written into every result: same scenario + seed + version = same outputs. */
export const spsimVersion: string = pkg.version
