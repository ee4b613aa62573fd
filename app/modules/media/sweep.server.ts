import { sql } from 'drizzle-orm'
import { db } from '#app/utils/db.server.ts'
import { getStorage, type Visibility } from './storage.server.ts'

const day = 24 * 3600 * 1000

/** Every stored key some row still points to. */
async function referencedKeys(): Promise<Set<string>> {
  const rows = await db.execute(sql`
    select jsonb_array_elements(logo -> 'variants') ->> 'key' as key from cooperatives where logo is not null
    union select jsonb_array_elements(photo -> 'variants') ->> 'key' from makers where photo is not null
    union select jsonb_array_elements(image -> 'variants') ->> 'key' from product_images
    union select storage_key from cooperative_documents
    union select storage_key from certificate_files`)
  const list = (
    Array.isArray(rows) ? rows : (rows as unknown as { rows: { key: string }[] }).rows
  ) as { key: string }[]
  return new Set(list.map((r) => r.key))
}

/**
 * Housekeeping: delete stored files that no row references any more (a replaced logo, a
 * failed upload the process could not clean up). Files younger than `graceMs` are kept, so
 * an upload whose row is being written right now is never swept.
 */
export async function sweepUnreferencedFiles(options: { now?: Date; graceMs?: number } = {}) {
  const now = options.now ?? new Date()
  const grace = options.graceMs ?? day
  const storage = getStorage()
  const keep = await referencedKeys()
  let deleted = 0
  for (const visibility of ['public', 'private'] as Visibility[]) {
    for (const file of await storage.list(visibility)) {
      if (keep.has(file.key) || now.getTime() - file.modifiedAt.getTime() < grace) continue
      await storage.delete(file.key, visibility)
      deleted++
    }
  }
  return deleted
}
