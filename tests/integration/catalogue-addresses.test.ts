// Catalogue addresses people type, share or get from a plain HTML form: empty fields and
// impossible pages are redirected to the clean address, a price bound that cannot be applied
// is said so (and the results stay), a suspended cooperative's page says it is suspended, and
// sold-out variants are told apart.
import { describe, expect, test } from 'vitest'
import { createCertificate, createCooperative, createProduct } from '#db/seed/factories.ts'
import { db } from '#app/utils/db.server.ts'
import { loader as catalogLoader } from '#app/routes/products._index.tsx'
import { loader as categoryLoader } from '#app/routes/categories.$slug.tsx'
import { loader as cooperativeLoader } from '#app/routes/cooperatives.$slug.tsx'
import { loader as productLoader } from '#app/routes/products.$slug.tsx'
import { call, dataOf, makeRequest, statusOf } from '#tests/helpers.ts'

async function sellingCooperative(input: Parameters<typeof createCooperative>[1] = {}) {
  const cooperative = await createCooperative(db, input)
  await createCertificate(db, { cooperativeId: cooperative.id, type: 'onssa' })
  return cooperative
}

async function locationOf(
  loader: Parameters<typeof call>[0],
  path: string,
  params: Record<string, string> = {},
) {
  const result = await call(loader, makeRequest(path, { language: 'fr' }), params)
  expect(statusOf(result), path).toBe(302)
  return (result as Response).headers.get('Location')
}

type ListingData = {
  listing: {
    params: { min: string; max: string; page: number }
    priceInput: { min: string; max: string }
    priceProblem: { field: string; message: string } | null
    cards: { slug: string }[]
  }
}

async function listing(path: string) {
  const result = await call(catalogLoader, makeRequest(path, { language: 'fr' }))
  expect(statusOf(result), path).toBe(200)
  return dataOf<ListingData>(result).listing
}

describe('clean listing addresses', () => {
  test('the empty fields a GET form sends are dropped by a redirect, the rest kept as written', async () => {
    await sellingCooperative()
    expect(
      await locationOf(
        catalogLoader,
        '/products?q=&category=&region=&min=&max=&sort=newest&stock=1',
      ),
    ).toBe('/products?sort=newest&stock=1')
    expect(await locationOf(catalogLoader, '/products?q=miel&min=%20&lng=fr')).toBe(
      '/products?q=miel&lng=fr',
    )
    expect(await locationOf(catalogLoader, '/products?q=&min=&max=')).toBe('/products')
    expect(
      await locationOf(categoryLoader, '/categories/honey?region=&badge=onssa&q=', {
        slug: 'honey',
      }),
    ).toBe('/categories/honey?badge=onssa')
    // A clean address is served as it is.
    expect(statusOf(await call(catalogLoader, makeRequest('/products?sort=newest')))).toBe(200)
  })

  test('page 0, negative, text or 1 goes to page 1; a page past the end to the last page', async () => {
    const cooperative = await sellingCooperative()
    for (let i = 0; i < 25; i += 1) await createProduct(db, { cooperativeId: cooperative.id })
    for (const page of ['0', '-2', 'abc', '1', '1.5', '2e1']) {
      expect(await locationOf(catalogLoader, `/products?q=miel&page=${page}`), page).toBe(
        '/products?q=miel',
      )
    }
    const path = `/cooperatives/${cooperative.slug}`
    const params = { slug: cooperative.slug }
    // 25 products: two pages of 24.
    expect(await locationOf(cooperativeLoader, `${path}?page=3`, params)).toBe(`${path}?page=2`)
    expect(await locationOf(cooperativeLoader, `${path}?sort=price_asc&page=999999`, params)).toBe(
      `${path}?sort=price_asc&page=2`,
    )
    expect(statusOf(await call(cooperativeLoader, makeRequest(`${path}?page=2`), params))).toBe(200)
    // One page only: back to the address without a page.
    expect(await locationOf(cooperativeLoader, `${path}?region=nope&q=zzzz&page=4`, params)).toBe(
      `${path}?region=nope&q=zzzz`,
    )
    expect(await locationOf(categoryLoader, '/categories/honey?page=50', { slug: 'honey' })).toBe(
      '/categories/honey?page=2',
    )
  })
})

