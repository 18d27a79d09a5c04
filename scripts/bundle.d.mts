/** Types for bundle.mjs (plain JavaScript, run by node without tsx). */
export declare const banner: string
export declare const bundleFile: (root: string, entry: string, outfile: string) => Promise<void>
