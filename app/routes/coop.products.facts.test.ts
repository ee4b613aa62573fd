// Product facts in three languages (jsonb, no migration): saved from the edit form, shown in
// the reader's language with the titles' fallback; older plain-string facts shown to all.
import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { products, productVariants } from '#db/schema/catalog.ts'
import {
  createCertificate,
  createCooperativeWithTeam,
  createProduct,
  findCategory,
} from '#db/seed/factories.ts'
import { factFormValues, factsFor, factText } from '#app/modules/catalog/facts.ts'
import { db } from '#app/utils/db.server.ts'
import { call, dataOf, loginAs, makeRequest, statusOf } from '#tests/helpers.ts'
import { action as editAction, loader as editLoader } from './coop.$slug.products.$productId.tsx'
import { loader as productPageLoader } from './products.$slug.tsx'

describe('factText', () => {
  test('the reader’s language, then Arabic, then the one that was written', () => {
    const fact = { ar: 'عسل', fr: 'Miel' }
    expect(factText(fact, 'fr')).toEqual({ text: 'Miel', lang: 'fr' })
    expect(factText(fact, 'en')).toEqual({ text: 'عسل', lang: 'ar' })
    expect(factText({ en: 'Cotton' }, 'ar')).toEqual({ text: 'Cotton', lang: 'en' })
    expect(factText({ fr: '  ' }, 'fr')).toBeNull()
  })

  test('an older plain string is the product’s own words, for every reader', () => {
    for (const language of ['ar', 'fr', 'en'] as const)
      expect(factText('زيت الأركان', language)).toEqual({ text: 'زيت الأركان', lang: null })
  })

  test('the edit form gets one field per language, a plain string in the first', () => {
    expect(
      factFormValues({ ingredients: { ar: 'عسل', en: 'Honey' }, material: 'Laine', lot: 'L-7' }),
    ).toEqual({ ingredients: 'عسل', ingredientsEn: 'Honey', material: 'Laine', lot: 'L-7' })
    expect(factsFor({ leadTimeDays: 7, careNotes: { fr: 'À la main' } }, 'ar')).toEqual([
      { key: 'careNotes', text: 'À la main', lang: 'fr' },
    ])
  })

  test("a best-before day is shown in the reader's language, with the Moroccan month in Arabic", () => {
    expect(factsFor({ bestBefore: '2028-09-22' }, 'ar')).toEqual([
      { key: 'bestBefore', text: '22 شتنبر 2028', lang: 'ar' },
    ])
    expect(factsFor({ bestBefore: '2028-09-22' }, 'fr')).toEqual([
      { key: 'bestBefore', text: '22 septembre 2028', lang: 'fr' },
    ])
  })
})

async function ownProduct() {
  const { cooperative, manager } = await createCooperativeWithTeam(db)
  await createCertificate(db, { cooperativeId: cooperative.id, type: 'onssa' })
  const product = await createProduct(db, {
    cooperativeId: cooperative.id,
    facts: { ingredients: 'عسل السدر الخالص' },
  })
  const honey = await findCategory(db, 'honey')
  return { cooperative, product, cookie: await loginAs(manager), categoryId: honey.id }
}

function saveForm(
  variant: { id: string; sku: string },
  categoryId: string,
  overrides: Record<string, string | string[]> = {},
) {
  return {
    intent: 'save',
    categoryId,
    titleAr: 'عسل السدر',
    descriptionAr: 'عسل من جبال الريف.',
    variantId: [variant.id, ''],
    sku: [variant.sku, ''],
    labelAr: ['500 غ', ''],
    labelFr: ['', ''],
    labelEn: ['', ''],
    price: ['١٢٠,٥٠ درهم', ''],
    stock: ['٤', ''],
    stockShown: ['10', ''],
    weight: ['٦٠٠', ''],
    ...overrides,
  }
}