describe('price bounds', () => {
  test('a bound that is not an amount, or a minimum above the maximum, is said and not applied', async () => {
    const cooperative = await sellingCooperative()
    const cheap = await createProduct(db, {
      cooperativeId: cooperative.id,
      variants: [{ priceCentimes: 6500 }],
    })
    const dear = await createProduct(db, {
      cooperativeId: cooperative.id,
      variants: [{ priceCentimes: 30000 }],
    })
    const slugs = (l: ListingData['listing']) => l.cards.map((c) => c.slug)

    const text = await listing('/products?min=abc&max=100')
    expect(text.priceProblem).toEqual({
      field: 'min',
      message:
        "Le prix minimum n'est pas un montant (par ex. 120 ou 99,50) : il n'est pas appliqué.",
    })
    expect(text.priceInput).toEqual({ min: 'abc', max: '100' })
    expect([text.params.min, text.params.max]).toEqual(['', '100'])
    // The maximum still applies.
    expect(slugs(text)).toContain(cheap.slug)
    expect(slugs(text)).not.toContain(dear.slug)

    const negative = await listing('/products?max=-5')
    expect(negative.priceProblem?.field).toBe('max')
    expect(negative.priceProblem?.message).toMatch(/^Le prix maximum n'est pas un montant/)
    expect(slugs(negative)).toEqual(expect.arrayContaining([cheap.slug, dear.slug]))

    const reversed = await listing('/products?min=200&max=100')
    expect(reversed.priceProblem).toEqual({
      field: 'both',
      message: "Le prix minimum est supérieur au prix maximum : aucun des deux n'est appliqué.",
    })
    expect([reversed.params.min, reversed.params.max]).toEqual(['', ''])
    expect(slugs(reversed)).toEqual(expect.arrayContaining([cheap.slug, dear.slug]))

    const both = await listing('/products?min=x&max=1e99')
    expect(both.priceProblem?.field).toBe('both')

    const fine = await listing('/products?min=100&max=400')
    expect(fine.priceProblem).toBeNull()
    expect(slugs(fine)).toContain(dear.slug)
    expect(slugs(fine)).not.toContain(cheap.slug)
  })
})

describe('unavailable things say so', () => {
  test('a suspended cooperative: 404 with its own message, not the generic one', async () => {
    const suspended = await sellingCooperative({ status: 'suspended', displayName: 'Tifawin' })
    await createProduct(db, { cooperativeId: suspended.id })
    const result = await call(
      cooperativeLoader,
      makeRequest(`/cooperatives/${suspended.slug}`, { language: 'fr' }),
      { slug: suspended.slug },
    )
    expect(statusOf(result)).toBe(404)
    const page = dataOf<Record<string, unknown>>(result)
    expect(page).toEqual({
      suspended: true,
      name: 'Tifawin',
      title: 'Cette coopérative est momentanément indisponible',
      noIndex: true,
    })
    // A cooperative that was never public is an ordinary wrong address.
    const applied = await createCooperative(db, { status: 'applied' })
    const unknown = await call(cooperativeLoader, makeRequest(`/cooperatives/${applied.slug}`), {
      slug: applied.slug,
    })
    expect(unknown).toBeInstanceOf(Response)
    expect(statusOf(unknown)).toBe(404)
  })

  test('a sold-out variant is marked sold out among those on sale', async () => {
    const cooperative = await sellingCooperative()
    const product = await createProduct(db, {
      cooperativeId: cooperative.id,
      variants: [
        { labelFr: 'S', stockQuantity: 0 },
        { labelFr: 'M', stockQuantity: 12 },
      ],
    })
    const page = dataOf<{
      product: { variants: { label: string; state: { kind: string } }[] }
    }>(
      await call(productLoader, makeRequest(`/products/${product.slug}`, { language: 'fr' }), {
        slug: product.slug,
      }),
    )
    expect(page.product.variants.map((v) => [v.label, v.state.kind])).toEqual([
      ['S', 'sold_out'],
      ['M', 'in_stock'],
    ])
  })
})
