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
