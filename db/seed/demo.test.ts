import { sql } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { products } from '#db/schema/catalog.ts'
import { db } from '#app/utils/db.server.ts'
import { explainProducts, purchasableProductIds } from '#app/modules/certification/gate.server.ts'
import { seedDemoCatalog } from './demo-catalog.ts'
import { seedDemoWorld } from './demo.ts'
import { ensureAdmin } from './admin.ts'
import { seedDemoMoney } from './demo-money.ts'
import { seedDemoOrders } from './demo-orders.ts'
import { cooperativeOrders } from '#db/schema/orders.ts'
import { payouts } from '#db/schema/money.ts'

describe('the demo world', () => {
  test('shows products on sale and products hidden for every reason, and seeding again adds nothing', async () => {
    const world = await seedDemoWorld(db)
    const catalog = await seedDemoCatalog(db)
    expect(world).toBeGreaterThanOrEqual(6)
    expect(catalog.products).toBeGreaterThanOrEqual(35)
    const ids = (await db.select({ id: products.id }).from(products)).map((p) => p.id)
    const onSale = await purchasableProductIds(ids)
    const reasons = [...(await explainProducts(ids)).values()].flat()
    expect(onSale.size).toBeGreaterThan(10)
    const kinds = new Set(
      reasons.map((r) => (r.kind === 'certificate' ? `${r.requiredBy}:${r.state}` : r.kind)),
    )
    for (const expected of [
      'draft',
      'archived',
      'blocked',
      'cooperative_inactive',
      'category:missing',
      'category:pending',
      'category:revoked',
      'claim:missing',
      'claim:expired',
      'claim:suspended',
      'claim:rejected',
    ]) {
      expect(kinds, expected).toContain(expected)
    }
    // Orders in every state a cash-on-delivery order can reach, placed through the modules.
    expect(await seedDemoOrders()).toBeGreaterThanOrEqual(10)
    const states = new Set(
      (await db.select({ status: cooperativeOrders.status }).from(cooperativeOrders)).map(
        (r) => r.status,
      ),
    )
    for (const state of [
      'awaiting_confirmation',
      'placed',
      'preparing',
      'shipped',
      'delivered',
      'completed',
      'cancelled',
      'refused_at_door',
      'returned',
    ])
      expect(states, state).toContain(state)
    expect(await seedDemoOrders()).toBe(0)
    // Money: delivered, refunded and remitted orders; one batch paid, one pending.
    await ensureAdmin(db, {})
    const money = await seedDemoMoney()
    expect(money.orders).toBeGreaterThanOrEqual(4)
    expect(money.batches).toBe(2)
    const statuses = (await db.select({ status: payouts.status }).from(payouts)).map(
      (p) => p.status,
    )
    expect(statuses).toContain('paid')
    expect(statuses).toContain('pending')
    expect(await seedDemoMoney()).toEqual({ orders: 0, batches: 0 })
    expect(await seedDemoWorld(db)).toBe(0)
    expect((await seedDemoCatalog(db)).products).toBe(0)
    const [{ count } = { count: 0 }] = await db
      .select({ count: sql<number>`count(*)::int` })
      .from(products)
    expect(count).toBe(ids.length)
  }, 120_000)
})
