// Moving a cooperative order through its states (the table in transitions.ts): confirm by
// phone, accept, ship, deliver, refuse, return, cancel, complete. Each move is a compare-and-
// set on the status, an event in the order's history and an audit entry; stock comes back
// when a move says so; e-mails go out in the same transaction.
import { and, eq, inArray, lt, sql } from 'drizzle-orm'
import { productVariants, products } from '#db/schema/catalog.ts'
import { cooperatives } from '#db/schema/cooperatives.ts'
import {
  carriers,
  cooperativeOrders,
  orderEvents,
  orderItems,
  orders,
  payments,
  type Carrier,
  type CooperativeOrderStatus,
} from '#db/schema/orders.ts'
import { platformSettings } from '#db/schema/reference.ts'
import { db, type Queryable } from '#app/utils/db.server.ts'
import { DomainError } from '#app/utils/errors.server.ts'
import { isUuid } from '#app/utils/ids.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { orderDelivered } from '#app/modules/payments/money-events.server.ts'
import { appLink, emailCustomer, emailManagers } from './notify.server.ts'
import {
  nextStatus,
  restocks,
  stockHeldStates,
  type OrderAction,
  type OrderActor,
} from './transitions.ts'

/** Who moves the order, and within what they may see. */
export type MoveActor =
  | { kind: 'member' | 'manager'; userId: string; cooperativeId: string }
  | { kind: 'association'; userId: string; role: string }
  | { kind: 'customer'; userId: string | null; orderId: string }
  | { kind: 'system' }

export type MoveDetails = {
  carrier?: string
  trackingNumber?: string
  reason?: string
  /** The refund row a refund move records (refunds module only). */
  refundId?: string
}

const timestampFor: Partial<
  Record<CooperativeOrderStatus, 'confirmedAt' | 'shippedAt' | 'deliveredAt' | 'closedAt'>
> = {
  placed: 'confirmedAt',
  shipped: 'shippedAt',
  delivered: 'deliveredAt',
  completed: 'closedAt',
  cancelled: 'closedAt',
  refused_at_door: 'closedAt',
  returned: 'closedAt',
}

function actorKind(actor: MoveActor): OrderActor {
  return actor.kind
}

/** What the move needs besides the action itself, checked before anything is read. */
function checkDetails(action: OrderAction, actor: MoveActor, details: MoveDetails) {
  // A refund move without its money would change the status and nothing else.
  if ((action === 'refund' || action === 'refund_partially') && !details.refundId)
    throw new DomainError('invalid', 'errors.tampered')
  if (action === 'ship') {
    if (!details.carrier || !(carriers as readonly string[]).includes(details.carrier))
      throw new DomainError('invalid', 'orders.errors.carrier', { field: 'carrier' })
    const tracking = details.trackingNumber?.trim() ?? ''
    if (!/^[A-Za-z0-9][A-Za-z0-9 ._/-]{2,39}$/.test(tracking))
      throw new DomainError('invalid', 'orders.errors.tracking', { field: 'trackingNumber' })
  }
  if (action === 'cancel' && actor.kind !== 'system') {
    const reason = details.reason?.trim() ?? ''
    if (reason.length < 3 || reason.length > 500)
      throw new DomainError('invalid', 'orders.errors.reason', { field: 'reason' })
  }
}

/**
 * Move one cooperative order. An order outside the actor's reach is "not found"; a move the
 * table does not allow from its state (or for this actor) is a conflict, never a no-op.
 */
export async function moveCooperativeOrder(input: {
  actor: MoveActor
  cooperativeOrderId: string
  action: OrderAction
  details?: MoveDetails
  requestId?: string
  now?: Date
}): Promise<CooperativeOrderStatus> {
  const details = input.details ?? {}
  const now = input.now ?? new Date()
  if (!isUuid(input.cooperativeOrderId)) throw new DomainError('not_found', 'errors.notFound')
  checkDetails(input.action, input.actor, details)
  return db.transaction((tx) => moveWithin(tx, { ...input, details, now }))
}

/**
 * The same move inside the caller's transaction: the payment webhooks move orders together
 * with the event they process.
 */
