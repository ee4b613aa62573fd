import crypto from 'node:crypto'
import sharp from 'sharp'
import { DomainError } from '#app/utils/errors.server.ts'
import { detectFileType } from './file-type.ts'
import { decodeFailure, decodeOptions, readUprightSize, withImageSlot } from './sharp.server.ts'
import { getStorage, type StorageExtension } from './storage.server.ts'

export const maxDocumentBytes = 10 * 1024 * 1024

export type DocumentContentType = 'application/pdf' | 'image/jpeg' | 'image/png'

/** A legal paper or certificate evidence in the private storage area. */
export type StoredDocument = { key: string; contentType: DocumentContentType; size: number }

const decodeErrorKeys = {
  corrupt: 'errors.upload.documentCorrupt',
  tooManyPixels: 'errors.upload.documentTooManyPixels',
}

const kinds = {
  pdf: { extension: 'pdf', contentType: 'application/pdf' },
  jpeg: { extension: 'jpg', contentType: 'image/jpeg' },
  png: { extension: 'png', contentType: 'image/png' },
} as const satisfies Record<
  string,
  { extension: StorageExtension; contentType: DocumentContentType }
>

/**
 * A photo or scan is decoded and encoded again at its full size, upright and without its
 * metadata, so the EXIF of a phone (GPS position, owner) never reaches the reviewers' disks.
 */
async function reencode(bytes: Buffer, format: 'jpeg' | 'png') {
  await readUprightSize(bytes, format, decodeErrorKeys)
  const pipeline = sharp(bytes, decodeOptions).rotate()
  try {
    return format === 'jpeg'
      ? await pipeline.jpeg({ quality: 88, mozjpeg: true }).toBuffer()
      : await pipeline.png({ compressionLevel: 9 }).toBuffer()
  } catch (error) {
    throw decodeFailure(error, decodeErrorKeys)
  }
}

/**
 * Checks and stores a document (PDF, JPEG or PNG, told apart by its bytes, at most 10 MB)
 * under a random name in the private area. Only routes that check who asks may read it.
 */
export async function storeDocument(bytes: Buffer): Promise<StoredDocument> {
  if (bytes.length > maxDocumentBytes) {
    throw new DomainError('too_large', 'errors.upload.documentTooLarge', {
      details: { megabytes: maxDocumentBytes / 1024 / 1024 },
    })
  }
  const type = detectFileType(bytes)
  if (type !== 'pdf' && type !== 'jpeg' && type !== 'png') {
    throw new DomainError('unsupported', 'errors.upload.documentType')
  }
  // A PDF is kept byte for byte (detectFileType has checked that it starts with `%PDF-`).
  // It may still carry scripts for the viewer that opens it: routes that serve documents
  // send them as attachments with `nosniff`, never inline from the marketplace's origin.
  const data = type === 'pdf' ? bytes : await withImageSlot(() => reencode(bytes, type))
  const { extension, contentType } = kinds[type]
  const key = `${crypto.randomBytes(16).toString('hex')}.${extension}`
  await getStorage().put(key, data, { visibility: 'private', contentType })
  return { key, contentType, size: data.length }
}

/** The bytes of a private document, or null when the key is unknown or malformed. */
export async function readDocument(
  key: string,
): Promise<{ data: Buffer; contentType: DocumentContentType } | null> {
  const file = await getStorage().get(key, 'private')
  if (!file) return null
  const kind = Object.values(kinds).find((k) => k.contentType === file.contentType)
  return kind ? { data: file.data, contentType: kind.contentType } : null
}

export async function deleteDocument(key: string): Promise<void> {
  await getStorage().delete(key, 'private')
}
