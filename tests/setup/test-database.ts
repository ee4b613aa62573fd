// Test databases: a migrated template built once per run, then one clean copy per test file,
// wiped before every test. PGlite by default; PostgreSQL when TEST_DATABASE_URL is set.
import fs from 'node:fs'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import postgres from 'postgres'
import { seedReferenceData } from '#db/seed/reference.ts'
import { createDatabase, type DatabaseHandle } from '#app/utils/db.server.ts'

export const templateDumpPath = path.resolve('tests/.tmp/pglite-template.tar')

export function templateDatabaseName() {
  return `taawun_test_template_${process.env.TEST_RUN_ID ?? 'local'}`
}

function serverUrl(url: string, database: string) {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}

/** Build the template once per test run (vitest global setup). */
export async function buildTemplate() {
  const url = process.env.TEST_DATABASE_URL
  if (url) {
    const admin = postgres(url, { max: 1, onnotice: () => {} })
    const name = templateDatabaseName()
    await admin.unsafe(`drop database if exists "${name}" with (force)`)
    await admin.unsafe(`create database "${name}"`)
    await admin.end()
    const handle = createDatabase({ kind: 'postgres', url: serverUrl(url, name), max: 1 })
    await handle.migrate()
    await handle.db.transaction((tx) => seedReferenceData(tx))
    await handle.close()
    return async () => {
      const cleanup = postgres(url, { max: 1, onnotice: () => {} })
      await cleanup.unsafe(`drop database if exists "${name}" with (force)`)
      await cleanup.end()
    }
  }
  const handle = createDatabase({ kind: 'pglite' })
  await handle.migrate()
  await handle.db.transaction((tx) => seedReferenceData(tx))
  const dump = await handle.dump()
  await handle.close()
  fs.mkdirSync(path.dirname(templateDumpPath), { recursive: true })
  fs.writeFileSync(templateDumpPath, Buffer.from(await dump.arrayBuffer()))
  return async () => {}
}

/** A database of its own for one test file, cloned from the template. */
export async function openFileDatabase(): Promise<{
  handle: DatabaseHandle
  drop(): Promise<void>
}> {
  return process.env.TEST_DATABASE_URL ? openPostgresDatabase() : openPgliteDatabase()
}

/** PGlite opens synchronously from the template's dump. */
export function openPgliteDatabase(): { handle: DatabaseHandle; drop(): Promise<void> } {
  const blob = new Blob([fs.readFileSync(templateDumpPath)])
  const handle = createDatabase({ kind: 'pglite', loadDataDir: blob })
  return { handle, drop: () => handle.close() }
}

async function openPostgresDatabase(): Promise<{ handle: DatabaseHandle; drop(): Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL
  if (!url) throw new Error('TEST_DATABASE_URL is not set')
  {
    const name = `taawun_test_${process.env.TEST_RUN_ID ?? 'local'}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`
    const admin = postgres(url, { max: 1, onnotice: () => {} })
    await admin.unsafe(`create database "${name}" template "${templateDatabaseName()}"`)
    await admin.end()
    const handle = createDatabase({ kind: 'postgres', url: serverUrl(url, name), max: 4 })
    return {
      handle,
      async drop() {
        await handle.close()
        const cleanup = postgres(url, { max: 1, onnotice: () => {} })
        await cleanup.unsafe(`drop database if exists "${name}" with (force)`)
        await cleanup.end()
      },
    }
  }
}

/** Empty every table and put the reference data back: a clean database for the next test. */
export async function resetDatabase(handle: DatabaseHandle) {
  const tables = await handle.rows<{ name: string }>(
    sql`select quote_ident(tablename) as name from pg_tables where schemaname = 'public'`,
  )
  if (tables.length) {
    await handle.db.execute(
      sql.raw(`truncate ${tables.map((t) => t.name).join(', ')} restart identity cascade`),
    )
  }
  await handle.db.transaction((tx) => seedReferenceData(tx))
}