describe('the edit form and the product page', () => {
  test('facts saved in three languages; each reader sees hers; numbers typed in Arabic digits', async () => {
    const { cooperative, product, cookie, categoryId } = await ownProduct()
    const params = { slug: cooperative.slug, productId: product.id }
    const path = `/coop/${cooperative.slug}/products/${product.id}`
    const before = dataOf<{ values: Record<string, string> }>(
      await call(editLoader, makeRequest(path, { cookie }), params),
    )
    // The older plain string fills the Arabic field.
    expect(before.values.ingredients).toBe('عسل السدر الخالص')

    const saved = await call(
      editAction,
      makeRequest(path, {
        cookie,
        form: saveForm(product.variants[0]!, categoryId, {
          ingredients: 'عسل السدر الخالص',
          ingredientsFr: 'Miel de jujubier pur',
          ingredientsEn: '',
          material: '',
          materialFr: 'Bocal en verre',
          leadTimeDays: '٧',
        }),
      }),
      params,
    )
    expect(statusOf(saved)).toBe(302)
    const [row] = await db.select().from(products).where(eq(products.id, product.id))
    expect(row!.facts).toEqual({
      ingredients: { ar: 'عسل السدر الخالص', fr: 'Miel de jujubier pur' },
      material: { fr: 'Bocal en verre' },
      leadTimeDays: 7,
    })
    const [variant] = await db
      .select()
      .from(productVariants)
      .where(eq(productVariants.productId, product.id))
    expect(variant).toMatchObject({ priceCentimes: 12050, stockQuantity: 4, weightGrams: 600 })

    const page = async (language: 'ar' | 'fr' | 'en') =>
      dataOf<{ product: { factViews: { key: string; text: string; lang: string | null }[] } }>(
        await call(
          productPageLoader,
          makeRequest(`/products/${encodeURIComponent(product.slug)}`, { language }),
          { slug: product.slug },
        ),
      ).product.factViews
    expect(await page('fr')).toEqual([
      { key: 'ingredients', text: 'Miel de jujubier pur', lang: 'fr' },
      { key: 'material', text: 'Bocal en verre', lang: 'fr' },
    ])
    expect(await page('en')).toEqual([
      { key: 'ingredients', text: 'عسل السدر الخالص', lang: 'ar' },
      { key: 'material', text: 'Bocal en verre', lang: 'fr' },
    ])
    expect((await page('ar'))[0]).toEqual({
      key: 'ingredients',
      text: 'عسل السدر الخالص',
      lang: 'ar',
    })

    const after = dataOf<{ values: Record<string, string> }>(
      await call(editLoader, makeRequest(path, { cookie }), params),
    )
    expect(after.values).toMatchObject({
      ingredients: 'عسل السدر الخالص',
      ingredientsFr: 'Miel de jujubier pur',
      materialFr: 'Bocal en verre',
      leadTimeDays: '7',
    })
  })

  test('a wrong number: a localized error, nothing saved, every variant row as typed', async () => {
    const { cooperative, product, cookie, categoryId } = await ownProduct()
    const params = { slug: cooperative.slug, productId: product.id }
    const form = saveForm(product.variants[0]!, categoryId, {
      price: ['١٢٠ درهم', '٩٩,٩٩٩'],
      sku: [product.variants[0]!.sku, 'NEW-1'],
      stock: ['٤', '٢'],
      weight: ['٦٠٠', '٢٥٠'],
      labelAr: ['500 غ', '250 غ'],
      ingredientsFr: 'Miel',
    })
    const result = await call(
      editAction,
      makeRequest(`/coop/${cooperative.slug}/products/${product.id}`, {
        cookie,
        language: 'fr',
        form,
      }),
      params,
    )
    expect(statusOf(result)).toBe(400)
    const reply = dataOf<{
      fieldErrors: Record<string, string>
      values: Record<string, string>
      variantRows: { sku: string; price: string; stock: string; labelAr: string }[]
    }>(result)
    expect(reply.fieldErrors).toEqual({
      'variant-1': 'Indiquez un prix supérieur à zéro, par exemple 120 ou 120.50.',
    })
    expect(reply.values.ingredientsFr).toBe('Miel')
    expect(reply.variantRows.map((r) => [r.sku, r.price, r.stock, r.labelAr])).toEqual([
      [product.variants[0]!.sku, '١٢٠ درهم', '٤', '500 غ'],
      ['NEW-1', '٩٩,٩٩٩', '٢', '250 غ'],
    ])
    const [row] = await db.select().from(products).where(eq(products.id, product.id))
    expect(row!.facts).toEqual({ ingredients: 'عسل السدر الخالص' })
  })

  test('the lead time refuses what is not a whole number of days, in the reader’s language', async () => {
    const { cooperative, product, cookie, categoryId } = await ownProduct()
    const result = await call(
      editAction,
      makeRequest(`/coop/${cooperative.slug}/products/${product.id}`, {
        cookie,
        language: 'ar',
        form: saveForm(product.variants[0]!, categoryId, { leadTimeDays: '٧ أيام' }),
      }),
      { slug: cooperative.slug, productId: product.id },
    )
    expect(statusOf(result)).toBe(400)
    const error = dataOf<{ fieldErrors: Record<string, string> }>(result).fieldErrors.leadTimeDays
    expect(error).toMatch(/[\u0600-\u06FF]/)
    expect(error).not.toMatch(/errors\./)
  })
})
