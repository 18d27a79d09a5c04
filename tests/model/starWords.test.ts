/**
 * The Star's areas four to a word (`starWords.ts`): a word's total and its count of higher areas are those of its
 * four bytes one by one, for every pair of scores on the scale in every byte position, and the word views share the
 * person table's bytes.
 */
import { describe, expect, it } from "vitest"
import { starMax, starMin } from "../../src/model/constants.ts"
import { PeopleArrays } from "../../src/model/people.ts"
import { areasAbove, areasTotal, starWordsPerPerson } from "../../src/model/starWords.ts"

const word = (bytes: ReadonlyArray<number>): number => new Int32Array(Uint8Array.from(bytes).buffer)[0]

describe("Star words", () => {
  it("total four areas and count the higher ones, for every pair of scores in every position", () => {
    const scores: Array<number> = []
    for (let s = starMin; s <= starMax; s++) scores.push(s)
    for (const x of scores) {
      for (const y of scores) {
        for (let at = 0; at < 4; at++) {
          // The pair at byte `at`, the other bytes at the scale's ends and middle (so carries or borrows would show).
          const a = [starMax, starMin, 5, starMax]
          const b = [starMin, starMax, 5, starMax]
          a[at] = x
          b[at] = y
          const expectedAbove = a.filter((v, k) => v > b[k]).length
          expect(areasTotal(word(a))).toBe(a.reduce((s, v) => s + v, 0))
          expect(areasAbove(word(a), word(b)), `${a} above ${b}`).toBe(expectedAbove)
        }
      }
    }
  })

  it("are the person table's bytes", () => {
    const a = new PeopleArrays(4)
    a.star.set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1, 1, 1, 1, 1, 1], 8)
    let total = 0
    for (let w = starWordsPerPerson; w < 2 * starWordsPerPerson; w++) total += areasTotal(a.starWords[w])
    expect(total).toBe(36)
    a.starLastReviewWords[2 * starWordsPerPerson] = a.starWords[2 * starWordsPerPerson]
    expect(Array.from(a.starLastReview.subarray(16, 20))).toEqual([9, 10, 1, 1])
    // Reset and copy see each byte once, through the byte arrays.
    a.reset(4)
    expect(a.starWords.every((w) => w === 0)).toBe(true)
  })
})