export async function moveWithin(
  tx: Queryable,
  input: {
    actor: MoveActor
    cooperativeOrderId: string
    action: OrderAction
    details: MoveDetails
    requestId?: string
    now: Date
  },
): Promise<CooperativeOrderStatus> {
  const { details, now } = input
  checkDetails(input.action, input.actor, details)
  const scope =
    input.actor.kind === 'member' || input.actor.kind === 'manager'
      ? eq(cooperativeOrders.cooperativeId, input.actor.cooperativeId)
      : input.actor.kind === 'customer'
        ? eq(cooperativeOrders.orderId, input.actor.orderId)
        : undefined
  const [current] = await tx
    .select({
      id: cooperativeOrders.id,
      orderId: cooperativeOrders.orderId,
      cooperativeId: cooperativeOrders.cooperativeId,
      status: cooperativeOrders.status,
      totalCentimes: cooperativeOrders.totalCentimes,
      number: orders.number,
      paymentMethod: orders.paymentMethod,
      cooperativeSlug: cooperatives.slug,
      cooperativeName: cooperatives.displayName,
    })
    .from(cooperativeOrders)
    .innerJoin(orders, eq(orders.id, cooperativeOrders.orderId))
    .innerJoin(cooperatives, eq(cooperatives.id, cooperativeOrders.cooperativeId))
    .where(and(eq(cooperativeOrders.id, input.cooperativeOrderId), scope))
  if (!current) throw new DomainError('not_found', 'errors.notFound')
  const from = current.status as CooperativeOrderStatus
  const to = nextStatus(from, input.action, actorKind(input.actor))
  if (!to)
    throw new DomainError('conflict', 'orders.errors.illegalMove', {
      details: { action: input.action, status: from },
    })

  const stamp = timestampFor[to]
  const moved = await tx
    .update(cooperativeOrders)
    .set({
      status: to,
      updatedAt: now,
      ...(stamp ? { [stamp]: now } : {}),
      ...(input.action === 'ship'
        ? { carrier: details.carrier as Carrier, trackingNumber: details.trackingNumber!.trim() }
        : {}),
      ...(input.action === 'cancel' ? { cancelReason: details.reason?.trim() ?? null } : {}),
      ...(input.action === 'deliver' && current.paymentMethod === 'cod'
        ? { cashCollectedCentimes: current.totalCentimes }
        : {}),
    })
    // Compare-and-set: a concurrent move of the same order makes this one a conflict.
    .where(and(eq(cooperativeOrders.id, current.id), eq(cooperativeOrders.status, from)))
    .returning({ id: cooperativeOrders.id })
  if (moved.length !== 1)
    throw new DomainError('conflict', 'orders.errors.illegalMove', {
      details: { action: input.action, status: from },
    })

  if (restocks(input.action) && stockHeldStates.includes(from)) await restock(tx, current.id)
  await settlePayment(tx, current.id, input.action, now)
  if (input.action === 'deliver') await orderDelivered(tx, current.id, now)

  const userId = input.actor.kind === 'system' ? null : input.actor.userId
  const note =
    input.action === 'cancel' || input.action === 'refund' || input.action === 'refund_partially'
      ? (details.reason?.trim() ?? null)
      : null
  const eventDetails: Record<string, string> | null =
    input.action === 'ship'
      ? { carrier: details.carrier!, trackingNumber: details.trackingNumber!.trim() }
      : details.refundId
        ? { refundId: details.refundId }
        : null
  await tx.insert(orderEvents).values({
    orderId: current.orderId,
    cooperativeOrderId: current.id,
    action: input.action,
    fromStatus: from,
    toStatus: to,
    actorUserId: userId,
    actorKind: input.actor.kind,
    note,
    details: eventDetails,
    createdAt: now,
  })
  await recordAudit(tx, {
    actorUserId: userId,
    actorRole:
      input.actor.kind === 'association'
        ? input.actor.role
        : input.actor.kind === 'system'
          ? 'system'
          : input.actor.kind,
    action: `order.${input.action}`,
    targetType: 'cooperative_order',
    targetId: current.id,
    before: { status: from },
    after: { status: to, ...(eventDetails ?? {}), ...(note ? { reason: note } : {}) },
    requestId: input.requestId,
  })
  await announce(tx, { ...current, action: input.action, details, cancelledBy: input.actor.kind })
  return to
}

/** Give back what the order took from stock (product rows, then variants, in id order). */
async function restock(tx: Queryable, cooperativeOrderId: string) {
  const items = await tx
    .select({
      variantId: orderItems.variantId,
      productId: orderItems.productId,
      reserved: orderItems.reservedQuantity,
    })
    .from(orderItems)
    .where(eq(orderItems.cooperativeOrderId, cooperativeOrderId))
  const held = items.filter((i) => i.reserved > 0)
  if (held.length === 0) return
  const productIds = [...new Set(held.map((i) => i.productId))].sort()
  await tx.execute(
    sql`select 1 from ${products} where ${inArray(products.id, productIds)} order by ${products.id} for no key update`,
  )
  for (const item of held.sort((a, b) => a.variantId.localeCompare(b.variantId))) {
    await tx
      .update(productVariants)
      .set({ stockQuantity: sql`${productVariants.stockQuantity} + ${item.reserved}` })
      .where(eq(productVariants.id, item.variantId))
  }
}

