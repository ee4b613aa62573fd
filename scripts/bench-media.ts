// npm run bench:media — how long storeImage takes on a 12-megapixel phone photo, and how
// much memory the process needs for it. Files go to a temporary DATA_DIR, removed at the end.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { deleteStoredImage, storeImage } from '#app/modules/media/images.server.ts'
import { createDiskStorage, getStorage, setStorage } from '#app/modules/media/storage.server.ts'

const runs = Number(process.env.RUNS ?? 5)
const width = 4000
const height = 3000

/** A grid of random values, read back smoothly: texture at the scale of `cell` pixels. */
function valueNoise(cell: number, random: () => number) {
  const columns = Math.ceil(width / cell) + 2
  const rows = Math.ceil(height / cell) + 2
  const grid = Float32Array.from({ length: columns * rows }, () => random() - 0.5)
  return (x: number, y: number) => {
    const gx = x / cell
    const gy = y / cell
    const x0 = Math.floor(gx)
    const y0 = Math.floor(gy)
    const fx = gx - x0
    const fy = gy - y0
    const at = (cx: number, cy: number) => grid[cy * columns + cx]!
    const top = at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx
    const bottom = at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx
    return top * (1 - fy) + bottom * fy
  }
}

/**
 * Sky, a sun, fields with texture at several scales (leaves, stones, fabric) and sensor
 * noise: it compresses about as a real phone photo does, unlike a flat test pattern.
 */
function photoPixels() {
  let seed = 42
  const random = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff
    return seed / 0x7fffffff
  }
  const coarse = valueNoise(96, random)
  const medium = valueNoise(14, random)
  const fine = valueNoise(3, random)
  const pixels = Buffer.alloc(width * height * 3)
  for (let y = 0; y < height; y++) {
    const horizon = height * 0.4 + Math.sin(y / 300) * 40
    for (let x = 0; x < width; x++) {
      const sun = Math.max(0, 90 - Math.hypot(x - 2900, y - 600) / 8)
      const sensor = (random() - 0.5) * 14
      let r: number
      let g: number
      let b: number
      if (y < horizon) {
        const cloud = Math.max(0, coarse(x, y) * 160 + medium(x, y) * 40)
        r = 100 + (y / height) * 140 + sun + cloud
        g = 150 + (y / height) * 80 + sun + cloud
        b = 225 - (y / height) * 40 + sun * 0.4 + cloud
      } else {
        const texture = coarse(x, y) * 90 + medium(x, y) * 70 + fine(x, y) * 60
        r = 140 + texture + (x / width) * 50
        g = 110 + texture * 0.8
        b = 60 + texture * 0.5
      }
      const i = (y * width + x) * 3
      pixels[i] = Math.max(0, Math.min(255, r + sensor))
      pixels[i + 1] = Math.max(0, Math.min(255, g + sensor))
      pixels[i + 2] = Math.max(0, Math.min(255, b + sensor))
    }
  }
  return pixels
}

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'taawun-bench-media-'))
setStorage(createDiskStorage(dataDir))
try {
  const started = performance.now()
  // Stored sideways with EXIF orientation 6, as a phone held upright writes it.
  const photo = await sharp(photoPixels(), { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6 })
    .toBuffer()
  console.log(
    `input: ${width}×${height} JPEG q90, EXIF orientation 6, ${kb(photo.length)}` +
      ` (generated in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
  )

  const before = process.resourceUsage().maxRSS
  const times: number[] = []
  let last
  for (let run = 0; run < runs; run++) {
    // Each run writes its files: the same photo would otherwise find them already there.
    if (last) await deleteStoredImage(last)
    const start = performance.now()
    last = await storeImage(photo)
    times.push(performance.now() - start)
  }
  console.log(
    `storeImage × ${runs}: median ${median(times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms` +
      ` (sharp threads: ${sharp.concurrency()}, CPUs: ${os.availableParallelism()})`,
  )
  const mb = (kilobytes: number) => `${(kilobytes / 1024).toFixed(0)} MB`
  console.log(
    `peak memory (maxRSS): ${mb(process.resourceUsage().maxRSS)}` +
      ` (${mb(before)} before the first storeImage, after generating the photo)`,
  )
  if (last) {
    console.log(
      `stored: ${last.width}×${last.height}, placeholder ${last.placeholder.length} chars`,
    )
    for (const variant of last.variants) {
      const file = await getStorage().get(variant.key, 'public')
      console.log(
        `  ${variant.format} ${String(variant.width).padStart(4)} px  ${kb(file!.data.length)}`,
      )
    }
    const skipped = last.variants.length < 6 ? ' (AVIF is kept only where smaller than WebP)' : ''
    console.log(`variants: ${last.variants.length}${skipped}`)
  }
} finally {
  setStorage(undefined)
  fs.rmSync(dataDir, { recursive: true, force: true })
}
