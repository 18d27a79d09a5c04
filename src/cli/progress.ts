/**
 * A progress line on stderr — replicates done, rate and time left — only when stderr is a terminal, not in
 * CI and not with --quiet. Redrawn at most five times a second; cleared when the run ends.
 */
export interface Progress {
  readonly update: (done: number, total: number) => void
  readonly finish: () => void
}

const silent: Progress = { update: () => {}, finish: () => {} }

export const progressBar = (label: string, quiet: boolean): Progress => {
  if (quiet || !process.stderr.isTTY || process.env.CI) return silent
  const started = performance.now()
  let last = 0
  let shown = false
  return {
    update: (done, total) => {
      const now = performance.now()
      if (now - last < 200 && done < total) return
      last = now
      const seconds = (now - started) / 1000
      const rate = done / Math.max(seconds, 1e-3)
      const left = rate > 0 ? (total - done) / rate : 0
      const width = 24
      const filled = Math.round((done / total) * width)
      process.stderr.write(`\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} replicates, ${rate.toFixed(1)}/s, ${Math.ceil(left)} s left `)
      shown = true
    },
    finish: () => {
      if (shown) process.stderr.write("\r\x1b[2K")
    }
  }
}
