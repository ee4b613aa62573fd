// The sale window (migration 0015, ADR 018) against the rule it stores: random histories of
// certificates (added, decided, revoked, re-dated, deleted, covering this product or
// another), product changes (status, block, claims, category), cooperative suspensions and
// category requirements, and after every step, at random instants and at every boundary of
// the history (and a millisecond either side), `on_sale_during @> t` says exactly what the
// rule derived from the rows says.
import { and, eq, inArray, sql } from 'drizzle-orm'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { products } from '#db/schema/catalog.ts'
import { certificateProducts, certificates } from '#db/schema/certification.ts'
import { cooperatives } from '#db/schema/cooperatives.ts'
import { categories, categoryRequirements } from '#db/schema/reference.ts'
import {
  createCertificate,
  createCooperative,
  createProduct,
  findCategory,
} from '#db/seed/factories.ts'
import { db } from '#app/utils/db.server.ts'
import { productPurchasable, productPurchasableByRows } from './gate.server.ts'

const day = 24 * 3600 * 1000
const origin = Date.parse('2031-03-01T00:00:00Z')
/** Instants are whole days from the origin, so boundaries meet and ranges touch. */
const at = (d: number) => new Date(origin + d * day)

const types = ['onssa', 'organic', 'handmade'] as const
const statuses = ['pending_review', 'approved', 'rejected', 'suspended', 'revoked'] as const
const categorySlugs = ['honey', 'pottery', 'soaps'] as const

type Op =
  | {
      kind: 'certify'
      type: (typeof types)[number]
      status: (typeof statuses)[number]
      covers: 'cooperative' | 'this' | 'sibling' | 'both'
      issued: number
      length: number | null
    }
  | { kind: 'decide'; pick: number; status: (typeof statuses)[number] }
  | { kind: 'redate'; pick: number; issued: number; length: number | null }
  | { kind: 'uncover' | 'delete'; pick: number }
  | { kind: 'product'; status: 'draft' | 'published' | 'archived' }
  | { kind: 'block'; blocked: boolean }
  | { kind: 'claims'; claims: (typeof types)[number][] }
  | { kind: 'category'; slug: (typeof categorySlugs)[number] }
  | { kind: 'cooperative'; active: boolean }
  | { kind: 'requirement'; add: boolean; type: (typeof types)[number] }

const pick = fc.nat({ max: 20 })
const dayIn = fc.integer({ min: -3, max: 6 })
const length = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null })
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('certify' as const),
      type: fc.constantFrom(...types),
      status: fc.constantFrom(...statuses, 'approved', 'approved'),
      covers: fc.constantFrom(
        'cooperative' as const,
        'this' as const,
        'sibling' as const,
        'both' as const,
      ),
      issued: dayIn,
      length,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('decide' as const),
      pick,
      status: fc.constantFrom(...statuses),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('redate' as const), pick, issued: dayIn, length }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constantFrom('uncover' as const, 'delete' as const), pick }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('product' as const),
      status: fc.constantFrom('draft' as const, 'published' as const, 'archived' as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('block' as const), blocked: fc.boolean() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('claims' as const),
      claims: fc.subarray([...types]),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('category' as const),
      slug: fc.constantFrom(...categorySlugs),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('cooperative' as const), active: fc.boolean() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('requirement' as const),
      add: fc.boolean(),
      type: fc.constantFrom(...types),
    }),
  },
)

// A category of its own for this test, so that changing its requirements touches no other test.
async function ownCategory(): Promise<{ slug: string; id: string }> {
  const slug = `window-${Math.random().toString(36).slice(2, 8)}`
  const [created] = await db
    .insert(categories)
    .values({
      slug,
      kind: 'food',
      icon: 'jar',
      nameAr: 'نافذة',
      nameFr: 'Fenêtre',
      nameEn: 'Window',
    })
    .returning({ id: categories.id })
  return { slug, id: created!.id }
}

