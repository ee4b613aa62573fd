// The storefront as strangers see it: only purchasable products, in every page, the sitemap
// and the structured data; a constant number of queries per page.
import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { products } from '#db/schema/catalog.ts'
import { createCertificate, createCooperative, createProduct } from '#db/seed/factories.ts'
import { db, observeQueries } from '#app/utils/db.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { loader as homeLoader } from '#app/routes/_index.tsx'
import { loader as catalogLoader } from '#app/routes/products._index.tsx'
import { loader as productLoader } from '#app/routes/products.$slug.tsx'
import { loader as categoryLoader } from '#app/routes/categories.$slug.tsx'
import { loader as cooperativeLoader } from '#app/routes/cooperatives.$slug.tsx'
import { loader as sitemapLoader } from '#app/routes/sitemap[.]xml.ts'
import { loader as sitemapFileLoader } from '#app/routes/sitemaps.$file.ts'
import { loader as robotsLoader } from '#app/routes/robots[.]txt.ts'
import { call, dataOf, makeRequest, statusOf } from '#tests/helpers.ts'

const day = 24 * 3600 * 1000

async function sellingCooperative(provinceCode = 'al-hoceima') {
  const cooperative = await createCooperative(db, { provinceCode })
  await createCertificate(db, { cooperativeId: cooperative.id, type: 'onssa' })
  return cooperative
}

/** One product on sale and one of every kind that must stay hidden, all honey. */
async function world() {
  const selling = await sellingCooperative()
  const visible = await createProduct(db, {
    cooperativeId: selling.id,
    slug: 'miel-visible',
    titleFr: 'Miel de thym visible',
  })
  const hidden: { slug: string; cooperativeSlug: string }[] = []
  const hide = async (cooperative: { id: string; slug: string }, extra = {}) => {
    const product = await createProduct(db, {
      cooperativeId: cooperative.id,
      titleFr: 'Miel de thym caché',
      ...extra,
    })
    hidden.push({ slug: product.slug, cooperativeSlug: cooperative.slug })
  }
  await hide(await createCooperative(db)) // no certificate
  const expired = await createCooperative(db)
  await createCertificate(db, {
    cooperativeId: expired.id,
    type: 'onssa',
    expiresAt: new Date(Date.now() - day),
  })
  await hide(expired)
  const revoked = await createCooperative(db)
  await createCertificate(db, { cooperativeId: revoked.id, type: 'onssa', status: 'revoked' })
  await hide(revoked)
  const suspended = await createCooperative(db, { status: 'suspended' })
  await createCertificate(db, { cooperativeId: suspended.id, type: 'onssa' })
  await hide(suspended)
  await hide(selling, { status: 'draft' })
  await hide(selling, { blockedReason: 'Allégation trompeuse' })
  await hide(selling, { claims: ['organic'] }) // claims a certificate it does not have
  return { selling, visible, hidden, suspended }
}

async function load(
  loader: Parameters<typeof call>[0],
  path: string,
  params: Record<string, string> = {},
) {
  const result = await call(loader, makeRequest(path, { language: 'fr' }), params)
  const status = statusOf(result)
  return { status, body: result instanceof Response ? '' : JSON.stringify(dataOf(result)), path }
}

async function text(loader: Parameters<typeof call>[0], path: string, params = {}) {
  const response = (await call(loader, makeRequest(path), params)) as Response
  return { status: response.status, body: await response.text(), path }
}

