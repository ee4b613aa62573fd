// Pages kept for anyone (ADR 020): sent again only while the catalogue version read before
// they were rendered, the revision of the product they show and the sale windows all still
// hold; never with the nonce or request id of the request they were rendered for.
import crypto from 'node:crypto'
import v8 from 'node:v8'
import { eq, sql } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { products, productVariants } from '#db/schema/catalog.ts'
import { certificates } from '#db/schema/certification.ts'
import { languageCookie } from '#app/modules/i18n/i18n.server.ts'
import { createCertificate, createCooperative, createProduct } from '#db/seed/factories.ts'
import { db, getDatabase } from '#app/utils/db.server.ts'
import {
  anonymousGet,
  findPage,
  forgetKeptPages,
  impersonalPage,
  keepPage,
  type PageTicket,
  receiveSharedPage,
  releaseTicket,
  scriptHashesOf,
  setPageCacheClockForTests,
  setPageSharingForTests,
} from './page-cache.server.ts'

let restore: (() => void) | undefined
beforeEach(() => forgetKeptPages())
afterEach(() => {
  restore?.()
  restore = undefined
})

const html = '<!DOCTYPE html><html><body><p>page</p><script>window.x = 1</script></body></html>'

/** Looks `url` up; keeps `body` when it was not kept. True when it was found kept. */
async function visit(url: string, headers: Record<string, string> = {}, body = html) {
  const found = await findPage(url, headers)
  if ('page' in found) return true
  await keepPage(found.ticket, body, new Headers({ 'Content-Type': 'text/html; charset=utf-8' }))
  return false
}

function ticketOf(found: Awaited<ReturnType<typeof findPage>>): PageTicket {
  if (!('ticket' in found)) throw new Error('expected a page to render')
  return found.ticket
}

describe('who may be sent a kept page', () => {
  test('a GET with no cookie, or only the chosen language', () => {
    expect(anonymousGet('GET', undefined)).toBe(true)
    expect(anonymousGet('GET', '')).toBe(true)
    expect(anonymousGet('GET', 'taawun_lang=fr')).toBe(true)
  })
  test('not a visitor with a session, a cart, a message or any other cookie; not a POST', () => {
    expect(anonymousGet('GET', 'taawun_lang=fr; __Host-taawun_session=abc')).toBe(false)
    expect(anonymousGet('GET', 'taawun_cart=abc')).toBe(false)
    expect(anonymousGet('GET', 'taawun_toast=abc')).toBe(false)
    expect(anonymousGet('GET', 'something=1')).toBe(false)
    expect(anonymousGet('POST', undefined)).toBe(false)
    expect(anonymousGet('HEAD', undefined)).toBe(false)
  })
})

describe('what is kept of a page', () => {
  const nonce = 'bm9uY2Utb2YtdGhpcy1yZXF1ZXN0'
  const requestId = '4f1c2b1e-5d3a-4c8e-9a51-0c6e2f7d8b90'
  const rendered =
    `<html><head><meta name="request-id" content="${requestId}"/>` +
    `<script src="/assets/entry.js" nonce="${nonce}"></script></head><body>` +
    `<script nonce="${nonce}">window.__remixContext = {"a":1};</script>` +
    `<script type="module" async="" nonce="${nonce}">import "/assets/root.js";</script>` +
    `</body></html>`

  test('neither the nonce nor the request id of the request it was rendered for', () => {
    const page = impersonalPage(rendered, nonce, requestId)
    expect(page).not.toBeNull()
    expect(page).not.toContain(nonce)
    expect(page).not.toContain(requestId)
    expect(page).not.toContain('nonce=')
    expect(page).toContain('<script>window.__remixContext = {"a":1};</script>')
  })

  test('nothing at all when the nonce is found anywhere else in it', () => {
    const leaking = rendered.replace('<body>', `<body data-x="${nonce}">`)
    expect(impersonalPage(leaking, nonce, requestId)).toBeNull()
  })

  test('its inline scripts are allowed by their SHA-256 hashes, and only they', () => {
    const page = impersonalPage(rendered, nonce, requestId)!
    const hash = (text: string) =>
      `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`
    expect(scriptHashesOf(page).sort()).toEqual(
      [hash('window.__remixContext = {"a":1};'), hash('import "/assets/root.js";')].sort(),
    )
    // Arabic in a script is hashed as the UTF-8 the browser hashes.
    expect(scriptHashesOf('<script>var t = "عسل"</script>')).toEqual([hash('var t = "عسل"')])
  })
})

