// Checkout under contention, on PostgreSQL (PGlite runs one query at a time, so there is no
// race to be had there): concurrent buyers never oversell, never deadlock, never lose stock.
import crypto from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { useWidePool } from './wide-pool.ts'
import { productVariants } from '#db/schema/catalog.ts'
import { orderItems, orders } from '#db/schema/orders.ts'
import { createCertificate, createCooperativeWithTeam, createProduct } from '#db/seed/factories.ts'
import { db } from '#app/utils/db.server.ts'
import { isDomainError } from '#app/utils/errors.server.ts'
import { addToCart, type CartOwner } from '#app/modules/cart/cart.server.ts'
import {
  checkout,
  digestFor,
  guestCartWith,
  sellingCooperative,
} from '#app/modules/orders/testing.server.ts'

const onPostgres = Boolean(process.env.TEST_DATABASE_URL)
if (!onPostgres) {
  // Visible in the run's output: these tests need real concurrency.
  console.warn('checkout-race: skipped on PGlite; set TEST_DATABASE_URL to run them (CI does).')
}

describe.skipIf(!onPostgres)('checkout races on PostgreSQL', () => {
  useWidePool()

  async function settle(attempts: Promise<unknown>[]) {
    const results = await Promise.allSettled(attempts)
    const unexpected = results.filter(
      (r) => r.status === 'rejected' && !isDomainError((r as PromiseRejectedResult).reason),
    )
    // A deadlock, a serialization failure or a check violation would land here.
    expect(unexpected.map((r) => String((r as PromiseRejectedResult).reason))).toEqual([])
    return results.filter((r) => r.status === 'fulfilled').length
  }

  test('200 buyers for 20 jars: exactly 20 orders, stock 0, never negative', async () => {
    const seller = await sellingCooperative({ stock: 20 })
    const carts: CartOwner[] = []
    for (let i = 0; i < 200; i++)
      carts.push(await guestCartWith([{ variantId: seller.variantId, quantity: 1 }]))
    const digest = await digestFor(carts[0]!)
    const sold = await settle(carts.map((owner) => checkout(owner, { digest })))
    expect(sold).toBe(20)
    const [variant] = await db
      .select({ stock: productVariants.stockQuantity })
      .from(productVariants)
      .where(eq(productVariants.id, seller.variantId))
    expect(variant!.stock).toBe(0)
    const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(orders)
    expect(Number(count!.n)).toBe(20)
  }, 120_000)

  test('mixed carts over three cooperatives in random order: every unit is sold or on the shelf', async () => {
    const variants: { id: string; initial: number }[] = []
    for (let c = 0; c < 3; c++) {
      const { cooperative } = await createCooperativeWithTeam(db)
      await createCertificate(db, { cooperativeId: cooperative.id, type: 'onssa' })
      for (let p = 0; p < 2; p++) {
        const initial = 8 + c * 3 + p
        const product = await createProduct(db, {
          cooperativeId: cooperative.id,
          variants: [{ stockQuantity: initial }, { stockQuantity: initial, sku: `B-${c}-${p}` }],
        })
        for (const v of product.variants) variants.push({ id: v.id, initial })
      }
    }
    // A fixed seed: the same "random" carts every run.
    let seed = 42
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    const carts: CartOwner[] = []
    for (let i = 0; i < 80; i++) {
      let owner: CartOwner = { userId: null, guestCartId: null }
      const picked = [...variants].sort(() => random() - 0.5).slice(0, 1 + Math.floor(random() * 4))
      for (const v of picked) {
        const change = await addToCart({
          owner,
          variantId: v.id,
          quantity: 1 + Math.floor(random() * 3),
        })
        owner = { userId: null, guestCartId: change.cartId }
      }
      carts.push(owner)
    }
    const digests = await Promise.all(carts.map((c) => digestFor(c)))
    const order = carts.map((_, i) => i).sort(() => random() - 0.5)
    const sold = await settle(order.map((i) => checkout(carts[i]!, { digest: digests[i] })))
    expect(sold).toBeGreaterThan(0)
    for (const v of variants) {
      const [row] = await db
        .select({ stock: productVariants.stockQuantity })
        .from(productVariants)
        .where(eq(productVariants.id, v.id))
      const [taken] = await db
        .select({ n: sql<number>`coalesce(sum(${orderItems.reservedQuantity}), 0)::int` })
        .from(orderItems)
        .where(eq(orderItems.variantId, v.id))
      expect(row!.stock).toBeGreaterThanOrEqual(0)
      expect(row!.stock + Number(taken!.n)).toBe(v.initial)
    }
  }, 120_000)

  test('the same checkout posted twice at once makes one order', async () => {
    const seller = await sellingCooperative({ stock: 10 })
    const owner = await guestCartWith([{ variantId: seller.variantId, quantity: 2 }])
    const digest = await digestFor(owner)
    const idempotencyKey = crypto.randomUUID()
    const [first, second] = await Promise.all([
      checkout(owner, { digest, idempotencyKey }),
      checkout(owner, { digest, idempotencyKey }),
    ])
    expect(first.number).toBe(second.number)
    expect([first.existing, second.existing].sort()).toEqual([false, true])
    const [variant] = await db
      .select({ stock: productVariants.stockQuantity })
      .from(productVariants)
      .where(eq(productVariants.id, seller.variantId))
    expect(variant!.stock).toBe(8)
  })
})
