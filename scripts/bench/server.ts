// The production server as the benchmark measures it: the built app, started the way
// `npm run serve` starts it, as a child process with its log in a file.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { type DatabaseHandle } from '#app/utils/db.server.ts'

/** The newest modification time under `folder` (or of the file itself), in milliseconds. */
function newest(entry: string): number {
  if (!fs.existsSync(entry)) return 0
  const stat = fs.statSync(entry)
  if (!stat.isDirectory()) return stat.mtimeMs
  return fs
    .readdirSync(entry)
    .reduce((latest, name) => Math.max(latest, newest(path.join(entry, name))), stat.mtimeMs)
}

export type BuildState =
  | 'built'
  | 'reused'
  /** build/ is older than the sources (BENCH_REBUILD=1 rebuilds it). */
  | 'outdated'
  /** The build failed; the previous build/ was measured. */
  | 'failed'

/**
 * Builds the app when there is no build yet or when asked to. An existing build is not
 * rebuilt on its own (other work may be using it), but one older than the sources is said.
 */
export function ensureBuild(force: boolean): BuildState {
  const built = fs.existsSync('build/client/assets') ? newest('build/server/index.js') : 0
  if (!force && built > 0) {
    const sources = Math.max(
      ...['app', 'public', 'vite.config.ts', 'package.json'].map((entry) => newest(entry)),
    )
    return built >= sources ? 'reused' : 'outdated'
  }
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' })
  if (result.status === 0) return 'built'
  // Sources in the middle of a change may not build; an older build still says something.
  if (built > 0) return 'failed'
  throw new Error('npm run build failed')
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      )
    })
  })
}

export type RunningServer = { origin: string; logFile: string; stop(): Promise<void> }

/**
 * Starts `node server.js` in production mode on a free port and waits for /healthz.
 * SEED_DEMO=false: the small demo world must never be mixed into the benchmark world.
 */
export async function startServer(options: {
  databaseUrl: string
  dataDir: string
  logLevel: string
}): Promise<RunningServer> {
  const port = await freePort()
  const origin = `http://127.0.0.1:${port}`
  fs.mkdirSync(options.dataDir, { recursive: true })
  const logFile = path.join(options.dataDir, 'server.log')
  const log = fs.openSync(logFile, 'w')
  const child = spawn(process.execPath, ['server.js'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: options.databaseUrl,
      DATA_DIR: options.dataDir,
      SECURE_COOKIES: 'false',
      APP_URL: origin,
      SEED_DEMO: 'false',
      LOG_LEVEL: options.logLevel,
    },
    stdio: ['ignore', log, log],
  })
  fs.closeSync(log)
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  const stopOnExit = () => child.kill('SIGKILL')
  process.once('exit', stopOnExit)

  const stop = async () => {
    process.off('exit', stopOnExit)
    if (child.exitCode !== null || child.signalCode !== null) return
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
    await exited
    clearTimeout(timer)
  }

  try {
    await waitForHealth(origin, child, exited)
  } catch (error) {
    await stop()
    const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n')
    throw new Error(`${(error as Error).message}\nLast lines of ${logFile}:\n${tail}`)
  }
  return { origin, logFile, stop }
}

async function waitForHealth(origin: string, child: ChildProcess, exited: Promise<unknown>) {
  let gone = false
  void exited.then(() => (gone = true))
  const deadline = Date.now() + 120_000
  while (Date.now() < deadline) {
    if (gone) throw new Error(`The server exited with code ${child.exitCode}`)
    try {
      const response = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(2000) })
      if (response.ok) return
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error('The server did not answer /healthz within 2 minutes')
}

/** The queries other sessions (the server's) run in the benchmark database, and cancelling them. */
export function serverQueriesIn(handle: DatabaseHandle) {
  const others = sql`pg_stat_activity where datname = current_database()
    and pid <> pg_backend_pid() and state = 'active' and backend_type = 'client backend'`
  return {
    async activeQueries() {
      const [row] = await handle.rows<{ n: number }>(sql`select count(*)::int as n from ${others}`)
      return row?.n ?? 0
    },
    async cancel() {
      const [row] = await handle.rows<{ n: number }>(
        sql`select count(*) filter (where pg_cancel_backend(pid))::int as n from ${others}`,
      )
      return row?.n ?? 0
    },
  }
}

/**
 * Waits until the server is idle again: /healthz answers quickly and the database runs no
 * query for it. Requests a load test left behind are still being rendered after its clients
 * are gone, and the next page must not pay for them. Past `patienceMs` the queries still
 * running are cancelled (`cancel` returns how many), until `maxMs`.
 */
export async function waitUntilIdle(
  origin: string,
  database: { activeQueries(): Promise<number>; cancel(): Promise<number> },
  patienceMs = 5_000,
  maxMs = 60_000,
): Promise<{ ms: number; cancelled: number; idle: boolean }> {
  const started = performance.now()
  let cancelled = 0
  let quiet = 0
  while (performance.now() - started < maxMs) {
    const before = performance.now()
    let healthy = false
    try {
      const response = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(5000) })
      healthy = response.ok && performance.now() - before < 100
    } catch {
      healthy = false
    }
    quiet = healthy && (await database.activeQueries()) === 0 ? quiet + 1 : 0
    if (quiet >= 3) return { ms: performance.now() - started, cancelled, idle: true }
    if (performance.now() - started > patienceMs) cancelled += await database.cancel()
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  return { ms: performance.now() - started, cancelled, idle: false }
}
