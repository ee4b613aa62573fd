// Helpers shared by the money tests, the demo seed and the end-to-end tests: orders delivered
// through the real modules at an instant chosen by the caller (an injected clock), and the
// ledger's invariants as queries.
import { eq, sql } from 'drizzle-orm'
import { cooperativeOrders, orders } from '#db/schema/orders.ts'
import { db, rowsOf } from '#app/utils/db.server.ts'
import { moveCooperativeOrder } from '#app/modules/orders/fulfilment.server.ts'
import { checkout, guestCartWith } from '#app/modules/orders/testing.server.ts'
import { commissionOf } from './arithmetic.ts'

export const day = 24 * 3600 * 1000

export function later(from: Date, days: number) {
  return new Date(from.getTime() + days * day)
}

/** A cash-on-delivery order of one cooperative's variant, placed at `at` (not yet confirmed). */
export async function placeCodOrder(variantId: string, quantity: number, at: Date) {
  const owner = await guestCartWith([{ variantId, quantity }])
  const placed = await checkout(owner, { now: at })
  const [part] = await db
    .select({
      id: cooperativeOrders.id,
      orderId: cooperativeOrders.orderId,
      total: cooperativeOrders.totalCentimes,
    })
    .from(cooperativeOrders)
    .innerJoin(orders, eq(orders.id, cooperativeOrders.orderId))
    .where(eq(orders.number, placed.number))
  return {
    number: placed.number,
    orderId: part!.orderId,
    partId: part!.id,
    totalCentimes: Number(part!.total),
  }
}

let trackingCounter = 0

/** Move a placed cash-on-delivery part through confirm, accept, ship (Amana) and deliver. */
export async function deliverPart(
  partId: string,
  actor: { userId: string; cooperativeId: string },
  at: Date,
) {
  const manager = { kind: 'manager' as const, ...actor }
  const association = { kind: 'association' as const, userId: actor.userId, role: 'admin' }
  trackingCounter += 1
  const trackingNumber = `RR${String(Date.now() % 1e6).padStart(6, '0')}${trackingCounter}MA`
  await moveCooperativeOrder({
    actor: association,
    cooperativeOrderId: partId,
    action: 'confirm',
    now: at,
  })
  await moveCooperativeOrder({
    actor: manager,
    cooperativeOrderId: partId,
    action: 'accept',
    now: at,
  })
  await moveCooperativeOrder({
    actor: manager,
    cooperativeOrderId: partId,
    action: 'ship',
    details: { carrier: 'amana', trackingNumber },
    now: at,
  })
  await moveCooperativeOrder({
    actor: manager,
    cooperativeOrderId: partId,
    action: 'deliver',
    now: at,
  })
  return { trackingNumber }
}

/** Transactions whose entries do not sum to zero (the database refuses them; never any). */
export async function unbalancedTransactions() {
  return rowsOf<{ transaction_id: string }>(
    await db.execute(sql`
      select t.id as transaction_id
        from ledger_transactions t left join ledger_entries e on e.transaction_id = t.id
       group by t.id having coalesce(sum(e.amount_centimes), 0) <> 0 or count(e.id) < 2`),
  )
}

/** The sum of every account of the ledger (zero, always). */
export async function ledgerSum() {
  const [row] = rowsOf<{ sum: string | number | null }>(
    await db.execute(sql`select coalesce(sum(amount_centimes), 0) as sum from ledger_entries`),
  )
  return Number(row?.sum ?? 0)
}

/**
 * For every order line: what the ledger says of its gross (sold, less refunds), commission and
 * the cooperative's net, next to what the line itself implies (delivered lines carry their
 * commission, rounded half up per line, less what refunds gave back).
 */
export async function lineFigures() {
  const rows = rowsOf<{
    id: string
    line: string | number
    bps: number
    delivered: boolean
    credited: string | number
    refunded: string | number
    commission: string | number
    reversed: string | number
    net: string | number
  }>(
    await db.execute(sql`
      select i.id, i.line_centimes as line, i.commission_bps as bps,
             co.delivered_at is not null as delivered,
             coalesce(-sum(e.amount_centimes) filter (where t.kind in ('card_captured', 'cash_collected')), 0) as credited,
             coalesce(-sum(e.amount_centimes) filter (where e.account_id = 'refunds'), 0) as refunded,
             coalesce(-sum(e.amount_centimes) filter (where e.account_id = 'commission_revenue' and t.kind = 'commission'), 0) as commission,
             coalesce(sum(e.amount_centimes) filter (where e.account_id = 'commission_revenue' and t.kind <> 'commission'), 0) as reversed,
             coalesce(-sum(e.amount_centimes) filter (where e.account_id like 'coop_payable:%'), 0) as net
        from order_items i
        join cooperative_orders co on co.id = i.cooperative_order_id
        left join ledger_entries e on e.order_item_id = i.id
        left join ledger_transactions t on t.id = e.transaction_id
       group by i.id, co.delivered_at`),
  )
  return rows.map((r) => {
    const line = Number(r.line)
    const commissionPosted = Number(r.commission)
    return {
      id: r.id,
      line,
      credited: Number(r.credited),
      refunded: Number(r.refunded),
      expectedCommission: r.delivered ? commissionOf(line, r.bps) : 0,
      commissionPosted,
      commission: commissionPosted - Number(r.reversed),
      net: Number(r.net),
    }
  })
}
