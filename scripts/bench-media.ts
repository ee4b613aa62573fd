// npm run bench:media — how long storeImage takes on a 12-megapixel phone photo, and how
// much memory the process needs for it. Files go to a temporary DATA_DIR, removed at the end.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import sharp from 'sharp'
import { type StoredImage } from '#db/schema/cooperatives.ts'
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
    const i = y0 * columns + x0
    const top = grid[i]! * (1 - fx) + grid[i + 1]! * fx
    const bottom = grid[i + columns]! * (1 - fx) + grid[i + columns + 1]! * fx
    return top * (1 - fy) + bottom * fy
  }
}

/**
 * Sky, a sun, fields with texture at several scales (leaves, stones, fabric) and sensor
 * noise: it compresses about as a real phone photo does, unlike a flat test pattern.
 */
function photoPixels(seed: number) {
  const random = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff
    return seed / 0x7fffffff
  }
  const coarse = valueNoise(96, random)
  const medium = valueNoise(14, random)
  const fine = valueNoise(3, random)
  // Clamped: bright sun plus noise stays white instead of wrapping round to black.
  const pixels = new Uint8ClampedArray(width * height * 3)
  for (let y = 0; y < height; y++) {
    const horizon = height * 0.4 + Math.sin(y / 300) * 40
    for (let x = 0; x < width; x++) {
      const sun = Math.max(0, 90 - Math.sqrt((x - 2900) ** 2 + (y - 600) ** 2) / 8)
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
      pixels[i] = r + sensor
      pixels[i + 1] = g + sensor
      pixels[i + 2] = b + sensor
    }
  }
  return Buffer.from(pixels.buffer)
}

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
const mb = (kilobytes: number) => `${(kilobytes / 1024).toFixed(0)} MB`
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`

/** The photo as a phone writes it: sideways, with EXIF orientation 6, JPEG quality 90. */
async function phonePhoto(seed: number) {
  return sharp(photoPixels(seed), { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6 })
    .toBuffer()
}

/**
 * The photo is made by a child process, so that the memory used to draw it does not count
 * in the peak memory measured here.
 */
function photoFromChildProcess(seed: number) {
  const script = fileURLToPath(import.meta.url)
  return execFileSync(process.execPath, [...process.execArgv, script, '--photo', String(seed)], {
    maxBuffer: 64 * 1024 * 1024,
  })
}

async function bench() {
  let started = performance.now()
  const photo = photoFromChildProcess(42)
  // A second photo with other noise: the same one would find its content-named files there.
  const other = photoFromChildProcess(7)
  console.log(
    `input: ${width}×${height} JPEG q90 with EXIF orientation 6, ${kb(photo.length)}` +
      ` (two such photos drawn in ${seconds(performance.now() - started)})`,
  )
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'taawun-bench-media-'))
  setStorage(createDiskStorage(dataDir))
  try {
    const baseline = process.resourceUsage().maxRSS
    const times: number[] = []
    let image: StoredImage | undefined
    for (let run = 0; run < runs; run++) {
      // Each run writes its files: the same photo would otherwise find them already there.
      if (image) await deleteStoredImage(image)
      started = performance.now()
      image = await storeImage(photo)
      times.push(performance.now() - started)
    }
    const sequentialPeak = process.resourceUsage().maxRSS
    console.log(
      `storeImage, one at a time × ${runs}: median ${seconds(median(times))}, max ${seconds(Math.max(...times))}` +
        ` (${os.availableParallelism()} CPUs, sharp threads ${sharp.concurrency()})`,
    )

    // Two different photos at once, as the image slots allow.
    started = performance.now()
    const pair = await Promise.all([storeImage(photo), storeImage(other)])
    console.log(`storeImage, two at once: ${seconds(performance.now() - started)} for both`)
    console.log(
      `peak memory (maxRSS): ${mb(sequentialPeak)} one at a time, ` +
        `${mb(process.resourceUsage().maxRSS)} two at once (${mb(baseline)} before the first image)`,
    )

    const stored = pair[0]
    console.log(
      `stored: ${stored.width}×${stored.height} upright, placeholder ${stored.placeholder.length} characters`,
    )
    for (const variant of stored.variants) {
      const file = await getStorage().get(variant.key, 'public')
      console.log(
        `  ${variant.format} ${String(variant.width).padStart(4)} px  ${kb(file?.data.length ?? 0).padStart(9)}`,
      )
    }
  } finally {
    setStorage(undefined)
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

const photoArgument = process.argv.indexOf('--photo')
if (photoArgument > 0)
  process.stdout.write(await phonePhoto(Number(process.argv[photoArgument + 1])))
else await bench()
