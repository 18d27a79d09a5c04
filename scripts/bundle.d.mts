/** Types for bundle.mjs (plain JavaScript, run by node without tsx). */
import type { BuildOptions } from "esbuild"
export declare const nodeBundle: BuildOptions
export declare const bundleFile: (root: string, entry: string, outfile: string) => Promise<void>
