import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { productImages, products, productVariants } from '#db/schema/catalog.ts'
import { certificates } from '#db/schema/certification.ts'
import {
  createCertificate,
  createCooperativeWithTeam,
  createProduct,
  createUser,
  findCategory,
} from '#db/seed/factories.ts'
import { db } from '#app/utils/db.server.ts'
import { action as newProductAction } from '#app/routes/coop.$slug.products.new.tsx'
import {
  action as listAction,
  loader as listLoader,
} from '#app/routes/coop.$slug.products._index.tsx'
import {
  action as editAction,
  loader as editLoader,
} from '#app/routes/coop.$slug.products.$productId.tsx'
import {
  action as newCertificateAction,
  loader as newCertificateLoader,
} from '#app/routes/coop.$slug.certificates.new.tsx'
import { loader as certificatesLoader } from '#app/routes/coop.$slug.certificates._index.tsx'
import { loader as productPageLoader } from '#app/routes/products.$slug.tsx'
import { call, dataOf, loginAs, makeRequest, statusOf } from '#tests/helpers.ts'
import { pdfFile, pngFile } from '#tests/files.ts'

type Reply = {
  fieldErrors: Record<string, string>
  formError?: string
  refused?: { reasons: { kind: string; state?: string; type?: string }[] }
}

async function quickAdd(
  slug: string,
  cookie: string,
  fields: Record<string, string>,
  withPhoto = true,
) {
  const form = new FormData()
  if (withPhoto) form.append('photo', await pngFile('honey.png'))
  for (const [k, v] of Object.entries(fields)) form.append(k, v)
  return call(
    newProductAction,
    makeRequest(`/coop/${slug}/products/new`, { cookie, form, language: 'en' }),
    { slug },
  )
}

async function snapshot(productId: string) {
  const [product] = await db.select().from(products).where(eq(products.id, productId))
  const variants = await db
    .select()
    .from(productVariants)
    .where(eq(productVariants.productId, productId))
  const images = await db.select().from(productImages).where(eq(productImages.productId, productId))
  return { product, variants, images }
}

function editForm(
  productId: string,
  variant: { id: string; sku: string },
  overrides: Record<string, string | string[]> = {},
) {
  return {
    intent: 'save',
    categoryId: overrides.categoryId ?? '',
    titleAr: 'عسل السدر',
    descriptionAr: 'عسل من جبال الريف.',
    variantId: [variant.id, ''],
    sku: [variant.sku, ''],
    labelAr: ['500 غ', ''],
    labelFr: ['', ''],
    labelEn: ['', ''],
    price: ['120', ''],
    stock: ['4', ''],
    stockShown: ['10', ''],
    weight: ['600', ''],
    ...overrides,
  }
}

