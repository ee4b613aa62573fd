// One function per money event, called in the transaction of the change that made it: each
// posts the event's balanced transaction to the ledger (ADR 016) and writes its audit entry.
import { type Queryable } from '#app/utils/db.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import {
  postCardCaptured,
  postDelivered,
  postRefundDecided,
  postRefundFailed,
  postRefundSettled,
} from '#app/modules/money/postings.server.ts'

type Actor = { userId: string | null; role: string }

/** Card money received for an order (also when it arrives for an already cancelled order). */
export async function paymentSucceeded(
  tx: Queryable,
  payment: { id: string; orderId: string; provider: string; amountCentimes: number },
  actor: Actor = { userId: null, role: 'system' },
  now: Date = new Date(),
) {
  if (payment.provider === 'stripe') await postCardCaptured(tx, payment, now)
  await recordAudit(tx, {
    actorUserId: actor.userId,
    actorRole: actor.role,
    action: 'payment.succeeded',
    targetType: 'payment',
    targetId: payment.id,
    after: { orderId: payment.orderId, amountCentimes: payment.amountCentimes },
  })
}

/** A payment's status moved for another reason (expired, failed, refunded at the provider). */
export async function paymentStatusChanged(
  tx: Queryable,
  payment: { id: string; orderId: string },
  change: { from: string; to: string },
) {
  await recordAudit(tx, {
    actorUserId: null,
    actorRole: 'system',
    action: 'payment.status',
    targetType: 'payment',
    targetId: payment.id,
    before: { status: change.from },
    after: { status: change.to, orderId: payment.orderId },
  })
}

/** A parcel was delivered: cash collected at the door, and the commission on its lines. */
export async function orderDelivered(tx: Queryable, cooperativeOrderId: string, now: Date) {
  await postDelivered(tx, cooperativeOrderId, now)
}

/**
 * A refund was decided (pending at the provider, or made by hand, in which case its money has
 * already left). Refused when the cooperative's balance cannot cover it.
 */
export async function refundCreated(
  tx: Queryable,
  refund: {
    id: string
    cooperativeOrderId: string
    amountCentimes: number
    method: string
    status: string
  },
  actor: Actor,
  requestId: string | undefined,
  now: Date,
) {
  await postRefundDecided(tx, refund, now)
  if (refund.status === 'succeeded') await postRefundSettled(tx, refund, now)
  await recordAudit(tx, {
    actorUserId: actor.userId,
    actorRole: actor.role,
    action: 'refund.created',
    targetType: 'refund',
    targetId: refund.id,
    after: {
      cooperativeOrderId: refund.cooperativeOrderId,
      amountCentimes: refund.amountCentimes,
      method: refund.method,
    },
    requestId,
  })
}

/** A refund's money left (or failed to): its status as the provider reports it. */
export async function refundStatusChanged(
  tx: Queryable,
  refund: { id: string; cooperativeOrderId: string; amountCentimes: number },
  change: { from: string; to: string },
  now: Date,
) {
  if (change.to === 'succeeded') await postRefundSettled(tx, { ...refund, method: 'stripe' }, now)
  if (change.to === 'failed' || change.to === 'cancelled') await postRefundFailed(tx, refund, now)
  await recordAudit(tx, {
    actorUserId: null,
    actorRole: 'system',
    action: 'refund.status',
    targetType: 'refund',
    targetId: refund.id,
    before: { status: change.from },
    after: { status: change.to, amountCentimes: refund.amountCentimes },
  })
}
