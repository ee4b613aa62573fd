// Card payments through Stripe Checkout: the order is placed (stock reserved) in
// pending_payment with a pending payment, then a hosted Checkout Session is created for it and
// the customer is sent there. Only the webhook (or the expiry housekeeping) says whether it was
// paid: coming back to the success page marks nothing.
import { asc, eq } from 'drizzle-orm'
import { cooperatives } from '#db/schema/cooperatives.ts'
import { cooperativeOrders, orderItems, payments } from '#db/schema/orders.ts'
import { db } from '#app/utils/db.server.ts'
import { isLanguage, localized, type Language } from '#app/modules/i18n/config.ts'
import { translatorFor } from '#app/modules/i18n/i18n.server.ts'
import { orderLink } from '#app/modules/orders/notify.server.ts'
import { type PaymentProvider, type PlacedOrder } from './methods.server.ts'
import { stripeClient, stripeConfigured } from './stripe-client.server.ts'

/** How long the customer has to pay; Stripe accepts 30 minutes to 24 hours. */
export const checkoutSessionMinutes = 30
// Stripe refuses an expires_at less than 30 minutes after it receives the request: a minute
// of margin for the request's time on the wire and clock drift.
const expiryMarginSeconds = 60

// Stripe Checkout has no Arabic page: "auto" follows the customer's browser instead.
const checkoutLocales: Record<Language, 'auto' | 'fr' | 'en'> = {
  ar: 'auto',
  fr: 'fr',
  en: 'en',
}

/** The idempotency key of the session of an order's payment attempt. */
export function checkoutSessionKey(orderId: string, attempt: number) {
  return `taawun:checkout-session:${orderId}:${attempt}`
}

async function lineItems(order: PlacedOrder, language: Language) {
  const t = await translatorFor(language)
  const items = await db
    .select({
      cooperativeOrderId: orderItems.cooperativeOrderId,
      titleAr: orderItems.titleAr,
      titleFr: orderItems.titleFr,
      titleEn: orderItems.titleEn,
      variantLabelAr: orderItems.variantLabelAr,
      variantLabelFr: orderItems.variantLabelFr,
      variantLabelEn: orderItems.variantLabelEn,
      unitPriceCentimes: orderItems.unitPriceCentimes,
      quantity: orderItems.quantity,
    })
    .from(orderItems)
    .innerJoin(cooperativeOrders, eq(cooperativeOrders.id, orderItems.cooperativeOrderId))
    .where(eq(cooperativeOrders.orderId, order.id))
    .orderBy(asc(orderItems.cooperativeOrderId), asc(orderItems.sku))
  const parcels = await db
    .select({
      id: cooperativeOrders.id,
      shippingCentimes: cooperativeOrders.shippingCentimes,
      cooperative: cooperatives.displayName,
    })
    .from(cooperativeOrders)
    .innerJoin(cooperatives, eq(cooperatives.id, cooperativeOrders.cooperativeId))
    .where(eq(cooperativeOrders.orderId, order.id))
    .orderBy(asc(cooperativeOrders.id))
  const lines = items.map((item) => ({
    quantity: item.quantity,
    price_data: {
      currency: 'mad',
      unit_amount: item.unitPriceCentimes,
      product_data: {
        name: `${localized(item, 'title', language)} — ${localized(item, 'variantLabel', language)}`,
      },
    },
  }))
  for (const parcel of parcels) {
    if (Number(parcel.shippingCentimes) === 0) continue
    lines.push({
      quantity: 1,
      price_data: {
        currency: 'mad',
        unit_amount: Number(parcel.shippingCentimes),
        product_data: { name: t('payments.shippingLine', { cooperative: parcel.cooperative }) },
      },
    })
  }
  return lines
}

/** Create the hosted payment page of an order (or find it again: the key makes it one). */
export async function createCheckoutSession(order: PlacedOrder, now: Date = new Date()) {
  const language: Language = isLanguage(order.locale) ? order.locale : 'ar'
  const link = orderLink(order.number, order.accessToken)
  const expiresAt = new Date(
    now.getTime() + (checkoutSessionMinutes * 60 + expiryMarginSeconds) * 1000,
  )
  const session = await stripeClient().checkout.sessions.create(
    {
      mode: 'payment',
      currency: 'mad',
      line_items: await lineItems(order, language),
      client_reference_id: order.id,
      metadata: { order_id: order.id, order_number: order.number },
      // The payment intent carries the order too: a refund event leads back to it.
      payment_intent_data: { metadata: { order_id: order.id, order_number: order.number } },
      ...(order.email ? { customer_email: order.email } : {}),
      locale: checkoutLocales[language],
      expires_at: Math.floor(expiresAt.getTime() / 1000),
      success_url: `${link}&placed=1`,
      cancel_url: link,
    },
    { idempotencyKey: checkoutSessionKey(order.id, 1) },
  )
  await db
    .update(payments)
    .set({ providerRef: session.id, expiresAt, updatedAt: now })
    .where(eq(payments.orderId, order.id))
  return session
}

export const stripeCheckout: PaymentProvider = {
  method: 'card',
  isAvailable: stripeConfigured,
  initialStatus: 'pending_payment',
  // One payment for the whole order (one card charge), pending until Stripe says paid. Its
  // expiry is set now too, so that an order whose session could not be created is still
  // released by the housekeeping.
  async recordPlacement(tx, order) {
    await tx.insert(payments).values({
      orderId: order.id,
      provider: 'stripe',
      amountCentimes: order.totalCentimes,
      expiresAt: new Date(Date.now() + checkoutSessionMinutes * 60_000),
    })
  },
  async afterPlacement(order) {
    const session = await createCheckoutSession(order)
    if (!session.url) throw new Error(`Checkout Session ${session.id} has no url`)
    return { redirectTo: session.url }
  },
}
