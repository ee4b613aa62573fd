// One function per money event, called in the transaction of the change that made it: the
// place where the ledger (the money issue) posts its entries. Today each writes the audit
// entry of the event.
import { type Queryable } from '#app/utils/db.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'

type Actor = { userId: string | null; role: string }

/** Card money received for an order (also when it arrives for an already cancelled order). */
export async function paymentSucceeded(
  tx: Queryable,
  payment: { id: string; orderId: string; provider: string; amountCentimes: number },
  actor: Actor = { userId: null, role: 'system' },
) {
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

/** A refund was decided (pending at the provider, or made by hand). */
export async function refundCreated(
  tx: Queryable,
  refund: { id: string; cooperativeOrderId: string; amountCentimes: number; method: string },
  actor: Actor,
  requestId?: string,
) {
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
) {
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
