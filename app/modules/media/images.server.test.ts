import crypto from 'node:crypto'
import sharp from 'sharp'
import { describe, expect, test } from 'vitest'
import { type StoredImage } from '#db/schema/cooperatives.ts'
import { imageSrcSet } from './image-urls.ts'
import { deleteStoredImage, storeImage, variantWidths } from './images.server.ts'
import { createLimiter } from './sharp.server.ts'
import { getStorage, setStorage, type MediaStorage } from './storage.server.ts'
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

const { storage, files } = temporaryMediaStorage()

async function variantFile(key: string) {
  const file = await getStorage().get(key, 'public')
  if (!file) throw new Error(`${key} was not stored`)
  return file
}

async function pixelAt(file: Buffer, x: number, y: number) {
  const { data, info } = await sharp(file).raw().toBuffer({ resolveWithObject: true })
  const i = (y * info.width + x) * info.channels
  return { r: data[i]!, g: data[i + 1]!, b: data[i + 2]! }
}

const webpWidths = (image: StoredImage) =>
  image.variants.filter((v) => v.format === 'webp').map((v) => v.width)

describe('storeImage', () => {
  test('turns a sideways phone photo upright and strips its EXIF, GPS and profile', async () => {
    const photo = await sidewaysJpegWithGps(1600, 1200)
    const input = await sharp(photo).metadata()
    expect(input).toMatchObject({ width: 1600, height: 1200, orientation: 6 })
    expect(hasGpsDirectory(input.exif)).toBe(true)
    expect(input.icc).toBeDefined()

    const image = await storeImage(photo)

    expect({ width: image.width, height: image.height }).toEqual({ width: 1200, height: 1600 })
    expect(webpWidths(image)).toEqual([320, 640, 960, 1200])
    for (const variant of image.variants) {
      const { data } = await variantFile(variant.key)
      const metadata = await sharp(data).metadata()
      expect(metadata.format).toBe(variant.format === 'webp' ? 'webp' : 'heif')
      expect(metadata.width).toBe(variant.width)
      // Upright: taller than wide, in the proportions of the original.
      expect(metadata.height).toBe(Math.round((variant.width * 1600) / 1200))
      expect(await metadataLeft(data), variant.key).toEqual(noMetadata)
      expect(data.includes(Buffer.from('TestPhone')), variant.key).toBe(false)
      // The red block of the top-left stored corner is now in the top-right corner.
      const topRight = await pixelAt(data, variant.width - 8, 8)
      const topLeft = await pixelAt(data, 8, 8)
      expect(topRight.r, variant.key).toBeGreaterThan(200)
      expect(topRight.g + topRight.b, variant.key).toBeLessThan(100)
      expect(topLeft.r, variant.key).toBeLessThan(150)
    }
    await deleteStoredImage(image)
    expect(files()).toEqual([])
  })

  test('stores WebP at 320, 640, 960 and 1280 px, AVIF where it is smaller, named by content', async () => {
    const image = await storeImage(await photoPixels(2400, 1600).jpeg({ quality: 90 }).toBuffer())

    expect({ width: image.width, height: image.height }).toEqual({ width: 2400, height: 1600 })
    expect(webpWidths(image)).toEqual([320, 640, 960, 1280])
    expect(image.key).toBe(image.variants.find((v) => v.format === 'webp' && v.width === 1280)?.key)
    const avif = image.variants.filter((v) => v.format === 'avif')
    expect(avif.length).toBeGreaterThan(0)
    for (const variant of image.variants) {
      const { data, contentType } = await variantFile(variant.key)
      expect(contentType).toBe(`image/${variant.format}`)
      const hash = crypto.createHash('sha256').update(data).digest('hex').slice(0, 32)
      expect(variant.key).toBe(`${hash}-${variant.width}.${variant.format}`)
      expect((await sharp(data).metadata()).width).toBe(variant.width)
    }
    for (const variant of avif) {
      const webp = image.variants.find((v) => v.format === 'webp' && v.width === variant.width)!
      const avifSize = (await variantFile(variant.key)).data.length
      expect(avifSize).toBeLessThan((await variantFile(webp.key)).data.length)
    }
    expect(files()).toHaveLength(image.variants.length)
    await deleteStoredImage(image)
  })

  test('keeps AVIF only where it pays', async () => {
    // A plain colour: at 320 px WebP's few bytes beat AVIF's container, so no AVIF there.
    const plain = await sharp({
      create: { width: 700, height: 700, channels: 3, background: '#b5532a' },
    })
      .png()
      .toBuffer()
    const image = await storeImage(plain)
    const avif = image.variants.filter((v) => v.format === 'avif')
    expect(webpWidths(image)).toEqual([320, 640, 700])
    expect(avif.map((v) => v.width)).not.toContain(320)
    for (const variant of avif) {
      const webp = image.variants.find((v) => v.format === 'webp' && v.width === variant.width)!
      expect((await variantFile(variant.key)).data.length).toBeLessThan(
        (await variantFile(webp.key)).data.length,
      )
    }
    expect(imageSrcSet(image, 'avif')).not.toMatch(/ 320w/)
    await deleteStoredImage(image)
  })

  test('never enlarges: a small image keeps its own width as its only variant', async () => {
    const small = await storeImage(await photoPixels(200, 150).png().toBuffer())
    expect(webpWidths(small)).toEqual([200])
    expect(small.variants.every((v) => v.width === 200)).toBe(true)
    expect((await sharp((await variantFile(small.key)).data).metadata()).width).toBe(200)

    const medium = await storeImage(await photoPixels(1000, 500).png().toBuffer())
    expect(webpWidths(medium)).toEqual([320, 640, 960, 1000])

    const exact = await storeImage(await photoPixels(640, 480).png().toBuffer())
    expect(webpWidths(exact)).toEqual([320, 640])
    await Promise.all([small, medium, exact].map((image) => deleteStoredImage(image)))
  })

  test('narrows a very tall image so that no variant is over 5120 px tall', async () => {
    const banner = await sharp({
      create: { width: 1000, height: 8000, channels: 3, background: '#2a6b5b' },
    })
      .png()
      .toBuffer()
    const image = await storeImage(banner)
    expect({ width: image.width, height: image.height }).toEqual({ width: 1000, height: 8000 })
    expect(webpWidths(image)).toEqual([320, 640])
    expect(await sharp((await variantFile(image.key)).data).metadata()).toMatchObject({
      width: 640,
      height: 5120,
    })
    await deleteStoredImage(image)
  })

  test('chooses widths without enlarging', () => {
    expect(variantWidths(4000)).toEqual([320, 640, 960, 1280])
    expect(variantWidths(1280)).toEqual([320, 640, 960, 1280])
    expect(variantWidths(1279)).toEqual([320, 640, 960, 1279])
    expect(variantWidths(321)).toEqual([320, 321])
    expect(variantWidths(320)).toEqual([320])
    expect(variantWidths(48)).toEqual([48])
  })

  test('accepts PNG with transparency, WebP and AVIF', async () => {
    const transparent = await sharp({
      create: {
        width: 400,
        height: 300,
        channels: 4,
        background: { r: 20, g: 120, b: 60, alpha: 0.5 },
      },
    })
      .png()
      .toBuffer()
    const inputs = [
      transparent,
      await photoPixels(500, 400).webp({ quality: 90 }).toBuffer(),
      await photoPixels(500, 400).avif({ quality: 70 }).toBuffer(),
    ]
    for (const input of inputs) {
      const image = await storeImage(input)
      expect(webpWidths(image)).toEqual(input === transparent ? [320, 400] : [320, 500])
      const largest = await sharp((await variantFile(image.key)).data).metadata()
      expect(largest.hasAlpha).toBe(input === transparent)
      await deleteStoredImage(image)
    }
    expect(files()).toEqual([])
  })

  test('makes a tiny blurred WebP placeholder', async () => {
    const image = await storeImage(await photoPixels(1200, 900).jpeg().toBuffer())
    expect(image.placeholder).toMatch(/^data:image\/webp;base64,[A-Za-z0-9+/]+=*$/)
    expect(image.placeholder.length).toBeLessThan(1000)
    const tiny = Buffer.from(image.placeholder.split(',')[1]!, 'base64')
    expect(await sharp(tiny).metadata()).toMatchObject({ format: 'webp', width: 24, height: 18 })
    await deleteStoredImage(image)
  })

  test('gives srcset strings per format', async () => {
    const image = await storeImage(await photoPixels(1400, 1000).jpeg().toBuffer())
    const webp = image.variants.filter((v) => v.format === 'webp')
    expect(imageSrcSet(image, 'webp')).toBe(
      webp.map((v) => `/media/${v.key} ${v.width}w`).join(', '),
    )
    expect(imageSrcSet(image, 'webp')).toMatch(/^\/media\/[0-9a-f]{32}-320\.webp 320w, .+ 1280w$/)
    await deleteStoredImage(image)
  })

  test('deleting an image replaced by the same picture keeps the shared files', async () => {
    const bytes = await photoPixels(700, 500).png().toBuffer()
    const first = await storeImage(bytes)
    const stored = files()
    const again = await storeImage(bytes)
    expect(again).toEqual(first)
    expect(files()).toEqual(stored)

    await deleteStoredImage(first, { keep: again })
    expect(files()).toEqual(stored)
    await deleteStoredImage(again)
    expect(files()).toEqual([])
  })
})

