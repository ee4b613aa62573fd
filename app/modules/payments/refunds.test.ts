// Refunds: through Stripe for card orders (key per refund, state from the webhook), by hand
// for cash on delivery; in full or in part, never more than was paid.
import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { cooperativeOrders, refunds } from '#db/schema/orders.ts'
import { notifications } from '#db/schema/notifications.ts'
import { db } from '#app/utils/db.server.ts'
import { isDomainError } from '#app/utils/errors.server.ts'
import { moveCooperativeOrder } from '#app/modules/orders/fulfilment.server.ts'
import { checkout, guestCartWith, sellingCooperative } from '#app/modules/orders/testing.server.ts'
import { refundCooperativeOrder, refundKey } from './refunds.server.ts'
import {
  cardCheckout,
  deliver,
  sessionEvent,
  statusesOf,
  withStripeStandIn,
} from './testing.server.ts'

const stripe = withStripeStandIn()

async function partOf(orderId: string) {
  const [row] = await db
    .select({ id: cooperativeOrders.id, total: cooperativeOrders.totalCentimes })
    .from(cooperativeOrders)
    .where(eq(cooperativeOrders.orderId, orderId))
  return { id: row!.id, total: Number(row!.total) }
}

describe('refunds', () => {
  test('a card order paid after its cancellation is refunded in full through Stripe', async () => {
    const coop = await sellingCooperative({ stock: 5 })
    const placed = await cardCheckout(coop.variantId, 1)
    stripe.standIn.expire(placed.sessionId)
    await deliver(sessionEvent('checkout.session.expired', placed.sessionId))
    stripe.standIn.sessions.get(placed.sessionId)!.status = 'open'
    stripe.standIn.pay(placed.sessionId)
    await deliver(sessionEvent('checkout.session.completed', placed.sessionId))
    const part = await partOf(placed.orderId)
    const result = await refundCooperativeOrder({
      actor: { userId: coop.manager.id, role: 'finance' },
      cooperativeOrderId: part.id,
      amountCentimes: part.total,
      reason: 'Payé après expiration',
      method: 'stripe',
    })
    expect(result.status).toBe('succeeded')
    const [request] = stripe.standIn.requests.filter((r) => r.path === '/v1/refunds')
    expect(request).toMatchObject({
      method: 'POST',
      idempotencyKey: refundKey(result.refundId),
      params: { amount: String(part.total), payment_intent: expect.stringMatching(/^pi_/) },
    })
    expect(await statusesOf(placed.orderId)).toEqual([
      { status: 'cancelled', needsRefundDecision: false },
    ])
    const [refund] = await db.select().from(refunds)
    expect(refund).toMatchObject({
      status: 'succeeded',
      providerRef: expect.stringMatching(/^re_/),
    })
    const mails = await db.select({ template: notifications.template }).from(notifications)
    expect(mails.map((m) => m.template)).toContain('orderRefunded')
  })

  test('a delivered cash-on-delivery order is refunded in part by bank transfer, then no more than the rest', async () => {
    const coop = await sellingCooperative({ stock: 5, priceCentimes: 10000 })
    const owner = await guestCartWith([{ variantId: coop.variantId, quantity: 1 }])
    const placed = await checkout(owner)
    const [row] = await db
      .select({ orderId: cooperativeOrders.orderId, id: cooperativeOrders.id })
      .from(cooperativeOrders)
    const member = {
      kind: 'manager' as const,
      userId: coop.manager.id,
      cooperativeId: coop.cooperative.id,
    }
    await moveCooperativeOrder({
      actor: { kind: 'association', userId: coop.manager.id, role: 'admin' },
      cooperativeOrderId: row!.id,
      action: 'confirm',
    })
    await moveCooperativeOrder({ actor: member, cooperativeOrderId: row!.id, action: 'accept' })
    await moveCooperativeOrder({
      actor: member,
      cooperativeOrderId: row!.id,
      action: 'ship',
      details: { carrier: 'amana', trackingNumber: 'RR123456789MA' },
    })
    await moveCooperativeOrder({ actor: member, cooperativeOrderId: row!.id, action: 'deliver' })
    const part = await partOf(row!.orderId)
    await refundCooperativeOrder({
      actor: { userId: coop.manager.id, role: 'finance' },
      cooperativeOrderId: part.id,
      amountCentimes: 3000,
      reason: 'Pot abîmé',
      method: 'bank_transfer',
    })
    expect((await statusesOf(row!.orderId))[0]!.status).toBe('partially_refunded')
    const tooMuch = await refundCooperativeOrder({
      actor: { userId: coop.manager.id, role: 'finance' },
      cooperativeOrderId: part.id,
      amountCentimes: part.total,
      reason: 'Tout',
      method: 'cash',
    }).catch((e: unknown) => e)
    expect(isDomainError(tooMuch) && tooMuch.messageKey).toBe('payments.errors.amount')
    const wrongMethod = await refundCooperativeOrder({
      actor: { userId: coop.manager.id, role: 'finance' },
      cooperativeOrderId: part.id,
      amountCentimes: 100,
      reason: 'Carte',
      method: 'stripe',
    }).catch((e: unknown) => e)
    expect(isDomainError(wrongMethod) && wrongMethod.messageKey).toBe('payments.errors.method')
    await refundCooperativeOrder({
      actor: { userId: coop.manager.id, role: 'finance' },
      cooperativeOrderId: part.id,
      amountCentimes: part.total - 3000,
      reason: 'Le reste',
      method: 'cash',
    })
    expect((await statusesOf(row!.orderId))[0]!.status).toBe('refunded')
    expect(placed.number).toMatch(/^TW-/)
  })
})
