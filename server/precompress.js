// At build time, every compressible file of the client build is written beside itself as
// brotli (`.br`, highest quality) and gzip (`.gz`): the server sends them as they are
// (server/static.js) instead of compressing on every request.
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

const compressible = new Set([
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.svg',
  '.txt',
  '.xml',
  '.webmanifest',
])

export function precompressDirectory(dir) {
  let count = 0
  const walk = (current) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (compressible.has(path.extname(entry.name)) && fs.statSync(full).size >= 512) {
        const body = fs.readFileSync(full)
        fs.writeFileSync(
          full + '.br',
          zlib.brotliCompressSync(body, {
            params: {
              [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
              [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
            },
          }),
        )
        fs.writeFileSync(full + '.gz', zlib.gzipSync(body, { level: 9 }))
        count += 1
      }
    }
  }
  if (fs.existsSync(dir)) walk(dir)
  return count
}
