import { and, eq, sql } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { productVariants, products } from '#db/schema/catalog.ts'
import { cooperatives } from '#db/schema/cooperatives.ts'
import {
  type CertificateInput,
  createCertificate,
  createCooperative,
  createProduct,
  type ProductInput,
} from '#db/seed/factories.ts'
import { db, getDatabase } from '#app/utils/db.server.ts'
import {
  canBePublished,
  explainProducts,
  productPurchasable,
  purchasableListing,
  purchasableProductIds,
  variantPurchasable,
} from './gate.server.ts'

const day = 24 * 3600 * 1000
const now = new Date()

type Case = {
  name: string
  product?: Partial<ProductInput>
  cooperativeStatus?: 'active' | 'suspended' | 'applied' | 'rejected'
  certificates?: (Omit<CertificateInput, 'cooperativeId'> & {
    forOtherCooperative?: boolean
    forOtherProduct?: boolean
    forThisProduct?: boolean
  })[]
  at?: (c: { expiresAt?: Date }) => Date
  purchasable: boolean
  reason?: Record<string, unknown>
}

const onssa = { type: 'onssa' as const, expiresAt: null }

const cases: Case[] = [
  {
    name: 'food with an approved ONSSA authorisation (no expiry) is on sale',
    certificates: [onssa],
    purchasable: true,
  },
  {
    name: 'food without any ONSSA authorisation',
    certificates: [],
    purchasable: false,
    reason: { kind: 'certificate', type: 'onssa', state: 'missing', requiredBy: 'category' },
  },
  {
    name: 'ONSSA pending review',
    certificates: [{ ...onssa, status: 'pending_review' }],
    purchasable: false,
    reason: { state: 'pending' },
  },
  {
    name: 'ONSSA rejected',
    certificates: [{ ...onssa, status: 'rejected' }],
    purchasable: false,
    reason: { state: 'rejected' },
  },
  {
    name: 'ONSSA suspended',
    certificates: [{ ...onssa, status: 'suspended' }],
    purchasable: false,
    reason: { state: 'suspended' },
  },
  {
    name: 'ONSSA revoked',
    certificates: [{ ...onssa, status: 'revoked' }],
    purchasable: false,
    reason: { state: 'revoked' },
  },
  {
    name: 'one second before expiry: still on sale',
    certificates: [{ type: 'onssa', expiresAt: new Date(now.getTime() + 30 * day) }],
    at: ({ expiresAt }) => new Date(expiresAt!.getTime() - 1000),
    purchasable: true,
  },
  {
    name: 'at the very moment of expiry: off sale',
    certificates: [{ type: 'onssa', expiresAt: new Date(now.getTime() + 30 * day) }],
    at: ({ expiresAt }) => expiresAt!,
    purchasable: false,
    reason: { state: 'expired' },
  },
  {
    name: 'one second after expiry: off sale',
    certificates: [{ type: 'onssa', expiresAt: new Date(now.getTime() + 30 * day) }],
    at: ({ expiresAt }) => new Date(expiresAt!.getTime() + 1000),
    purchasable: false,
    reason: { state: 'expired' },
  },
  {
    name: 'an expired certificate does not count even when a pending renewal exists',
    certificates: [
      {
        type: 'onssa',
        expiresAt: new Date(now.getTime() - day),
        issuedAt: new Date(now.getTime() - 400 * day),
      },
      { ...onssa, status: 'pending_review' },
    ],
    purchasable: false,
    reason: { state: 'pending' },
  },
  {
    name: 'not yet issued',
    certificates: [{ ...onssa, issuedAt: new Date(now.getTime() + 5 * day) }],
    purchasable: false,
    reason: { state: 'not_yet_issued' },
  },
  {
    name: 'scoped to another product',
    certificates: [{ ...onssa, forOtherProduct: true }],
    purchasable: false,
    reason: { state: 'other_products' },
  },
  {
    name: 'scoped to this product',
    certificates: [{ ...onssa, forThisProduct: true }],
    purchasable: true,
  },
  {
    name: 'belonging to another cooperative',
    certificates: [{ ...onssa, forOtherCooperative: true }],
    purchasable: false,
    reason: { state: 'missing' },
  },
  {
    name: 'a claim without its certificate',
    product: { claims: ['organic'] },
    certificates: [onssa],
    purchasable: false,
    reason: { kind: 'certificate', type: 'organic', state: 'missing', requiredBy: 'claim' },
  },
  {
    name: 'a claim with its approved certificate',
    product: { claims: ['organic'] },
    certificates: [
      onssa,
      { type: 'organic', forThisProduct: true, expiresAt: new Date(now.getTime() + 200 * day) },
    ],
    purchasable: true,
  },
  {
    name: 'cooperative suspended',
    cooperativeStatus: 'suspended',
    certificates: [onssa],
    purchasable: false,
    reason: { kind: 'cooperative_inactive', status: 'suspended' },
  },
  {
    name: 'cooperative still applying',
    cooperativeStatus: 'applied',
    certificates: [onssa],
    purchasable: false,
    reason: { kind: 'cooperative_inactive' },
  },
  {
    name: 'product draft',
    product: { status: 'draft' },
    certificates: [onssa],
    purchasable: false,
    reason: { kind: 'draft' },
  },
  {
    name: 'product archived',
    product: { status: 'archived' },
    certificates: [onssa],
    purchasable: false,
    reason: { kind: 'archived' },
  },
  {
    name: 'product blocked by an admin',
    product: { blockedReason: 'Misleading photos' },
    certificates: [onssa],
    purchasable: false,
    reason: { kind: 'blocked', reason: 'Misleading photos' },
  },
  {
    name: 'crafts need no certificate',
    product: { categorySlug: 'pottery' },
    certificates: [],
    purchasable: true,
  },
  {
    name: 'crafts showing the handmade label need it',
    product: { categorySlug: 'pottery', claims: ['handmade'] },
    certificates: [],
    purchasable: false,
    reason: { type: 'handmade', state: 'missing' },
  },
  {
    name: 'cosmetics need their product registration',
    product: { categorySlug: 'soaps' },
    certificates: [onssa],
    purchasable: false,
    reason: { type: 'cosmetic_reg', state: 'missing' },
  },
  {
    name: 'cosmetics with their registration',
    product: { categorySlug: 'soaps' },
    certificates: [
      {
        type: 'cosmetic_reg',
        forThisProduct: true,
        expiresAt: new Date(now.getTime() + 1000 * day),
      },
    ],
    purchasable: true,
  },
]

