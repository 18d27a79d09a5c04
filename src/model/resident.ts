/**
 * The arrays the engaged pass reads for every engaged person every week, made once per thread at a fixed size as
 * module constants: the list of the engaged by place (`engagedTable.ts`) and the link workers' tables of the week's
 * gain and dropout factors (`workforce.ts`). A loop over module constants is compiled by TurboFan with each array's
 * address and length built in; a loop over arrays reached through an object checks each array's kind and reloads
 * its address and length on every pass (V8 11 hoists none of that out of loops): 15 instructions a quiet
 * person-week instead of 68, 12% of a Ways to Wellness replicate (`npm run bench:instructions`, docs/architecture.md).
 *
 * One run in a thread holds them at a time: `createSim` claims them when they are free (`claimResident`), and
 * `simulate` gives them back when its run ends (`vacateResident` in sim.ts, which copies what the run had in them
 * into arrays of its own first). A run that finds them held (two runs stepped side by side, as some tests do), has
 * more link-worker posts than they hold, or outgrows the list's places keeps arrays of its own, and the pass takes
 * the same steps over those: the same results to the bit, only slower. The places untouched cost address space,
 * not memory: a Ways to Wellness replicate uses a few thousand of the 262,144.
 */

/** Places in the list of the engaged: a scenario with more engaged at once than this (1/10 of England) outgrows them. */
export const residentPlaces = 1 << 18
/** Link-worker posts the factor tables hold (entries for one more: no link worker). */
export const residentPosts = 1 << 14

export const residentIds = new Int32Array(residentPlaces)
export const residentNextEvent = new Int16Array(residentPlaces)
export const residentSlot = new Int32Array(residentPlaces)
export const residentGainClock = new Float64Array(residentPlaces)
export const residentGainRate = new Float64Array(residentPlaces)
export const residentDropoutClock = new Float64Array(residentPlaces)
export const residentHazardRate = new Float64Array(residentPlaces)
export const residentGainTable = new Float64Array(residentPosts + 1)
export const residentHazardTable = new Float64Array(2 * residentPosts + 2)

let held = false

/** Takes the resident arrays for a new run if no run in this thread holds them; false if one does. */
export const claimResident = (): boolean => {
  if (held) return false
  held = true
  return true
}

/** Frees them for the next run (the caller has copied out what it needs). */
export const releaseResident = (): void => {
  held = false
}
