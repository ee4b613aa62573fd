import crypto from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { getEnv } from '#app/utils/env.server.ts'
import { imageUrl } from './image-urls.ts'

export type Visibility = 'public' | 'private'

/**
 * Where uploaded files live. Public files are served by `/media/<key>`; private ones only
 * through routes that check who is asking. An S3-compatible store can replace the disk
 * behind this same interface.
 */
export type MediaStorage = {
  put(
    key: string,
    data: Buffer | Uint8Array,
    options: { visibility: Visibility; contentType: string },
  ): Promise<void>
  get(key: string, visibility: Visibility): Promise<{ data: Buffer; contentType: string } | null>
  exists(key: string, visibility: Visibility): Promise<boolean>
  delete(key: string, visibility: Visibility): Promise<void>
  /** Every stored key of one area, with when it was written (for the sweeper). */
  list(visibility: Visibility): Promise<{ key: string; modifiedAt: Date }[]>
  url(key: string): string
}

const contentTypeByExtension = {
  webp: 'image/webp',
  avif: 'image/avif',
  jpg: 'image/jpeg',
  png: 'image/png',
  pdf: 'application/pdf',
} as const

export type StorageExtension = keyof typeof contentTypeByExtension

/**
 * Keys are names we generate (a hex hash or random id, an optional `-<width>`, an
 * extension), never names from the user: nothing else can be read or written, so `..`,
 * slashes and hidden files are out of reach.
 */
const keyPattern = /^[0-9a-f]{32}(?:-[1-9][0-9]{0,4})?\.(webp|avif|jpg|png|pdf)$/

export function isValidStorageKey(key: string): boolean {
  return keyPattern.test(key)
}

/** The content type a key stands for (it is kept in the extension), or null for a bad key. */
export function contentTypeOfKey(key: string): string | null {
  const extension = keyPattern.exec(key)?.[1] as StorageExtension | undefined
  return extension ? contentTypeByExtension[extension] : null
}

function assertValidKey(key: string) {
  if (!isValidStorageKey(key)) throw new Error(`Invalid storage key: ${JSON.stringify(key)}`)
}

function isMissingFile(error: unknown) {
  return (error as NodeJS.ErrnoException | null)?.code === 'ENOENT'
}

/** Files under `<dataDir>/uploads/public` and `<dataDir>/uploads/private`. */
export function createDiskStorage(dataDir: string): MediaStorage {
  const root = path.resolve(dataDir, 'uploads')
  const folder = (visibility: Visibility) => path.join(root, visibility)

  return {
    async put(key, data, { visibility, contentType }) {
      assertValidKey(key)
      if (contentTypeOfKey(key) !== contentType) {
        throw new Error(`Content type ${contentType} does not match the key ${key}`)
      }
      const dir = folder(visibility)
      await fs.mkdir(dir, { recursive: true })
      // Written beside the target then renamed: a reader never sees half a file, and a
      // crash leaves only a hidden temporary file, never a truncated image under its key.
      const temporary = path.join(dir, `.tmp-${crypto.randomUUID()}`)
      try {
        const handle = await fs.open(temporary, 'wx')
        try {
          await handle.writeFile(data)
          await handle.datasync()
        } finally {
          await handle.close()
        }
        await fs.rename(temporary, path.join(dir, key))
      } catch (error) {
        await fs.rm(temporary, { force: true })
        throw error
      }
    },

    async get(key, visibility) {
      const contentType = contentTypeOfKey(key)
      if (!contentType) return null
      try {
        return { data: await fs.readFile(path.join(folder(visibility), key)), contentType }
      } catch (error) {
        if (isMissingFile(error)) return null
        throw error
      }
    },

    async exists(key, visibility) {
      if (!isValidStorageKey(key)) return false
      try {
        return (await fs.stat(path.join(folder(visibility), key))).isFile()
      } catch (error) {
        if (isMissingFile(error)) return false
        throw error
      }
    },

    async delete(key, visibility) {
      assertValidKey(key)
      await fs.rm(path.join(folder(visibility), key), { force: true })
    },

    async list(visibility) {
      let names: string[]
      try {
        names = await fs.readdir(folder(visibility))
      } catch (error) {
        if (isMissingFile(error)) return []
        throw error
      }
      const files = []
      for (const name of names.filter(isValidStorageKey)) {
        const stat = await fs.stat(path.join(folder(visibility), name)).catch(() => null)
        if (stat?.isFile()) files.push({ key: name, modifiedAt: stat.mtime })
      }
      return files
    },

    url(key) {
      return imageUrl(key)
    },
  }
}

let storage: MediaStorage | undefined

/** The storage of this process, on disk under DATA_DIR unless a test set another. */
export function getStorage(): MediaStorage {
  storage ??= createDiskStorage(getEnv().DATA_DIR)
  return storage
}

/** For tests (and scripts): use this storage; `undefined` goes back to DATA_DIR. */
export function setStorage(next: MediaStorage | undefined) {
  storage = next
}