describe('products', () => {
  test('a manager adds a product from a photo, a category, a name, a price and a quantity: a draft', async () => {
    const { cooperative, manager } = await createCooperativeWithTeam(db)
    const honey = await findCategory(db, 'honey')
    const result = await quickAdd(cooperative.slug, await loginAs(manager), {
      categoryId: honey.id,
      titleAr: 'عسل الزعتر',
      price: '180,50',
      stock: '12',
    })
    expect(statusOf(result)).toBe(302)
    const [product] = await db
      .select()
      .from(products)
      .where(eq(products.cooperativeId, cooperative.id))
    expect(product).toMatchObject({ status: 'draft', titleAr: 'عسل الزعتر', categoryId: honey.id })
    const { variants, images } = await snapshot(product!.id)
    expect(variants).toEqual([expect.objectContaining({ priceCentimes: 18050, stockQuantity: 12 })])
    expect(images).toHaveLength(1)
  })

  test('bad input is refused with a localized message and nothing is written', async () => {
    const { cooperative, manager } = await createCooperativeWithTeam(db)
    const cookie = await loginAs(manager)
    const honey = await findCategory(db, 'honey')
    const cases: [Record<string, string>, boolean, string][] = [
      [{ categoryId: honey.id, titleAr: 'عسل', price: '-5', stock: '1' }, true, 'price'],
      [{ categoryId: honey.id, titleAr: 'عسل', price: '10', stock: '-1' }, true, 'stock'],
      [{ categoryId: honey.id, titleAr: '', price: '10', stock: '1' }, true, 'titleAr'],
      [
        {
          categoryId: '00000000-0000-4000-8000-000000000000',
          titleAr: 'عسل',
          price: '10',
          stock: '1',
        },
        true,
        'categoryId',
      ],
      [{ categoryId: 'honey', titleAr: 'عسل', price: '10', stock: '1' }, true, 'categoryId'],
      [{ categoryId: honey.id, titleAr: 'عسل', price: '10', stock: '1' }, false, 'photo'],
    ]
    for (const [fields, withPhoto, field] of cases) {
      const result = await quickAdd(cooperative.slug, cookie, fields, withPhoto)
      expect(statusOf(result), field).toBe(400)
      expect(dataOf<Reply>(result).fieldErrors[field], field).toBeTruthy()
    }
    expect(await db.select().from(products)).toHaveLength(0)
  })

  test('publishing is refused for lack of an ONSSA authorisation, saying which, then allowed once approved', async () => {
    const { cooperative, manager } = await createCooperativeWithTeam(db)
    const product = await createProduct(db, { cooperativeId: cooperative.id, status: 'draft' })
    const cookie = await loginAs(manager)
    const publish = () =>
      call(
        listAction,
        makeRequest(`/coop/${cooperative.slug}/products`, {
          cookie,
          language: 'en',
          form: { intent: 'publish', productId: product.id },
        }),
        { slug: cooperative.slug },
      )
    const refused = await publish()
    expect(statusOf(refused)).toBe(409)
    expect(dataOf<Reply>(refused).refused?.reasons).toEqual([
      expect.objectContaining({ kind: 'certificate', type: 'onssa', state: 'missing' }),
    ])
    expect((await snapshot(product.id)).product?.status).toBe('draft')

    const pending = await createCertificate(db, {
      cooperativeId: cooperative.id,
      type: 'onssa',
      status: 'pending_review',
    })
    expect(dataOf<Reply>(await publish()).refused?.reasons).toEqual([
      expect.objectContaining({ state: 'pending' }),
    ])
    await db.update(certificates).set({ status: 'approved' }).where(eq(certificates.id, pending.id))
    expect(statusOf(await publish())).toBe(302)
    expect((await snapshot(product.id)).product?.status).toBe('published')
    const list = await call(
      listLoader,
      makeRequest(`/coop/${cooperative.slug}/products`, { cookie }),
      { slug: cooperative.slug },
    )
    expect(dataOf<{ products: { id: string; onSale: boolean }[] }>(list).products).toEqual([
      expect.objectContaining({ id: product.id, onSale: true }),
    ])
  })

  test('the dashboard says why a product is hidden', async () => {
    const { cooperative, manager } = await createCooperativeWithTeam(db)
    await createCertificate(db, {
      cooperativeId: cooperative.id,
      type: 'onssa',
      status: 'revoked',
      decidedAt: new Date('2026-11-20T10:00:00Z'),
    })
    await createProduct(db, { cooperativeId: cooperative.id })
    const list = await call(
      listLoader,
      makeRequest(`/coop/${cooperative.slug}/products`, {
        cookie: await loginAs(manager),
        language: 'en',
      }),
      { slug: cooperative.slug },
    )
    const [shown] = dataOf<{
      products: {
        onSale: boolean
        reasons: { state?: string; typeName?: string; date?: string }[]
      }[]
    }>(list).products
    expect(shown?.onSale).toBe(false)
    expect(shown?.reasons).toEqual([
      expect.objectContaining({
        state: 'revoked',
        typeName: 'ONSSA sanitary authorisation',
        date: 'November 20, 2026',
      }),
    ])
  })

  test('stock changes by one, never below zero', async () => {
    const { cooperative, manager } = await createCooperativeWithTeam(db)
    const product = await createProduct(db, {
      cooperativeId: cooperative.id,
      variants: [{ stockQuantity: 1 }],
    })
    const cookie = await loginAs(manager)
    const tap = (delta: string) =>
      call(
        listAction,
        makeRequest(`/coop/${cooperative.slug}/products`, {
          cookie,
          form: { intent: 'stock', variantId: product.variants[0]!.id, delta },
        }),
        { slug: cooperative.slug },
      )
    await tap('-1')
    await tap('-1')
    expect((await snapshot(product.id)).variants[0]?.stockQuantity).toBe(0)
    await tap('1')
    expect((await snapshot(product.id)).variants[0]?.stockQuantity).toBe(1)
    expect(statusOf(await tap('5'))).toBe(400)
  })

  test('the edit form refuses negative prices, a missing Arabic title, a 9th image and tampered ids, changing nothing', async () => {
    const { cooperative, manager } = await createCooperativeWithTeam(db)
    const other = await createCooperativeWithTeam(db)
    const foreign = await createProduct(db, { cooperativeId: other.cooperative.id })
    const product = await createProduct(db, { cooperativeId: cooperative.id, status: 'draft' })
    const cookie = await loginAs(manager)
    const honey = await findCategory(db, 'honey')
    const before = await snapshot(product.id)
    const save = (overrides: Record<string, string | string[]>) =>
      call(
        editAction,
        makeRequest(`/coop/${cooperative.slug}/products/${product.id}`, {
          cookie,
          language: 'en',
          form: editForm(product.id, product.variants[0]!, { categoryId: honey.id, ...overrides }),
        }),
        { slug: cooperative.slug, productId: product.id },
      )
    expect(statusOf(await save({ price: ['-3', ''] }))).toBe(400)
    expect(statusOf(await save({ titleAr: '' }))).toBe(400)
    expect(statusOf(await save({ categoryId: '00000000-0000-4000-8000-000000000000' }))).toBe(400)
    expect(statusOf(await save({ variantId: [foreign.variants[0]!.id, ''] }))).toBe(400)
    expect(statusOf(await save({ claims: ['cannabis'] }))).toBe(400)
    expect(await snapshot(product.id)).toEqual(before)
    expect(statusOf(await save({}))).toBe(302)
    expect((await snapshot(product.id)).variants[0]).toMatchObject({
      priceCentimes: 12000,
      stockQuantity: 4,
      weightGrams: 600,
    })

    const addPhotos = async (count: number) => {
      const form = new FormData()
      for (let i = 0; i < count; i++) form.append('photos', await pngFile(`p${i}.png`, 64, 64))
      return call(
        editAction,
        makeRequest(`/coop/${cooperative.slug}/products/${product.id}`, {
          cookie,
          form,
          language: 'en',
        }),
        { slug: cooperative.slug, productId: product.id },
      )
    }
    expect(statusOf(await addPhotos(8))).toBe(302)
    const ninth = await addPhotos(1)
    expect(statusOf(ninth)).toBe(400)
    expect(dataOf<Reply>(ninth).fieldErrors.photos).toBe('A product has at most 8 photos.')
    expect((await snapshot(product.id)).images).toHaveLength(8)
  })

  test('members of another cooperative cannot see, edit or publish these products', async () => {
    const a = await createCooperativeWithTeam(db)
    const b = await createCooperativeWithTeam(db)
    const product = await createProduct(db, { cooperativeId: a.cooperative.id, status: 'draft' })
    const cookie = await loginAs(b.manager)
    expect(
      statusOf(
        await call(
          editLoader,
          makeRequest(`/coop/${a.cooperative.slug}/products/${product.id}`, { cookie }),
          { slug: a.cooperative.slug, productId: product.id },
        ),
      ),
    ).toBe(404)
    // Through her own cooperative's address, the other cooperative's product does not exist.
    expect(
      statusOf(
        await call(
          editLoader,
          makeRequest(`/coop/${b.cooperative.slug}/products/${product.id}`, { cookie }),
          { slug: b.cooperative.slug, productId: product.id },
        ),
      ),
    ).toBe(404)
    const publish = await call(
      listAction,
      makeRequest(`/coop/${b.cooperative.slug}/products`, {
        cookie,
        form: { intent: 'publish', productId: product.id },
      }),
      { slug: b.cooperative.slug },
    )
    expect(statusOf(publish)).toBe(404)
    const stock = await call(
      listAction,
      makeRequest(`/coop/${b.cooperative.slug}/products`, {
        cookie,
        form: { intent: 'stock', variantId: product.variants[0]!.id, delta: '1' },
      }),
      { slug: b.cooperative.slug },
    )
    expect(statusOf(stock)).toBe(404)
    expect((await snapshot(product.id)).product?.status).toBe('draft')
    // Members (not managers) of the cooperative itself cannot change products either.
    const member = await loginAs(a.member)
    expect(
      statusOf(
        await call(
          listAction,
          makeRequest(`/coop/${a.cooperative.slug}/products`, {
            cookie: member,
            form: { intent: 'publish', productId: product.id },
          }),
          { slug: a.cooperative.slug },
        ),
      ),
    ).toBe(403)
    const customer = await createUser(db)
    expect(
      statusOf(
        await call(
          certificatesLoader,
          makeRequest(`/coop/${a.cooperative.slug}/certificates`, {
            cookie: await loginAs(customer),
          }),
          { slug: a.cooperative.slug },
        ),
      ),
    ).toBe(404)
  })

  test('the public product page shows only what may be sold, with its badges', async () => {
    const { cooperative } = await createCooperativeWithTeam(db)
    const product = await createProduct(db, { cooperativeId: cooperative.id, slug: 'miel-test' })
    expect(
      statusOf(
        await call(productPageLoader, makeRequest('/products/miel-test'), { slug: 'miel-test' }),
      ),
    ).toBe(404)
    const onssa = await createCertificate(db, { cooperativeId: cooperative.id, type: 'onssa' })
    const page = await call(
      productPageLoader,
      makeRequest('/products/miel-test', { language: 'fr' }),
      { slug: 'miel-test' },
    )
    expect(statusOf(page)).toBe(200)
    expect(
      dataOf<{ product: { badges: { certificateId: string }[] } }>(page).product.badges,
    ).toEqual([expect.objectContaining({ certificateId: onssa.id })])
    await db.update(certificates).set({ status: 'revoked' }).where(eq(certificates.id, onssa.id))
    expect(
      statusOf(
        await call(productPageLoader, makeRequest('/products/miel-test'), { slug: 'miel-test' }),
      ),
    ).toBe(404)
    expect(product.slug).toBe('miel-test')
  })
})

