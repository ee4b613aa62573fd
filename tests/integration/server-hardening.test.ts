// Issue 13, item 7: what the HTTP server answers around the app. The middleware of
// server.js, in an Express app whose last handler writes headers the way the Remix adapter
// does (appending them), on a real socket.
import http from 'node:http'
import { type AddressInfo } from 'node:net'
import express, { type Request, type Response } from 'express'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  forgetUntrustedForwarding,
  refuseForeignOrigins,
  refuseResourceData,
  refuseUnknownMethods,
  resourceRoutePatterns,
  settleHeaders,
} from '../../server/hardening.js'

// A build's route table, as Remix gives it: resource routes have no component.
const routes = {
  root: { id: 'root', path: '', module: { default: () => null } },
  'routes/documents.$id': {
    id: 'routes/documents.$id',
    parentId: 'root',
    path: 'documents/:id',
    module: { loader: () => null },
  },
  'routes/media.$': {
    id: 'routes/media.$',
    parentId: 'root',
    path: 'media/*',
    module: { loader: () => null },
  },
  'routes/sitemap[.]xml': {
    id: 'routes/sitemap[.]xml',
    parentId: 'root',
    path: 'sitemap.xml',
    module: { loader: () => null },
  },
  'routes/account': {
    id: 'routes/account',
    parentId: 'root',
    path: 'account',
    module: { default: () => null },
  },
}

function appWith(options: { trustProxy: boolean; production: boolean }) {
  const app = express()
  if (options.trustProxy) app.set('trust proxy', true)
  app.use(settleHeaders({ hsts: options.production }))
  app.use(refuseUnknownMethods)
  app.use(forgetUntrustedForwarding(options.trustProxy))
  app.use(refuseForeignOrigins)
  app.use(refuseResourceData(resourceRoutePatterns(routes)))
  // Stands in for the Remix adapter: it appends each header of the app's response.
  app.all('*', (req: Request, res: Response) => {
    const fromApp: [string, string][] = []
    if (req.path.startsWith('/media/')) {
      fromApp.push(['X-Content-Type-Options', 'nosniff'])
      fromApp.push(['Cache-Control', 'public, max-age=31536000, immutable'])
    }
    if (req.path === '/login' && req.method === 'POST')
      fromApp.push(['Set-Cookie', 'taawun_session=abc; Path=/; HttpOnly'])
    for (const [name, value] of fromApp) res.append(name, value)
    res.setHeader('Content-Security-Policy', "script-src 'nonce-abc'")
    if (req.headers['if-none-match'] === 'W/"page"') {
      res.status(304).end()
      return
    }
    res
      .status(200)
      .type('text/plain')
      .send(`${req.method} ${req.headers['x-forwarded-host'] ?? req.headers.host}`)
  })
  return app
}

type Running = { url: string; close(): Promise<void> }

function listen(app: express.Express): Promise<Running> {
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise((done) => server.close(() => done())),
      })
    })
  })
}

let plain: Running
let proxied: Running
beforeAll(async () => {
  plain = await listen(appWith({ trustProxy: false, production: true }))
  proxied = await listen(appWith({ trustProxy: true, production: true }))
})
afterAll(async () => {
  await plain.close()
  await proxied.close()
})

function send(base: Running, path: string, init: RequestInit = {}) {
  return fetch(`${base.url}${path}`, { redirect: 'manual', ...init })
}

/** fetch() refuses to send TRACE: a plain HTTP request. */
function rawRequest(base: Running, method: string) {
  return new Promise<{ status: number; allow: string | undefined }>((resolve, reject) => {
    const request = http.request(`${base.url}/`, { method }, (response) => {
      response.resume()
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, allow: response.headers.allow }),
      )
    })
    request.on('error', reject)
    request.end()
  })
}

describe('methods', () => {
  test('TRACE, OPTIONS and unknown methods get 405 with Allow', async () => {
    for (const method of ['TRACE', 'OPTIONS', 'PROPFIND']) {
      const response = await rawRequest(plain, method)
      expect(response.status, method).toBe(405)
      expect(response.allow).toContain('POST')
    }
    expect((await send(plain, '/')).status).toBe(200)
  })
})

