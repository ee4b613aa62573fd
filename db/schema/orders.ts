import { sql } from 'drizzle-orm'
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { createdAt, id, oneOf, timestamptz, updatedAt } from './columns.ts'
import { products, productVariants } from './catalog.ts'
import { cooperatives } from './cooperatives.ts'
import { users } from './identity.ts'
import { provinces, regions } from './reference.ts'

// ——— Cart ———

/**
 * A cart: a guest's is found through a signed cookie holding its id; a signed-in customer's
 * belongs to the account (one per user). The guest cart merges into it at sign-in.
 */
export const carts = pgTable(
  'carts',
  {
    id: id(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('carts_user_unique')
      .on(t.userId)
      .where(sql`user_id is not null`),
    index('carts_updated_idx').on(t.updatedAt),
  ],
)

export const maxLineQuantity = 50

export const cartItems = pgTable(
  'cart_items',
  {
    cartId: uuid('cart_id')
      .notNull()
      .references(() => carts.id, { onDelete: 'cascade' }),
    variantId: uuid('variant_id')
      .notNull()
      .references(() => productVariants.id, { onDelete: 'cascade' }),
    quantity: integer('quantity').notNull(),
    /** The unit price the customer last saw, so that a change can be pointed out. */
    seenPriceCentimes: integer('seen_price_centimes').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.cartId, t.variantId] }),
    index('cart_items_variant_idx').on(t.variantId),
    check(
      'cart_items_quantity_check',
      sql`quantity between 1 and ${sql.raw(String(maxLineQuantity))}`,
    ),
  ],
)

// ——— Shipping ———

export const shippingZones = ['local', 'region', 'national'] as const
export type ShippingZone = (typeof shippingZones)[number]

/**
 * What a customer pays to have one cooperative's parcel delivered: by zone (same province as
 * the cooperative, same region, elsewhere), plus a surcharge for each started kilogram above a
 * weight. Edited by an admin.
 */
export const shippingRates = pgTable(
  'shipping_rates',
  {
    zone: text('zone').primaryKey(),
    feeCentimes: integer('fee_centimes').notNull(),
    heavyFromGrams: integer('heavy_from_grams').notNull(),
    surchargePerKgCentimes: integer('surcharge_per_kg_centimes').notNull(),
    updatedAt: updatedAt(),
  },
  () => [
    check('shipping_rates_zone_check', oneOf('zone', shippingZones)),
    check(
      'shipping_rates_amounts_check',
      sql`fee_centimes >= 0 and heavy_from_grams > 0 and surcharge_per_kg_centimes >= 0`,
    ),
  ],
)

// ——— Orders ———

export const paymentMethods = ['cod', 'card'] as const
export type PaymentMethod = (typeof paymentMethods)[number]