describe('certificates sent by cooperatives', () => {
  async function send(
    slug: string,
    cookie: string,
    fields: Record<string, string | string[]>,
    withFile = true,
  ) {
    const form = new FormData()
    for (const [k, v] of Object.entries(fields))
      for (const value of Array.isArray(v) ? v : [v]) form.append(k, value)
    if (withFile) form.append('files', pdfFile('onssa.pdf'))
    return call(
      newCertificateAction,
      makeRequest(`/coop/${slug}/certificates/new`, { cookie, form, language: 'en' }),
      { slug },
    )
  }

  test('a manager sends an ONSSA authorisation; it waits for review', async () => {
    const { cooperative, manager } = await createCooperativeWithTeam(db)
    const result = await send(cooperative.slug, await loginAs(manager), {
      type: 'onssa',
      issuingBody: 'ONSSA',
      number: 'AS.12.345.21',
      scope: 'cooperative',
      issuedAt: '2024-03-01',
    })
    expect(statusOf(result)).toBe(302)
    const [certificate] = await db
      .select()
      .from(certificates)
      .where(eq(certificates.cooperativeId, cooperative.id))
    expect(certificate).toMatchObject({
      status: 'pending_review',
      number: 'AS.12.345.21',
      expiresAt: null,
    })
  })

  test('impossible dates, a missing file or a wrong scope are refused and nothing is kept', async () => {
    const { cooperative, manager } = await createCooperativeWithTeam(db)
    const cookie = await loginAs(manager)
    const base = {
      type: 'organic',
      issuingBody: 'Ecocert',
      number: 'BIO-1',
      scope: 'cooperative',
      issuedAt: '2025-05-01',
    }
    const backwards = await send(cooperative.slug, cookie, {
      ...base,
      scope: 'products',
      expiresAt: '2025-01-01',
    })
    expect(statusOf(backwards)).toBe(400)
    expect(dataOf<Reply>(backwards).fieldErrors.expiresAt).toBe(
      'Type an expiry date after the date of issue.',
    )
    expect(
      statusOf(await send(cooperative.slug, cookie, { ...base, issuedAt: '2025-02-30' })),
    ).toBe(400)
    const wrongScope = await send(cooperative.slug, cookie, base)
    expect(statusOf(wrongScope)).toBe(400)
    // Said as what to do, not only as what is wrong.
    expect(dataOf<Reply>(wrongScope).fieldErrors.scope).toBe(
      'Choose the products it covers: this kind of certificate is given product by product.',
    )
    expect(statusOf(await send(cooperative.slug, cookie, { ...base, type: 'onssa' }, false))).toBe(
      400,
    )
    expect(await db.select().from(certificates)).toHaveLength(0)
  })

  test('the form knows which scopes each type allows (ONSSA: the whole cooperative)', async () => {
    const { cooperative, manager } = await createCooperativeWithTeam(db)
    const form = await call(
      newCertificateLoader,
      makeRequest(`/coop/${cooperative.slug}/certificates/new?type=onssa`, {
        cookie: await loginAs(manager),
      }),
      { slug: cooperative.slug },
    )
    const { rules, preselected } = dataOf<{
      rules: Record<string, { scope: string }>
      preselected: string
    }>(form)
    expect(preselected).toBe('onssa')
    expect(rules.onssa?.scope).toBe('cooperative')
    expect(rules.cosmetic_reg?.scope).toBe('product')
    expect(rules.halal?.scope).toBe('either')
  })
})

