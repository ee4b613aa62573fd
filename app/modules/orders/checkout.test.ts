// Checkout: one order split per cooperative, stock taken atomically, the gate re-checked at
// the moment of purchase, idempotent submits, and nothing written when anything fails.
import { eq, sql } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { certificates } from '#db/schema/certification.ts'
import { productVariants } from '#db/schema/catalog.ts'
import { cooperativeOrders, orderEvents, orderItems, orders, payments } from '#db/schema/orders.ts'
import { notifications } from '#db/schema/notifications.ts'
import { db } from '#app/utils/db.server.ts'
import { reviewCart } from '#app/modules/cart/cart.server.ts'
import {
  checkout,
  digestFor,
  guestCartWith,
  refusal,
  sellingCooperative,
  stockOf,
  testAddress,
} from './testing.server.ts'
import { SummaryChanged } from './checkout.server.ts'

async function countRows() {
  const [row] = await db
    .execute(
      sql`select
    (select count(*) from orders)::int as orders,
    (select count(*) from cooperative_orders)::int as parts,
    (select count(*) from order_items)::int as items,
    (select count(*) from payments)::int as payments`,
    )
    .then((r) => (Array.isArray(r) ? r : (r as unknown as { rows: unknown[] }).rows))
  return row as { orders: number; parts: number; items: number; payments: number }
}