describe('storefront gating', () => {
  test('hidden products appear in no page, sitemap or structured data', async () => {
    const { visible, hidden, selling, suspended } = await world()
    const pages = [
      await load(homeLoader, '/'),
      await load(catalogLoader, '/products'),
      await load(catalogLoader, '/products?q=miel'),
      await load(catalogLoader, '/products?q=cach%C3%A9'),
      await load(catalogLoader, '/products?category=honey&stock=1&sort=price_asc'),
      await load(categoryLoader, '/categories/food', { slug: 'food' }),
      await load(categoryLoader, '/categories/honey', { slug: 'honey' }),
      ...(await Promise.all(
        [...new Set(hidden.map((h) => h.cooperativeSlug))]
          .filter((slug) => slug !== suspended.slug)
          .map((slug) => load(cooperativeLoader, `/cooperatives/${slug}`, { slug })),
      )),
      await load(productLoader, `/products/${visible.slug}`, { slug: visible.slug }),
    ]
    const sitemapFiles = [
      await text(sitemapLoader, '/sitemap.xml'),
      await text(sitemapFileLoader, '/sitemaps/pages.xml', { file: 'pages.xml' }),
      await text(sitemapFileLoader, '/sitemaps/products-1.xml', { file: 'products-1.xml' }),
    ]
    for (const page of [...pages, ...sitemapFiles])
      expect(page.status, page.body.slice(0, 80)).toBe(200)
    for (const { slug } of hidden) {
      for (const page of [...pages, ...sitemapFiles]) expect(page.body).not.toContain(slug)
    }
    // The visible one is everywhere it belongs.
    for (const page of pages.slice(0, 3)) expect(page.body).toContain(visible.slug)
    expect(sitemapFiles[2]!.body).toContain(`/products/${visible.slug}</loc>`)
    expect(sitemapFiles[2]!.body).toContain(`/products/${visible.slug}?lng=en`)
    expect(sitemapFiles[1]!.body).toContain(`/cooperatives/${selling.slug}?lng=fr`)
    expect(sitemapFiles[1]!.body).not.toContain(`/cooperatives/${suspended.slug}`)
    expect(pages.at(-1)!.body).toContain('"@type":"Product"')

    // Hidden products: "not available" (404) with purchasable suggestions only.
    for (const { slug } of hidden) {
      const page = await load(productLoader, `/products/${slug}`, { slug })
      expect(page.status).toBe(404)
      expect(page.body).not.toContain('Miel de thym caché')
      expect(page.body).toContain(visible.slug)
    }
    expect(
      (await load(cooperativeLoader, `/cooperatives/${suspended.slug}`, { slug: suspended.slug }))
        .status,
    ).toBe(404)
  })

  test('a product leaves the pages the moment its certificate is revoked', async () => {
    const cooperative = await createCooperative(db)
    const certificate = await createCertificate(db, {
      cooperativeId: cooperative.id,
      type: 'onssa',
    })
    const product = await createProduct(db, { cooperativeId: cooperative.id })
    expect((await load(catalogLoader, '/products')).body).toContain(product.slug)
    const { certificates } = await import('#db/schema/certification.ts')
    await db
      .update(certificates)
      .set({ status: 'revoked' })
      .where(eq(certificates.id, certificate.id))
    expect((await load(catalogLoader, '/products')).body).not.toContain(product.slug)
    expect(
      (await load(productLoader, `/products/${product.slug}`, { slug: product.slug })).status,
    ).toBe(404)
  })
})

describe('the product page', () => {
  test('variants, stock states and the offer in structured data', async () => {
    const cooperative = await sellingCooperative()
    const product = await createProduct(db, {
      cooperativeId: cooperative.id,
      titleFr: 'Amlou aux amandes',
      variants: [
        { labelFr: '250 g', priceCentimes: 6500, stockQuantity: 2 },
        { labelFr: '500 g', priceCentimes: 12000, stockQuantity: 40 },
      ],
    })
    const path = `/products/${product.slug}`
    const page = dataOf<{
      product: {
        variants: { id: string; price: string; state: { kind: string; count?: number } }[]
      }
      seo: { jsonLd: { offers: { price: string; priceCurrency: string; availability: string }[] } }
    }>(await call(productLoader, makeRequest(path, { language: 'fr' }), { slug: product.slug }))
    expect(page.product.variants.map((v) => v.state)).toEqual([
      { kind: 'low', count: 2 },
      { kind: 'in_stock' },
    ])
    expect(page.seo.jsonLd.offers).toMatchObject([
      {
        price: '65.00',
        priceCurrency: 'MAD',
        availability: 'https://schema.org/LimitedAvailability',
      },
      { price: '120.00', priceCurrency: 'MAD', availability: 'https://schema.org/InStock' },
    ])

    // Out of season, made to order.
    const month = new Date().getUTCMonth() + 1
    const later = ((month + 5) % 12) + 1
    const seasonal = await createProduct(db, {
      cooperativeId: cooperative.id,
      seasonStartMonth: later,
      seasonEndMonth: later,
      variants: [{ stockQuantity: 0 }],
    })
    const handmade = await createProduct(db, {
      cooperativeId: cooperative.id,
      madeToOrder: true,
      facts: { leadTimeDays: 10 },
      variants: [{ stockQuantity: 0 }],
    })
    const stateOf = async (slug: string) =>
      dataOf<{ product: { variants: { state: unknown }[] } }>(
        await call(productLoader, makeRequest(`/products/${slug}`), { slug }),
      ).product.variants[0]!.state
    expect(await stateOf(seasonal.slug)).toEqual({ kind: 'out_of_season', month: later })
    expect(await stateOf(handmade.slug)).toEqual({ kind: 'made_to_order', days: 10 })
  })

  test('canonical, hreflang alternates, OpenGraph and JSON-LD in the head', async () => {
    const cooperative = await sellingCooperative()
    const product = await createProduct(db, { cooperativeId: cooperative.id, titleFr: 'Miel' })
    const data = dataOf(
      await call(productLoader, makeRequest(`/products/${product.slug}`, { language: 'fr' }), {
        slug: product.slug,
      }),
    )
    const meta = pageMeta({
      data,
      matches: [{ id: 'root', data: { origin: 'https://taawun.example', language: 'fr' } }],
    })
    const url = `https://taawun.example/products/${product.slug}`
    expect(meta).toContainEqual({ tagName: 'link', rel: 'canonical', href: `${url}?lng=fr` })
    // Arabic, the default language, owns the plain address.
    const arabic = pageMeta({
      data,
      matches: [{ id: 'root', data: { origin: 'https://taawun.example', language: 'ar' } }],
    })
    expect(arabic).toContainEqual({ tagName: 'link', rel: 'canonical', href: url })
    for (const lng of ['ar', 'fr', 'en']) {
      expect(meta).toContainEqual({
        tagName: 'link',
        rel: 'alternate',
        hrefLang: lng,
        href: lng === 'ar' ? url : `${url}?lng=${lng}`,
      })
    }
    expect(meta).toContainEqual({
      tagName: 'link',
      rel: 'alternate',
      hrefLang: 'x-default',
      href: url,
    })
    expect(meta).toContainEqual({ property: 'og:type', content: 'product' })
    expect(meta).toContainEqual({ property: 'og:locale', content: 'fr_MA' })
    for (const other of ['ar_MA', 'en_MA'])
      expect(meta).toContainEqual({ property: 'og:locale:alternate', content: other })
    // Without a photo, the site's own picture, with its size for the preview's layout.
    expect(meta).toContainEqual({
      property: 'og:image',
      content: 'https://taawun.example/share.png',
    })
    expect(meta).toContainEqual({ property: 'og:image:width', content: '1200' })
    expect(meta).toContainEqual({ property: 'og:image:height', content: '630' })
    expect(meta.find((m) => 'script:ld+json' in m)).toBeDefined()
  })
})

