// Build files: compressed once at build time, sent as they are with the encoding the client
// accepts, from memory, with validators; a real socket, a real build directory.
import fs from 'node:fs'
import http from 'node:http'
import { type AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import express from 'express'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { precompressDirectory } from '../../server/precompress.js'
import { chooseEncoding, precompressedStatic } from '../../server/static.js'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taawun-static-'))
const css = `body{color:#123}\n`.repeat(200)
let server: http.Server
let base: string

beforeAll(async () => {
  fs.mkdirSync(path.join(dir, 'assets'))
  fs.writeFileSync(path.join(dir, 'assets', 'root-abc.css'), css)
  fs.writeFileSync(path.join(dir, 'assets', 'tiny.js'), 'x()')
  fs.writeFileSync(path.join(dir, 'favicon.ico'), Buffer.from([0, 0, 1, 0]))
  expect(precompressDirectory(dir)).toBe(1)
  const app = express()
  app.use(
    precompressedStatic(dir, {
      cacheControl: (p: string) => (p.startsWith('/assets/') ? 'immutable-ish' : 'short'),
    }),
  )
  app.use((_req, res) => res.status(404).end('not found'))
  server = app.listen(0)
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => {
  server.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

function get(url: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>(
    (resolve, reject) => {
      const req = http.request(base + url, { headers, method }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
        )
      })
      req.on('error', reject)
      req.end()
    },
  )
}

describe('build files', () => {
  test('brotli when accepted, gzip otherwise, the file itself when neither', async () => {
    const br = await get('/assets/root-abc.css', { 'accept-encoding': 'gzip, deflate, br' })
    expect(br.status).toBe(200)
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers['vary']).toBe('Accept-Encoding')
    expect(br.headers['content-type']).toBe('text/css; charset=utf-8')
    expect(br.headers['cache-control']).toBe('immutable-ish')
    expect(br.headers['x-content-type-options']).toBe('nosniff')
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(css)
    expect(br.body.length).toBeLessThan(css.length / 10)

    const gz = await get('/assets/root-abc.css', { 'accept-encoding': 'gzip, br;q=0' })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(zlib.gunzipSync(gz.body).toString()).toBe(css)

    const plain = await get('/assets/root-abc.css', { 'accept-encoding': 'identity' })
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.toString()).toBe(css)
  })

  test('a tiny file is not compressed; other files get their own caching', async () => {
    const tiny = await get('/assets/tiny.js', { 'accept-encoding': 'br' })
    expect(tiny.headers['content-encoding']).toBeUndefined()
    expect(tiny.headers['vary']).toBeUndefined()
    expect(tiny.body.toString()).toBe('x()')
    const icon = await get('/favicon.ico')
    expect(icon.headers['cache-control']).toBe('short')
    expect(icon.headers['content-type']).toBe('image/x-icon')
  })

  test('a known ETag gets 304; HEAD has no body; unknown paths and other methods pass on', async () => {
    const first = await get('/assets/root-abc.css', { 'accept-encoding': 'br' })
    const again = await get('/assets/root-abc.css', {
      'accept-encoding': 'br',
      'if-none-match': first.headers.etag!,
    })
    expect(again.status).toBe(304)
    expect(again.body.length).toBe(0)
    const head = await get('/assets/root-abc.css', { 'accept-encoding': 'br' }, 'HEAD')
    expect(head.status).toBe(200)
    expect(Number(head.headers['content-length'])).toBe(first.body.length)
    expect(head.body.length).toBe(0)
    expect((await get('/assets/missing.css')).status).toBe(404)
    expect((await get('/assets/root-abc.css', {}, 'POST')).status).toBe(404)
  })

  test('the choice of encoding follows the header, q=0 refusing', () => {
    const both = { br: Buffer.alloc(1), gzip: Buffer.alloc(1) }
    expect(chooseEncoding(undefined, both)).toBeNull()
    expect(chooseEncoding('br', both)).toBe('br')
    expect(chooseEncoding('gzip;q=0.5, br;q=0', both)).toBe('gzip')
    expect(chooseEncoding('*', both)).toBe('br')
    expect(chooseEncoding('*;q=0', both)).toBeNull()
    expect(chooseEncoding('br', { gzip: Buffer.alloc(1) })).toBeNull()
  })
})
