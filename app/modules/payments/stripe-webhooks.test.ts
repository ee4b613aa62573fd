// Card payments against the stand-in of Stripe's API: the Checkout Session the SDK asks for,
// and webhooks that survive replays, disorder, forged or stale signatures.
import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { productVariants } from '#db/schema/catalog.ts'
import { notifications } from '#db/schema/notifications.ts'
import { orderEvents, stripeEvents } from '#db/schema/orders.ts'
import { db } from '#app/utils/db.server.ts'
import { sellingCooperative } from '#app/modules/orders/testing.server.ts'
import { signedEvent } from '#tests/stripe-stand-in.ts'
import { checkoutSessionKey } from './stripe-checkout.server.ts'
import { expireUnpaidCardOrders } from './stripe-sync.server.ts'
import {
  cardCheckout,
  deliver,
  paymentOf,
  sessionEvent,
  statusesOf,
  testWebhookSecret,
  withStripeStandIn,
} from './testing.server.ts'

const stripe = withStripeStandIn()

async function stockOf(variantId: string) {
  const [row] = await db
    .select({ stock: productVariants.stockQuantity })
    .from(productVariants)
    .where(eq(productVariants.id, variantId))
  return row!.stock
}

async function managerMails() {
  const rows = await db
    .select({ template: notifications.template })
    .from(notifications)
    .where(eq(notifications.template, 'cooperativeNewOrder'))
  return rows.map((r) => r.template)
}

async function eventsOf(orderId: string) {
  const rows = await db
    .select({ action: orderEvents.action })
    .from(orderEvents)
    .where(eq(orderEvents.orderId, orderId))
  return rows.map((r) => r.action).sort()
}

describe('placing a card order', () => {
  test('reserves the stock, waits in pending_payment and sends the customer to a Checkout Session', async () => {
    const coop = await sellingCooperative({ stock: 10, priceCentimes: 12000 })
    const placed = await cardCheckout(coop.variantId, 2)
    expect(await stockOf(coop.variantId)).toBe(8)
    expect(await statusesOf(placed.orderId)).toEqual([
      { status: 'pending_payment', needsRefundDecision: false },
    ])
    // The cooperative is not told of an order nobody has paid for yet.
    expect(await managerMails()).toEqual([])
    const session = stripe.standIn.sessions.get(placed.sessionId)!
    expect(placed.redirectTo).toBe(session.url)

    const [request] = stripe.standIn.requests.filter((r) => r.path === '/v1/checkout/sessions')
    expect(request).toMatchObject({
      method: 'POST',
      idempotencyKey: checkoutSessionKey(placed.orderId, 1),
      authorization: 'Bearer sk_test_taawun',
    })
    const params = request!.params
    expect(params).toMatchObject({
      mode: 'payment',
      currency: 'mad',
      client_reference_id: placed.orderId,
      metadata: { order_id: placed.orderId, order_number: placed.number },
      payment_intent_data: { metadata: { order_id: placed.orderId } },
      customer_email: 'fatima@example.ma',
      locale: 'fr',
    })
    // One line per product line, one for the parcel's delivery; amounts in centimes.
    expect(params.line_items).toEqual([
      {
        quantity: '2',
        price_data: {
          currency: 'mad',
          unit_amount: '12000',
          product_data: { name: expect.any(String) },
        },
      },
      {
        quantity: '1',
        price_data: {
          currency: 'mad',
          unit_amount: expect.stringMatching(/^\d+$/),
          product_data: { name: expect.stringContaining(coop.cooperative.displayName) },
        },
      },
    ])
    expect(session.amount_total).toBe((await paymentOf(placed.orderId)).amountCentimes)
    const expiresIn = Number(params.expires_at) - Date.now() / 1000
    expect(expiresIn).toBeGreaterThan(30 * 60)
    expect(expiresIn).toBeLessThan(32 * 60)
    expect(params.success_url).toMatch(
      new RegExp(`^https://taawun\\.example/orders/${placed.number}\\?token=[\\w-]+&placed=1$`),
    )
    expect(params.cancel_url).toMatch(
      new RegExp(`^https://taawun\\.example/orders/${placed.number}\\?token=[\\w-]+$`),
    )
  })
})

