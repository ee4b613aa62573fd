import { eq, sql } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { productStock, productVariants, products } from '#db/schema/catalog.ts'
import { cooperatives } from '#db/schema/cooperatives.ts'
import { regions } from '#db/schema/reference.ts'
import {
  createCertificate,
  createCooperative,
  createProduct,
  type ProductInput,
} from '#db/seed/factories.ts'
import { db, getDatabase } from '#app/utils/db.server.ts'
import { translatorFor } from '#app/modules/i18n/i18n.server.ts'
import {
  type CatalogQuery,
  catalogQuery,
  countCap,
  facetStatement,
  pageStatement,
  searchCatalog,
} from './search.server.ts'
import { loadListing, loadStorefrontReference, parseListingParams } from './listing.server.ts'

const day = 24 * 3600 * 1000

const query = catalogQuery

/** A cooperative allowed to sell food (ONSSA in force), and a product of it. */
async function onSale(input: Partial<ProductInput> = {}, provinceCode = 'al-hoceima') {
  const cooperative = await createCooperative(db, { provinceCode })
  await createCertificate(db, { cooperativeId: cooperative.id, type: 'onssa' })
  const product = await createProduct(db, { cooperativeId: cooperative.id, ...input })
  return { cooperative, product }
}

async function allIds(q: Partial<CatalogQuery> = {}) {
  const result = await searchCatalog(query({ pageSize: 100, ...q }))
  return result.ids
}

