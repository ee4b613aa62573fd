// ADR 017: a product added with an Arabic-only title gets an address made of its title.
import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { products } from '#db/schema/catalog.ts'
import { createCertificate, createCooperativeWithTeam, findCategory } from '#db/seed/factories.ts'
import { db } from '#app/utils/db.server.ts'
import { action as newProductAction } from '#app/routes/coop.$slug.products.new.tsx'
import { loader as productPageLoader } from '#app/routes/products.$slug.tsx'
import { call, dataOf, loginAs, makeRequest, statusOf } from '#tests/helpers.ts'
import { pngFile } from '#tests/files.ts'

async function quickAdd(slug: string, cookie: string, titleAr: string, categoryId: string) {
  const form = new FormData()
  form.append('photo', await pngFile('honey.png'))
  for (const [k, v] of Object.entries({ categoryId, titleAr, price: '85', stock: '3' })) {
    form.append(k, v)
  }
  return call(newProductAction, makeRequest(`/coop/${slug}/products/new`, { cookie, form }), {
    slug,
  })
}

test('an Arabic-only title gives an Arabic address, numbered when taken, that the product page answers', async () => {
  const { cooperative, manager } = await createCooperativeWithTeam(db)
  await createCertificate(db, { cooperativeId: cooperative.id, type: 'onssa' })
  const cookie = await loginAs(manager)
  const honey = await findCategory(db, 'honey')
  for (let i = 0; i < 2; i += 1) {
    expect(statusOf(await quickAdd(cooperative.slug, cookie, 'عَسَل الزعتر الجبلي', honey.id))).toBe(
      302,
    )
  }
  const rows = await db
    .select({ slug: products.slug })
    .from(products)
    .where(eq(products.cooperativeId, cooperative.id))
  expect(rows.map((r) => r.slug).sort()).toEqual(['عسل-الزعتر-الجبلي', 'عسل-الزعتر-الجبلي-2'])

  await db.update(products).set({ status: 'published', publishedAt: new Date() })
  const slug = 'عسل-الزعتر-الجبلي'
  const page = await call(productPageLoader, makeRequest(`/products/${encodeURIComponent(slug)}`), {
    slug,
  })
  expect(statusOf(page)).toBe(200)
  const data = dataOf<{ seo: { path: string }; product: { slug: string } }>(page)
  expect(data.product.slug).toBe(slug)
})