describe('the Stripe webhook', () => {
  test('a completed session places the order once, however often it is delivered', async () => {
    const coop = await sellingCooperative({ stock: 5 })
    const placed = await cardCheckout(coop.variantId, 1)
    stripe.standIn.pay(placed.sessionId)
    const completed = sessionEvent('checkout.session.completed', placed.sessionId)
    expect(await deliver(completed)).toEqual({ status: 200, outcome: 'processed' })
    expect(await deliver(completed)).toEqual({ status: 200, outcome: 'duplicate' })
    // Paid: now, and once, the cooperative hears of its new order.
    expect(await managerMails()).toEqual(['cooperativeNewOrder'])
    expect(await statusesOf(placed.orderId)).toEqual([
      { status: 'placed', needsRefundDecision: false },
    ])
    expect(await paymentOf(placed.orderId)).toMatchObject({
      status: 'succeeded',
      providerPaymentRef: expect.stringMatching(/^pi_/),
    })
    expect(await eventsOf(placed.orderId)).toEqual(['pay', 'payment_succeeded', 'place'])
    expect(await stockOf(coop.variantId)).toBe(4)
  })

  test.skipIf(!process.env.TEST_DATABASE_URL)(
    'the same event delivered concurrently is processed once (PostgreSQL only)',
    async () => {
      const coop = await sellingCooperative({ stock: 5 })
      const placed = await cardCheckout(coop.variantId, 1)
      stripe.standIn.pay(placed.sessionId)
      const completed = sessionEvent('checkout.session.completed', placed.sessionId)
      const answers = await Promise.all(Array.from({ length: 8 }, () => deliver(completed)))
      expect(answers.every((a) => a.status === 200)).toBe(true)
      expect(answers.filter((a) => a.outcome === 'processed')).toHaveLength(1)
      expect(await eventsOf(placed.orderId)).toEqual(['pay', 'payment_succeeded', 'place'])
    },
  )

  test('a session expired at Stripe cancels the order and restocks it', async () => {
    const coop = await sellingCooperative({ stock: 5 })
    const placed = await cardCheckout(coop.variantId, 2)
    stripe.standIn.expire(placed.sessionId)
    expect(await deliver(sessionEvent('checkout.session.expired', placed.sessionId))).toEqual({
      status: 200,
      outcome: 'processed',
    })
    expect(await statusesOf(placed.orderId)).toEqual([
      { status: 'cancelled', needsRefundDecision: false },
    ])
    expect((await paymentOf(placed.orderId)).status).toBe('cancelled')
    expect(await stockOf(coop.variantId)).toBe(5)
  })

  test('expired then completed: the late payment is recorded and flagged for a refund decision', async () => {
    const coop = await sellingCooperative({ stock: 5 })
    const placed = await cardCheckout(coop.variantId, 2)
    // Our clock expired the order (the housekeeping), then the payment landed at Stripe.
    stripe.standIn.expire(placed.sessionId)
    await deliver(sessionEvent('checkout.session.expired', placed.sessionId))
    stripe.standIn.sessions.get(placed.sessionId)!.status = 'open'
    stripe.standIn.pay(placed.sessionId)
    expect(await deliver(sessionEvent('checkout.session.completed', placed.sessionId))).toEqual({
      status: 200,
      outcome: 'processed',
    })
    expect(await statusesOf(placed.orderId)).toEqual([
      { status: 'cancelled', needsRefundDecision: true },
    ])
    expect((await paymentOf(placed.orderId)).status).toBe('succeeded')
    // Never silently sold again: the units stay back in stock.
    expect(await stockOf(coop.variantId)).toBe(5)
    expect(await eventsOf(placed.orderId)).toEqual([
      'expire',
      'payment_succeeded',
      'place',
      'refund_decision_needed',
    ])
  })

  test('completed then a late expired: the expired event changes nothing', async () => {
    const coop = await sellingCooperative({ stock: 5 })
    const placed = await cardCheckout(coop.variantId, 1)
    stripe.standIn.pay(placed.sessionId)
    await deliver(sessionEvent('checkout.session.completed', placed.sessionId))
    expect(await deliver(sessionEvent('checkout.session.expired', placed.sessionId))).toEqual({
      status: 200,
      outcome: 'processed',
    })
    expect(await statusesOf(placed.orderId)).toEqual([
      { status: 'placed', needsRefundDecision: false },
    ])
    expect((await paymentOf(placed.orderId)).status).toBe('succeeded')
    expect(await stockOf(coop.variantId)).toBe(4)
  })

  test('charge.refunded before completed: refunded money never places the order', async () => {
    const coop = await sellingCooperative({ stock: 5 })
    const placed = await cardCheckout(coop.variantId, 1)
    const { chargeId } = stripe.standIn.pay(placed.sessionId)
    const amount = (await paymentOf(placed.orderId)).amountCentimes
    stripe.standIn.refundOutside(chargeId, amount)
    const refunded = signedEvent(testWebhookSecret, 'charge.refunded', {
      id: chargeId,
      object: 'charge',
    })
    expect(await deliver(refunded)).toEqual({ status: 200, outcome: 'processed' })
    expect(await deliver(sessionEvent('checkout.session.completed', placed.sessionId))).toEqual({
      status: 200,
      outcome: 'processed',
    })
    expect(await statusesOf(placed.orderId)).toEqual([
      { status: 'cancelled', needsRefundDecision: false },
    ])
    expect((await paymentOf(placed.orderId)).status).toBe('refunded')
    expect(await stockOf(coop.variantId)).toBe(5)
  })

  test('an asynchronous payment that failed cancels the order', async () => {
    const coop = await sellingCooperative({ stock: 5 })
    const placed = await cardCheckout(coop.variantId, 1)
    stripe.standIn.failAsync(placed.sessionId)
    await deliver(sessionEvent('checkout.session.async_payment_failed', placed.sessionId))
    expect(await statusesOf(placed.orderId)).toEqual([
      { status: 'cancelled', needsRefundDecision: false },
    ])
    expect((await paymentOf(placed.orderId)).status).toBe('failed')
    expect(await stockOf(coop.variantId)).toBe(5)
  })

  test('refuses a bad signature, a stale one and a re-serialised body with 400, changing nothing', async () => {
    const coop = await sellingCooperative({ stock: 5 })
    const placed = await cardCheckout(coop.variantId, 1)
    stripe.standIn.pay(placed.sessionId)
    const forged = signedEvent('whsec_not_ours', 'checkout.session.completed', {
      id: placed.sessionId,
    })
    expect((await deliver(forged)).status).toBe(400)
    const stale = sessionEvent('checkout.session.completed', placed.sessionId, {
      timestamp: Math.floor(Date.now() / 1000) - 10 * 60,
    })
    expect((await deliver(stale)).status).toBe(400)
    const good = sessionEvent('checkout.session.completed', placed.sessionId)
    // Same content, parsed and serialised again: no longer the bytes that were signed.
    const reserialised = JSON.stringify(JSON.parse(good.payload))
    expect((await deliver(good, { body: reserialised })).status).toBe(400)
    expect((await deliver({ ...good, header: '' })).status).toBe(400)
    expect(await db.select().from(stripeEvents)).toEqual([])
    expect(await statusesOf(placed.orderId)).toEqual([
      { status: 'pending_payment', needsRefundDecision: false },
    ])
  })

  test('an unknown event type and an event for an unknown order are a 200 that changes nothing', async () => {
    const unknown = signedEvent(testWebhookSecret, 'customer.created', { id: 'cus_1' })
    expect(await deliver(unknown)).toEqual({ status: 200, outcome: 'ignored' })
    const coop = await sellingCooperative({ stock: 5 })
    const other = await cardCheckout(coop.variantId, 1)
    // A session of another shop on the same account, naming no order of ours.
    const stranger = stripe.standIn.sessions.get(other.sessionId)!
    stripe.standIn.sessions.set('cs_test_stranger', {
      ...stranger,
      id: 'cs_test_stranger',
      client_reference_id: '00000000-0000-4000-8000-000000000000',
      metadata: {},
    })
    expect(await deliver(sessionEvent('checkout.session.completed', 'cs_test_stranger'))).toEqual({
      status: 200,
      outcome: 'ignored',
    })
    expect(await statusesOf(other.orderId)).toEqual([
      { status: 'pending_payment', needsRefundDecision: false },
    ])
    expect(await db.select({ id: stripeEvents.id }).from(stripeEvents)).toHaveLength(2)
  })
})

describe('expiry housekeeping', () => {
  test('cancels and restocks card orders whose session expired without a webhook', async () => {
    const coop = await sellingCooperative({ stock: 5 })
    const unpaid = await cardCheckout(coop.variantId, 2)
    const paid = await cardCheckout(coop.variantId, 1)
    stripe.standIn.pay(paid.sessionId)
    expect(await expireUnpaidCardOrders(new Date())).toBe(0)
    const later = new Date(Date.now() + 40 * 60_000)
    expect(await expireUnpaidCardOrders(later)).toBe(2)
    expect(stripe.standIn.sessions.get(unpaid.sessionId)!.status).toBe('expired')
    expect(await statusesOf(unpaid.orderId)).toEqual([
      { status: 'cancelled', needsRefundDecision: false },
    ])
    // The paid one's webhook was lost: the re-read finds the money and places it.
    expect(await statusesOf(paid.orderId)).toEqual([
      { status: 'placed', needsRefundDecision: false },
    ])
    expect(await stockOf(coop.variantId)).toBe(4)
    expect(await expireUnpaidCardOrders(later)).toBe(0)
  })
})
