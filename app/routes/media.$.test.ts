import { describe, expect, test } from 'vitest'
import { storeDocument } from '#app/modules/media/documents.server.ts'
import { deleteStoredImage, storeImage } from '#app/modules/media/images.server.ts'
import { photoPixels, temporaryMediaStorage } from '#app/modules/media/testing.server.ts'
import { call, makeRequest } from '#tests/helpers.ts'
import { loader } from './media.$.ts'

const { storage } = temporaryMediaStorage()

async function get(key: string) {
  const response = await call(loader, makeRequest(`/media/${key}`), { '*': key })
  if (!(response instanceof Response)) throw new Error('Expected a Response')
  return response
}

describe('/media/*', () => {
  test('serves every variant with its type, a year of caching and nosniff', async () => {
    const image = await storeImage(await photoPixels(900, 600).jpeg().toBuffer())
    expect(image.variants.some((v) => v.format === 'avif')).toBe(true)
    for (const variant of image.variants) {
      const response = await get(variant.key)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe(`image/${variant.format}`)
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      const body = Buffer.from(await response.arrayBuffer())
      expect(response.headers.get('content-length')).toBe(String(body.length))
      expect(body.equals((await storage.get(variant.key, 'public'))!.data)).toBe(true)
    }
    await deleteStoredImage(image)
    expect((await get(image.key)).status).toBe(404)
  })

  test.each([
    '0123456789abcdef0123456789abcdef-320.webp',
    '0123456789abcdef0123456789abcdef-320.avif',
    '../../package.json',
    '..%2F..%2Fpackage.json',
    'uploads/public/0123456789abcdef0123456789abcdef-320.webp',
    '0123456789abcdef0123456789abcdef-320.svg',
    '0123456789abcdef0123456789abcdef-320.WEBP',
    'favicon.ico',
    '',
  ])('answers 404 to %j', async (key) => {
    const response = await get(key)
    expect(response.status).toBe(404)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/)
  })

  test('never serves private files', async () => {
    const pdf = await storeDocument(Buffer.from('%PDF-1.4\n%%EOF\n'))
    const scan = await storeDocument(await photoPixels(300, 200).jpeg().toBuffer())
    // Even an image type, if it sits in the private area.
    const key = 'fedcba9876543210fedcba9876543210-320.webp'
    await storage.put(key, Buffer.from('RIFF\0\0\0\0WEBP'), {
      visibility: 'private',
      contentType: 'image/webp',
    })
    for (const privateKey of [pdf.key, scan.key, key]) {
      expect(await storage.exists(privateKey, 'private')).toBe(true)
      expect((await get(privateKey)).status, privateKey).toBe(404)
    }
  })
})
