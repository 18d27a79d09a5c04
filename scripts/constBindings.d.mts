/** Types for constBindings.mjs (plain JavaScript, so that `node scripts/build-cli.mjs` runs it without tsx). */
export declare const restoreConstBindings: (
  code: string,
  include?: (path: string) => boolean
) => { readonly code: string; readonly names: Array<string> }