describe('search', () => {
  test('Arabic queries find the product whatever the diacritics, alef, yaa and taa marbuta', async () => {
    const { product } = await onSale({
      categorySlug: 'argan-oil',
      titleAr: 'زيت الأركان المحمّص',
      titleFr: "Huile d'argan grillée",
      descriptionAr: 'زيت من شجرة الأركان، معصور على البارد.',
    })
    await createCertificate(db, {
      cooperativeId: product.cooperativeId,
      type: 'cosmetic_reg',
    })
    const { product: sweet } = await onSale({
      categorySlug: 'jams',
      titleAr: 'حلوى التين بالعسل',
      titleFr: 'Confiserie de figues',
    })
    const { product: prayer } = await onSale({
      categorySlug: 'weaving-textiles',
      titleAr: 'سجادة مُصلّى من الصوف',
      titleFr: 'Tapis de prière',
    })
    const { product: flask } = await onSale({
      categorySlug: 'pottery',
      titleAr: 'إبريق فخار مؤسسة الريف',
      titleFr: 'Cruche en terre cuite',
    })
    const { product: olives } = await onSale({
      categorySlug: 'olive-oil',
      titleAr: 'زيتونة بلدية',
      titleFr: 'Olives beldi',
    })

    const cases: [string, string][] = [
      ['زيت الأركان', product.id],
      ['زَيْتُ الأَرْكَانِ', product.id], // with tashkeel
      ['زيت الاركان', product.id], // bare alef
      ['زيـــت أركان', product.id], // tatweel, no article
      ['حلوي', sweet.id], // yaa for alef maqsura
      ['حلوى', sweet.id],
      ['مصلى', prayer.id],
      ['مصلي', prayer.id],
      ['ابريق', flask.id], // alef without hamza
      ['مؤسسة', flask.id],
      ['موسسه', flask.id], // hamza carrier and taa marbuta
      ['زيتونه', olives.id],
      ['زيتونة', olives.id],
      ['huile argan grillee', product.id], // French without accents
      ['Huile d’Argan GRILLÉE', product.id],
      ['CRUCHE', flask.id],
      ['arg', product.id], // prefix of a word
      ['huile argn', product.id], // one letter missing
      ['cruhe', flask.id], // one letter missing
    ]
    for (const [q, expected] of cases) {
      const ids = await allIds({ q, sort: 'relevance' })
      expect(ids, q).toContain(expected)
    }
    // A misspelt Arabic word still finds the product (one letter wrong).
    expect(await allIds({ q: 'ابريك' })).toContain(flask.id)
    // Nothing matches what is not there.
    expect(await allIds({ q: 'ordinateur portable' })).toEqual([])
    expect(await allIds({ q: 'سيارة' })).toEqual([])
    expect(await allIds({ q: '!!! ...' })).toHaveLength(5) // nothing to search: everything
  })

  test('a misspelt word finds what it meant, not everything that shares a word', async () => {
    const { product: argan } = await onSale({
      categorySlug: 'argan-oil',
      titleAr: 'زيت الأركان',
      titleFr: "Huile d'argan",
    })
    await createCertificate(db, { cooperativeId: argan.cooperativeId, type: 'cosmetic_reg' })
    const { product: olive } = await onSale({
      categorySlug: 'olive-oil',
      titleAr: 'زيت الزيتون',
      titleFr: "Huile d'olive",
    })
    await onSale({ titleAr: 'عسل الزعتر', titleFr: 'Miel de thym' })
    expect(await allIds({ q: 'huile dargan' })).toEqual([argan.id])
    expect(await allIds({ q: 'huile dolive' })).toEqual([olive.id])
    expect(await allIds({ q: 'زيت الزيتوون' })).toEqual([olive.id])
    expect(await allIds({ q: 'زيت الاركن' })).toEqual([argan.id])
    expect(await allIds({ q: 'miel de thymm' })).toHaveLength(1)
  })

  test('short words with a typo, and Arabic plurals and singulars, find each other', async () => {
    const { product: honey } = await onSale({ titleAr: 'عسل الزعتر', titleFr: 'Miel de thym' })
    const { product: carpet } = await onSale({
      categorySlug: 'weaving-textiles',
      titleAr: 'زربية أمازيغية من الصوف',
      titleFr: 'Tapis amazigh en laine',
    })
    const { product: rugs } = await onSale({
      categorySlug: 'weaving-textiles',
      titleAr: 'زرابي صغيرة',
      titleFr: 'Petits tapis',
    })
    const { product: argan } = await onSale({
      categorySlug: 'argan-oil',
      titleAr: 'زيت الأركان',
      titleFr: "Huile d'argan",
    })
    await createCertificate(db, { cooperativeId: argan.cooperativeId, type: 'cosmetic_reg' })
    const { product: soap } = await onSale({
      categorySlug: 'soaps',
      titleAr: 'صابون بلدي',
      titleFr: 'Savon noir',
    })
    await createCertificate(db, { cooperativeId: soap.cooperativeId, type: 'cosmetic_reg' })
    const cases: [string, string[]][] = [
      // One letter wrong, missing or two swapped, in words of four and five letters.
      ['mial', [honey.id]],
      ['meil', [honey.id]],
      ['tpais', [carpet.id, rugs.id]],
      ['svaon', [soap.id]],
      ['صابن', [soap.id]],
      ['عسلل', [honey.id]],
      // Plural and singular.
      ['زيوت', [argan.id]],
      ['زرابي', [carpet.id, rugs.id]],
      ['زربية', [carpet.id, rugs.id]],
      ['الزرابي', [carpet.id, rugs.id]],
    ]
    for (const [q, expected] of cases) {
      expect((await allIds({ q })).sort(), q).toEqual([...expected].sort())
    }
    // Still nothing for what is not there.
    expect(await allIds({ q: 'سيارة' })).toEqual([])
    expect(await allIds({ q: 'voiture' })).toEqual([])
  })

  test('a title match ranks before a description match', async () => {
    const { product: described } = await onSale({
      titleAr: 'عسل الجبل',
      titleFr: 'Miel de montagne',
      descriptionFr: 'Parfait avec du thym et des amandes.',
    })
    const { product: titled } = await onSale({
      titleAr: 'لوز بلدي',
      titleFr: 'Amandes beldi',
      categorySlug: 'almonds-nuts',
    })
    expect(await allIds({ q: 'amandes', sort: 'relevance' })).toEqual([titled.id, described.id])
  })

  test('the search column follows renames of the cooperative and of the product', async () => {
    const { cooperative, product } = await onSale({ titleFr: 'Miel de thym' })
    await db
      .update(cooperatives)
      .set({ displayName: 'Tassaout Femmes' })
      .where(eq(cooperatives.id, cooperative.id))
    expect(await allIds({ q: 'tassaout' })).toEqual([product.id])
    await db.update(products).set({ titleFr: 'Miel de lavande' }).where(eq(products.id, product.id))
    expect(await allIds({ q: 'lavande' })).toEqual([product.id])
    expect(await allIds({ q: 'thym' })).toEqual([])
  })

  test('long and odd queries are accepted', async () => {
    await onSale({ titleFr: 'Miel' })
    for (const q of ["'", '\\', '&|!():*', 'a'.repeat(500), '%_', '<script>']) {
      await expect(searchCatalog(query({ q }))).resolves.toBeDefined()
    }
  })
})

