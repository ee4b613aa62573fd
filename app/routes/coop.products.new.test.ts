// The quick add reads prices and quantities as typed on Arabic keyboards; a wrong number is
// answered in the manager's language, with everything else she typed still there.
import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { products, productVariants } from '#db/schema/catalog.ts'
import { createCooperativeWithTeam, findCategory } from '#db/seed/factories.ts'
import { db } from '#app/utils/db.server.ts'
import { call, dataOf, loginAs, makeRequest, statusOf } from '#tests/helpers.ts'
import { pngFile } from '#tests/files.ts'
import { action } from './coop.$slug.products.new.tsx'

type Reply = { fieldErrors: Record<string, string>; values: Record<string, string> }

async function quickAdd(
  fields: Record<string, string>,
  options: { photo?: boolean; language?: 'ar' | 'fr' | 'en' } = {},
) {
  const { cooperative, manager } = await createCooperativeWithTeam(db)
  const cookie = await loginAs(manager)
  const honey = await findCategory(db, 'honey')
  const form = new FormData()
  if (options.photo ?? true) form.append('photo', await pngFile('honey.png'))
  for (const [k, v] of Object.entries({ categoryId: honey.id, titleAr: 'عسل الزعتر', ...fields }))
    form.append(k, v)
  const result = await call(
    action,
    makeRequest(`/coop/${cooperative.slug}/products/new`, {
      cookie,
      form,
      language: options.language ?? 'ar',
    }),
    { slug: cooperative.slug },
  )
  return { result, cooperative, categoryId: honey.id }
}

async function variantsOf(cooperativeId: string) {
  return db
    .select({ price: productVariants.priceCentimes, stock: productVariants.stockQuantity })
    .from(productVariants)
    .innerJoin(products, eq(products.id, productVariants.productId))
    .where(eq(products.cooperativeId, cooperativeId))
}

describe('quick add: numbers as typed', () => {
  test.each([
    ['٨٥,٥٠ درهم', '٣', 8550, 3],
    ['۸۵٫۵', '۱۲', 8550, 12],
    ['85,50', '12', 8550, 12],
    ['85 DH', '١٬٢٠٠', 8500, 1200],
    ['85 MAD', '0', 8500, 0],
    ['85 dh', '7', 8500, 7],
    ['1 200,5', '1', 120050, 1],
  ])('price «%s» and stock «%s» are stored as %i centimes and %i', async (price, stock, c, n) => {
    const { result, cooperative } = await quickAdd({ price, stock })
    expect(statusOf(result)).toBe(302)
    expect(await variantsOf(cooperative.id)).toEqual([{ price: c, stock: n }])
  })

  test('a price that is not one: an Arabic message, nothing saved, every field re-filled', async () => {
    const { result, cooperative, categoryId } = await quickAdd({
      price: '٨٥ درهم ونصف',
      stock: '٣',
    })
    expect(statusOf(result)).toBe(400)
    const reply = dataOf<Reply>(result)
    expect(Object.keys(reply.fieldErrors)).toEqual(['price'])
    expect(reply.fieldErrors.price).toMatch(/[\u0600-\u06FF]/)
    expect(reply.fieldErrors.price).not.toMatch(/errors\./)
    expect(reply.values).toMatchObject({
      categoryId,
      titleAr: 'عسل الزعتر',
      price: '٨٥ درهم ونصف',
      stock: '٣',
    })
    expect(await variantsOf(cooperative.id)).toEqual([])
  })

  test.each([
    ['fr', '12,345', 'Indiquez un prix supérieur à zéro'],
    ['en', '0', 'Type a price above zero'],
  ] as const)('in %s, price «%s» is refused in that language', async (language, price, text) => {
    const { result } = await quickAdd({ price, stock: '1' }, { language })
    expect(statusOf(result)).toBe(400)
    expect(dataOf<Reply>(result).fieldErrors.price).toContain(text)
  })

  test('a quantity with a decimal or letters is refused; the photo is asked for again', async () => {
    const { result } = await quickAdd({ price: '٨٥', stock: '٢٫٥' }, { photo: false })
    expect(statusOf(result)).toBe(400)
    const reply = dataOf<Reply>(result)
    expect(Object.keys(reply.fieldErrors).sort()).toEqual(['photo', 'stock'])
    expect(reply.fieldErrors.stock).toMatch(/[\u0600-\u06FF]/)
    expect(reply.values).toMatchObject({ price: '٨٥', stock: '٢٫٥', titleAr: 'عسل الزعتر' })
  })
})