/**
 * Cash on delivery: collected at the door, cancelled with the parcel. A card order cancelled
 * after its money arrived is flagged for the association's refund decision.
 */
async function settlePayment(
  tx: Queryable,
  cooperativeOrderId: string,
  action: OrderAction,
  now: Date,
) {
  if (action === 'cancel') {
    await tx.execute(sql`
      update ${cooperativeOrders} set needs_refund_decision = true
       where ${cooperativeOrders.id} = ${cooperativeOrderId}
         and exists (select 1 from ${payments}
                      where ${payments.orderId} = ${cooperativeOrders.orderId}
                        and ${payments.provider} = 'stripe'
                        and ${payments.status} in ('succeeded', 'partially_refunded'))`)
  }
  const status =
    action === 'deliver'
      ? 'succeeded'
      : action === 'cancel' || action === 'refuse' || action === 'return' || action === 'expire'
        ? 'cancelled'
        : null
  if (!status) return
  await tx
    .update(payments)
    .set({ status, updatedAt: now, ...(status === 'succeeded' ? { succeededAt: now } : {}) })
    .where(
      and(
        eq(payments.cooperativeOrderId, cooperativeOrderId),
        eq(payments.provider, 'cod'),
        eq(payments.status, 'pending'),
      ),
    )
}

async function announce(
  tx: Queryable,
  order: {
    id: string
    orderId: string
    cooperativeId: string
    number: string
    cooperativeSlug: string
    cooperativeName: string
    action: OrderAction
    details: MoveDetails
    cancelledBy: MoveActor['kind']
  },
) {
  const base = { orderId: order.orderId, cooperativeOrderId: order.id }
  switch (order.action) {
    case 'confirm':
      return emailCustomer(tx, { ...base, template: 'orderConfirmed' })
    case 'pay':
      // Paid by card: the cooperative hears of the order now, not while it was unpaid.
      await emailCustomer(tx, { ...base, template: 'orderConfirmed' })
      return emailManagers(tx, {
        cooperativeId: order.cooperativeId,
        template: 'cooperativeNewOrder',
        data: {
          number: order.number,
          cooperative: order.cooperativeName,
          link: appLink(`/coop/${order.cooperativeSlug}/orders/${order.id}`),
        },
      })
    case 'ship':
      return emailCustomer(tx, {
        ...base,
        template: 'orderShipped',
        extra: { carrier: order.details.carrier!, tracking: order.details.trackingNumber!.trim() },
      })
    case 'deliver':
      return emailCustomer(tx, { ...base, template: 'orderDelivered' })
    case 'cancel':
    case 'expire':
      await emailCustomer(tx, {
        ...base,
        template: 'orderCancelled',
        extra: { reason: order.details.reason?.trim() ?? '' },
      })
      return emailManagers(tx, {
        cooperativeId: order.cooperativeId,
        template: 'cooperativeOrderCancelled',
        data: {
          number: order.number,
          cooperative: order.cooperativeName,
          reason: order.details.reason?.trim() ?? '',
          link: appLink(`/coop/${order.cooperativeSlug}/orders/${order.id}`),
        },
      })
  }
}

// ——— Housekeeping ———

export async function withdrawalWindowDays(tx: Queryable = db): Promise<number> {
  const [row] = await tx
    .select({ value: platformSettings.value })
    .from(platformSettings)
    .where(eq(platformSettings.key, 'withdrawal_window_days'))
  const days = Number(row?.value)
  return Number.isFinite(days) && days >= 0 ? days : 7
}

/**
 * Delivered orders whose withdrawal window has passed become completed. Run by the server's
 * housekeeping interval; each order is its own small transaction.
 */
export async function completeDeliveredOrders(now: Date = new Date()): Promise<number> {
  const days = await withdrawalWindowDays()
  const cutoff = new Date(now.getTime() - days * 24 * 3600 * 1000)
  const due = await db
    .select({ id: cooperativeOrders.id })
    .from(cooperativeOrders)
    .where(
      and(eq(cooperativeOrders.status, 'delivered'), lt(cooperativeOrders.deliveredAt, cutoff)),
    )
    .limit(500)
  let completed = 0
  for (const order of due) {
    try {
      await moveCooperativeOrder({
        actor: { kind: 'system' },
        cooperativeOrderId: order.id,
        action: 'complete',
        now,
      })
      completed++
    } catch (error) {
      // Moved by someone else meanwhile: nothing to do.
      if (!(error instanceof DomainError)) throw error
    }
  }
  return completed
}