describe('gating inside the listing query', () => {
  test('products that may not be sold never appear, nor count in facets', async () => {
    const { product: visible, cooperative } = await onSale({ titleFr: 'Miel visible' })
    const hidden: string[] = []
    // Missing certificate.
    const bare = await createCooperative(db)
    hidden.push((await createProduct(db, { cooperativeId: bare.id, titleFr: 'Miel caché' })).id)
    // Expired certificate.
    const expired = await createCooperative(db)
    await createCertificate(db, {
      cooperativeId: expired.id,
      type: 'onssa',
      expiresAt: new Date(Date.now() - day),
    })
    hidden.push((await createProduct(db, { cooperativeId: expired.id, titleFr: 'Miel caché' })).id)
    // Revoked certificate.
    const revoked = await createCooperative(db)
    await createCertificate(db, { cooperativeId: revoked.id, type: 'onssa', status: 'revoked' })
    hidden.push((await createProduct(db, { cooperativeId: revoked.id, titleFr: 'Miel caché' })).id)
    // Suspended cooperative.
    const suspended = await createCooperative(db, { status: 'suspended' })
    await createCertificate(db, { cooperativeId: suspended.id, type: 'onssa' })
    hidden.push(
      (await createProduct(db, { cooperativeId: suspended.id, titleFr: 'Miel caché' })).id,
    )
    // Draft and blocked products of a cooperative that may sell.
    hidden.push(
      (
        await createProduct(db, {
          cooperativeId: cooperative.id,
          status: 'draft',
          titleFr: 'Miel caché',
        })
      ).id,
    )
    hidden.push(
      (
        await createProduct(db, {
          cooperativeId: cooperative.id,
          blockedReason: 'Photo trompeuse',
          titleFr: 'Miel caché',
        })
      ).id,
    )
    // A claim without its certificate.
    hidden.push(
      (
        await createProduct(db, {
          cooperativeId: cooperative.id,
          claims: ['organic'],
          titleFr: 'Miel caché bio',
        })
      ).id,
    )

    for (const q of ['caché', 'cache', 'bio']) {
      expect(await allIds({ q }), q).toEqual([])
    }
    for (const q of ['', 'miel', 'MIEL', 'visble']) {
      const result = await searchCatalog(query({ q, pageSize: 100 }))
      expect(result.ids, q).toEqual([visible.id])
      expect(result.total).toBe(1)
      expect(Object.values(result.facets.categories)).toEqual([1])
      expect(Object.values(result.facets.regions)).toEqual([1])
      expect(result.facets.badges).toEqual({ onssa: 1 })
      expect(result.facets.inStock).toBe(1)
    }
    expect(await allIds({ cooperativeId: bare.id })).toEqual([])
  })

  test('a certificate expiring takes the product out of the listing at that instant', async () => {
    const cooperative = await createCooperative(db)
    const expiresAt = new Date(Date.now() + 30 * day)
    await createCertificate(db, { cooperativeId: cooperative.id, type: 'onssa', expiresAt })
    const product = await createProduct(db, { cooperativeId: cooperative.id })
    const before = await searchCatalog(query(), new Date(expiresAt.getTime() - 1000))
    const after = await searchCatalog(query(), new Date(expiresAt.getTime() + 1000))
    expect(before.ids).toEqual([product.id])
    expect(after.ids).toEqual([])
  })
})

