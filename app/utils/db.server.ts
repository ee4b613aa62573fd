import fs from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { unaccent } from '@electric-sql/pglite/contrib/unaccent'
import { sql } from 'drizzle-orm'
import { type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator'
import postgres from 'postgres'
import { getEnv } from './env.server.ts'

/**
 * The one place that creates database clients (DESIGN §1): postgres.js when DATABASE_URL is
 * set, otherwise embedded PGlite in DATA_DIR. Both speak the same SQL and run the same
 * migrations from db/migrations.
 */
export type Database = PgDatabase<PgQueryResultHKT>
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0]
/** Something that runs queries: the database itself or an open transaction. */
export type Queryable = Database | Transaction

export type DatabaseHandle = {
  db: Database
  kind: 'pglite' | 'postgres'
  /** Rows of a raw SQL statement, the same shape on both drivers. */
  rows<T extends Record<string, unknown>>(query: ReturnType<typeof sql>): Promise<T[]>
  migrate(): Promise<void>
  /** PGlite only: a snapshot of the data folder, used to clone test databases quickly. */
  dump(): Promise<Blob>
  close(): Promise<void>
}

export const migrationsFolder = path.resolve(process.cwd(), 'db/migrations')

type QueryObserver = (query: string) => void
const queryObservers = new Set<QueryObserver>()
/** Drizzle's logger, feeding whoever watches (tests that count queries per page). */
const logger = {
  logQuery(query: string) {
    for (const observe of queryObservers) observe(query)
  },
}

/** Calls `observer` with every statement sent from now on; returns how to stop. */
export function observeQueries(observer: QueryObserver): () => void {
  queryObservers.add(observer)
  return () => queryObservers.delete(observer)
}

export type DatabaseOptions =
  | { kind: 'postgres'; url: string; max?: number }
  | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob }

export function createDatabase(options: DatabaseOptions): DatabaseHandle {
  if (options.kind === 'postgres') {
    const client = postgres(options.url, {
      max: options.max ?? 10,
      onnotice: () => {},
      connection: { TimeZone: 'UTC' },
    })
    const db = drizzlePostgres(client, { logger }) as unknown as Database
    return {
      db,
      kind: 'postgres',
      rows: async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) =>
        (await db.execute(query)) as unknown as T[],
      migrate: () => migratePostgres(drizzlePostgres(client), { migrationsFolder }),
      dump: () => Promise.reject(new Error('Only PGlite databases can be dumped')),
      close: () => client.end({ timeout: 5 }),
    }
  }
  if (options.dataDir) fs.mkdirSync(options.dataDir, { recursive: true })
  const client = new PGlite({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    extensions: { fuzzystrmatch, pg_trgm, unaccent },
  })
  const db = drizzlePglite(client, { logger }) as unknown as Database
  return {
    db,
    kind: 'pglite',
    rows: async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) =>
      ((await db.execute(query)) as unknown as { rows: T[] }).rows,
    migrate: async () => {
      await client.exec(`SET TIME ZONE 'UTC'`)
      await migratePglite(drizzlePglite(client), { migrationsFolder })
    },
    dump: async () => (await client.dumpDataDir('none')) as Blob,
    close: () => client.close(),
  }
}

let current: DatabaseHandle | undefined
let factory: (() => DatabaseHandle) | undefined

function fromEnvironment(): DatabaseHandle {
  const env = getEnv()
  if (env.DATABASE_URL) return createDatabase({ kind: 'postgres', url: env.DATABASE_URL })
  return createDatabase({ kind: 'pglite', dataDir: path.resolve(env.DATA_DIR, 'pglite') })
}

export function getDatabase(): DatabaseHandle {
  current ??= factory ? factory() : fromEnvironment()
  return current
}

/**
 * Swap the process-wide database (tests give each file its own). A function is called the
 * first time the database is needed, so tests that never touch it never open one.
 */
export function setDatabase(handle: DatabaseHandle | (() => DatabaseHandle) | undefined) {
  if (typeof handle === 'function') {
    current = undefined
    factory = handle
  } else {
    current = handle
    factory = undefined
  }
}

/**
 * The database every module uses. A proxy so that tests can swap the underlying client
 * between cases without modules holding on to a stale one.
 */
export const db: Database = new Proxy({} as Database, {
  get(_target, property) {
    const real = getDatabase().db as unknown as Record<PropertyKey, unknown>
    const value = real[property]
    return typeof value === 'function' ? value.bind(real) : value
  },
})

export async function isDatabaseReachable(): Promise<boolean> {
  try {
    await getDatabase().db.execute(sql`select 1`)
    return true
  } catch {
    return false
  }
}

/** The rows of `execute()`, whichever driver ran it (postgres-js: an array; PGlite: `.rows`). */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[]
  return ((result as { rows?: T[] }).rows ?? []) as T[]
}
