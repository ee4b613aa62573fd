// Stripe tells us things by webhook: at least once, in any order, sometimes late. So an event
// is only a hint of which order to look at. The facts (is the session paid, expired; how much
// of the charge is refunded) are re-read from Stripe's API, and the order is moved to the state
// those facts imply. Applying the same facts twice changes nothing; a newer fact never loses to
// an older one (a payment's status only moves forward). The event id is stored in the
// transaction of its effects, so a replay is answered without touching anything.
import { and, eq, lt, sql } from 'drizzle-orm'
import type Stripe from 'stripe'
import {
  cooperativeOrders,
  orderEvents,
  payments,
  refunds,
  stripeEvents,
  type CooperativeOrderStatus,
  type RefundStatus,
} from '#db/schema/orders.ts'
import { db, type Queryable } from '#app/utils/db.server.ts'
import { isUuid } from '#app/utils/ids.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { moveWithin } from '#app/modules/orders/fulfilment.server.ts'
import {
  paymentStatusChanged,
  paymentSucceeded,
  refundStatusChanged,
} from './money-events.server.ts'
import { stripeClient } from './stripe-client.server.ts'

/** What Stripe's API says about an order's payment, right now. */
export type PaymentFacts = {
  sessionId: string | null
  paid: boolean
  expired: boolean
  failed: boolean
  paymentIntentId: string | null
  amountRefundedCentimes: number
  refunds: { id: string; status: RefundStatus; amountCentimes: number }[]
}

const noSession: PaymentFacts = {
  sessionId: null,
  paid: false,
  expired: true,
  failed: false,
  paymentIntentId: null,
  amountRefundedCentimes: 0,
  refunds: [],
}

// A payment's status only moves up this scale: an old fact read late cannot undo a newer one.
const rank: Record<string, number> = {
  pending: 0,
  failed: 1,
  cancelled: 1,
  succeeded: 2,
  partially_refunded: 3,
  refunded: 4,
}

function refundStatusOf(status: string | null): RefundStatus {
  if (status === 'succeeded') return 'succeeded'
  if (status === 'failed') return 'failed'
  if (status === 'canceled') return 'cancelled'
  return 'pending'
}

function idOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null
  return typeof value === 'string' ? value : value.id
}

/** Re-read a session and, once paid, its payment intent and charge. */
export async function readFacts(session: Stripe.Checkout.Session): Promise<PaymentFacts> {
  const stripe = stripeClient()
  const paymentIntentId = idOf(session.payment_intent)
  let intent: Stripe.PaymentIntent | null = null
  let charge: Stripe.Charge | null = null
  if (paymentIntentId) {
    intent = await stripe.paymentIntents.retrieve(paymentIntentId)
    const chargeId = idOf(intent.latest_charge)
    if (chargeId) charge = await stripe.charges.retrieve(chargeId, { expand: ['refunds'] })
  }
  const paid = session.payment_status === 'paid'
  return {
    sessionId: session.id,
    paid,
    expired: session.status === 'expired',
    // An asynchronous method (a bank debit) that failed after the session completed.
    failed:
      !paid &&
      session.status === 'complete' &&
      (intent?.status === 'canceled' || intent?.status === 'requires_payment_method'),
    paymentIntentId,
    amountRefundedCentimes: charge?.amount_refunded ?? 0,
    refunds: (charge?.refunds?.data ?? []).map((r) => ({
      id: r.id,
      status: refundStatusOf(r.status),
      amountCentimes: r.amount,
    })),
  }
}

async function event(
  tx: Queryable,
  values: {
    orderId: string
    cooperativeOrderId?: string | null
    action: string
    from?: string | null
    to?: string | null
    note?: string | null
    now: Date
  },
) {
  await tx.insert(orderEvents).values({
    orderId: values.orderId,
    cooperativeOrderId: values.cooperativeOrderId ?? null,
    action: values.action,
    fromStatus: values.from ?? null,
    toStatus: values.to ?? null,
    actorKind: 'system',
    note: values.note ?? null,
    createdAt: values.now,
  })
}

/**
 * Bring an order in line with the facts, in the caller's transaction: the payment's status,
 * the refunds' statuses, and each cooperative order (paid → placed; expired, failed or
 * refunded before it was placed → cancelled and restocked; money held for a cancelled order →
 * flagged for the association's refund decision).
 */