describe('speed', () => {
  test('the number of queries per page does not grow with the number of products', async () => {
    const cooperative = await sellingCooperative()
    const measure = async () => {
      const [first] = await db.select({ slug: products.slug }).from(products).limit(1)
      const pages: [Parameters<typeof call>[0], string, Record<string, string>][] = [
        [homeLoader, '/', {}],
        [catalogLoader, '/products', {}],
        [catalogLoader, '/products?q=miel&region=tanger-tetouan-al-hoceima&badge=onssa', {}],
        [categoryLoader, '/categories/food', { slug: 'food' }],
        [cooperativeLoader, `/cooperatives/${cooperative.slug}`, { slug: cooperative.slug }],
        [productLoader, `/products/${first!.slug}`, { slug: first!.slug }],
      ]
      const counts: number[] = []
      for (const [loader, path, params] of pages) {
        let count = 0
        const stop = observeQueries(() => {
          count += 1
        })
        expect(statusOf(await call(loader, makeRequest(path), params))).toBe(200)
        stop()
        counts.push(count)
      }
      return counts
    }
    const addProducts = async (n: number) => {
      for (let i = 0; i < n; i += 1) {
        await createProduct(db, { cooperativeId: cooperative.id, titleFr: `Miel ${i}` })
      }
    }
    await addProducts(3)
    const few = await measure()
    await addProducts(27)
    const many = await measure()
    expect(many).toEqual(few)
    // Small constants: reference, search and cards, plus the page's own subject.
    for (const count of many) expect(count).toBeLessThanOrEqual(10)
  })
})

describe('bad addresses', () => {
  test('malformed listing URLs get a page, never an error', async () => {
    await sellingCooperative()
    // Impossible pages are redirected to a real one (see catalogue-addresses.test.ts).
    for (const [query, status] of [
      ['page=abc&min=-5&max=1e99&sort=%00', 302],
      ['min=-5&max=1e99&sort=%00', 200],
      ['badge=%27%3B%20drop%20table&region=%F0%9F%8D%AF&category=..%2F..', 200],
      [`q=${'%D8%B9'.repeat(400)}`, 200],
      ['q=%E0%A4%A', 200],
      ['page=999999', 302],
    ] as const) {
      let result: unknown
      try {
        result = await call(catalogLoader, makeRequest(`/products?${query}`), {})
      } catch (error) {
        result = error
      }
      expect(statusOf(result), query).toBe(status)
    }
    expect(
      statusOf(await call(categoryLoader, makeRequest('/categories/nope'), { slug: 'nope' })),
    ).toBe(404)
    expect(
      statusOf(await call(sitemapFileLoader, makeRequest('/sitemaps/x.xml'), { file: 'x.xml' })),
    ).toBe(404)
    expect(
      statusOf(
        await call(sitemapFileLoader, makeRequest('/sitemaps/products-9.xml'), {
          file: 'products-9.xml',
        }),
      ),
    ).toBe(404)
  })

  test('robots.txt keeps crawlers out of dashboards and points to the sitemap', async () => {
    const { body } = await text(robotsLoader, '/robots.txt')
    expect(body).toContain('Disallow: /coop/')
    expect(body).toContain('Disallow: /admin')
    expect(body).toMatch(/Sitemap: https?:\/\/.+\/sitemap\.xml/)
  })
})
