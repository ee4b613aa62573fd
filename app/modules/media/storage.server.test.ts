import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { resetEnvCache } from '#app/utils/env.server.ts'
import {
  contentTypeOfKey,
  createDiskStorage,
  getStorage,
  isValidStorageKey,
  setStorage,
} from './storage.server.ts'
import { temporaryMediaStorage } from './testing.server.ts'

const { dataDir, storage, files } = temporaryMediaStorage()
const hex = 'a3f9c2e4b5d6978812345678abcdef01'

describe('disk storage', () => {
  test('keeps public and private files apart, with the content type of their extension', async () => {
    await storage.put(`${hex}-320.webp`, Buffer.from('webp bytes'), {
      visibility: 'public',
      contentType: 'image/webp',
    })
    await storage.put(`${hex}.pdf`, Buffer.from('%PDF-1.4'), {
      visibility: 'private',
      contentType: 'application/pdf',
    })
    expect(files()).toEqual([`private/${hex}.pdf`, `public/${hex}-320.webp`])
    expect(await storage.get(`${hex}-320.webp`, 'public')).toEqual({
      data: Buffer.from('webp bytes'),
      contentType: 'image/webp',
    })
    expect(await storage.get(`${hex}.pdf`, 'public')).toBeNull()
    expect(await storage.get(`${hex}-320.webp`, 'private')).toBeNull()
    expect(await storage.exists(`${hex}.pdf`, 'private')).toBe(true)
    expect(await storage.exists(`${hex}.pdf`, 'public')).toBe(false)

    await storage.delete(`${hex}-320.webp`, 'public')
    await storage.delete(`${hex}.pdf`, 'private')
    await storage.delete(`${hex}.pdf`, 'private') // already gone: nothing to do
    expect(files()).toEqual([])
  })

  test('replaces a file whole and leaves no temporary file', async () => {
    const key = `${hex}-640.avif`
    await storage.put(key, Buffer.alloc(1000, 1), {
      visibility: 'public',
      contentType: 'image/avif',
    })
    await storage.put(key, Buffer.alloc(10, 2), { visibility: 'public', contentType: 'image/avif' })
    expect((await storage.get(key, 'public'))?.data).toEqual(Buffer.alloc(10, 2))
    expect(files()).toEqual([`public/${key}`])
    await storage.delete(key, 'public')
  })

  test('removes its temporary file when the write fails', async () => {
    const key = `${hex}-1280.webp`
    // A folder where the file should go: the rename fails after the data was written.
    fs.mkdirSync(path.join(dataDir, 'uploads', 'public', key), { recursive: true })
    await expect(
      storage.put(key, Buffer.from('x'), { visibility: 'public', contentType: 'image/webp' }),
    ).rejects.toThrow()
    expect(files()).toEqual([])
    fs.rmSync(path.join(dataDir, 'uploads', 'public', key), { recursive: true })
  })

  test('refuses a content type that is not the one of the key', async () => {
    await expect(
      storage.put(`${hex}.pdf`, Buffer.from('<html>'), {
        visibility: 'private',
        contentType: 'text/html',
      }),
    ).rejects.toThrow(/does not match/)
    expect(files()).toEqual([])
  })

  test('accepts only generated names, so no key can leave its folder', async () => {
    const outside = path.join(dataDir, 'outside.webp')
    fs.writeFileSync(outside, 'secret')
    const badKeys = [
      '../outside.webp',
      `../../uploads/private/${hex}.pdf`,
      `public/${hex}.webp`,
      `${hex}/../${hex}.webp`,
      `..%2f${hex}.webp`,
      `${hex}.webp/`,
      `.${hex}.webp`,
      `.tmp-${hex}`,
      `${hex.toUpperCase()}.webp`,
      `${hex}.svg`,
      `${hex}.html`,
      `${hex}.webp.html`,
      `${hex}`,
      `${hex}-0.webp`,
      `${hex}\0.webp`,
      '',
      '/etc/passwd',
      'outside.webp',
    ]
    for (const key of badKeys) {
      expect(isValidStorageKey(key), key).toBe(false)
      expect(contentTypeOfKey(key), key).toBeNull()
      expect(await storage.get(key, 'public'), key).toBeNull()
      expect(await storage.exists(key, 'public'), key).toBe(false)
      await expect(
        storage.put(key, Buffer.from('x'), { visibility: 'public', contentType: 'image/webp' }),
        key,
      ).rejects.toThrow(/Invalid storage key/)
      await expect(storage.delete(key, 'public'), key).rejects.toThrow(/Invalid storage key/)
    }
    expect(fs.readFileSync(outside, 'utf8')).toBe('secret')
    expect(files()).toEqual([])
    fs.rmSync(outside)
  })

  test('gives the public URL of a key', () => {
    expect(storage.url(`${hex}-320.webp`)).toBe(`/media/${hex}-320.webp`)
  })
})

describe('getStorage', () => {
  const savedDataDir = process.env.DATA_DIR
  afterEach(() => {
    if (savedDataDir === undefined) delete process.env.DATA_DIR
    else process.env.DATA_DIR = savedDataDir
    resetEnvCache()
    setStorage(storage)
  })

  test('stores under DATA_DIR/uploads unless a test set another storage', async () => {
    const otherDir = fs.mkdtempSync(path.join(os.tmpdir(), 'taawun-media-env-'))
    try {
      process.env.DATA_DIR = otherDir
      resetEnvCache()
      setStorage(undefined)
      const processStorage = getStorage()
      expect(getStorage()).toBe(processStorage)
      await processStorage.put(`${hex}-320.webp`, Buffer.from('x'), {
        visibility: 'public',
        contentType: 'image/webp',
      })
      expect(fs.readdirSync(path.join(otherDir, 'uploads', 'public'))).toEqual([`${hex}-320.webp`])

      const replacement = createDiskStorage(dataDir)
      setStorage(replacement)
      expect(getStorage()).toBe(replacement)
    } finally {
      fs.rmSync(otherDir, { recursive: true, force: true })
    }
  })
})