describe('a kept page is sent again', () => {
  test('for the same address and language; another language or query is another page', async () => {
    expect(await visit('/products')).toBe(false)
    expect(await visit('/products')).toBe(true)
    expect(await visit('/products', { 'accept-language': 'fr' })).toBe(false)
    expect(await visit('/products', { 'accept-language': 'fr' })).toBe(true)
    const english = (await languageCookie.serialize('en')).split(';')[0]!
    expect(await visit('/products', { cookie: english })).toBe(false)
    expect(await visit('/products', { cookie: english })).toBe(true)
    expect(await visit('/products?lng=fr')).toBe(false)
    expect(await visit('/products?lng=fr')).toBe(true)
    expect(await visit('/products?page=2')).toBe(false)
  })

  test('with the encodings made once, and the same validator', async () => {
    const found = await findPage('/about', {})
    await keepPage(ticketOf(found), html, new Headers({ 'Content-Type': 'text/html' }))
    const again = await findPage('/about', {})
    if (!('page' in again)) throw new Error('expected the kept page')
    const { gunzipSync, brotliDecompressSync } = await import('node:zlib')
    expect(gunzipSync(again.page.gzip).toString()).toBe(html)
    expect(brotliDecompressSync(again.page.br).toString()).toBe(html)
    expect(again.page.identity.toString()).toBe(html)
    expect(again.page.headers).toContainEqual(['content-type', 'text/html'])
    expect(again.page.etag).toMatch(/^W\/"[\w-]{20,}"$/)
  })

  test('until a write that changes listings commits', async () => {
    const cooperative = await createCooperative(db)
    await createCertificate(db, { cooperativeId: cooperative.id, type: 'onssa' })
    const product = await createProduct(db, { cooperativeId: cooperative.id })
    expect(await visit('/')).toBe(false)
    expect(await visit('/')).toBe(true)
    await db.update(products).set({ titleFr: 'Miel' }).where(eq(products.id, product.id))
    expect(await visit('/')).toBe(false)
    expect(await visit('/')).toBe(true)
    // A revocation commits: the page is rendered again.
    await db
      .update(certificates)
      .set({ status: 'revoked' })
      .where(eq(certificates.cooperativeId, cooperative.id))
    expect(await visit('/')).toBe(false)
  })

  test("a product page until its product's offers change; a sale elsewhere keeps it", async () => {
    const cooperative = await createCooperative(db)
    await createCertificate(db, { cooperativeId: cooperative.id, type: 'onssa' })
    const shown = await createProduct(db, { cooperativeId: cooperative.id })
    const other = await createProduct(db, { cooperativeId: cooperative.id })
    const page = `/products/${shown.slug}`
    const sell = (productId: string) =>
      db
        .update(productVariants)
        .set({ stockQuantity: sql`${productVariants.stockQuantity} - 1` })
        .where(eq(productVariants.productId, productId))
    expect(await visit(page)).toBe(false)
    expect(await visit('/products')).toBe(false)
    // A unit of another product sold: both pages stay (the listing shows no counts).
    await sell(other.id)
    expect(await visit(page)).toBe(true)
    expect(await visit('/products')).toBe(true)
    // A unit of this one: its page is rendered again, the listing stays.
    await sell(shown.id)
    expect(await visit(page)).toBe(false)
    expect(await visit(page)).toBe(true)
    expect(await visit('/products')).toBe(true)
    // Any change to its variants (here a label) moves only the product too.
    await db
      .update(productVariants)
      .set({ labelFr: 'Pot de 250 g' })
      .where(eq(productVariants.productId, shown.id))
    expect(await visit(page)).toBe(false)
    // An address that is not quite a product's is never an error.
    expect(await visit('/products/%E0%A4%A')).toBe(false)
  })

  test('a product with variants can still be deleted (its revision goes with it)', async () => {
    const cooperative = await createCooperative(db)
    const product = await createProduct(db, { cooperativeId: cooperative.id })
    await db.delete(products).where(eq(products.id, product.id))
    const [left] = await getDatabase().rows<{ n: number }>(
      sql`select count(*)::int as n from product_revisions where product_id = ${product.id}`,
    )
    expect(left!.n).toBe(0)
  })

  test('not past the instant a certificate expires, nor past a minute', async () => {
    const cooperative = await createCooperative(db)
    const start = Date.now()
    const expiresAt = new Date(start + 30_000)
    await createCertificate(db, { cooperativeId: cooperative.id, type: 'onssa', expiresAt })
    await createProduct(db, { cooperativeId: cooperative.id })
    restore = setPageCacheClockForTests(() => start)
    expect(await visit('/certification')).toBe(false)
    restore()
    restore = setPageCacheClockForTests(() => expiresAt.getTime() - 1)
    expect(await visit('/certification')).toBe(true)
    restore()
    restore = setPageCacheClockForTests(() => expiresAt.getTime())
    expect(await visit('/certification')).toBe(false)
    restore()
    // Kept at the expiry instant; the next boundary is further away than a minute.
    await db
      .update(certificates)
      .set({ expiresAt: null })
      .where(eq(certificates.expiresAt, expiresAt))
    const later = expiresAt.getTime() + 1
    restore = setPageCacheClockForTests(() => later)
    expect(await visit('/terms')).toBe(false)
    restore()
    restore = setPageCacheClockForTests(() => later + 59_999)
    expect(await visit('/terms')).toBe(true)
    restore()
    restore = setPageCacheClockForTests(() => later + 60_000)
    expect(await visit('/terms')).toBe(false)
  })
})

