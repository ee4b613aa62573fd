// The narrow copy a search reads (listed_products, migration 0020, ADR 022) against the rows
// it copies: random histories of the writes that change a product's listing (certificate
// decisions and coverage, product status, block, claims, category, titles, publication,
// variants' prices and stock, made to order, cooperative status, name and region, category
// names and requirements, a product deleted), and after every step the copy holds exactly one
// row per product whose sale window is not empty, equal to its products row and its
// cooperative's region, and none for the others.
import { and, eq, inArray, sql } from 'drizzle-orm'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { productVariants, products } from '#db/schema/catalog.ts'
import { certificates } from '#db/schema/certification.ts'
import { cooperatives } from '#db/schema/cooperatives.ts'
import { categories, categoryRequirements, regions } from '#db/schema/reference.ts'
import {
  createCertificate,
  createCooperative,
  createProduct,
  findCategory,
} from '#db/seed/factories.ts'
import { db, getDatabase } from '#app/utils/db.server.ts'

const types = ['onssa', 'organic', 'handmade'] as const
const statuses = ['pending_review', 'approved', 'suspended', 'revoked'] as const

type Op =
  | {
      kind: 'certify'
      type: (typeof types)[number]
      covers: 'cooperative' | 'one'
      expired: boolean
    }
  | { kind: 'decide'; pick: number; status: (typeof statuses)[number] }
  | { kind: 'status'; which: number; status: 'draft' | 'published' | 'archived' }
  | { kind: 'block'; which: number; blocked: boolean }
  | { kind: 'claims'; which: number; claims: (typeof types)[number][] }
  | { kind: 'category'; which: number; own: boolean }
  | { kind: 'title'; which: number; title: string }
  | { kind: 'price'; which: number; price: number; stock: number }
  | { kind: 'madeToOrder'; which: number; madeToOrder: boolean }
  | { kind: 'cooperative'; active: boolean }
  | { kind: 'rename'; name: string }
  | { kind: 'region'; pick: number }
  | { kind: 'categoryName'; name: string }
  | { kind: 'requirement'; add: boolean; type: (typeof types)[number] }
  | { kind: 'delete'; which: number }

const which = fc.nat({ max: 2 })
const word = fc.constantFrom('argan', 'miel', 'زيت', 'عسل', 'safran', 'amlou')
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('certify' as const),
      type: fc.constantFrom(...types),
      covers: fc.constantFrom('cooperative' as const, 'one' as const),
      expired: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('decide' as const),
      pick: fc.nat({ max: 10 }),
      status: fc.constantFrom(...statuses),
    }),
  },
  fc.record({
    kind: fc.constant('status' as const),
    which,
    status: fc.constantFrom('draft' as const, 'published' as const, 'archived' as const),
  }),
  fc.record({ kind: fc.constant('block' as const), which, blocked: fc.boolean() }),
  fc.record({ kind: fc.constant('claims' as const), which, claims: fc.subarray([...types]) }),
  fc.record({ kind: fc.constant('category' as const), which, own: fc.boolean() }),
  fc.record({ kind: fc.constant('title' as const), which, title: word }),
  fc.record({
    kind: fc.constant('price' as const),
    which,
    price: fc.integer({ min: 100, max: 90_000 }),
    stock: fc.nat({ max: 3 }),
  }),
  fc.record({ kind: fc.constant('madeToOrder' as const), which, madeToOrder: fc.boolean() }),
  fc.record({ kind: fc.constant('cooperative' as const), active: fc.boolean() }),
  fc.record({ kind: fc.constant('rename' as const), name: word }),
  fc.record({ kind: fc.constant('region' as const), pick: fc.nat({ max: 11 }) }),
  fc.record({ kind: fc.constant('categoryName' as const), name: word }),
  fc.record({
    kind: fc.constant('requirement' as const),
    add: fc.boolean(),
    type: fc.constantFrom(...types),
  }),
  fc.record({ kind: fc.constant('delete' as const), which }),
)

// A category of its own for this test, so that changing its names and requirements touches
// no other test.
async function ownCategory(): Promise<{ slug: string; id: string }> {
  const slug = `listed-${Math.random().toString(36).slice(2, 8)}`
  const [created] = await db
    .insert(categories)
    .values({ slug, kind: 'food', icon: 'jar', nameAr: 'قائمة', nameFr: 'Liste', nameEn: 'List' })
    .returning({ id: categories.id })
  return { slug, id: created!.id }
}

type Listed = Record<string, unknown>

