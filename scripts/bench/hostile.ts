// Issue 13: a guest's log-in form of 40,000 empty fields once took 12.7 s of CPU and held
// up every other request. Measured here: how long the server takes to refuse it, and the
// latency of /healthz while such bodies keep arriving (it must stay where it was).
import http from 'node:http'
import { percentile } from './stats.ts'

export const hostileFields = 40_000

export type Spread = { samples: number; p50: number; p95: number; max: number }

export type HostileFormResult = {
  fields: number
  bytes: number
  statuses: Record<string, number>
  refuse: Spread
  healthzIdle: Spread
  healthzDuring: Spread
}

function spread(values: number[]): Spread {
  return {
    samples: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    max: values.length ? Math.max(...values) : NaN,
  }
}

/** One request on a fresh connection; its status and how long the whole answer took. */
function request(
  origin: string,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: Buffer } = {},
): Promise<{ status: number; ms: number }> {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const req = http.request(
      new URL(path, origin),
      { method: init.method ?? 'GET', headers: init.headers, agent: false },
      (response) => {
        response.resume()
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, ms: performance.now() - started }),
        )
      },
    )
    req.on('error', reject)
    req.end(init.body)
  })
}

async function healthzFor(origin: string, keepGoing: () => boolean, atLeast: number) {
  const times: number[] = []
  while (keepGoing() || times.length < atLeast) {
    times.push((await request(origin, '/healthz')).ms)
  }
  return times
}

/**
 * `rounds` hostile bodies sent one after the other (`concurrency` at a time) while /healthz
 * is asked in a loop, after /healthz has been timed on the idle server.
 */
export async function measureHostileForm(
  origin: string,
  { rounds = 40, concurrency = 1 }: { rounds?: number; concurrency?: number } = {},
): Promise<HostileFormResult> {
  // Empty fields of distinct names, as in the probe that found it (about 194 KB).
  let fields = ''
  for (let i = 0; i < hostileFields; i++) fields += `&${i.toString(36)}=`
  const body = Buffer.from(`email=guest%40example.com&password=x${fields}`)
  const headers = {
    'content-type': 'application/x-www-form-urlencoded',
    'content-length': String(body.length),
    origin,
  }
  const idle = await healthzFor(origin, () => false, 50)

  const refuseTimes: number[] = []
  const statuses: Record<string, number> = {}
  let sent = 0
  let sending = true
  const during = healthzFor(origin, () => sending, 20)
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (sent < rounds) {
        sent += 1
        const answer = await request(origin, '/login', { method: 'POST', headers, body })
        refuseTimes.push(answer.ms)
        statuses[answer.status] = (statuses[answer.status] ?? 0) + 1
      }
    }),
  )
  sending = false
  return {
    fields: hostileFields,
    bytes: body.length,
    statuses,
    refuse: spread(refuseTimes),
    healthzIdle: spread(idle),
    healthzDuring: spread(await during),
  }
}
