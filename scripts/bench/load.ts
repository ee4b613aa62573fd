// Server-side rendering under load: autocannon keeps a number of connections busy on one
// page and every response time is kept, so that p50/p95/p99 are exact (autocannon's own
// histogram has no p95).
import autocannon from 'autocannon'
import { percentile } from './stats.ts'

export type PageTarget = {
  name: string
  /** One path, or several that the connections take in turn (e.g. product pages). */
  paths: string[]
  language: 'ar' | 'fr' | 'en'
}

export type LoadResult = {
  name: string
  path: string
  requests: number
  requestsPerSecond: number
  p50: number
  p95: number
  p99: number
  max: number
  /** Responses by status code, and requests that timed out or failed. */
  statuses: Record<string, number>
  /** Responses that were not 2xx, timeouts and errors. */
  non2xx: number
  /** The page alone: median time of a few requests made one at a time, and their status. */
  aloneMs: number
  aloneStatus: number | null
  /** Not put under load because it is too slow alone. */
  skipped: boolean
  /** How long the server took to be idle again afterwards, and queries cancelled to get there. */
  settleMs?: number
  cancelledQueries?: number
}

export type LoadOptions = {
  connections: number
  durationSeconds: number
  warmupSeconds: number
  /**
   * A page that takes longer than this alone is not put under load: every connection would
   * time out, and the server would spend minutes on requests nobody waits for.
   */
  skipAboveMs: number
}

async function run(origin: string, target: PageTarget, connections: number, seconds: number) {
  let next = 0
  const times: number[] = []
  const statuses: Record<string, number> = {}
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: origin,
        connections,
        duration: seconds,
        // A response slower than this counts as a timeout (and the connection is reopened).
        timeout: 10,
        headers: {
          accept: 'text/html,application/xhtml+xml',
          'accept-language': target.language,
          'accept-encoding': 'gzip',
        },
        requests: [
          {
            method: 'GET',
            setupRequest: (request) => ({
              ...request,
              path: target.paths[next++ % target.paths.length]!,
            }),
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    )
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      times.push(responseTime)
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1
    })
  })
  return { result, times, statuses }
}

/**
 * The page as a single visitor sees it: a request that is not counted, then up to `count`
 * one at a time (fewer when the page is so slow that `maxMs` has passed).
 */
async function alone(origin: string, target: PageTarget, count = 3, maxMs = 20_000) {
  const started = performance.now()
  const times: number[] = []
  let status: number | null = null
  for (let i = 0; i <= count && performance.now() - started < maxMs; i++) {
    const path = target.paths[i % target.paths.length]!
    const before = performance.now()
    try {
      const response = await fetch(`${origin}${path}`, {
        headers: { accept: 'text/html', 'accept-language': target.language },
        signal: AbortSignal.timeout(30_000),
      })
      await response.arrayBuffer()
      status = response.status
    } catch {
      status = null
    }
    if (i > 0) times.push(performance.now() - before)
  }
  return { ms: percentile(times, 50), status }
}

/** The page alone, then a short warm-up (JIT, caches, connection pool) and the measured run. */
export async function loadTest(
  origin: string,
  target: PageTarget,
  options: LoadOptions,
): Promise<LoadResult> {
  const single = await alone(origin, target)
  if (!(single.ms <= options.skipAboveMs)) {
    return {
      name: target.name,
      path: describe(target),
      requests: 0,
      requestsPerSecond: NaN,
      p50: NaN,
      p95: NaN,
      p99: NaN,
      max: NaN,
      statuses: {},
      non2xx: 0,
      aloneMs: single.ms,
      aloneStatus: single.status,
      skipped: true,
    }
  }
  if (options.warmupSeconds > 0) {
    await run(origin, target, options.connections, options.warmupSeconds)
  }
  const { result, times, statuses } = await run(
    origin,
    target,
    options.connections,
    options.durationSeconds,
  )
  if (result.timeouts) statuses.timeout = result.timeouts
  const otherErrors = result.errors - result.timeouts
  if (otherErrors > 0) statuses.error = otherErrors
  const non2xx = Object.entries(statuses)
    .filter(([code]) => !code.startsWith('2'))
    .reduce((sum, [, count]) => sum + count, 0)
  return {
    name: target.name,
    path:
      target.paths.length > 1
        ? `${target.paths[0]} (+${target.paths.length - 1})`
        : target.paths[0]!,
    requests: times.length,
    requestsPerSecond: times.length / options.durationSeconds,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    max: times.length ? Math.max(...times) : NaN,
    statuses,
    non2xx,
    aloneMs: single.ms,
    aloneStatus: single.status,
    skipped: false,
  }
}

function describe(target: PageTarget) {
  const [first] = target.paths
  return target.paths.length > 1 ? `${first} (+${target.paths.length - 1})` : first!
}

/**
 * A static file the same server sends (the built stylesheet the home page links to, or, as
 * the styles are written into the page, the client entry it loads): the ceiling a page's
 * throughput is compared with, the same server and load with no rendering and no database.
 */
export async function findStaticAsset(origin: string): Promise<string | null> {
  const response = await fetch(`${origin}/`, {
    headers: { accept: 'text/html', 'accept-language': 'ar' },
    signal: AbortSignal.timeout(30_000),
  })
  const html = await response.text()
  const stylesheet =
    /<link[^>]*rel="stylesheet"[^>]*href="(\/assets\/[^"]+\.css)"/.exec(html) ??
    /href="(\/assets\/[^"]+\.css)"/.exec(html) ??
    /(\/assets\/entry\.client-[\w-]+\.js)/.exec(html)
  if (!stylesheet) return null
  const check = await fetch(`${origin}${stylesheet[1]}`, { signal: AbortSignal.timeout(30_000) })
  await check.arrayBuffer()
  return check.ok ? stylesheet[1]! : null
}
