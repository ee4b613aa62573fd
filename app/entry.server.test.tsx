// The server's HTML as a crawler receives it, rendered by the real entry.server through
// Remix's request handler: Arabic text long enough to cross many of React's 2,048-byte
// buffers, at every alignment, must arrive whole and without a single NUL byte (ADR 009).
import { createRequestHandler, type ServerBuild } from '@remix-run/node'
import { Links, Meta, Scripts, useLoaderData } from '@remix-run/react'
import { describe, expect, test } from 'vitest'
import * as entry from '#app/entry.server.tsx'
import { context } from '#tests/helpers.ts'
import { findPage, forgetKeptPages, releaseTicket } from '#app/utils/page-cache.server.ts'

const words = ['سلة', 'من', 'الدوم', 'منسوجة', 'باليد', 'في', 'تعاونية', 'نسائية', 'بالريف']

/**
 * Paragraphs of every length from 1 to 40 words (a two-byte letter lands on each side of a
 * buffer's end sooner or later), some with three- and four-byte characters as well.
 */
const paragraphs = Array.from({ length: 160 }, (_, i) => {
  const text = Array.from({ length: (i % 40) + 1 }, (_, w) => words[(i + w) % words.length])
  if (i % 5 === 0) text.push('— ٣٥٠ د.م. €')
  if (i % 11 === 0) text.push('🫒')
  return `${'.'.repeat(i % 3)}${text.join(' ')}`
})

function Document() {
  const data = useLoaderData<{ story: string }>()
  return (
    <html lang="ar" dir="rtl">
      <head>
        <meta charSet="utf-8" />
        <Meta />
        <Links />
      </head>
      <body>
        <main>
          {paragraphs.map((text, i) => (
            <p key={i} title={text}>
              {text}
            </p>
          ))}
          <p>{data.story}</p>
        </main>
        <Scripts />
      </body>
    </html>
  )
}

const build: ServerBuild = {
  mode: 'production',
  entry: { module: entry },
  routes: {
    root: {
      id: 'root',
      path: '',
      module: {
        default: Document,
        // Loader data travels in streamed <script>s, through the same buffers.
        loader: () => ({ story: paragraphs.join(' / ') }),
      },
    },
  },
  assets: {
    entry: { imports: [], module: '/assets/entry.client.js' },
    routes: {
      root: {
        id: 'root',
        path: '',
        module: '/assets/root.js',
        hasAction: false,
        hasLoader: true,
        hasClientAction: false,
        hasClientLoader: false,
        hasErrorBoundary: false,
      },
    },
    url: '/assets/manifest.js',
    version: 'test',
  },
  publicPath: '/',
  assetsBuildDirectory: 'build/client',
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
  isSpaMode: false,
}

const browsers = {
  // Streams from the shell on.
  browser: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36',
  // Waits for everything: what crawlers and link previews get.
  crawler: 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
}

describe('the HTML the server renders', () => {
  for (const [who, userAgent] of Object.entries(browsers)) {
    test(`for a ${who}: Arabic across React's 2 KB buffers, no NUL byte, text whole`, async () => {
      const handler = createRequestHandler(build)
      const response = await handler(
        new Request('http://localhost:3000/', { headers: { 'user-agent': userAgent } }),
        context(),
      )
      expect(response.status).toBe(200)
      const bytes = Buffer.from(await response.arrayBuffer())
      // Enough text to cross dozens of buffer ends.
      expect(bytes.length).toBeGreaterThan(40 * 2048)
      expect(bytes.indexOf(0)).toBe(-1)

      const html = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
      for (const text of paragraphs) expect(html).toContain(`<p title="${text}">${text}</p>`)
      // The streamed data scripts come inside the body, not after the document.
      expect(html).toContain('streamController.close()')
      expect(html.indexOf('</body></html>')).toBe(html.length - '</body></html>'.length)
    })
  }
})

describe('validators for pages anyone may be sent alike', () => {
  const handler = createRequestHandler(build)
  const get = (headers: Record<string, string>, nonce: string, requestId: string) =>
    handler(new Request('http://localhost:3000/', { headers }), context({ nonce, requestId }))

  test('the same page with another nonce and request id has the same ETag; a match gets 304', async () => {
    const first = await get({ 'user-agent': browsers.browser }, 'nonce-one-aaaa', 'request-1')
    const second = await get({ 'user-agent': browsers.browser }, 'nonce-two-bbbb', 'request-2')
    const etag = first.headers.get('etag')
    expect(etag).toMatch(/^W\/"[\w-]{20,}"$/)
    expect(second.headers.get('etag')).toBe(etag)
    // Each body carries its own nonce: only the validator ignores it.
    expect(await first.text()).toContain('nonce-one-aaaa')
    expect(await second.text()).toContain('nonce-two-bbbb')

    const again = await get(
      { 'user-agent': browsers.browser, 'if-none-match': `W/"other", ${etag}` },
      'nonce-three-cc',
      'request-3',
    )
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    const stale = await get(
      { 'user-agent': browsers.browser, 'if-none-match': 'W/"other"' },
      'nonce-four-ddd',
      'request-4',
    )
    expect(stale.status).toBe(200)
  })

  test('a signed-in visitor gets no validator and a streamed page', async () => {
    const response = await get(
      { 'user-agent': browsers.browser, cookie: 'taawun_session=abc', 'if-none-match': '*' },
      'nonce-five-eee',
      'request-5',
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('etag')).toBeNull()
  })
})

describe('pages kept for anyone (ADR 020)', () => {
  const keeping: ServerBuild = {
    ...build,
    routes: {
      root: {
        ...build.routes.root!,
        module: { ...build.routes.root!.module, handle: { keptForAnyone: true } },
      },
    },
  }
  const render = async (serverBuild: ServerBuild, headers: Record<string, string> = {}) => {
    const found = await findPage('/', headers)
    if (!('ticket' in found)) return 'kept'
    const response = await createRequestHandler(serverBuild)(
      new Request('http://localhost:3000/', { headers }),
      context({ nonce: 'nonce-kept-aaaa', requestId: 'request-kept', pageTicket: found.ticket }),
    )
    await response.text()
    // As the HTTP server does once the response is sent (server/page-cache.js).
    releaseTicket(found.ticket)
    return 'rendered'
  }

  test("are kept when the route says so, without the request's nonce", async () => {
    forgetKeptPages()
    expect(await render(build)).toBe('rendered')
    expect(await render(build)).toBe('rendered')
    expect(await render(keeping)).toBe('rendered')
    const found = await findPage('/', {})
    if (!('page' in found)) throw new Error('expected the page to be kept')
    const html = found.page.identity.toString('utf8')
    expect(html).toContain(paragraphs[0])
    expect(html).not.toContain('nonce-kept-aaaa')
    expect(found.page.scriptHashes.length).toBeGreaterThan(0)
  })

  test('are not kept for a signed-in visitor', async () => {
    forgetKeptPages()
    expect(await render(keeping, { cookie: 'taawun_session=abc' })).toBe('rendered')
    expect(await render(keeping, { cookie: 'taawun_session=abc' })).toBe('rendered')
  })
})
