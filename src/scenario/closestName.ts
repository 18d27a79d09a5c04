/** "Did you mean …?" for a misspelt name: a scenario path, a metric, a weekly series. */

/** The one name within a small edit distance of `found` (ignoring case), if exactly one is closest. */
export const closestName = (found: string, names: Iterable<string>): string | undefined => {
  const all = [...names]
  const wanted = found.toLowerCase()
  const most = Math.max(1, Math.min(3, Math.floor(found.length / 4)))
  const distances = all.map((name) => editDistance(wanted, name.toLowerCase(), most + 1))
  const nearest = Math.min(...distances)
  const at = distances.flatMap((d, k) => (d === nearest ? [all[k]] : []))
  return nearest <= most && at.length === 1 ? at[0] : undefined
}

/** Levenshtein distance of `a` and `b`, or `limit` once it is clearly at least that. */
const editDistance = (a: string, b: string, limit: number): number => {
  if (Math.abs(a.length - b.length) >= limit) return limit
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    let smallest = i
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
      smallest = Math.min(smallest, row[j])
    }
    if (smallest >= limit) return limit
    previous = row
  }
  return Math.min(previous[b.length], limit)
}

/**
 * The words of a name: its parts at dots, brackets, spaces and camelCase humps, in lower case, a plural's "s"
 * dropped ("group.ethnicity.South Asian.onwardReferralFailureShare" → group, ethnicity, south, asian, onward, referral,
 * failure, share).
 */
export const wordsOf = (name: string): Array<string> =>
  name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase().split(/[^a-z0-9]+/)
    .filter((w) => w !== "")
    .map((w) => (w.length > 3 && w.endsWith("s") && !w.endsWith("ss") ? w.slice(0, -1) : w))

/** Names suggested for one that is not there, best first, and how many more would fit as well. */
export interface Suggestions {
  readonly names: ReadonlyArray<string>
  readonly more: number
}

export interface SuggestOptions {
  /** At most this many names (default 4). */
  readonly limit?: number
  /** A word someone may write for one of the names' own ("dropout" for "disengaged"), each as `wordsOf` gives it. */
  readonly synonyms?: Readonly<Record<string, string>>
}

/**
 * Names to suggest for `found`, which is none of `names`, best first:
 * - the one a slip away (`closestName`: case, or a letter or two);
 * - else those that hold `found` whole, ignoring case (three characters or more): first those it begins (a partial
 *   path: "group.ethnicity" → "group.ethnicity.White British.people", …), then those it ends after a dot (a figure
 *   without its contract: "capReachedWeek" → "outcomes.capReachedWeek", "hybrid.capReachedWeek"), then the rest
 *   ("caseloadCap" → "linkWorkers.caseloadCapPerFte");
 * - else those that share the most of its distinctive words (`wordsOf`, after `synonyms`; a word is distinctive when
 *   at most 20 names and a quarter of them have it, so that "Share" alone suggests nothing), those most alike first
 *   (shared words against all the words of both).
 * Names in their given order where they rank alike.
 */
export const suggestNames = (found: string, names: Iterable<string>, options: SuggestOptions = {}): Suggestions => {
  const all = [...names]
  const limit = options.limit ?? 4
  const take = (list: ReadonlyArray<string>): Suggestions => ({ names: list.slice(0, limit), more: Math.max(0, list.length - limit) })
  const close = closestName(found, all)
  if (close !== undefined) return take([close])
  const wanted = found.toLowerCase()
  if (wanted.length >= 3) {
    const holding = all.filter((n) => n.toLowerCase().includes(wanted))
    const rank = (n: string): number => {
      const lower = n.toLowerCase()
      return lower.startsWith(wanted) ? 0 : lower.endsWith(`.${wanted}`) ? 1 : 2
    }
    if (holding.length > 0) return take(holding.map((n, k) => ({ n, k, r: rank(n) })).sort((x, y) => x.r - y.r || x.k - y.k).map((x) => x.n))
  }
  const synonyms = options.synonyms ?? {}
  const words = new Set(wordsOf(found).map((w) => synonyms[w] ?? w))
  const wordsOfName = all.map((n) => new Set(wordsOf(n)))
  const namesWith = new Map<string, number>()
  for (const ws of wordsOfName) for (const w of ws) namesWith.set(w, (namesWith.get(w) ?? 0) + 1)
  // A word most names have narrows nothing down: "Share" ends a third of the metrics' names.
  const distinctive = [...words].filter((w) => (namesWith.get(w) ?? 0) > 0 && namesWith.get(w)! <= Math.max(1, Math.min(20, all.length / 4)))
  if (distinctive.length === 0) return { names: [], more: 0 }
  const scored = all.flatMap((n, k) => {
    const ws = wordsOfName[k]
    const shared = distinctive.filter((w) => ws.has(w)).length
    if (shared === 0) return []
    // Shared words of any kind against all the words of both: "disengaged" before "group.sex.male.disengagedShare".
    const common = [...words].filter((w) => ws.has(w)).length
    return [{ n, k, shared, likeness: common / (words.size + ws.size - common) }]
  })
  const most = Math.max(...scored.map((x) => x.shared))
  return take(scored.filter((x) => x.shared === most).sort((x, y) => y.likeness - x.likeness || x.k - y.k).map((x) => x.n))
}

/** `suggestNames`'s answer as the end of a message: `did you mean "x"?`, `did you mean one of "x", "y", … (5 more)?`, or "". */
export const didYouMean = (s: Suggestions): string => {
  if (s.names.length === 0) return ""
  const quoted = s.names.map((n) => JSON.stringify(n)).join(", ")
  if (s.names.length === 1 && s.more === 0) return `did you mean ${quoted}?`
  return `did you mean one of ${quoted}${s.more > 0 ? `, … (${s.more} more)` : ""}?`
}
