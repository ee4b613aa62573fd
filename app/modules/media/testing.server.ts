// For the media tests only: a temporary DATA_DIR and real files made with sharp.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import sharp from 'sharp'
import { afterAll, expect } from 'vitest'
import { DomainError, type DomainErrorCode } from '#app/utils/errors.server.ts'
import { createDiskStorage, setStorage } from './storage.server.ts'

/** Gives the calling test file its own storage folder, removed after its last test. */
export function temporaryMediaStorage() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'taawun-media-test-'))
  const storage = createDiskStorage(dataDir)
  setStorage(storage)
  afterAll(() => {
    setStorage(undefined)
    fs.rmSync(dataDir, { recursive: true, force: true })
  })
  return {
    dataDir,
    storage,
    /** Every file under the folder, hidden temporary files included. */
    files(): string[] {
      const root = path.join(dataDir, 'uploads')
      if (!fs.existsSync(root)) return []
      return fs
        .readdirSync(root, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
        .sort()
    },
  }
}

/** Expects `promise` to fail with a DomainError of this code and message key. */
export async function expectRefusal(
  promise: Promise<unknown>,
  code: DomainErrorCode,
  messageKey: string,
): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(DomainError)
  expect(error).toMatchObject({ code, messageKey })
  return error as DomainError
}

/** Smooth colours with grain, which compresses like a photo rather than a flat test card. */
export function photoPixels(width: number, height: number, seed = 1) {
  const pixels = Buffer.alloc(width * height * 3)
  let state = seed
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff
      const grain = ((state >> 8) % 40) - 20
      const i = (y * width + x) * 3
      pixels[i] = Math.max(0, Math.min(255, 60 + (x / width) * 150 + grain))
      pixels[i + 1] = Math.max(0, Math.min(255, 90 + Math.sin(y / 17) * 50 + grain))
      pixels[i + 2] = Math.max(0, Math.min(255, 120 + (y / height) * 100 + grain))
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
}

/**
 * A phone photo as stored by the camera: `width`×`height` pixels sideways, with a red block
 * in its top-left corner, EXIF orientation 6 (turn 90° clockwise to view) and a GPS position.
 * Upright it is `height`×`width` with the red block in the top-right corner.
 */
export async function sidewaysJpegWithGps(width: number, height: number) {
  const block = Math.round(width * 0.15)
  const pixels = await photoPixels(width, height)
    .composite([
      {
        input: {
          create: { width: block, height: block, channels: 3, background: '#ff0000' },
        },
        left: 0,
        top: 0,
      },
    ])
    .png()
    .toBuffer()
  return sharp(pixels)
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: 'TestPhone', Copyright: 'Maker at home' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '35/1 10/1 0/1', GPSLongitudeRef: 'W' },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer()
}

/** Whether an EXIF block holds a GPS directory (tag 0x8825, in either byte order). */
export function hasGpsDirectory(exif: Buffer | undefined) {
  if (!exif) return false
  return exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88]))
}

function pngChunk(type: string, data: Buffer) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(zlib.crc32(body))
  return Buffer.concat([length, body, crc])
}

/**
 * A tiny file whose PNG header declares `width`×`height` RGB pixels (with valid CRCs), and a
 * few compressed rows: a decompression bomb as far as any decoder that trusts it knows.
 */
export function pngDeclaring(width: number, height: number) {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bits per sample
  header[9] = 2 // RGB
  const rows = zlib.deflateSync(Buffer.alloc((width * 3 + 1) * 4))
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', rows),
    pngChunk('IEND', Buffer.alloc(0)),
  ])
}

/** The metadata blocks a file still carries, checked by sharp and by the bytes themselves. */
export async function metadataLeft(file: Buffer) {
  const metadata = await sharp(file).metadata()
  return {
    exif: metadata.exif !== undefined,
    icc: metadata.icc !== undefined,
    xmp: metadata.xmp !== undefined,
    orientation: metadata.orientation ?? null,
    exifMarker: file.includes(Buffer.from('Exif')) || file.includes(Buffer.from('EXIF')),
  }
}

export const noMetadata = {
  exif: false,
  icc: false,
  xmp: false,
  orientation: null,
  exifMarker: false,
}
