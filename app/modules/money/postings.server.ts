// What each money event posts (ADR 016). Every sale amount is credited to the cooperative line
// by line (and the shipping fee to whom it belongs); the commission is taken from each line when
// it is delivered; a refund gives back from each line in proportion, the commission with it.
import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import { ledgerEntries, ledgerTransactions } from '#db/schema/money.ts'
import { cooperativeOrders, orderItems, orders } from '#db/schema/orders.ts'
import { type Queryable } from '#app/utils/db.server.ts'
import { DomainError } from '#app/utils/errors.server.ts'
import { allocate, commissionOf, platformShareOfRefund } from './arithmetic.ts'
import { balancesOf } from './balances.server.ts'
import {
  coopPayable,
  lockCooperativeAccounts,
  moneySettings,
  post,
  type MoneySettings,
  type Posting,
} from './ledger.server.ts'

type Part = {
  id: string
  orderId: string
  cooperativeId: string
  shippingCentimes: number
  totalCentimes: number
  paymentMethod: string
  items: { id: string; lineCentimes: number; commissionBps: number }[]
}

async function partsOf(tx: Queryable, where: { orderId?: string; id?: string }): Promise<Part[]> {
  const rows = await tx
    .select({
      id: cooperativeOrders.id,
      orderId: cooperativeOrders.orderId,
      cooperativeId: cooperativeOrders.cooperativeId,
      shippingCentimes: cooperativeOrders.shippingCentimes,
      totalCentimes: cooperativeOrders.totalCentimes,
      paymentMethod: orders.paymentMethod,
    })
    .from(cooperativeOrders)
    .innerJoin(orders, eq(orders.id, cooperativeOrders.orderId))
    .where(
      where.id ? eq(cooperativeOrders.id, where.id) : eq(cooperativeOrders.orderId, where.orderId!),
    )
    .orderBy(asc(cooperativeOrders.id))
  if (!rows.length) return []
  const items = await tx
    .select({
      id: orderItems.id,
      cooperativeOrderId: orderItems.cooperativeOrderId,
      lineCentimes: orderItems.lineCentimes,
      commissionBps: orderItems.commissionBps,
    })
    .from(orderItems)
    .where(
      inArray(
        orderItems.cooperativeOrderId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(orderItems.id))
  return rows.map((r) => ({
    ...r,
    shippingCentimes: Number(r.shippingCentimes),
    totalCentimes: Number(r.totalCentimes),
    items: items
      .filter((i) => i.cooperativeOrderId === r.id)
      .map((i) => ({
        id: i.id,
        lineCentimes: Number(i.lineCentimes),
        commissionBps: i.commissionBps,
      })),
  }))
}

/** The credits of a sale: each line to the cooperative, the shipping fee to its owner. */
function saleCredits(part: Part, settings: MoneySettings): Posting[] {
  const coop = coopPayable(part.cooperativeId)
  return [
    ...part.items.map((i) => ({
      account: coop,
      amount: -i.lineCentimes,
      cooperativeOrderId: part.id,
      orderItemId: i.id,
    })),
    {
      account: settings.shippingFeesTo === 'platform' ? 'shipping_revenue' : coop,
      amount: -part.shippingCentimes,
      cooperativeOrderId: part.id,
    },
  ] as Posting[]
}

/** Card money captured for an order: Stripe holds it for us; each cooperative is owed its part. */
export async function postCardCaptured(
  tx: Queryable,
  payment: { id: string; orderId: string; amountCentimes: number },
  now: Date,
) {
  const parts = await partsOf(tx, { orderId: payment.orderId })
  const total = parts.reduce((s, p) => s + p.totalCentimes, 0)
  if (total !== payment.amountCentimes)
    throw new Error(`payment ${payment.id} of ${payment.amountCentimes} for an order of ${total}`)
  const settings = await moneySettings(tx)
  await post(tx, {
    key: `card_captured:${payment.id}`,
    kind: 'card_captured',
    occurredAt: now,
    orderId: payment.orderId,
    entries: [
      { account: 'card_clearing', amount: payment.amountCentimes },
      ...parts.flatMap((p) => saleCredits(p, settings)),
    ],
  })
}

/**
 * A parcel delivered: cash on delivery is now with the carrier (owed to us) and to the
 * cooperative; and on every line, paid by card or in cash, the commission is taken.
 */
export async function postDelivered(tx: Queryable, cooperativeOrderId: string, now: Date) {
  const [part] = await partsOf(tx, { id: cooperativeOrderId })
  if (!part) return
  const coop = coopPayable(part.cooperativeId)
  if (part.paymentMethod === 'cod') {
    const settings = await moneySettings(tx)
    await post(tx, {
      key: `cash_collected:${part.id}`,
      kind: 'cash_collected',
      occurredAt: now,
      orderId: part.orderId,
      cooperativeOrderId: part.id,
      entries: [
        {
          account: 'customer_cash_clearing',
          amount: part.totalCentimes,
          cooperativeOrderId: part.id,
        },
        ...saleCredits(part, settings),
      ],
    })
  }
  await post(tx, {
    key: `commission:${part.id}`,
    kind: 'commission',
    occurredAt: now,
    orderId: part.orderId,
    cooperativeOrderId: part.id,
    entries: part.items.flatMap((i) => {
      const commission = commissionOf(i.lineCentimes, i.commissionBps)
      const tags = { cooperativeOrderId: part.id, orderItemId: i.id }
      return [
        { account: coop, amount: commission, ...tags },
        { account: 'commission_revenue', amount: -commission, ...tags },
      ] as Posting[]
    }),
  })
}

/**
 * What is left of each component of a cooperative order (its lines, and the shipping fee under
 * a null item): the gross not yet refunded and the platform's part of it.
 */
export async function componentsLeft(tx: Queryable, part: { id: string; cooperativeId: string }) {
  const coop = coopPayable(part.cooperativeId)
  const rows = await tx
    .select({
      orderItemId: ledgerEntries.orderItemId,
      coop: sql<string>`coalesce(sum(${ledgerEntries.amountCentimes}) filter (where ${ledgerEntries.accountId} = ${coop}), 0)`,
      platform: sql<string>`coalesce(sum(${ledgerEntries.amountCentimes}) filter (where ${ledgerEntries.accountId} in ('commission_revenue', 'shipping_revenue')), 0)`,
    })
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.cooperativeOrderId, part.id),
        inArray(ledgerEntries.accountId, [coop, 'commission_revenue', 'shipping_revenue']),
      ),
    )
    .groupBy(ledgerEntries.orderItemId)
  return rows
    .map((r) => ({
      orderItemId: r.orderItemId,
      grossLeft: -(Number(r.coop) + Number(r.platform)),
      platformLeft: -Number(r.platform),
    }))
    .sort((a, b) =>
      a.orderItemId === b.orderItemId
        ? 0
        : a.orderItemId === null
          ? 1
          : b.orderItemId === null
            ? -1
            : a.orderItemId.localeCompare(b.orderItemId),
    )
}

