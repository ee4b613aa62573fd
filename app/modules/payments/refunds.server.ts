// Refunds decided by the association (finance or admin): a cooperative order's money given
// back in full or in part, with a reason. Card money goes back through Stripe (one Refund per
// decision, with an idempotency key of its own; its state then follows Stripe's webhooks);
// cash-on-delivery money is given back by hand (bank transfer or cash) and recorded as such.
import { and, eq, inArray, sql } from 'drizzle-orm'
import {
  cooperativeOrders,
  orderEvents,
  orders,
  payments,
  refunds,
  type CooperativeOrderStatus,
  type RefundMethod,
} from '#db/schema/orders.ts'
import { db, type Queryable } from '#app/utils/db.server.ts'
import { DomainError } from '#app/utils/errors.server.ts'
import { isUuid } from '#app/utils/ids.ts'
import { isLanguage } from '#app/modules/i18n/config.ts'
import { formatMoney } from '#app/modules/i18n/format.ts'
import { translatorFor } from '#app/modules/i18n/i18n.server.ts'
import { moveWithin } from '#app/modules/orders/fulfilment.server.ts'
import { emailCustomer } from '#app/modules/orders/notify.server.ts'
import { refundCreated, refundStatusChanged } from './money-events.server.ts'
import { stripeClient } from './stripe-client.server.ts'

/** States whose money can be given back (a cancelled one only when money is held for it). */
const refundableStates: readonly CooperativeOrderStatus[] = [
  'delivered',
  'completed',
  'partially_refunded',
]

export type RefundActor = { userId: string; role: string }

export type RefundInput = {
  actor: RefundActor
  cooperativeOrderId: string
  amountCentimes: number
  reason: string
  method: RefundMethod
  requestId?: string
  now?: Date
}

/** The idempotency key of one refund decision at Stripe. */
export function refundKey(refundId: string) {
  return `taawun:refund:${refundId}`
}

type Part = {
  id: string
  orderId: string
  status: CooperativeOrderStatus
  totalCentimes: number
  needsRefundDecision: boolean
  paymentMethod: string
}

async function lockPart(tx: Queryable, cooperativeOrderId: string): Promise<Part> {
  const [part] = await tx
    .select({
      id: cooperativeOrders.id,
      orderId: cooperativeOrders.orderId,
      status: cooperativeOrders.status,
      totalCentimes: cooperativeOrders.totalCentimes,
      needsRefundDecision: cooperativeOrders.needsRefundDecision,
      paymentMethod: orders.paymentMethod,
    })
    .from(cooperativeOrders)
    .innerJoin(orders, eq(orders.id, cooperativeOrders.orderId))
    .where(eq(cooperativeOrders.id, cooperativeOrderId))
    .for('update', { of: cooperativeOrders })
  if (!part) throw new DomainError('not_found', 'errors.notFound')
  return {
    ...part,
    status: part.status as CooperativeOrderStatus,
    totalCentimes: Number(part.totalCentimes),
  }
}

/** Money already given back (or on its way) for a cooperative order. */
export async function refundedCentimes(tx: Queryable, cooperativeOrderId: string) {
  const [row] = await tx
    .select({ sum: sql<string | number>`coalesce(sum(${refunds.amountCentimes}), 0)` })
    .from(refunds)
    .where(
      and(
        eq(refunds.cooperativeOrderId, cooperativeOrderId),
        inArray(refunds.status, ['pending', 'succeeded']),
      ),
    )
  return Number(row?.sum ?? 0)
}

/** What the refund screen needs: how much can still be given back, and by which means. */
export async function refundOptions(cooperativeOrderId: string) {
  return db.transaction(async (tx) => {
    const part = await lockPart(tx, cooperativeOrderId)
    const already = await refundedCentimes(tx, part.id)
    const refundable =
      refundableStates.includes(part.status) ||
      (part.status === 'cancelled' && part.needsRefundDecision)
    return {
      refundableCentimes: refundable ? Math.max(0, part.totalCentimes - already) : 0,
      methods: (part.paymentMethod === 'card'
        ? ['stripe']
        : ['bank_transfer', 'cash']) as RefundMethod[],
      needsRefundDecision: part.needsRefundDecision,
    }
  })
}

async function cardPayment(tx: Queryable, orderId: string) {
  const [payment] = await tx
    .select({ id: payments.id, intent: payments.providerPaymentRef, status: payments.status })
    .from(payments)
    .where(and(eq(payments.orderId, orderId), eq(payments.provider, 'stripe')))
  return payment ?? null
}

