// What images and documents share: how sharp may read an upload, and how many run at once.
import sharp, { type SharpOptions } from 'sharp'
import { DomainError } from '#app/utils/errors.server.ts'

export const maxInputPixels = 40_000_000

/**
 * The longest side may be at most this many times the shortest. A panorama is about 1:6 and
 * a receipt 1:10; a 16 × 2,400,000 px strip is under the pixel limit but cannot be encoded
 * (WebP stops at 16,383 px a side) and shows nothing anyone could use.
 */
export const maxAspectRatio = 20

/** Refuse decompression bombs and damaged files instead of decoding what can be guessed. */
export const decodeOptions = {
  limitInputPixels: maxInputPixels,
  failOn: 'warning',
} as const satisfies SharpOptions

// Uploads are decoded once each; libvips' operation cache would only hold their memory.
sharp.cache(false)

export type DecodeErrorKeys = { corrupt: string; tooManyPixels: string }

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'avif'

function tooManyPixels(keys: DecodeErrorKeys) {
  return new DomainError('invalid', keys.tooManyPixels, {
    details: { megapixels: maxInputPixels / 1_000_000 },
  })
}

/** sharp's failure to read an upload, as the error the user sees. */
export function decodeFailure(error: unknown, keys: DecodeErrorKeys): DomainError {
  const message = error instanceof Error ? error.message : String(error)
  return /pixel limit/i.test(message)
    ? tooManyPixels(keys)
    : new DomainError('invalid', keys.corrupt)
}

/**
 * Reads the header of an image whose magic bytes said `format` and returns its upright size
 * (after the EXIF orientation). Refuses, before any pixel is decoded, a header that declares
 * too many pixels or that libvips reads as another format than the magic bytes said.
 */
export async function readUprightSize(
  bytes: Buffer,
  format: ImageFormat,
  keys: DecodeErrorKeys,
): Promise<{ width: number; height: number }> {
  let metadata: sharp.Metadata
  try {
    metadata = await sharp(bytes, decodeOptions).metadata()
  } catch (error) {
    throw decodeFailure(error, keys)
  }
  const sameFormat =
    format === 'avif'
      ? metadata.format === 'heif' && metadata.compression === 'av1'
      : metadata.format === format
  const { width, height } = metadata.autoOrient
  if (!sameFormat || !width || !height) throw new DomainError('invalid', keys.corrupt)
  if (width * height > maxInputPixels) throw tooManyPixels(keys)
  if (Math.max(width, height) > maxAspectRatio * Math.min(width, height)) {
    throw new DomainError('invalid', 'hardening.extremeAspectRatio', {
      details: { ratio: maxAspectRatio },
    })
  }
  return { width, height }
}

/** A counting semaphore: at most `max` tasks run at once, the others wait in order. */
export function createLimiter(initialMax: number) {
  let max = initialMax
  let active = 0
  const waiting: (() => void)[] = []

  function wakeWaiting() {
    while (active < max && waiting.length > 0) {
      active += 1
      waiting.shift()!()
    }
  }

  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (active < max) active += 1
      else await new Promise<void>((resolve) => waiting.push(resolve))
      try {
        return await task()
      } finally {
        active -= 1
        wakeWaiting()
      }
    },
    setMax(next: number) {
      max = Math.max(1, Math.floor(next))
      wakeWaiting()
    },
    get active() {
      return active
    },
    get waiting() {
      return waiting.length
    },
  }
}

// A 12-megapixel phone photo keeps one core busy for about 2 s and needs 100–250 MB while it
// is decoded and encoded (npm run bench:media). Two at once use both cores of a small server;
// more would only add memory while they wait for a core.
const imageSlots = createLimiter(2)

/** Runs image work once one of the process's image slots is free. */
export function withImageSlot<T>(task: () => Promise<T>): Promise<T> {
  return imageSlots.run(task)
}

/** How many images the process decodes and encodes at once (2 unless changed). */
export function setImageConcurrency(max: number) {
  imageSlots.setMax(max)
}