describe('filters, facets and pages', () => {
  async function world() {
    const north = await onSale(
      { categorySlug: 'honey', titleFr: 'Miel du nord', variants: [{ priceCentimes: 9000 }] },
      'al-hoceima',
    )
    const south = await createCooperative(db, { provinceCode: 'taroudant' })
    await createCertificate(db, { cooperativeId: south.id, type: 'onssa' })
    await createCertificate(db, { cooperativeId: south.id, type: 'cosmetic_reg' })
    await createCertificate(db, { cooperativeId: south.id, type: 'organic' })
    const made = []
    made.push(
      await createProduct(db, {
        cooperativeId: south.id,
        categorySlug: 'honey',
        claims: ['organic'],
        titleFr: 'Miel bio du sud',
        variants: [{ priceCentimes: 25000, stockQuantity: 0 }],
      }),
    )
    made.push(
      await createProduct(db, {
        cooperativeId: south.id,
        categorySlug: 'argan-oil',
        titleFr: "Huile d'argan",
        variants: [{ priceCentimes: 18000 }, { priceCentimes: 32000 }],
      }),
    )
    made.push(
      await createProduct(db, {
        cooperativeId: south.id,
        categorySlug: 'couscous-grains',
        claims: ['organic'],
        titleFr: "Couscous d'orge bio",
        variants: [{ priceCentimes: 4500 }],
      }),
    )
    return { north, south, made }
  }

  test('each facet count is what choosing it shows', async () => {
    await world()
    const reference = await loadStorefrontReference('fr')
    const base = await searchCatalog(query({ pageSize: 100 }))
    expect(base.total).toBe(4)
    const food = reference.categories.find((c) => c.slug === 'food')!
    for (const [regionId, count] of Object.entries(base.facets.regions)) {
      expect((await searchCatalog(query({ regionId }))).total).toBe(count)
    }
    for (const [badge, count] of Object.entries(base.facets.badges)) {
      expect((await searchCatalog(query({ badges: [badge] }))).total).toBe(count)
    }
    for (const [categoryId, count] of Object.entries(base.facets.categories)) {
      expect((await searchCatalog(query({ categoryIds: [categoryId] }))).total).toBe(count)
    }
    expect((await searchCatalog(query({ inStock: true }))).total).toBe(base.facets.inStock)
    expect(base.facets.inStock).toBe(3)
    expect(base.facets.badges).toEqual({ onssa: 3, organic: 2, cosmetic_reg: 1 })

    // Within a filter, the other facets count what adding them would show.
    const organic = await searchCatalog(query({ badges: ['organic'] }))
    for (const [regionId, count] of Object.entries(organic.facets.regions)) {
      expect((await searchCatalog(query({ badges: ['organic'], regionId }))).total).toBe(count)
    }
    // A parent category keeps its sub-categories.
    const params = new URLSearchParams({ category: 'food' })
    const { query: parsed } = parseListingParams(params, reference)
    expect(parsed.categoryIds).toContain(food.id)
    expect((await searchCatalog(parsed)).total).toBe(3)
  })

  test('price, stock and sorts', async () => {
    await world()
    const prices = async (q: Partial<CatalogQuery>) => {
      const result = await searchCatalog(query({ pageSize: 100, ...q }))
      const rows = await db
        .select({ id: products.id, price: products.minPriceCentimes })
        .from(products)
      const byId = new Map(rows.map((r) => [r.id, r.price]))
      return result.ids.map((id) => byId.get(id))
    }
    expect(await prices({ sort: 'price_asc' })).toEqual([4500, 9000, 18000, 25000])
    expect(await prices({ sort: 'price_desc' })).toEqual([25000, 18000, 9000, 4500])
    expect(
      await prices({ sort: 'price_asc', minPriceCentimes: 5000, maxPriceCentimes: 20000 }),
    ).toEqual([9000, 18000])
    expect(await prices({ sort: 'price_asc', inStock: true })).toEqual([4500, 9000, 18000])
  })

  test('the lowest price and the stock follow the variants', async () => {
    const { product } = await onSale({
      variants: [
        { priceCentimes: 5000, stockQuantity: 2 },
        { priceCentimes: 3000, stockQuantity: 0 },
      ],
    })
    const read = async () =>
      (
        await db
          .select({
            price: products.minPriceCentimes,
            inStock: products.inStock,
            stock: productStock.stockTotal,
          })
          .from(products)
          .innerJoin(productStock, eq(productStock.productId, products.id))
          .where(eq(products.id, product.id))
      )[0]
    expect(await read()).toEqual({ price: 3000, inStock: true, stock: 2 })
    await db
      .update(productVariants)
      .set({ stockQuantity: 0 })
      .where(eq(productVariants.productId, product.id))
    expect(await read()).toEqual({ price: 3000, inStock: false, stock: 0 })
    await db.delete(productVariants).where(eq(productVariants.sku, product.variants[1]!.sku))
    expect(await read()).toEqual({ price: 5000, inStock: false, stock: 0 })
    expect(await allIds({ inStock: true })).toEqual([])
  })

  test('a sale that changes no listing leaves the product row and the catalogue version alone', async () => {
    const { product } = await onSale({ variants: [{ priceCentimes: 5000, stockQuantity: 5 }] })
    const state = async () => {
      const [row] = await getDatabase().rows<{ xmin: string; version: string; stock: number }>(
        sql`select p.xmin::text as xmin, (select version::text from catalog_version) as version,
          (select stock_total from product_stock where product_id = p.id) as stock
          from products p where p.id = ${product.id}`,
      )
      return row!
    }
    const before = await state()
    const sell = (quantity: number) =>
      db
        .update(productVariants)
        .set({ stockQuantity: sql`${productVariants.stockQuantity} - ${quantity}` })
        .where(eq(productVariants.productId, product.id))
    await sell(2)
    const afterSale = await state()
    expect(afterSale).toEqual({ ...before, stock: 3 })
    // Selling the last units flips "in stock": that changes listings, and moves the version.
    await sell(3)
    const soldOut = await state()
    expect(soldOut.stock).toBe(0)
    expect(soldOut.xmin).not.toBe(before.xmin)
    expect(BigInt(soldOut.version)).toBeGreaterThan(BigInt(before.version))
  })

  test('pages are stable: every product exactly once, in the same order each time', async () => {
    const cooperative = await createCooperative(db)
    await createCertificate(db, { cooperativeId: cooperative.id, type: 'onssa' })
    for (let i = 0; i < 13; i += 1) {
      await createProduct(db, {
        cooperativeId: cooperative.id,
        variants: [{ priceCentimes: 1000 * (1 + (i % 3)) }],
      })
    }
    // Ties in every sort key: the same publication instant for all.
    await db.update(products).set({ publishedAt: new Date('2026-05-01T10:00:00Z') })
    for (const sort of ['newest', 'price_asc', 'price_desc'] as const) {
      const seen: string[] = []
      for (let page = 1; page <= 3; page += 1) {
        const result = await searchCatalog(query({ sort, page, pageSize: 5 }))
        expect(result.total).toBe(13)
        seen.push(...result.ids)
        expect(await searchCatalog(query({ sort, page, pageSize: 5 }))).toEqual(result)
      }
      expect(seen).toHaveLength(13)
      expect(new Set(seen).size).toBe(13)
    }
    expect((await searchCatalog(query({ page: 9, pageSize: 5 }))).ids).toEqual([])
  })

  test("a search's page, read with its counts, is the page the listing's own page statement reads", async () => {
    const { south, made } = await world()
    const cooperative = await createCooperative(db)
    await createCertificate(db, { cooperativeId: cooperative.id, type: 'onssa' })
    for (let i = 0; i < 9; i += 1) {
      await createProduct(db, {
        cooperativeId: i % 2 ? cooperative.id : south.id,
        titleFr: i % 3 ? `Miel de montagne ${i}` : `Confiture au miel ${i}`,
        descriptionFr: i % 4 ? 'Du miel récolté au printemps.' : 'Récolté au printemps.',
        variants: [{ priceCentimes: 1000 * (1 + (i % 3)), stockQuantity: i % 2 }],
      })
    }
    // Ties in the secondary sort key: the same publication instant for some.
    await db
      .update(products)
      .set({ publishedAt: new Date('2026-05-01T10:00:00Z') })
      .where(eq(products.cooperativeId, cooperative.id))
    const [southRegion] = await db
      .select({ regionId: cooperatives.regionId })
      .from(cooperatives)
      .where(eq(cooperatives.id, south.id))
    const at = new Date()
    const variants: Partial<CatalogQuery>[] = [
      {},
      { inStock: true },
      { regionId: southRegion!.regionId },
      { badges: ['organic'] },
      { minPriceCentimes: 1500, maxPriceCentimes: 20000 },
      { excludeProductId: made[0]!.id },
    ]
    for (const q of ['miel', 'miell'])
      for (const sort of ['relevance', 'newest', 'price_asc', 'price_desc'] as const)
        for (const filter of variants)
          for (let page = 1; page <= 2; page += 1) {
            const asked = query({ q, sort, page, pageSize: 4, ...filter })
            const result = await searchCatalog(asked, at)
            // A typo is paged with the words it probably meant, as the search does.
            const [first] = await getDatabase().rows<{ fuzzy_words: string | null }>(
              facetStatement(asked, at),
            )
            const rows = await getDatabase().rows<{ id: string }>(
              pageStatement(asked, first!.fuzzy_words, at),
            )
            const label = JSON.stringify({ q, sort, page, filter })
            expect(result.ids, label).toEqual(rows.map((r) => r.id))
            if (page === 1) expect(result.total, label).toBeGreaterThan(0)
          }
  })

  test('the URL is read leniently: unknown values are dropped, never an error', async () => {
    const reference = await loadStorefrontReference('ar')
    const [region] = await db.select({ code: regions.code }).from(regions).limit(1)
    const { params, query: parsed } = parseListingParams(
      new URLSearchParams(
        `q=%20miel%20&category=nope&region=${region!.code}&badge=organic&badge=organic&badge=x'y&min=abc&max=12,5&stock=1&sort=weird&page=-3`,
      ),
      reference,
    )
    expect(params).toEqual({
      q: 'miel',
      category: '',
      region: region!.code,
      badges: ['organic'],
      min: '',
      max: '12.50',
      inStock: true,
      sort: 'relevance',
      page: 1,
    })
    expect(parsed.maxPriceCentimes).toBe(1250)
    // A minimum above the maximum: neither is applied, and the reader is told.
    const reversed = parseListingParams(new URLSearchParams('min=90&max=10'), reference)
    expect([reversed.params.min, reversed.params.max]).toEqual(['', ''])
    expect(reversed.priceProblem).toEqual({
      field: 'both',
      message: 'catalog.priceProblem.minAboveMax',
    })
  })
})