describe('the gating rule', () => {
  test.each(cases)('$name', async (c) => {
    const cooperative = await createCooperative(db, { status: c.cooperativeStatus ?? 'active' })
    const other = await createCooperative(db)
    const product = await createProduct(db, { cooperativeId: cooperative.id, ...c.product })
    const sibling = await createProduct(db, { cooperativeId: cooperative.id })
    let expiresAt: Date | undefined
    for (const spec of c.certificates ?? []) {
      const { forOtherCooperative, forOtherProduct, forThisProduct, ...input } = spec
      await createCertificate(db, {
        ...input,
        cooperativeId: forOtherCooperative ? other.id : cooperative.id,
        productIds: forThisProduct ? [product.id] : forOtherProduct ? [sibling.id] : undefined,
      })
      if (input.expiresAt) expiresAt = input.expiresAt
    }
    const at = c.at ? c.at({ expiresAt }) : undefined

    const sqlSays = (await purchasableProductIds([product.id], at)).has(product.id)
    expect(sqlSays).toBe(c.purchasable)
    // The set forms used by listings say the same.
    for (const broad of [false, true]) {
      const listing = purchasableListing(at, { broad })
      const listed = await getDatabase().rows<{ id: string }>(
        sql`select ${products.id} as id from ${listing.from} where ${listing.where} and ${products.id} = ${product.id}`,
      )
      expect(listed.length === 1, broad ? 'broad' : 'narrow').toBe(c.purchasable)
    }
    const reasons = (await explainProducts([product.id], at ?? new Date())).get(product.id)!
    // The words on the dashboard agree with the SQL that decides.
    expect(reasons.length === 0).toBe(c.purchasable)
    if (c.reason) expect(reasons).toContainEqual(expect.objectContaining(c.reason))

    // Publishing checks rules 2–3 with the same predicate (status and blocks aside).
    const certificatesAndCooperativeOk = reasons.every(
      (r) => r.kind === 'draft' || r.kind === 'archived' || r.kind === 'blocked',
    )
    expect(await canBePublished(product.id, at)).toBe(certificatesAndCooperativeOk)
  })

  test('a revoked certificate takes the product off sale at once, with no job involved', async () => {
    const cooperative = await createCooperative(db)
    const product = await createProduct(db, { cooperativeId: cooperative.id })
    const certificate = await createCertificate(db, {
      cooperativeId: cooperative.id,
      type: 'onssa',
    })
    expect((await purchasableProductIds([product.id])).has(product.id)).toBe(true)
    const { certificates } = await import('#db/schema/certification.ts')
    await db
      .update(certificates)
      .set({ status: 'revoked' })
      .where(eq(certificates.id, certificate.id))
    expect((await purchasableProductIds([product.id])).has(product.id)).toBe(false)
    await db
      .update(cooperatives)
      .set({ status: 'active' })
      .where(eq(cooperatives.id, cooperative.id))
  })

  test('a variant is purchasable only with enough stock, unless made to order', async () => {
    const cooperative = await createCooperative(db)
    await createCertificate(db, { cooperativeId: cooperative.id, type: 'onssa' })
    const inStock = await createProduct(db, {
      cooperativeId: cooperative.id,
      variants: [{ stockQuantity: 3 }, { stockQuantity: 0 }],
    })
    const toOrder = await createProduct(db, {
      cooperativeId: cooperative.id,
      categorySlug: 'pottery',
      madeToOrder: true,
      variants: [{ stockQuantity: 0 }],
    })
    const sellable = async (quantity: number) =>
      (
        await db
          .select({ id: productVariants.id })
          .from(productVariants)
          .innerJoin(products, eq(products.id, productVariants.productId))
          .where(and(variantPurchasable(quantity)))
      ).map((v) => v.id)
    expect(await sellable(1)).toEqual(
      expect.arrayContaining([inStock.variants[0]!.id, toOrder.variants[0]!.id]),
    )
    expect(await sellable(1)).not.toContain(inStock.variants[1]!.id)
    expect(await sellable(4)).toEqual([toOrder.variants[0]!.id])
  })

  test('one query answers for many products', async () => {
    const cooperative = await createCooperative(db)
    await createCertificate(db, { cooperativeId: cooperative.id, type: 'onssa' })
    const many = await Promise.all(
      Array.from({ length: 12 }, () => createProduct(db, { cooperativeId: cooperative.id })),
    )
    const hidden = await createProduct(db, { cooperativeId: cooperative.id, status: 'draft' })
    const ids = await purchasableProductIds([...many.map((p) => p.id), hidden.id])
    expect(ids.size).toBe(12)
    const rows = await db.select({ id: products.id }).from(products).where(productPurchasable())
    expect(rows).toHaveLength(12)
  })
})
