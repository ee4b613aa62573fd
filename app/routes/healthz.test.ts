import { describe, expect, test } from 'vitest'
import { createDatabase, getDatabase, setDatabase } from '#app/utils/db.server.ts'
import { loader } from './healthz.ts'

describe('/healthz', () => {
  test('answers 200 while the database answers', async () => {
    const response = await loader()
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: 'ok', database: 'reachable' })
  })

  test('answers 503 when the database is down', async () => {
    const working = getDatabase()
    // Nothing listens on port 1: every connection is refused at once.
    const down = createDatabase({
      kind: 'postgres',
      url: 'postgres://taawun@127.0.0.1:1/none',
      max: 1,
    })
    setDatabase(down)
    try {
      const response = await loader()
      expect(response.status).toBe(503)
      expect(response.headers.get('cache-control')).toBe('no-store')
      expect(await response.json()).toEqual({ status: 'unavailable', database: 'unreachable' })
    } finally {
      setDatabase(working)
      await down.close()
    }
  })
})