describe('counts stop at a cap', () => {
  /** Five honey products in the north, one jam in the south: six on sale. */
  async function six() {
    const { cooperative } = await onSale(
      { categorySlug: 'honey', titleFr: 'Miel un' },
      'al-hoceima',
    )
    for (const titleFr of ['Miel deux', 'Miel trois', 'Miel quatre', 'Miel cinq']) {
      await createProduct(db, { cooperativeId: cooperative.id, categorySlug: 'honey', titleFr })
    }
    const { product: jam } = await onSale(
      { categorySlug: 'jams', titleFr: 'Confiture de miel' },
      'taroudant',
    )
    const [south] = await db
      .select({ regionId: cooperatives.regionId })
      .from(cooperatives)
      .where(eq(cooperatives.id, jam.cooperativeId))
    return { jam, southRegionId: south!.regionId }
  }

  test('a total or a facet value past the cap is reported as cap + 1; below it, exact', async () => {
    const { southRegionId } = await six()
    const reference = await loadStorefrontReference('fr')
    const category = (slug: string) => reference.categories.find((c) => c.slug === slug)!.id
    for (const q of ['', 'miel', 'mial']) {
      const exact = await searchCatalog(query({ q }))
      expect(exact.total, q).toBe(6)
      expect(exact.countCap).toBeNull()

      const capped = await searchCatalog(query({ q, countCap: 3 }))
      expect(capped.countCap).toBe(3)
      expect(capped.total, q).toBe(4)
      expect(capped.facets.categories).toEqual({
        [category('honey')]: 4,
        [category('jams')]: 1,
      })
      expect(capped.facets.regions[southRegionId!]).toBe(1)
      expect(Object.values(capped.facets.regions).sort()).toEqual([1, 4])
      expect(capped.facets.badges).toEqual({ onssa: 4 })
      expect(capped.facets.inStock).toBe(4)
      // What choosing a small value shows is counted exactly.
      expect((await searchCatalog(query({ q, countCap: 3, regionId: southRegionId }))).total).toBe(
        1,
      )
    }
    // Listings ask for the cap; the home page's figure (no cap) stays exact.
    const listing = await loadListing({
      url: new URL('http://localhost/products?q=miel'),
      language: 'fr',
      reference,
      t: await translatorFor('fr'),
    })
    expect([listing.countCap, listing.total, listing.pageCount]).toEqual([countCap, 6, 1])
    // At the cap, a count is still exact.
    expect((await searchCatalog(query({ countCap: 6 }))).total).toBe(6)
    expect((await searchCatalog(query({ countCap: 5 }))).total).toBe(6)
  })

  test('pages past a capped total are still read', async () => {
    await six()
    const all = await allIds()
    expect(all).toHaveLength(6)
    const seen: string[] = []
    for (let page = 1; page <= 4; page += 1) {
      const result = await searchCatalog(query({ countCap: 3, page, pageSize: 2 }))
      expect(result.total).toBe(4)
      seen.push(...result.ids)
    }
    expect(seen).toEqual(all)
  })
})
