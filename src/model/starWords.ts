/**
 * A person's eight Star scores are eight bytes in a row (`star`, `starBaseline`, `starLastReview`), so they are also
 * two 32-bit words (`starWords`, … : the same memory, four areas a word, id × 2 and id × 2 + 1). Sums and
 * comparisons over the areas work a word at a time: every score is 1–10, so no byte of the arithmetic below
 * carries or borrows into the next. A review or an engagement so reads two words per record instead of eight bytes
 * one by one (in V8 each typed-array read is ~8 instructions of checks; a review's byte loop took ~640 of its
 * ~1,000).
 */
import { starAreas } from "./constants.ts"

/** Words a person's Star takes. */
export const starWordsPerPerson = starAreas / 4

/** The total of a word's four areas. (The byte sums below each byte stay under 256, so the top byte is the total.) */
export const areasTotal = (word: number): number => Math.imul(word, 0x01010101) >>> 24

/**
 * How many of the four areas score higher in `word` than in `than`. Each byte of `(word | 0x80…) − than − 0x01…` is
 * 127 + w − t, at least 117 for scores of 1–10, so nothing borrows, and its top bit is set exactly when w > t.
 */
export const areasAbove = (word: number, than: number): number =>
  Math.imul((((word | 0x80808080) - than - 0x01010101) & 0x80808080) >>> 7, 0x01010101) >>> 24

/** Person `id`'s Star total (8–80) in `words` (`starWords`, `starBaselineWords` or `starLastReviewWords`). */
export const starTotalOf = (words: Int32Array, id: number): number => {
  let total = 0
  for (let w = id * starWordsPerPerson; w < (id + 1) * starWordsPerPerson; w++) total += areasTotal(words[w])
  return total
}

/** How many of person `id`'s areas score higher in `words` than in `than`. */
export const areasAboveOf = (words: Int32Array, than: Int32Array, id: number): number => {
  let above = 0
  for (let w = id * starWordsPerPerson; w < (id + 1) * starWordsPerPerson; w++) above += areasAbove(words[w], than[w])
  return above
}