/** Record the decision: the refund row, the order's move, its history, audit and e-mail. */
async function decide(tx: Queryable, input: RefundInput, now: Date) {
  const reason = input.reason.trim()
  if (reason.length < 3 || reason.length > 500)
    throw new DomainError('invalid', 'payments.errors.reason', { field: 'reason' })
  const part = await lockPart(tx, input.cooperativeOrderId)
  const cancelledWithMoney = part.status === 'cancelled' && part.needsRefundDecision
  if (!refundableStates.includes(part.status) && !cancelledWithMoney)
    throw new DomainError('conflict', 'payments.errors.notRefundable')
  const card = part.paymentMethod === 'card'
  if (card ? input.method !== 'stripe' : input.method === 'stripe')
    throw new DomainError('invalid', 'payments.errors.method', { field: 'method' })
  const payment = card ? await cardPayment(tx, part.orderId) : null
  if (card && (!payment?.intent || !['succeeded', 'partially_refunded'].includes(payment.status)))
    throw new DomainError('conflict', 'payments.errors.notRefundable')
  const already = await refundedCentimes(tx, part.id)
  const left = part.totalCentimes - already
  if (
    !Number.isInteger(input.amountCentimes) ||
    input.amountCentimes <= 0 ||
    input.amountCentimes > left
  )
    throw new DomainError('invalid', 'payments.errors.amount', { field: 'amount' })

  const [refund] = await tx
    .insert(refunds)
    .values({
      orderId: part.orderId,
      cooperativeOrderId: part.id,
      paymentId: payment?.id ?? null,
      method: input.method,
      amountCentimes: input.amountCentimes,
      reason,
      // Money given by hand is given when it is recorded; Stripe's refund is pending until
      // Stripe says otherwise.
      status: card ? 'pending' : 'succeeded',
      succeededAt: card ? null : now,
      actorUserId: input.actor.userId,
      createdAt: now,
    })
    .returning({ id: refunds.id })
  const refundId = refund!.id
  const full = already + input.amountCentimes === part.totalCentimes
  if (cancelledWithMoney) {
    await tx
      .update(cooperativeOrders)
      .set({ needsRefundDecision: full ? false : true, updatedAt: now })
      .where(eq(cooperativeOrders.id, part.id))
    await tx.insert(orderEvents).values({
      orderId: part.orderId,
      cooperativeOrderId: part.id,
      action: 'refund_recorded',
      fromStatus: part.status,
      toStatus: part.status,
      actorUserId: input.actor.userId,
      actorKind: 'association',
      note: reason,
      details: { refundId },
      createdAt: now,
    })
  } else {
    await moveWithin(tx, {
      actor: { kind: 'association', userId: input.actor.userId, role: input.actor.role },
      cooperativeOrderId: part.id,
      action: full ? 'refund' : 'refund_partially',
      details: { reason, refundId },
      requestId: input.requestId,
      now,
    })
  }
  await refundCreated(
    tx,
    {
      id: refundId,
      cooperativeOrderId: part.id,
      amountCentimes: input.amountCentimes,
      method: input.method,
      status: card ? 'pending' : 'succeeded',
    },
    input.actor,
    input.requestId,
    now,
  )
  const [order] = await tx
    .select({ locale: orders.locale })
    .from(orders)
    .where(eq(orders.id, part.orderId))
  const language = isLanguage(order?.locale) ? order.locale : 'ar'
  const t = await translatorFor(language)
  await emailCustomer(tx, {
    orderId: part.orderId,
    cooperativeOrderId: part.id,
    template: 'orderRefunded',
    extra: {
      amount: formatMoney(input.amountCentimes, language),
      reason,
      method: t(`payments.methods.${input.method}`),
    },
  })
  return { refundId, intent: payment?.intent ?? null, orderId: part.orderId }
}

/**
 * Refund a cooperative order in full or in part. A card refund is decided (and written)
 * first, then asked of Stripe with a key of its own: a retried call cannot refund twice, and
 * a refusal undoes nothing but marks the refund failed.
 */
export async function refundCooperativeOrder(input: RefundInput) {
  const now = input.now ?? new Date()
  if (!isUuid(input.cooperativeOrderId)) throw new DomainError('not_found', 'errors.notFound')
  const decided = await db.transaction((tx) => decide(tx, input, now))
  if (input.method !== 'stripe') return { refundId: decided.refundId, status: 'succeeded' as const }
  let status: 'pending' | 'succeeded' | 'failed' | 'cancelled' = 'failed'
  let providerRef: string | null = null
  try {
    const refund = await stripeClient().refunds.create(
      {
        payment_intent: decided.intent!,
        amount: input.amountCentimes,
        reason: 'requested_by_customer',
        metadata: {
          order_id: decided.orderId,
          cooperative_order_id: input.cooperativeOrderId,
          refund_id: decided.refundId,
        },
      },
      { idempotencyKey: refundKey(decided.refundId) },
    )
    providerRef = refund.id
    status =
      refund.status === 'succeeded'
        ? 'succeeded'
        : refund.status === 'failed'
          ? 'failed'
          : refund.status === 'canceled'
            ? 'cancelled'
            : 'pending'
  } catch (error) {
    console.warn(`Stripe refused refund ${decided.refundId}: ${String(error)}`)
  }
  await db.transaction(async (tx) => {
    const changed = await tx
      .update(refunds)
      .set({
        providerRef,
        status,
        updatedAt: now,
        ...(status === 'succeeded' ? { succeededAt: now } : {}),
      })
      .where(and(eq(refunds.id, decided.refundId), eq(refunds.status, 'pending')))
      .returning({ id: refunds.id })
    if (changed.length && status !== 'pending')
      await refundStatusChanged(
        tx,
        {
          id: decided.refundId,
          cooperativeOrderId: input.cooperativeOrderId,
          amountCentimes: input.amountCentimes,
        },
        { from: 'pending', to: status },
        now,
      )
  })
  if (status === 'failed') throw new DomainError('conflict', 'payments.errors.provider')
  return { refundId: decided.refundId, status }
}

/** The refunds of a cooperative order, newest first, for the association's screen. */
export async function listRefunds(cooperativeOrderId: string) {
  if (!isUuid(cooperativeOrderId)) return []
  return db
    .select({
      id: refunds.id,
      amountCentimes: refunds.amountCentimes,
      method: refunds.method,
      status: refunds.status,
      reason: refunds.reason,
      createdAt: refunds.createdAt,
    })
    .from(refunds)
    .where(eq(refunds.cooperativeOrderId, cooperativeOrderId))
    .orderBy(sql`${refunds.createdAt} desc`)
}

/** The status of an order's card payment (null for cash on delivery), for the pages. */
export async function cardPaymentStatus(orderId: string): Promise<string | null> {
  const payment = await cardPayment(db, orderId)
  return payment?.status ?? null
}