/** A customer's order: contact, address and totals. Its cooperative orders carry the states. */
export const orders = pgTable(
  'orders',
  {
    id: id(),
    /** Public number, e.g. TW-2026-000123. */
    number: text('number').notNull(),
    /** SHA-256 of the token of the guest tracking link; the token itself is never stored. */
    accessTokenHash: text('access_token_hash').notNull(),
    /** One order per checkout form: a retried or doubled submit finds the same order. */
    idempotencyKey: text('idempotency_key').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** The cart it was placed from: a repeated submit is answered only to the same cart. */
    cartId: uuid('cart_id'),
    contactName: text('contact_name').notNull(),
    /** E.164, e.g. +212612345678. */
    phone: text('phone').notNull(),
    email: text('email'),
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    provinceId: uuid('province_id')
      .notNull()
      .references(() => provinces.id),
    city: text('city').notNull(),
    addressLine: text('address_line').notNull(),
    postcode: text('postcode'),
    locale: text('locale').notNull(),
    paymentMethod: text('payment_method').notNull(),
    itemsCentimes: bigint('items_centimes', { mode: 'number' }).notNull(),
    shippingCentimes: bigint('shipping_centimes', { mode: 'number' }).notNull(),
    totalCentimes: bigint('total_centimes', { mode: 'number' }).notNull(),
    termsAcceptedAt: timestamptz('terms_accepted_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('orders_number_unique').on(t.number),
    uniqueIndex('orders_idempotency_unique').on(t.idempotencyKey),
    uniqueIndex('orders_access_token_unique').on(t.accessTokenHash),
    index('orders_user_idx').on(t.userId, t.createdAt),
    index('orders_created_idx').on(t.createdAt),
    check('orders_payment_method_check', oneOf('payment_method', paymentMethods)),
    check('orders_locale_check', oneOf('locale', ['ar', 'fr', 'en'])),
    check('orders_phone_check', sql`phone ~ '^\\+[1-9][0-9]{6,14}$'`),
    check('orders_postcode_check', sql`postcode is null or postcode ~ '^[0-9]{5}$'`),
    check(
      'orders_totals_check',
      sql`items_centimes > 0 and shipping_centimes >= 0 and total_centimes = items_centimes + shipping_centimes`,
    ),
  ],
)

export const cooperativeOrderStatuses = [
  'pending_payment',
  'awaiting_confirmation',
  'placed',
  'preparing',
  'shipped',
  'delivered',
  'completed',
  'refused_at_door',
  'returned',
  'cancelled',
  'refunded',
  'partially_refunded',
] as const
export type CooperativeOrderStatus = (typeof cooperativeOrderStatuses)[number]

export const carriers = ['amana', 'ctm', 'aramex', 'other'] as const
export type Carrier = (typeof carriers)[number]

/** One cooperative's part of an order: what it prepares, ships and is paid for. */
export const cooperativeOrders = pgTable(
  'cooperative_orders',
  {
    id: id(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    cooperativeId: uuid('cooperative_id')
      .notNull()
      .references(() => cooperatives.id),
    status: text('status').notNull(),
    itemsCentimes: bigint('items_centimes', { mode: 'number' }).notNull(),
    shippingCentimes: bigint('shipping_centimes', { mode: 'number' }).notNull(),
    totalCentimes: bigint('total_centimes', { mode: 'number' }).notNull(),
    shippingZone: text('shipping_zone').notNull(),
    weightGrams: integer('weight_grams').notNull(),
    carrier: text('carrier'),
    trackingNumber: text('tracking_number'),
    /** Cash handed to the courier at the door (cash on delivery), in centimes. */
    cashCollectedCentimes: bigint('cash_collected_centimes', { mode: 'number' }),
    cancelReason: text('cancel_reason'),
    /**
     * Card money arrived for an order that was already cancelled and restocked (the payment
     * landed after the session's expiry): the association decides on the refund.
     */
    needsRefundDecision: boolean('needs_refund_decision').notNull().default(false),
    confirmedAt: timestamptz('confirmed_at'),
    shippedAt: timestamptz('shipped_at'),
    deliveredAt: timestamptz('delivered_at'),
    closedAt: timestamptz('closed_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('cooperative_orders_order_idx').on(t.orderId),
    index('cooperative_orders_cooperative_idx').on(t.cooperativeId, t.status, t.createdAt),
    index('cooperative_orders_status_idx').on(t.status, t.deliveredAt),
    uniqueIndex('cooperative_orders_unique').on(t.orderId, t.cooperativeId),
    check('cooperative_orders_status_check', oneOf('status', cooperativeOrderStatuses)),
    check('cooperative_orders_zone_check', oneOf('shipping_zone', shippingZones)),
    check(
      'cooperative_orders_carrier_check',
      sql`carrier is null or carrier in (${sql.raw(carriers.map((c) => `'${c}'`).join(', '))})`,
    ),
    check(
      'cooperative_orders_totals_check',
      sql`items_centimes > 0 and shipping_centimes >= 0 and total_centimes = items_centimes + shipping_centimes`,
    ),
  ],
)

/** A line: what was bought, with title, price and commission frozen at purchase. */
export const orderItems = pgTable(
  'order_items',
  {
    id: id(),
    cooperativeOrderId: uuid('cooperative_order_id')
      .notNull()
      .references(() => cooperativeOrders.id, { onDelete: 'cascade' }),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    // Restrict: a sold variant is archived, never deleted (see updateProduct).
    variantId: uuid('variant_id')
      .notNull()
      .references(() => productVariants.id),
    productSlug: text('product_slug').notNull(),
    titleAr: text('title_ar').notNull(),
    titleFr: text('title_fr'),
    titleEn: text('title_en'),
    variantLabelAr: text('variant_label_ar').notNull(),
    variantLabelFr: text('variant_label_fr'),
    variantLabelEn: text('variant_label_en'),
    sku: text('sku').notNull(),
    unitPriceCentimes: integer('unit_price_centimes').notNull(),
    quantity: integer('quantity').notNull(),
    lineCentimes: bigint('line_centimes', { mode: 'number' }).notNull(),
    /** The cooperative's commission rate when the order was placed, in basis points. */
    commissionBps: integer('commission_bps').notNull(),
    /** Units taken from stock (0 for made-to-order goods): what a cancellation puts back. */
    reservedQuantity: integer('reserved_quantity').notNull(),
    /** The product's makers when it was sold, for the statements per maker. */
    makerIds: uuid('maker_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    /** Their shares of the line's income, in the order of maker_ids (weights). */
    makerShares: integer('maker_shares')
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    weightGrams: integer('weight_grams').notNull(),
  },
  (t) => [
    index('order_items_cooperative_order_idx').on(t.cooperativeOrderId),
    index('order_items_variant_idx').on(t.variantId),
    check(
      'order_items_amounts_check',
      sql`unit_price_centimes > 0 and quantity > 0 and line_centimes = unit_price_centimes::bigint * quantity and reserved_quantity between 0 and quantity`,
    ),
    check('order_items_commission_check', sql`commission_bps between 0 and 10000`),
  ],
)

/** The history of each cooperative order: every move, who made it and why. Append-only. */
export const orderEvents = pgTable(
  'order_events',
  {
    id: id(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    cooperativeOrderId: uuid('cooperative_order_id').references(() => cooperativeOrders.id, {
      onDelete: 'cascade',
    }),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** customer, member, manager, association or system. */
    actorKind: text('actor_kind').notNull(),
    note: text('note'),
    details: jsonb('details').$type<Record<string, string>>(),
    createdAt: createdAt(),
  },
  (t) => [
    index('order_events_order_idx').on(t.orderId, t.createdAt),
    index('order_events_cooperative_order_idx').on(t.cooperativeOrderId, t.createdAt),
  ],
)

// ——— Payments ———

export const paymentProviders = ['cod', 'stripe'] as const
export const paymentStatuses = [
  'pending',
  'succeeded',
  'failed',
  'cancelled',
  'refunded',
  'partially_refunded',
] as const

/**
 * Money expected or received for an order. Cash on delivery: one per cooperative order (each
 * parcel is paid at its own door), succeeded when the cash is collected. Card: one per order.
 */
export const payments = pgTable(
  'payments',
  {
    id: id(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    cooperativeOrderId: uuid('cooperative_order_id').references(() => cooperativeOrders.id, {
      onDelete: 'cascade',
    }),
    provider: text('provider').notNull(),
    /** The provider's id (a Checkout Session, a payment intent); null for cash. */
    providerRef: text('provider_ref'),
    /** The money's own id at the provider (Stripe: the payment intent), once paid. */
    providerPaymentRef: text('provider_payment_ref'),
    /** When the customer can no longer pay (the Checkout Session's expiry). */
    expiresAt: timestamptz('expires_at'),
    amountCentimes: bigint('amount_centimes', { mode: 'number' }).notNull(),
    currency: text('currency').notNull().default('MAD'),
    status: text('status').notNull().default('pending'),
    succeededAt: timestamptz('succeeded_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('payments_order_idx').on(t.orderId),
    // Refund webhooks find the payment by its payment intent.
    index('payments_provider_payment_ref_idx')
      .on(t.providerPaymentRef)
      .where(sql`provider_payment_ref is not null`),
    index('payments_pending_expiry_idx')
      .on(t.expiresAt)
      .where(sql`status = 'pending' and expires_at is not null`),
    uniqueIndex('payments_provider_ref_unique')
      .on(t.provider, t.providerRef)
      .where(sql`provider_ref is not null`),
    check('payments_provider_check', oneOf('provider', paymentProviders)),
    check('payments_status_check', oneOf('status', paymentStatuses)),
    check('payments_amount_check', sql`amount_centimes > 0`),
  ],
)

export const refundMethods = ['stripe', 'bank_transfer', 'cash'] as const
export type RefundMethod = (typeof refundMethods)[number]
export const refundStatuses = ['pending', 'succeeded', 'failed', 'cancelled'] as const
export type RefundStatus = (typeof refundStatuses)[number]

/**
 * Money given back for one cooperative order, in full or in part, with its reason. Card
 * refunds go through Stripe (their state follows its webhooks); cash-on-delivery refunds are
 * recorded as made by bank transfer or in cash.
 */
export const refunds = pgTable(
  'refunds',
  {
    id: id(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    cooperativeOrderId: uuid('cooperative_order_id')
      .notNull()
      .references(() => cooperativeOrders.id, { onDelete: 'cascade' }),
    paymentId: uuid('payment_id').references(() => payments.id, { onDelete: 'set null' }),
    method: text('method').notNull(),
    /** The provider's refund id (Stripe: re_…); null for manual refunds. */
    providerRef: text('provider_ref'),
    amountCentimes: bigint('amount_centimes', { mode: 'number' }).notNull(),
    reason: text('reason').notNull(),
    status: text('status').notNull().default('pending'),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    succeededAt: timestamptz('succeeded_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('refunds_cooperative_order_idx').on(t.cooperativeOrderId),
    uniqueIndex('refunds_provider_ref_unique')
      .on(t.providerRef)
      .where(sql`provider_ref is not null`),
    check('refunds_method_check', oneOf('method', refundMethods)),
    check('refunds_status_check', oneOf('status', refundStatuses)),
    check('refunds_amount_check', sql`amount_centimes > 0`),
  ],
)

/**
 * Stripe webhook events already processed: the id is written in the transaction of the
 * event's effects, so a replay (Stripe delivers at least once) changes nothing.
 */
export const stripeEvents = pgTable('stripe_events', {
  id: text('id').primaryKey(),
  type: text('type').notNull(),
  /** The order it concerned, when one was found. */
  orderId: uuid('order_id'),
  processedAt: timestamptz('processed_at').notNull().defaultNow(),
})
