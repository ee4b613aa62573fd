// Build files served from memory, brotli or gzip as compressed once at build time
// (server/precompress.js), ahead of everything a page needs (request ids, nonces, logs,
// page policies): a stylesheet must not cost what a page costs.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

const types = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
}

/** Files above this size are left to express.static (read from disk, not kept in memory). */
const maxInMemory = 2 * 1024 * 1024

function walk(dir, base = dir, out = []) {
  if (!fs.existsSync(dir)) return out
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) walk(full, base, out)
    else out.push(full)
  }
  return out
}

/**
 * Which encoding to send: brotli, then gzip, when the client accepts it (a `q=0` refuses),
 * otherwise the file as it is.
 */
export function chooseEncoding(acceptEncoding, available) {
  if (!acceptEncoding) return null
  const accepted = new Map()
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    accepted.set(name, q ? Number(q.slice(2)) : 1)
  }
  const ok = (name) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0
  if (available.br && ok('br')) return 'br'
  if (available.gzip && ok('gzip')) return 'gzip'
  return null
}

/**
 * A middleware answering GET and HEAD for the files under `root` known at start, at
 * `prefix` + their path. `cacheControl(urlPath)` names their caching.
 */
export function precompressedStatic(root, { prefix = '', cacheControl }) {
  const files = new Map()
  for (const file of walk(root)) {
    if (file.endsWith('.br') || file.endsWith('.gz')) continue
    const stat = fs.statSync(file)
    if (stat.size > maxInMemory) continue
    const urlPath = prefix + '/' + path.relative(root, file).split(path.sep).join('/')
    const body = fs.readFileSync(file)
    const variant = (suffix) =>
      fs.existsSync(file + suffix) ? fs.readFileSync(file + suffix) : undefined
    const entry = {
      type: types[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      etag: `"${crypto.createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`,
      cache: cacheControl(urlPath),
      bodies: { identity: body, br: variant('.br'), gzip: variant('.gz') },
    }
    files.set(urlPath, entry)
  }
  return function serveStatic(req, res, next) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next()
    const entry = files.get(req.path)
    if (!entry) return next()
    const encoding = chooseEncoding(req.headers['accept-encoding'], entry.bodies)
    const body = encoding ? entry.bodies[encoding] : entry.bodies.identity
    res.setHeader('Content-Type', entry.type)
    res.setHeader('Cache-Control', entry.cache)
    res.setHeader('ETag', entry.etag)
    res.setHeader('X-Content-Type-Options', 'nosniff')
    if (entry.bodies.br || entry.bodies.gzip) res.setHeader('Vary', 'Accept-Encoding')
    if (req.headers['if-none-match'] === entry.etag) {
      res.statusCode = 304
      return res.end()
    }
    if (encoding) res.setHeader('Content-Encoding', encoding)
    res.setHeader('Content-Length', body.length)
    res.statusCode = 200
    res.end(req.method === 'HEAD' ? undefined : body)
  }
}