/**
 * A refund decided: the customer is owed the amount (the `refunds` account until the money
 * leaves); it is taken from the order's components in proportion to what is left of each, and
 * from each in proportion between the cooperative and the platform's commission (or shipping
 * fee). A refund of money already paid out to the cooperative must be covered by its available
 * balance, or it is refused: a cooperative's balance never goes below zero.
 */
export async function postRefundDecided(
  tx: Queryable,
  refund: { id: string; cooperativeOrderId: string; amountCentimes: number },
  now: Date,
) {
  const [part] = await partsOf(tx, { id: refund.cooperativeOrderId })
  if (!part) throw new DomainError('not_found', 'errors.notFound')
  await lockCooperativeAccounts(tx, [part.cooperativeId])
  const components = await componentsLeft(tx, part)
  const left = components.reduce((s, c) => s + c.grossLeft, 0)
  if (refund.amountCentimes > left) throw new DomainError('conflict', 'money.errors.notPosted')
  const shares = allocate(
    refund.amountCentimes,
    components.map((c) => c.grossLeft),
  )
  const coop = coopPayable(part.cooperativeId)
  const entries = components.flatMap((c, i) => {
    const amount = shares[i]!
    const platform = platformShareOfRefund(amount, c.grossLeft, c.platformLeft)
    const tags = { cooperativeOrderId: part.id, orderItemId: c.orderItemId }
    return [
      { account: coop, amount: amount - platform, ...tags },
      {
        account: c.orderItemId ? 'commission_revenue' : 'shipping_revenue',
        amount: platform,
        ...tags,
      },
      { account: 'refunds', amount: -amount, ...tags },
    ] as Posting[]
  })
  await post(tx, {
    key: `refund:${refund.id}`,
    kind: 'refund',
    occurredAt: now,
    orderId: part.orderId,
    cooperativeOrderId: part.id,
    refundId: refund.id,
    entries,
  })
  const balances = await balancesOf(tx, part.cooperativeId, now)
  if (balances.availableCentimes < 0 || balances.pendingCentimes < 0)
    throw new DomainError('conflict', 'money.errors.refundExceedsBalance')
}

const refundSource = { stripe: 'card_clearing', bank_transfer: 'bank', cash: 'bank' } as const

/** The refund's money left us: by Stripe (from what it holds for us), or from our bank. */
export async function postRefundSettled(
  tx: Queryable,
  refund: { id: string; cooperativeOrderId: string; amountCentimes: number; method: string },
  now: Date,
) {
  const source = refundSource[refund.method as keyof typeof refundSource] ?? 'bank'
  await post(tx, {
    key: `refund_settled:${refund.id}`,
    kind: 'refund_settled',
    occurredAt: now,
    cooperativeOrderId: refund.cooperativeOrderId,
    refundId: refund.id,
    entries: [
      {
        account: 'refunds',
        amount: refund.amountCentimes,
        cooperativeOrderId: refund.cooperativeOrderId,
      },
      {
        account: source,
        amount: -refund.amountCentimes,
        cooperativeOrderId: refund.cooperativeOrderId,
      },
    ],
  })
}

/** The provider refused the refund: its decision is reversed, entry by entry. */
export async function postRefundFailed(tx: Queryable, refund: { id: string }, now: Date) {
  const decided = await tx
    .select({
      accountId: ledgerEntries.accountId,
      amount: ledgerEntries.amountCentimes,
      cooperativeOrderId: ledgerEntries.cooperativeOrderId,
      orderItemId: ledgerEntries.orderItemId,
      orderId: ledgerTransactions.orderId,
    })
    .from(ledgerEntries)
    .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, ledgerEntries.transactionId))
    .where(eq(ledgerTransactions.businessKey, `refund:${refund.id}`))
    .orderBy(asc(ledgerEntries.id))
  if (!decided.length) return
  await post(tx, {
    key: `refund_failed:${refund.id}`,
    kind: 'refund_failed',
    occurredAt: now,
    orderId: decided[0]!.orderId,
    cooperativeOrderId: decided[0]!.cooperativeOrderId,
    refundId: refund.id,
    entries: decided.map((e) => ({
      account: e.accountId as Posting['account'],
      amount: -Number(e.amount),
      cooperativeOrderId: e.cooperativeOrderId,
      orderItemId: e.orderItemId,
    })),
  })
}
