import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { createCooperative } from '#db/seed/factories.ts'
import { db } from '#app/utils/db.server.ts'
import { pngBytes } from '#tests/files.ts'
import { storeDocument } from './documents.server.ts'
import { storeImage } from './images.server.ts'
import { getStorage } from './storage.server.ts'
import { sweepUnreferencedFiles } from './sweep.server.ts'

describe('sweeping unreferenced files', () => {
  test('removes old files nothing points to, and keeps referenced and recent ones', async () => {
    const logo = await storeImage(await pngBytes(400, 300, '#123456'))
    await createCooperative(db, { logo })
    const orphan = await storeImage(await pngBytes(400, 300, '#654321'))
    const orphanPaper = await storeDocument(Buffer.from('%PDF-1.4\n%%EOF\n'))
    const storage = getStorage()

    // Nothing is old enough yet: a fresh upload may still be on its way into a row.
    expect(await sweepUnreferencedFiles()).toBe(0)

    const later = new Date(Date.now() + 2 * 24 * 3600 * 1000)
    const deleted = await sweepUnreferencedFiles({ now: later })
    expect(deleted).toBe(orphan.variants.length + 1)
    for (const variant of logo.variants)
      expect(await storage.exists(variant.key, 'public')).toBe(true)
    for (const variant of orphan.variants)
      expect(await storage.exists(variant.key, 'public')).toBe(false)
    expect(await storage.exists(orphanPaper.key, 'private')).toBe(false)
    expect(fs.readdirSync(path.join(process.env.DATA_DIR!, 'uploads', 'public')).length).toBe(
      logo.variants.length,
    )
  })
})