describe('the sale window', () => {
  test('always says what the rule derived from the rows says, at every instant', async () => {
    const own = await ownCategory()
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { minLength: 1, maxLength: 10 }),
        fc.array(fc.integer({ min: -4 * day, max: 8 * day }), { maxLength: 4 }),
        async (ops, offsets) => {
          const cooperative = await createCooperative(db)
          const product = await createProduct(db, {
            cooperativeId: cooperative.id,
            categorySlug: own.slug,
          })
          const sibling = await createProduct(db, {
            cooperativeId: cooperative.id,
            categorySlug: own.slug,
          })
          const issued: string[] = []
          const boundaries = new Set<number>([origin])
          for (const o of ops) {
            const chosen = 'pick' in o && issued.length ? issued[o.pick % issued.length]! : null
            switch (o.kind) {
              case 'certify': {
                const covered =
                  o.covers === 'cooperative'
                    ? undefined
                    : o.covers === 'this'
                      ? [product.id]
                      : o.covers === 'sibling'
                        ? [sibling.id]
                        : [product.id, sibling.id]
                const c = await createCertificate(db, {
                  cooperativeId: cooperative.id,
                  type: o.type,
                  status: o.status,
                  productIds: covered,
                  issuedAt: at(o.issued),
                  expiresAt: o.length === null ? null : at(o.issued + o.length),
                })
                issued.push(c.id)
                boundaries.add(at(o.issued).getTime())
                if (o.length !== null) boundaries.add(at(o.issued + o.length).getTime())
                break
              }
              case 'decide':
                if (chosen)
                  await db
                    .update(certificates)
                    .set({ status: o.status })
                    .where(eq(certificates.id, chosen))
                break
              case 'redate':
                if (chosen) {
                  await db
                    .update(certificates)
                    .set({
                      issuedAt: at(o.issued),
                      expiresAt: o.length === null ? null : at(o.issued + o.length),
                    })
                    .where(eq(certificates.id, chosen))
                  boundaries.add(at(o.issued).getTime())
                  if (o.length !== null) boundaries.add(at(o.issued + o.length).getTime())
                }
                break
              case 'uncover':
                if (chosen)
                  await db
                    .delete(certificateProducts)
                    .where(
                      and(
                        eq(certificateProducts.certificateId, chosen),
                        eq(certificateProducts.productId, product.id),
                      ),
                    )
                break
              case 'delete':
                if (chosen) {
                  await db.delete(certificates).where(eq(certificates.id, chosen))
                  issued.splice(issued.indexOf(chosen), 1)
                }
                break
              case 'product':
                await db
                  .update(products)
                  .set({ status: o.status })
                  .where(eq(products.id, product.id))
                break
              case 'block':
                await db
                  .update(products)
                  .set(
                    o.blocked
                      ? { blockedAt: new Date(), blockedReason: 'test' }
                      : { blockedAt: null, blockedReason: null },
                  )
                  .where(eq(products.id, product.id))
                break
              case 'claims':
                await db
                  .update(products)
                  .set({ claims: o.claims })
                  .where(eq(products.id, product.id))
                break
              case 'category': {
                const category = o.slug === 'honey' ? own : await findCategory(db, o.slug)
                await db
                  .update(products)
                  .set({ categoryId: category.id })
                  .where(eq(products.id, product.id))
                break
              }
              case 'cooperative':
                await db
                  .update(cooperatives)
                  .set({ status: o.active ? 'active' : 'suspended' })
                  .where(eq(cooperatives.id, cooperative.id))
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
            }
            const instants = new Set<number>(offsets.map((d) => origin + d))
            for (const b of boundaries) for (const delta of [-1, 0, 1]) instants.add(b + delta)
            for (const t of instants) {
              const instant = new Date(t)
              const [row] = await db
                .select({
                  window: sql<boolean>`${productPurchasable(instant)}`,
                  rows: sql<boolean>`${productPurchasableByRows(instant)}`,
                })
                .from(products)
                .where(inArray(products.id, [product.id]))
              expect(row!.window, `${JSON.stringify(ops)} at ${instant.toISOString()}`).toBe(
                row!.rows,
              )
            }
          }
          // Leave the shared category as the next history expects it: no requirement.
          await db.delete(categoryRequirements).where(eq(categoryRequirements.categoryId, own.id))
        },
      ),
      { numRuns: 40 },
    )
  }, 300_000)
})
