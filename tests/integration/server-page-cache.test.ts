// Kept pages as the HTTP server sends them (server/page-cache.js, ADR 020): on a real socket,
// with the app's own look-up, a renderer standing in for Remix that keeps what it renders
// under the ticket it was given, and the page policy of server.js.
import crypto from 'node:crypto'
import { type AddressInfo } from 'node:net'
import zlib from 'node:zlib'
import express from 'express'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { pagePolicy } from '../../server/hardening.js'
import { keptPages } from '../../server/page-cache.js'
import * as pageCache from '#app/utils/page-cache.server.ts'

const script = 'window.__remixContext = {"title":"عسل"};'
let renders = 0

function app() {
  const server = express()
  server.use((req, res, next) => {
    res.locals.nonce = crypto.randomBytes(16).toString('base64')
    res.setHeader(
      'Content-Security-Policy',
      pagePolicy({ inlineScripts: [`'nonce-${res.locals.nonce}'`], production: true }),
    )
    next()
  })
  server.use(
    keptPages(pageCache, {
      paths: [/^\/$/, /^\/products$/],
      production: true,
      logger: console,
    }),
  )
  // Stands in for Remix: renders with this response's nonce and keeps the page if it may.
  server.get('*', (req, res) => {
    renders += 1
    const nonce = res.locals.nonce as string
    const body = `<html><body><p>${req.path}</p><script nonce="${nonce}">${script}</script></body></html>`
    const ticket = res.locals.pageTicket as pageCache.PageTicket | undefined
    const impersonal = pageCache.impersonalPage(body, nonce, '')
    if (ticket && impersonal)
      pageCache.keepPage(ticket, impersonal, new Headers({ 'content-type': 'text/html' }))
    res.type('html').send(body)
  })
  return server
}

let base = ''
let close: () => Promise<void>
beforeAll(async () => {
  const server = app().listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  close = () => new Promise((done) => server.close(() => done()))
})
afterAll(() => close())
beforeEach(() => {
  pageCache.forgetKeptPages()
  renders = 0
})

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, { headers: { 'accept-encoding': 'identity', ...headers } })

describe('a kept page on the wire', () => {
  test('is rendered once, then sent again without a nonce, its script allowed by hash', async () => {
    const first = await get('/products')
    expect(first.headers.get('content-security-policy')).toContain("'nonce-")
    expect(await first.text()).toContain('nonce=')
    const second = await get('/products')
    expect(renders).toBe(1)
    const policy = second.headers.get('content-security-policy')!
    const hash = crypto.createHash('sha256').update(script, 'utf8').digest('base64')
    expect(policy).toContain(`script-src 'self' 'sha256-${hash}'`)
    expect(policy).not.toContain('nonce')
    expect(policy).toContain("frame-ancestors 'none'")
    const body = await second.text()
    expect(body).not.toContain('nonce')
    expect(body).toContain(`<script>${script}</script>`)
    expect(second.headers.get('etag')).toMatch(/^W\//)
  })

  test('in brotli or gzip as the client takes them, and 304 for the validator it has', async () => {
    await get('/')
    const brotli = await fetch(`${base}/`, { headers: { 'accept-encoding': 'gzip, br' } })
    expect(brotli.headers.get('content-encoding')).toBe('br')
    expect(brotli.headers.get('vary')).toBe('Accept-Encoding')
    const raw = await new Promise<Buffer>((resolve, reject) => {
      // fetch() decodes for us; read the bytes as they came to see the encoding is real.
      import('node:http').then(({ get: request }) =>
        request(`${base}/`, { headers: { 'accept-encoding': 'gzip' } }, (response) => {
          const chunks: Buffer[] = []
          response.on('data', (chunk: Buffer) => chunks.push(chunk))
          response.on('end', () => resolve(Buffer.concat(chunks)))
        }).on('error', reject),
      )
    })
    expect(zlib.gunzipSync(raw).toString()).toContain(`<script>${script}</script>`)
    const etag = brotli.headers.get('etag')!
    const again = await get('/', { 'if-none-match': etag })
    expect(again.status).toBe(304)
    expect(renders).toBe(1)
  })

  test('never to a visitor with a session, and never for a page whose route does not keep it', async () => {
    await get('/products')
    await get('/products', { cookie: '__Host-taawun_session=abc' })
    expect(renders).toBe(2)
    await get('/account')
    await get('/account')
    expect(renders).toBe(4)
  })
})