export async function applyFacts(tx: Queryable, orderId: string, facts: PaymentFacts, now: Date) {
  const [payment] = await tx
    .select({
      id: payments.id,
      status: payments.status,
      providerRef: payments.providerRef,
      amountCentimes: payments.amountCentimes,
    })
    .from(payments)
    .where(and(eq(payments.orderId, orderId), eq(payments.provider, 'stripe')))
    .for('update')
  if (!payment) return
  // A session that is not the order's (an older attempt) says nothing about it.
  if (facts.sessionId && payment.providerRef && payment.providerRef !== facts.sessionId) return

  const amount = Number(payment.amountCentimes)
  const refunded = facts.amountRefundedCentimes
  const target = facts.paid
    ? refunded >= amount
      ? 'refunded'
      : refunded > 0
        ? 'partially_refunded'
        : 'succeeded'
    : facts.failed
      ? 'failed'
      : facts.expired
        ? 'cancelled'
        : 'pending'
  if (rank[target]! > rank[payment.status]!) {
    await tx
      .update(payments)
      .set({
        status: target,
        updatedAt: now,
        ...(facts.sessionId && !payment.providerRef ? { providerRef: facts.sessionId } : {}),
        ...(facts.paymentIntentId ? { providerPaymentRef: facts.paymentIntentId } : {}),
        ...(facts.paid && rank[payment.status]! < rank.succeeded! ? { succeededAt: now } : {}),
      })
      .where(eq(payments.id, payment.id))
    if (facts.paid && rank[payment.status]! < rank.succeeded!) {
      await paymentSucceeded(
        tx,
        { ...payment, orderId, provider: 'stripe', amountCentimes: amount },
        undefined,
        now,
      )
      await event(tx, { orderId, action: 'payment_succeeded', now })
    }
    if (target !== 'succeeded')
      await paymentStatusChanged(
        tx,
        { id: payment.id, orderId },
        { from: payment.status, to: target },
      )
    if (target === 'refunded' || target === 'partially_refunded' || target === 'failed')
      await event(tx, { orderId, action: `payment_${target}`, now })
  }

  for (const r of facts.refunds) {
    const changed = await tx
      .update(refunds)
      .set({
        status: r.status,
        updatedAt: now,
        ...(r.status === 'succeeded' ? { succeededAt: now } : {}),
      })
      .where(
        and(
          eq(refunds.providerRef, r.id),
          sql`${refunds.status} <> ${r.status}`,
          // A finished refund stays finished.
          eq(refunds.status, 'pending'),
        ),
      )
      .returning({
        id: refunds.id,
        cooperativeOrderId: refunds.cooperativeOrderId,
        amountCentimes: refunds.amountCentimes,
      })
    for (const row of changed) {
      await refundStatusChanged(
        tx,
        { ...row, amountCentimes: Number(row.amountCentimes) },
        { from: 'pending', to: r.status },
        now,
      )
      await event(tx, {
        orderId,
        cooperativeOrderId: row.cooperativeOrderId,
        action: `refund_${r.status}`,
        now,
      })
    }
  }

  const parts = await tx
    .select({
      id: cooperativeOrders.id,
      status: cooperativeOrders.status,
      needsRefundDecision: cooperativeOrders.needsRefundDecision,
    })
    .from(cooperativeOrders)
    .where(eq(cooperativeOrders.orderId, orderId))
    .orderBy(cooperativeOrders.id)
    .for('update')
  const moneyHeld = facts.paid && refunded < amount
  for (const part of parts) {
    let status = part.status as CooperativeOrderStatus
    if (status === 'pending_payment') {
      const action =
        facts.paid && refunded === 0
          ? 'pay'
          : facts.paid || facts.failed || facts.expired
            ? 'expire'
            : null
      if (action)
        status = await moveWithin(tx, {
          actor: { kind: 'system' },
          cooperativeOrderId: part.id,
          action,
          details: {},
          now,
        })
    }
    const flag = status === 'cancelled' && moneyHeld
    if (flag !== part.needsRefundDecision) {
      await tx
        .update(cooperativeOrders)
        .set({ needsRefundDecision: flag, updatedAt: now })
        .where(eq(cooperativeOrders.id, part.id))
      if (flag) {
        await event(tx, {
          orderId,
          cooperativeOrderId: part.id,
          action: 'refund_decision_needed',
          from: status,
          to: status,
          now,
        })
        await recordAudit(tx, {
          actorUserId: null,
          actorRole: 'system',
          action: 'order.refund_decision_needed',
          targetType: 'cooperative_order',
          targetId: part.id,
          after: { reason: 'paid after cancellation' },
        })
      }
    }
  }
}

// ——— Webhook events ———

export type EventOutcome = 'processed' | 'duplicate' | 'ignored'

const sessionEvents = new Set([
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
  'checkout.session.async_payment_failed',
  'checkout.session.expired',
])
const chargeEvents = new Set(['charge.refunded', 'charge.refund.updated'])
const refundEvents = new Set(['refund.created', 'refund.updated', 'refund.failed'])

