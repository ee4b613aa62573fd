import sharp from 'sharp'
import { describe, expect, test } from 'vitest'
import { deleteDocument, readDocument, storeDocument } from './documents.server.ts'
import {
  expectRefusal,
  hasGpsDirectory,
  metadataLeft,
  noMetadata,
  photoPixels,
  pngDeclaring,
  sidewaysJpegWithGps,
  temporaryMediaStorage,
} from './testing.server.ts'

const { files } = temporaryMediaStorage()

const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n' +
    '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
)

describe('storeDocument', () => {
  test('keeps a PDF byte for byte in the private area under a random name', async () => {
    const document = await storeDocument(pdf)
    expect(document).toEqual({
      key: expect.stringMatching(/^[0-9a-f]{32}\.pdf$/),
      contentType: 'application/pdf',
      size: pdf.length,
    })
    expect(files()).toEqual([`private/${document.key}`])
    expect(await readDocument(document.key)).toEqual({ data: pdf, contentType: 'application/pdf' })

    const again = await storeDocument(pdf)
    expect(again.key).not.toBe(document.key)
    await deleteDocument(document.key)
    await deleteDocument(again.key)
    expect(files()).toEqual([])
    expect(await readDocument(document.key)).toBeNull()
  })

  test('re-encodes a photographed paper upright, without EXIF or GPS', async () => {
    const photo = await sidewaysJpegWithGps(1200, 900)
    expect(hasGpsDirectory((await sharp(photo).metadata()).exif)).toBe(true)

    const document = await storeDocument(photo)
    expect(document.key).toMatch(/^[0-9a-f]{32}\.jpg$/)
    expect(document.contentType).toBe('image/jpeg')
    const stored = await readDocument(document.key)
    expect(stored?.contentType).toBe('image/jpeg')
    expect(stored?.data.length).toBe(document.size)
    expect(stored?.data.equals(photo)).toBe(false)
    // Full size and upright: a reviewer must be able to read the paper.
    expect(await sharp(stored!.data).metadata()).toMatchObject({
      format: 'jpeg',
      width: 900,
      height: 1200,
    })
    expect(await metadataLeft(stored!.data)).toEqual(noMetadata)
    expect(stored!.data.includes(Buffer.from('TestPhone'))).toBe(false)
    await deleteDocument(document.key)
  })

  test('re-encodes a PNG scan as PNG', async () => {
    const scan = await photoPixels(600, 800)
      .withExif({ IFD0: { Copyright: 'scanner' } })
      .png()
      .toBuffer()
    const document = await storeDocument(scan)
    expect(document.key).toMatch(/^[0-9a-f]{32}\.png$/)
    expect(document.contentType).toBe('image/png')
    const stored = await readDocument(document.key)
    expect(await sharp(stored!.data).metadata()).toMatchObject({ format: 'png', width: 600 })
    expect(await metadataLeft(stored!.data)).toEqual(noMetadata)
    await deleteDocument(document.key)
  })

  const refusals: [string, () => Promise<Buffer>, string, string][] = [
    [
      'an HTML page',
      async () => Buffer.from('<!doctype html><script>fetch("/account")</script>'),
      'unsupported',
      'errors.upload.documentType',
    ],
    [
      'an SVG',
      async () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>'),
      'unsupported',
      'errors.upload.documentType',
    ],
    [
      'a PDF that does not start with %PDF-',
      async () => Buffer.concat([Buffer.from('<html>'), pdf]),
      'unsupported',
      'errors.upload.documentType',
    ],
    [
      'a WebP photo',
      () => photoPixels(100, 100).webp().toBuffer(),
      'unsupported',
      'errors.upload.documentType',
    ],
    [
      'a file over 10 MB',
      async () => Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024)]),
      'too_large',
      'errors.upload.documentTooLarge',
    ],
    [
      'a truncated JPEG',
      async () => {
        const jpeg = await photoPixels(800, 600).jpeg().toBuffer()
        return jpeg.subarray(0, Math.floor(jpeg.length / 2))
      },
      'invalid',
      'errors.upload.documentCorrupt',
    ],
    [
      'a PNG declaring 30000×30000 pixels',
      async () => pngDeclaring(30_000, 30_000),
      'invalid',
      'errors.upload.documentTooManyPixels',
    ],
  ]

  test.each(refusals)('refuses %s and stores nothing', async (_name, make, code, key) => {
    const bytes = await make()
    const before = files()
    await expectRefusal(storeDocument(bytes), code as 'invalid', key)
    expect(files()).toEqual(before)
  })

  test('reads nothing for unknown or malformed keys', async () => {
    expect(await readDocument('0123456789abcdef0123456789abcdef.pdf')).toBeNull()
    expect(await readDocument('../../etc/passwd')).toBeNull()
    expect(await readDocument('')).toBeNull()
  })
})