describe('storeImage refusals leave nothing on disk', () => {
  const refusals: [string, () => Promise<Buffer>, string, string][] = [
    [
      'a PNG declaring 30000×30000 pixels',
      async () => pngDeclaring(30_000, 30_000),
      'invalid',
      'errors.upload.imageTooManyPixels',
    ],
    [
      'a truncated JPEG',
      async () => {
        const jpeg = await photoPixels(800, 600).jpeg().toBuffer()
        return jpeg.subarray(0, Math.floor(jpeg.length * 0.6))
      },
      'invalid',
      'errors.upload.imageCorrupt',
    ],
    [
      'a PNG whose pixels are damaged',
      async () => {
        const png = Buffer.from(await photoPixels(300, 200).png().toBuffer())
        png.fill(0x41, 200, 400)
        return png
      },
      'invalid',
      'errors.upload.imageCorrupt',
    ],
    [
      'a text file named photo.jpg',
      async () => {
        const file = new File(['Salam! This is not a photo.'], 'photo.jpg', { type: 'image/jpeg' })
        return Buffer.from(await file.arrayBuffer())
      },
      'unsupported',
      'errors.upload.imageType',
    ],
    [
      'an SVG with a script',
      async () =>
        Buffer.from(
          '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script><rect width="10" height="10"/></svg>',
        ),
      'unsupported',
      'errors.upload.imageType',
    ],
    [
      'a GIF',
      () =>
        sharp({ create: { width: 20, height: 20, channels: 3, background: '#c33' } })
          .gif()
          .toBuffer(),
      'unsupported',
      'errors.upload.imageType',
    ],
    [
      'a PDF',
      async () => Buffer.from('%PDF-1.4\n%%EOF\n'),
      'unsupported',
      'errors.upload.imageType',
    ],
    [
      'a file over 10 MB',
      async () => {
        const big = Buffer.alloc(10 * 1024 * 1024 + 1)
        big.set([0xff, 0xd8, 0xff, 0xe0])
        return big
      },
      'too_large',
      'errors.upload.imageTooLarge',
    ],
  ]

  test.each(refusals)('%s', async (_name, make, code, key) => {
    const bytes = await make()
    const before = files()
    const error = await expectRefusal(storeImage(bytes), code as 'invalid', key)
    expect(files()).toEqual(before)
    if (key === 'errors.upload.imageTooLarge') expect(error.details).toEqual({ megabytes: 10 })
    if (key === 'errors.upload.imageTooManyPixels')
      expect(error.details).toEqual({ megapixels: 40 })
  })

  test('a storage failure after some variants were written removes them', async () => {
    let puts = 0
    const failing: MediaStorage = {
      ...storage,
      async put(key, data, options) {
        puts += 1
        if (puts === 3) throw new Error('disk full')
        return storage.put(key, data, options)
      },
    }
    setStorage(failing)
    try {
      const before = files()
      await expect(storeImage(await photoPixels(1400, 1000).jpeg().toBuffer())).rejects.toThrow(
        'disk full',
      )
      expect(puts).toBe(3)
      expect(files()).toEqual(before)
    } finally {
      setStorage(storage)
    }
  })
})