async function knownOrder(orderId: string | null | undefined) {
  if (!orderId || !isUuid(orderId)) return null
  const [row] = await db
    .select({ orderId: payments.orderId, sessionId: payments.providerRef })
    .from(payments)
    .where(and(eq(payments.orderId, orderId), eq(payments.provider, 'stripe')))
  return row ?? null
}

/** The order an event is about, and the session to re-read for it. */
async function subjectOf(
  event: Stripe.Event,
): Promise<{ orderId: string; session: Stripe.Checkout.Session } | null> {
  const stripe = stripeClient()
  const object = event.data.object as { id?: string; charge?: string | { id: string } }
  let orderId: string | null = null
  let session: Stripe.Checkout.Session | null = null
  if (sessionEvents.has(event.type) && object.id) {
    session = await stripe.checkout.sessions.retrieve(object.id)
    orderId = session.client_reference_id ?? session.metadata?.order_id ?? null
  } else if (chargeEvents.has(event.type) || refundEvents.has(event.type)) {
    const chargeId = event.type === 'charge.refunded' ? (object.id ?? null) : idOf(object.charge)
    if (!chargeId) return null
    const charge = await stripe.charges.retrieve(chargeId)
    const intentId = idOf(charge.payment_intent)
    if (!intentId) return null
    const [known] = await db
      .select({ orderId: payments.orderId })
      .from(payments)
      .where(and(eq(payments.provider, 'stripe'), eq(payments.providerPaymentRef, intentId)))
    orderId = known?.orderId ?? null
    // Before the payment is known here (the refund's event overtook the session's), the
    // payment intent names the order.
    if (!orderId)
      orderId = (await stripe.paymentIntents.retrieve(intentId)).metadata?.order_id ?? null
  } else {
    return null
  }
  const order = await knownOrder(orderId)
  if (!order) return null
  const sessionId = order.sessionId ?? session?.id
  if (!sessionId) return null
  if (!session || session.id !== sessionId)
    session = await stripe.checkout.sessions.retrieve(sessionId)
  return { orderId: order.orderId, session }
}

async function alreadyProcessed(eventId: string) {
  const [row] = await db
    .select({ id: stripeEvents.id })
    .from(stripeEvents)
    .where(eq(stripeEvents.id, eventId))
  return Boolean(row)
}

/** Process one verified event, once. */
export async function handleStripeEvent(
  event: Stripe.Event,
  now: Date = new Date(),
): Promise<EventOutcome> {
  // Cheap early answer to a replay; the insert below is what guarantees it.
  if (await alreadyProcessed(event.id)) return 'duplicate'
  const subject = await subjectOf(event)
  const facts = subject ? await readFacts(subject.session) : null
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(stripeEvents)
      .values({
        id: event.id,
        type: event.type,
        orderId: subject?.orderId ?? null,
        processedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: stripeEvents.id })
    if (inserted.length === 0) return 'duplicate' as const
    if (!subject || !facts) return 'ignored' as const
    await applyFacts(tx, subject.orderId, facts, now)
    return 'processed' as const
  })
}

// ——— Housekeeping ———

/**
 * Card orders still waiting for their money after the session's expiry: the session is
 * closed at Stripe (so it can no longer be paid), re-read, and the order follows the facts —
 * usually cancelled and restocked. Covers webhooks that never arrive. Each order is its own
 * small transaction.
 */
export async function expireUnpaidCardOrders(now: Date = new Date()): Promise<number> {
  const due = await db
    .select({ orderId: payments.orderId, sessionId: payments.providerRef })
    .from(payments)
    .where(
      and(
        eq(payments.provider, 'stripe'),
        eq(payments.status, 'pending'),
        lt(payments.expiresAt, now),
      ),
    )
    .limit(500)
  let settled = 0
  for (const payment of due) {
    let facts = noSession
    if (payment.sessionId) {
      const stripe = stripeClient()
      let session = await stripe.checkout.sessions.retrieve(payment.sessionId)
      if (session.status === 'open') {
        try {
          session = await stripe.checkout.sessions.expire(payment.sessionId, undefined, {
            idempotencyKey: `taawun:expire-session:${payment.sessionId}`,
          })
        } catch {
          // Completed in the meantime: the re-read below says so.
          session = await stripe.checkout.sessions.retrieve(payment.sessionId)
        }
      }
      facts = await readFacts(session)
      // Still open (Stripe did not close it): try again at the next run.
      if (!facts.paid && !facts.expired && !facts.failed) continue
    }
    await db.transaction((tx) => applyFacts(tx, payment.orderId, facts, now))
    settled++
  }
  return settled
}