describe('a page asked for by many at once (ADR 023)', () => {
  test('look-ups that arrive together share one reading, each with its own product', async () => {
    const cooperative = await createCooperative(db)
    await createCertificate(db, { cooperativeId: cooperative.id, type: 'onssa' })
    const shown = await Promise.all(
      [1, 2, 3].map(() => createProduct(db, { cooperativeId: cooperative.id })),
    )
    const revisions = async () =>
      new Map(
        (
          await getDatabase().rows<{ product_id: string; revision: string }>(
            sql`select product_id, revision::text as revision from product_revisions`,
          )
        ).map((r) => [r.product_id, r.revision]),
      )
    const lookAll = () =>
      Promise.all([
        ...shown.map((p) => findPage(`/products/${p.slug}`, {})),
        findPage('/products', {}),
      ]).then((found) => found.map(ticketOf))
    const statements = vi.spyOn(getDatabase(), 'rows')
    const first = await lookAll()
    // One reading for the four, and the next sale boundary read once.
    expect(statements.mock.calls.length).toBeLessThanOrEqual(2)
    statements.mockRestore()
    const before = await revisions()
    shown.forEach((p, i) => expect(first[i]!.revision).toBe(before.get(p.id)))
    expect(first[3]!.revision).toBeNull()
    expect(new Set(first.map((t) => t.version)).size).toBe(1)
    forgetKeptPages()
    // One product's offers change: only its page's revision moves.
    await db
      .update(productVariants)
      .set({ stockQuantity: sql`${productVariants.stockQuantity} - 1` })
      .where(eq(productVariants.productId, shown[1]!.id))
    const second = await lookAll()
    expect(second[0]!.revision).toBe(first[0]!.revision)
    expect(second[1]!.revision).not.toBe(first[1]!.revision)
    expect(second[1]!.revision).toBe((await revisions()).get(shown[1]!.id))
    expect(second[2]!.revision).toBe(first[2]!.revision)
  })

  test('is rendered once: those who ask meanwhile are sent it when it is kept', async () => {
    const first = await findPage('/products', {})
    const meanwhile = [findPage('/products', {}), findPage('/products', {})]
    // A look-up asked after theirs has its answer once theirs have read the database: they
    // are waiting now, not rendering.
    ticketOf(await findPage('/about', {}))
    let settled = 0
    for (const found of meanwhile) void found.then(() => (settled += 1))
    await Promise.resolve()
    expect(settled).toBe(0)
    await keepPage(ticketOf(first), html, new Headers({ 'Content-Type': 'text/html' }))
    for (const found of await Promise.all(meanwhile)) {
      if (!('page' in found)) throw new Error('expected the page rendered meanwhile')
      expect(found.page.gzip.length).toBeGreaterThan(0)
    }
  })

  test('whose rendering is not kept (an error, a redirect) is rendered by the next who asked', async () => {
    const first = await findPage('/products', {})
    const meanwhile = findPage('/products', {})
    releaseTicket(ticketOf(first))
    const next = ticketOf(await meanwhile)
    expect(next.key).toBe(ticketOf(first).key)
    // That one's rendering is kept for those after it.
    await keepPage(next, html, new Headers({ 'Content-Type': 'text/html' }))
    expect(await visit('/products')).toBe(true)
  })

  test('kept by one server process is sent by the others, checked like their own', async () => {
    const messages: unknown[] = []
    const stopSharing = setPageSharingForTests((message) => messages.push(message))
    try {
      const found = await findPage('/about', {})
      await keepPage(ticketOf(found), html, new Headers({ 'Content-Type': 'text/html' }))
    } finally {
      stopSharing()
    }
    expect(messages).toHaveLength(1)
    // Another process: it has kept nothing, and receives the page as its channel carries it.
    forgetKeptPages()
    expect(receiveSharedPage(v8.deserialize(v8.serialize(messages[0])))).toBe(true)
    const again = await findPage('/about', {})
    if (!('page' in again)) throw new Error('expected the page kept by the other process')
    expect(again.page.identity.toString()).toBe(html)
    // Once the catalogue moves, the received page is rendered again like any other.
    const cooperative = await createCooperative(db)
    await createCertificate(db, { cooperativeId: cooperative.id, type: 'onssa' })
    await createProduct(db, { cooperativeId: cooperative.id })
    expect(await visit('/about')).toBe(false)
  })

  test('anything else on the channel is left alone', () => {
    expect(receiveSharedPage({ listening: 3000 })).toBe(false)
    expect(receiveSharedPage({ type: 'taawun:kept-page', page: { ticket: {} } })).toBe(false)
    expect(receiveSharedPage(null)).toBe(false)
  })
})