describe('placing an order', () => {
  test('splits the cart into one cooperative order per cooperative, with frozen lines and fees', async () => {
    const a = await sellingCooperative({
      provinceCode: 'tanger-assilah',
      stock: 5,
      priceCentimes: 8000,
    })
    const b = await sellingCooperative({
      provinceCode: 'al-hoceima',
      stock: 5,
      priceCentimes: 15050,
    })
    const owner = await guestCartWith([
      { variantId: a.variantId, quantity: 2 },
      { variantId: b.variantId, quantity: 1 },
    ])
    const placed = await checkout(owner)
    expect(placed.number).toMatch(/^TW-\d{4}-\d{6}$/)
    expect(placed.existing).toBe(false)

    const [order] = await db.select().from(orders).where(eq(orders.number, placed.number))
    // a ships in its own province (20 MAD), b in the same region (30 MAD).
    expect(order).toMatchObject({
      itemsCentimes: 16000 + 15050,
      shippingCentimes: 2000 + 3000,
      totalCentimes: 31050 + 5000,
      phone: '+212612345678',
      paymentMethod: 'cod',
    })
    const parts = await db
      .select()
      .from(cooperativeOrders)
      .where(eq(cooperativeOrders.orderId, order!.id))
    expect(
      parts.map((p) => [p.cooperativeId, p.status, p.shippingZone, p.totalCentimes]).sort(),
    ).toEqual(
      [
        [a.cooperative.id, 'awaiting_confirmation', 'local', 18000],
        [b.cooperative.id, 'awaiting_confirmation', 'region', 18050],
      ].sort(),
    )
    const items = await db.select().from(orderItems)
    expect(items).toHaveLength(2)
    expect(items.every((i) => i.commissionBps === 1000 && i.reservedQuantity === i.quantity)).toBe(
      true,
    )
    expect(await stockOf(a.variantId)).toBe(3)
    expect(await stockOf(b.variantId)).toBe(4)
    // Cash on delivery: one expected payment per parcel; a history event per part.
    expect(await db.select().from(payments)).toHaveLength(2)
    expect(await db.select().from(orderEvents)).toHaveLength(2)
    // The cart is emptied; the customer and both managers are e-mailed.
    expect((await reviewCart(owner, 'fr')).lines).toHaveLength(0)
    const mails = await db.select().from(notifications)
    expect(mails.map((m) => m.template).sort()).toEqual([
      'cooperativeNewOrder',
      'cooperativeNewOrder',
      'orderReceived',
    ])
    const receipt = mails.find((m) => m.template === 'orderReceived')!
    expect(receipt.recipient).toBe(testAddress.email)
    expect(receipt.body).toContain(placed.number)
    expect(receipt.body).toContain(`token=${placed.token}`)
  })

  test('a line whose certificate was revoked after it entered the cart cannot be bought', async () => {
    const seller = await sellingCooperative({ stock: 5 })
    const owner = await guestCartWith([{ variantId: seller.variantId, quantity: 1 }])
    const digest = await digestFor(owner)
    await db
      .update(certificates)
      .set({ status: 'revoked' })
      .where(eq(certificates.id, seller.certificate.id))
    const error = await refusal(checkout(owner, { digest }))
    expect(error.messageKey).toBe('checkout.errors.lineUnavailable')
    expect(await countRows()).toEqual({ orders: 0, parts: 0, items: 0, payments: 0 })
    expect(await stockOf(seller.variantId)).toBe(5)
    const review = await reviewCart(owner, 'fr')
    expect(review.lines[0]!.notices).toEqual([
      { kind: 'unavailable', reason: { kind: 'certificate_missing', type: 'onssa' } },
    ])
  })

  test('a certificate that expires between the page and the submit stops the purchase', async () => {
    const seller = await sellingCooperative({ stock: 5 })
    const expiresAt = new Date(Date.now() + 60_000)
    await db
      .update(certificates)
      .set({ expiresAt })
      .where(eq(certificates.id, seller.certificate.id))
    const owner = await guestCartWith([{ variantId: seller.variantId, quantity: 1 }])
    const digest = await digestFor(owner)
    // The submit arrives after the expiry instant (an injected clock, no waiting).
    const error = await refusal(checkout(owner, { digest, now: new Date(expiresAt.getTime() + 1) }))
    expect(error.messageKey).toBe('checkout.errors.lineUnavailable')
    expect(await countRows()).toMatchObject({ orders: 0 })
    const review = await reviewCart(owner, 'fr', db, { at: new Date(expiresAt.getTime() + 1) })
    expect(review.lines[0]!.notices[0]).toEqual({
      kind: 'unavailable',
      reason: { kind: 'certificate_expired', type: 'onssa' },
    })
  })

  test('the same submit twice creates one order', async () => {
    const seller = await sellingCooperative({ stock: 5 })
    const owner = await guestCartWith([{ variantId: seller.variantId, quantity: 2 }])
    const digest = await digestFor(owner)
    const key = crypto.randomUUID()
    const first = await checkout(owner, { digest, idempotencyKey: key })
    const second = await checkout(owner, { digest, idempotencyKey: key })
    expect(second).toEqual({ ...first, existing: true })
    expect(await countRows()).toMatchObject({ orders: 1, items: 1 })
    expect(await stockOf(seller.variantId)).toBe(3)
  })

  test('another cart presenting the same key learns nothing of the order', async () => {
    const seller = await sellingCooperative({ stock: 5 })
    const owner = await guestCartWith([{ variantId: seller.variantId, quantity: 1 }])
    const key = crypto.randomUUID()
    await checkout(owner, { idempotencyKey: key })
    const other = await guestCartWith([{ variantId: seller.variantId, quantity: 1 }])
    const error = await refusal(checkout(other, { idempotencyKey: key }))
    expect(error.status).toBe(409)
    expect(await countRows()).toMatchObject({ orders: 1 })
  })

  test('a summary the customer did not see (price changed, no total shown) writes nothing', async () => {
    const seller = await sellingCooperative({ stock: 5 })
    const owner = await guestCartWith([{ variantId: seller.variantId, quantity: 1 }])
    const digest = await digestFor(owner)
    await db
      .update(productVariants)
      .set({ priceCentimes: 99900 })
      .where(eq(productVariants.id, seller.variantId))
    expect(await refusal(checkout(owner, { digest }))).toBeInstanceOf(SummaryChanged)
    expect(await refusal(checkout(owner, { digest: null }))).toBeInstanceOf(SummaryChanged)
    expect(await countRows()).toMatchObject({ orders: 0 })
    const review = await reviewCart(owner, 'fr')
    expect(review.lines[0]!.notices).toEqual([{ kind: 'price_changed', from: 12000, to: 99900 }])
  })

  test('stock that fell below the cart lowers the line, and the order takes what is left', async () => {
    const seller = await sellingCooperative({ stock: 5 })
    const owner = await guestCartWith([{ variantId: seller.variantId, quantity: 4 }])
    await db
      .update(productVariants)
      .set({ stockQuantity: 2 })
      .where(eq(productVariants.id, seller.variantId))
    const review = await reviewCart(owner, 'fr')
    expect(review.lines[0]!.notices).toEqual([{ kind: 'quantity_lowered', to: 2 }])
    await checkout(owner)
    const [item] = await db.select().from(orderItems)
    expect(item!.quantity).toBe(2)
    expect(await stockOf(seller.variantId)).toBe(0)
  })

  test('made-to-order goods are sold without taking stock', async () => {
    const seller = await sellingCooperative({ stock: 0, madeToOrder: true })
    const owner = await guestCartWith([{ variantId: seller.variantId, quantity: 3 }])
    await checkout(owner)
    const [item] = await db.select().from(orderItems)
    expect(item).toMatchObject({ quantity: 3, reservedQuantity: 0 })
    expect(await stockOf(seller.variantId)).toBe(0)
  })

  test('a province outside its region and an unknown payment method are refused', async () => {
    const seller = await sellingCooperative()
    const owner = await guestCartWith([{ variantId: seller.variantId, quantity: 1 }])
    const province = await refusal(checkout(owner, { provinceCode: 'nador' }))
    expect(province).toMatchObject({ field: 'provinceCode', status: 400 })
    const method = await refusal(checkout(owner, { paymentMethod: 'card' }))
    expect(method).toMatchObject({ field: 'paymentMethod', status: 400 })
    expect(await countRows()).toMatchObject({ orders: 0 })
  })

  test('an empty cart cannot be checked out', async () => {
    const error = await refusal(
      checkout({ userId: null, guestCartId: crypto.randomUUID() }, { digest: 'x' }),
    )
    expect(error.messageKey).toBe('checkout.errors.emptyCart')
  })
})