/** The rows of the copy, and the rows they should be, for these products. */
async function copyAndRows(productIds: string[]): Promise<{ copy: Listed[]; rows: Listed[] }> {
  const list = sql.join(
    productIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  )
  const columns = (p: string, region: string, available: string) =>
    sql.raw(`${p}.product_id_, ${p}.cooperative_id::text, ${p}.category_id::text,
      ${region}::text as region_id, array_to_string(${p}.badges, ',') as badges,
      ${p}.min_price_centimes, ${available} as available, ${p}.published_at::text as published_at,
      ${p}.on_sale_during::text as on_sale_during, ${p}.search_document::text as search_document`)
  const copy = await getDatabase().rows<Listed>(sql`
    select ${columns('l', 'l.region_id', 'l.available')}
    from (select *, product_id::text as product_id_ from listed_products) l
    where l.product_id in (${list}) order by 1`)
  const rows = await getDatabase().rows<Listed>(sql`
    select ${columns('p', 'co.region_id', '(p.in_stock or p.made_to_order)')}
    from (select *, id::text as product_id_ from products) p
    join cooperatives co on co.id = p.cooperative_id
    where p.id in (${list}) and not isempty(p.on_sale_during) order by 1`)
  return { copy, rows }
}

describe('listed products', () => {
  test('the copy a search reads is always the products that can be on sale, as they are', async () => {
    const own = await ownCategory()
    const honey = await findCategory(db, 'honey')
    const allRegions = await db.select({ id: regions.id }).from(regions).orderBy(regions.code)
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        const cooperative = await createCooperative(db)
        const made = []
        for (let i = 0; i < 3; i++) {
          made.push(
            await createProduct(db, {
              cooperativeId: cooperative.id,
              categorySlug: i === 0 ? own.slug : 'honey',
              claims: i === 2 ? ['organic'] : [],
            }),
          )
        }
        const ids = made.map((p) => p.id)
        let alive = [...ids]
        const issued: string[] = []
        await createCertificate(db, { cooperativeId: cooperative.id, type: 'onssa' })
        for (const o of ops) {
          const product = 'which' in o ? ids[o.which]! : null
          switch (o.kind) {
            case 'certify': {
              const c = await createCertificate(db, {
                cooperativeId: cooperative.id,
                type: o.type,
                productIds: o.covers === 'one' ? alive.slice(0, 1) : undefined,
                expiresAt: o.expired ? new Date(Date.now() - 1000) : null,
              })
              issued.push(c.id)
              break
            }
            case 'decide':
              if (issued.length)
                await db
                  .update(certificates)
                  .set({ status: o.status })
                  .where(eq(certificates.id, issued[o.pick % issued.length]!))
              break
            case 'status':
              await db
                .update(products)
                .set({
                  status: o.status,
                  publishedAt: o.status === 'published' ? new Date() : undefined,
                })
                .where(eq(products.id, product!))
              break
            case 'block':
              await db
                .update(products)
                .set(
                  o.blocked
                    ? { blockedAt: new Date(), blockedReason: 'test' }
                    : { blockedAt: null, blockedReason: null },
                )
                .where(eq(products.id, product!))
              break
            case 'claims':
              await db.update(products).set({ claims: o.claims }).where(eq(products.id, product!))
              break
            case 'category':
              await db
                .update(products)
                .set({ categoryId: o.own ? own.id : honey.id })
                .where(eq(products.id, product!))
              break
            case 'title':
              await db
                .update(products)
                .set({ titleFr: `${o.title} ${o.which}` })
                .where(eq(products.id, product!))
              break
            case 'price':
              await db
                .update(productVariants)
                .set({ priceCentimes: o.price, stockQuantity: o.stock })
                .where(eq(productVariants.productId, product!))
              break
            case 'madeToOrder':
              await db
                .update(products)
                .set({ madeToOrder: o.madeToOrder })
                .where(eq(products.id, product!))
              break
            case 'cooperative':
              await db
                .update(cooperatives)
                .set({ status: o.active ? 'active' : 'suspended' })
                .where(eq(cooperatives.id, cooperative.id))
              break
            case 'rename':
              await db
                .update(cooperatives)
                .set({ displayName: `Coopérative ${o.name}` })
                .where(eq(cooperatives.id, cooperative.id))
              break
            case 'region':
              await db
                .update(cooperatives)
                .set({ regionId: allRegions[o.pick % allRegions.length]!.id })
                .where(eq(cooperatives.id, cooperative.id))
              break
            case 'categoryName':
              await db.update(categories).set({ nameFr: o.name }).where(eq(categories.id, own.id))
              break
            case 'requirement':
              if (o.add)
                await db
                  .insert(categoryRequirements)
                  .values({ categoryId: own.id, certificationType: o.type })
                  .onConflictDoNothing()
              else
                await db
                  .delete(categoryRequirements)
                  .where(
                    and(
                      eq(categoryRequirements.categoryId, own.id),
                      eq(categoryRequirements.certificationType, o.type),
                    ),
                  )
              break
            case 'delete':
              await db.delete(products).where(inArray(products.id, [product!]))
              alive = alive.filter((id) => id !== product)
              break
          }
          const { copy, rows } = await copyAndRows(ids)
          expect(copy, JSON.stringify(ops)).toEqual(rows)
        }
        await db.delete(categoryRequirements).where(eq(categoryRequirements.categoryId, own.id))
      }),
      { numRuns: 30 },
    )
  }, 300_000)
})