describe('lists in the dashboard', () => {
  test('each product shows its first photo, and each certificate the products it covers', async () => {
    const { cooperative, manager } = await createCooperativeWithTeam(db)
    const cookie = await loginAs(manager)
    const honey = await findCategory(db, 'honey')
    await quickAdd(cooperative.slug, cookie, {
      categoryId: honey.id,
      titleAr: 'عسل الخروب',
      price: '90',
      stock: '3',
    })
    await createProduct(db, { cooperativeId: cooperative.id })
    const list = await call(
      listLoader,
      makeRequest(`/coop/${cooperative.slug}/products`, { cookie }),
      { slug: cooperative.slug },
    )
    const shown = dataOf<{ products: { title: string; image: string | null }[] }>(list).products
    expect(shown.find((p) => p.title === 'عسل الخروب')?.image).toMatch(
      /^\/media\/[0-9a-f]{32}-\d+\.webp$/,
    )
    expect(shown.filter((p) => p.image === null)).toHaveLength(1)

    const [product] = await db.select().from(products).where(eq(products.titleAr, 'عسل الخروب'))
    await createCertificate(db, {
      cooperativeId: cooperative.id,
      type: 'organic',
      productIds: [product!.id],
      expiresAt: new Date(Date.now() + 100 * 86400000),
    })
    const certificatesPage = await call(
      certificatesLoader,
      makeRequest(`/coop/${cooperative.slug}/certificates`, { cookie }),
      { slug: cooperative.slug },
    )
    expect(
      dataOf<{ certificates: { products: string[] }[] }>(certificatesPage).certificates[0]
        ?.products,
    ).toEqual(['عسل الخروب'])
  })
})
