// Test helpers for card payments: Stripe's keys pointed at the stand-in of its API, a card
// checkout, and webhook deliveries signed as Stripe signs them.
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll } from 'vitest'
import { cooperativeOrders, orders, payments } from '#db/schema/orders.ts'
import { db } from '#app/utils/db.server.ts'
import { resetEnvCache } from '#app/utils/env.server.ts'
import { checkout, guestCartWith } from '#app/modules/orders/testing.server.ts'
import { signedEvent, startStripeStandIn, type StripeStandIn } from '#tests/stripe-stand-in.ts'
import { action as webhookAction } from '#app/routes/webhooks.stripe.ts'

export const testWebhookSecret = 'whsec_test_taawun'

/** Configure Stripe for the tests of this file, against a fresh stand-in. */
export function withStripeStandIn() {
  const holder: { standIn: StripeStandIn } = {} as { standIn: StripeStandIn }
  beforeAll(async () => {
    holder.standIn = await startStripeStandIn()
    process.env.STRIPE_SECRET_KEY = 'sk_test_taawun'
    process.env.STRIPE_WEBHOOK_SECRET = testWebhookSecret
    process.env.STRIPE_API_BASE = holder.standIn.url
    process.env.APP_URL = 'https://taawun.example'
    resetEnvCache()
  })
  afterAll(async () => {
    delete process.env.STRIPE_SECRET_KEY
    delete process.env.STRIPE_WEBHOOK_SECRET
    delete process.env.STRIPE_API_BASE
    delete process.env.APP_URL
    resetEnvCache()
    await holder.standIn.close()
  })
  return holder
}

/** A guest's card checkout of `quantity` units: the order, its session and redirect. */
export async function cardCheckout(variantId: string, quantity = 1) {
  const owner = await guestCartWith([{ variantId, quantity }])
  const placed = await checkout(owner, { paymentMethod: 'card' })
  const [row] = await db
    .select({ orderId: orders.id, sessionId: payments.providerRef })
    .from(orders)
    .innerJoin(payments, eq(payments.orderId, orders.id))
    .where(eq(orders.number, placed.number))
  return { ...placed, orderId: row!.orderId, sessionId: row!.sessionId! }
}

/** Deliver a webhook to the route as Stripe would; the answer's status and outcome. */
export async function deliver(
  delivery: { payload: string; header: string },
  options: { body?: string } = {},
) {
  const request = new Request('http://localhost:3000/webhooks/stripe', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': delivery.header },
    body: options.body ?? delivery.payload,
  })
  const response = await webhookAction({ request, params: {}, context: {} as never })
  const text = await response.text()
  return {
    status: response.status,
    outcome: response.status === 200 ? (JSON.parse(text) as { outcome: string }).outcome : null,
  }
}

/** A signed event about a Checkout Session (the payload holds the session as sent). */
export function sessionEvent(
  type: string,
  sessionId: string,
  options: { id?: string; timestamp?: number } = {},
) {
  return signedEvent(
    testWebhookSecret,
    type,
    { id: sessionId, object: 'checkout.session' },
    options,
  )
}

export async function statusesOf(orderId: string) {
  return db
    .select({
      status: cooperativeOrders.status,
      needsRefundDecision: cooperativeOrders.needsRefundDecision,
    })
    .from(cooperativeOrders)
    .where(eq(cooperativeOrders.orderId, orderId))
}

export async function paymentOf(orderId: string) {
  const [row] = await db.select().from(payments).where(eq(payments.orderId, orderId))
  return row!
}