describe('origin of mutations', () => {
  test('a foreign, null or malformed Origin on a POST is a 403, not a 500', async () => {
    for (const origin of ['https://evil.example', 'null', 'not a url', 'http://']) {
      const response = await send(plain, '/login', { method: 'POST', headers: { origin } })
      expect(response.status, origin).toBe(403)
    }
    const host = new URL(plain.url).host
    expect(
      (await send(plain, '/login', { method: 'POST', headers: { origin: plain.url } })).status,
    ).toBe(200)
    expect((await send(plain, '/login', { method: 'POST' })).status, host).toBe(200)
  })

  test('X-Forwarded-Host is not believed without TRUST_PROXY, and is behind a trusted proxy', async () => {
    const forged = { origin: 'https://evil.example', 'x-forwarded-host': 'evil.example' }
    expect((await send(plain, '/login', { method: 'POST', headers: forged })).status).toBe(403)
    const read = await send(plain, '/', { headers: { 'x-forwarded-host': 'evil.example' } })
    expect(await read.text()).not.toContain('evil.example')
    const viaProxy = { origin: 'https://shop.example', 'x-forwarded-host': 'shop.example' }
    expect((await send(proxied, '/login', { method: 'POST', headers: viaProxy })).status).toBe(200)
  })
})

describe('response headers', () => {
  test('nosniff is sent once, on the app responses and on those that set it themselves', async () => {
    for (const path of ['/', '/media/abc.webp']) {
      const response = await send(plain, path)
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff')
    }
  })

  test('HSTS only over HTTPS (told by a trusted proxy), never over plain http', async () => {
    expect((await send(plain, '/')).headers.get('strict-transport-security')).toBeNull()
    const forged = await send(plain, '/', { headers: { 'x-forwarded-proto': 'https' } })
    expect(forged.headers.get('strict-transport-security')).toBeNull()
    const https = await send(proxied, '/', { headers: { 'x-forwarded-proto': 'https' } })
    expect(https.headers.get('strict-transport-security')).toContain('max-age=')
  })

  test('what a signed-in user is sent is private and not stored, unless the route says otherwise', async () => {
    const cookie = 'taawun_session=abc.def'
    expect(
      (await send(plain, '/account', { headers: { cookie } })).headers.get('cache-control'),
    ).toBe('private, no-store')
    const hostCookie = '__Host-taawun_session=abc.def; taawun_lang=x'
    expect(
      (await send(plain, '/account', { headers: { cookie: hostCookie } })).headers.get(
        'cache-control',
      ),
    ).toBe('private, no-store')
    const signingIn = await send(plain, '/login', { method: 'POST' })
    expect(signingIn.headers.get('cache-control')).toBe('private, no-store')
    const media = await send(plain, '/media/a.webp', { headers: { cookie } })
    expect(media.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect((await send(plain, '/')).headers.get('cache-control')).toBeNull()
  })
})

describe('validated pages', () => {
  test('a 304 carries no page policy: the kept page stays with the policy of its own nonce', async () => {
    const fresh = await send(plain, '/products')
    expect(fresh.headers.get('content-security-policy')).toBe("script-src 'nonce-abc'")
    const kept = await send(plain, '/products', { headers: { 'if-none-match': 'W/"page"' } })
    expect(kept.status).toBe(304)
    expect(kept.headers.get('content-security-policy')).toBeNull()
  })
})

describe('.data of resource routes', () => {
  test('a file or sitemap read as single-fetch data is a 404; pages and actions keep theirs', async () => {
    for (const path of ['/documents/123.data', '/media/a/b.webp.data', '/sitemap.xml.data']) {
      expect((await send(plain, path)).status, path).toBe(404)
    }
    expect((await send(plain, '/documents/123')).status).toBe(200)
    expect((await send(plain, '/account.data')).status).toBe(200)
    // A resource route's action (log out) is posted to as data by <Form>.
    expect((await send(plain, '/documents/123.data', { method: 'POST' })).status).toBe(200)
  })
})
