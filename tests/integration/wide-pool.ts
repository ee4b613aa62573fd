// Race tests on PostgreSQL: the file's database, reached through a pool wide enough for real
// contention while the tests of the describe block run, then the file's own pool again.
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll } from 'vitest'
import {
  createDatabase,
  getDatabase,
  setDatabase,
  type DatabaseHandle,
} from '#app/utils/db.server.ts'

export function useWidePool(connections = 20) {
  let wide: DatabaseHandle | undefined
  let narrow: DatabaseHandle | undefined
  beforeAll(async () => {
    narrow = getDatabase()
    const [row] = await narrow.rows<{ name: string }>(sql`select current_database() as name`)
    const url = new URL(process.env.TEST_DATABASE_URL!)
    url.pathname = `/${row!.name}`
    wide = createDatabase({ kind: 'postgres', url: url.toString(), max: connections })
    setDatabase(wide)
  })
  afterAll(async () => {
    setDatabase(narrow)
    await wide?.close()
  })
}
