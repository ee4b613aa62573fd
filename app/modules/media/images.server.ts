import crypto from 'node:crypto'
import sharp from 'sharp'
import { type StoredImage } from '#db/schema/cooperatives.ts'
import { DomainError } from '#app/utils/errors.server.ts'
import { detectFileType, type FileType } from './file-type.ts'
import {
  decodeFailure,
  decodeOptions,
  type ImageFormat,
  readUprightSize,
  withImageSlot,
} from './sharp.server.ts'
import { getStorage } from './storage.server.ts'

export const maxImageBytes = 10 * 1024 * 1024

/** Widths of the variants: phones (320, 640), a full-width photo on a phone (960), wide screens (1280). */
export const imageWidths = [320, 640, 960, 1280] as const
const widest = imageWidths[imageWidths.length - 1]!
/** A very tall image (a long banner, a screenshot) is narrowed to keep this height at most. */
const tallest = widest * 4

function isAcceptedFormat(type: FileType | null): type is ImageFormat {
  return type === 'jpeg' || type === 'png' || type === 'webp' || type === 'avif'
}

const decodeErrorKeys = {
  corrupt: 'errors.upload.imageCorrupt',
  tooManyPixels: 'errors.upload.imageTooManyPixels',
}

type RawImage = { data: Buffer; info: { width: number; height: number; channels: 1 | 2 | 3 | 4 } }
type EncodedFile = { key: string; width: number; format: 'webp' | 'avif'; data: Buffer }

/**
 * The widths to produce for an image `available` pixels wide: the standard widths below it,
 * then `available` itself (capped at 1280), so nothing is ever enlarged and even a small
 * logo has one variant.
 */
export function variantWidths(available: number): number[] {
  const top = Math.min(available, widest)
  return [...imageWidths.filter((width) => width < top), top]
}

function contentKey(data: Buffer, width: number, format: 'webp' | 'avif') {
  const hash = crypto.createHash('sha256').update(data).digest('hex').slice(0, 32)
  return `${hash}-${width}.${format}`
}

function fromRaw(image: RawImage) {
  const { width, height, channels } = image.info
  return sharp(image.data, { raw: { width, height, channels } })
}

async function toRaw(pipeline: sharp.Sharp): Promise<RawImage> {
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true })
  return { data, info: { width: info.width, height: info.height, channels: info.channels } }
}

async function encodeWidth(raw: RawImage): Promise<EncodedFile[]> {
  const width = raw.info.width
  const [webp, avif] = await Promise.all([
    fromRaw(raw).webp({ quality: 80, effort: 4 }).toBuffer(),
    fromRaw(raw).avif({ quality: 50, effort: 3 }).toBuffer(),
  ])
  const files: EncodedFile[] = [
    { key: contentKey(webp, width, 'webp'), width, format: 'webp', data: webp },
  ]
  // AVIF is kept only where it pays: browsers that take it then download less.
  if (avif.length < webp.length) {
    files.push({ key: contentKey(avif, width, 'avif'), width, format: 'avif', data: avif })
  }
  return files
}

/** A blurred thumbnail of at most 24 px, shown inline while the real image loads. */
async function placeholderOf(raw: RawImage) {
  const tiny = await fromRaw(raw)
    .resize(24, 24, { fit: 'inside' })
    .blur(0.8)
    .webp({ quality: 40, smartSubsample: true })
    .toBuffer()
  return `data:image/webp;base64,${tiny.toString('base64')}`
}

async function encodeImage(bytes: Buffer, format: ImageFormat) {
  const upright = await readUprightSize(bytes, format, decodeErrorKeys)
  const top = Math.max(
    1,
    Math.min(upright.width, widest, Math.floor((upright.width * tallest) / upright.height)),
  )
  let largest: RawImage
  try {
    // Decoded once, turned upright and brought down to the widest variant; sharp keeps no
    // metadata in raw pixels, so no EXIF, GPS, XMP or ICC profile can reach the variants.
    // The embedded ICC profile is still used on the way in to convert colours to sRGB.
    largest = await toRaw(sharp(bytes, decodeOptions).rotate().resize({ width: top }))
  } catch (error) {
    throw decodeFailure(error, decodeErrorKeys)
  }
  const widths = variantWidths(top)
  const raws = await Promise.all(
    widths.map((width) =>
      width === largest.info.width ? largest : toRaw(fromRaw(largest).resize({ width })),
    ),
  )
  const files: EncodedFile[] = []
  for (const raw of raws) files.push(...(await encodeWidth(raw)))
  const placeholder = await placeholderOf(raws[0]!)
  return { upright, files, placeholder }
}

/** Writes the files that are not there yet; on failure removes those it wrote, then throws. */
async function writeAll(files: EncodedFile[]) {
  const storage = getStorage()
  const written: string[] = []
  try {
    for (const file of files) {
      // Names are content hashes: a file already there (the same picture uploaded again)
      // is identical, and it belongs to its first upload, so it is neither rewritten nor
      // removed on failure.
      if (await storage.exists(file.key, 'public')) continue
      await storage.put(file.key, file.data, {
        visibility: 'public',
        contentType: `image/${file.format}`,
      })
      written.push(file.key)
    }
  } catch (error) {
    await Promise.allSettled(written.map((key) => storage.delete(key, 'public')))
    throw error
  }
}

/**
 * Checks an uploaded photo or logo and stores it as WebP (and AVIF where smaller) at 320,
 * 640, 960 and 1280 px wide, never wider than the original. `width`/`height` are the original's
 * upright size; `key` is the widest WebP. A refusal or failure leaves no file behind.
 */
export async function storeImage(bytes: Buffer): Promise<StoredImage> {
  if (bytes.length > maxImageBytes) {
    throw new DomainError('too_large', 'errors.upload.imageTooLarge', {
      details: { megabytes: maxImageBytes / 1024 / 1024 },
    })
  }
  const format = detectFileType(bytes)
  if (!isAcceptedFormat(format)) {
    throw new DomainError('unsupported', 'errors.upload.imageType')
  }
  return withImageSlot(async () => {
    const { upright, files, placeholder } = await encodeImage(bytes, format)
    await writeAll(files)
    const webp = files.filter((file) => file.format === 'webp')
    return {
      key: webp[webp.length - 1]!.key,
      width: upright.width,
      height: upright.height,
      placeholder,
      variants: files.map(({ width, format, key }) => ({ width, format, key })),
    }
  })
}

/**
 * Removes an image's files. When a new image replaces an old one, pass it as `keep`: the
 * same picture uploaded again has the same content-hashed files, which must stay.
 */
export async function deleteStoredImage(
  image: StoredImage,
  options: { keep?: StoredImage | null } = {},
): Promise<void> {
  const storage = getStorage()
  const kept = new Set(options.keep?.variants.map((variant) => variant.key))
  const keys = new Set([image.key, ...image.variants.map((variant) => variant.key)])
  await Promise.all(
    [...keys].filter((key) => !kept.has(key)).map((key) => storage.delete(key, 'public')),
  )
}
