/** The nearest-rank percentile of `values` (NaN when there are none). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`
}

export function milliseconds(ms: number): string {
  return Number.isFinite(ms) ? `${ms.toFixed(ms < 10 ? 2 : 1)} ms` : '—'
}

/** Runs `task` and returns its result with how long it took, in milliseconds. */
export async function timed<T>(task: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now()
  const value = await task()
  return { value, ms: performance.now() - started }
}