describe('image slots', () => {
  test('run at most the given number of tasks at once, in order', async () => {
    const limiter = createLimiter(2)
    let running = 0
    let most = 0
    const order: number[] = []
    const releases: (() => void)[] = []
    const tasks = [0, 1, 2, 3, 4].map((n) =>
      limiter.run(async () => {
        running += 1
        most = Math.max(most, running)
        order.push(n)
        await new Promise<void>((resolve) => releases.push(resolve))
        running -= 1
      }),
    )
    await new Promise((resolve) => setImmediate(resolve))
    expect(limiter.active).toBe(2)
    expect(limiter.waiting).toBe(3)
    while (releases.length || limiter.active) {
      releases.shift()?.()
      await new Promise((resolve) => setImmediate(resolve))
    }
    await Promise.all(tasks)
    expect(most).toBe(2)
    expect(order).toEqual([0, 1, 2, 3, 4])
  })

  test('free the slot of a task that fails', async () => {
    const limiter = createLimiter(1)
    await expect(limiter.run(() => Promise.reject(new Error('broken')))).rejects.toThrow('broken')
    expect(await limiter.run(async () => 'next')).toBe('next')
    expect(limiter.active).toBe(0)
  })

  test('process several uploads at once', async () => {
    const inputs = await Promise.all(
      [1, 2, 3, 4].map((seed) => photoPixels(500, 300, seed).jpeg().toBuffer()),
    )
    const images = await Promise.all(inputs.map((bytes) => storeImage(bytes)))
    expect(new Set(images.map((image) => image.key)).size).toBe(4)
    await Promise.all(images.map((image) => deleteStoredImage(image)))
    expect(files()).toEqual([])
  })
})

describe('extreme shapes (issue 13)', () => {
  test('a 16 × 2,400,000 px strip (under the pixel limit) is refused with a 400, not a 500', async () => {
    const strip = await sharp({
      create: { width: 16, height: 2_400_000, channels: 3, background: '#ffffff' },
    })
      .png()
      .toBuffer()
    const error = await expectRefusal(storeImage(strip), 'invalid', 'hardening.extremeAspectRatio')
    expect(error.status).toBe(400)
    expect(error.details).toEqual({ ratio: 20 })
    const wide = await sharp({
      create: { width: 2100, height: 100, channels: 3, background: '#000' },
    })
      .png()
      .toBuffer()
    await expectRefusal(storeImage(wide), 'invalid', 'hardening.extremeAspectRatio')
  })

  test('a panorama of 1:6 is still taken', async () => {
    const panorama = await sharp({
      create: { width: 1800, height: 300, channels: 3, background: '#1d4f91' },
    })
      .png()
      .toBuffer()
    await expect(storeImage(panorama)).resolves.toMatchObject({ width: 1800, height: 300 })
  })
})
