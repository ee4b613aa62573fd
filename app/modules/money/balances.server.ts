// A cooperative's balances, derived from the ledger every time (never stored; ADR 016):
// - pending: what its payable account holds for orders that are not yet releasable;
// - available: what it holds for orders delivered, paid (card) or remitted by the carrier
//   (cash), past the withdrawal window and the hold period, and not in a payout;
// - paid out: the payouts the bank has confirmed.
import { type SQL, sql } from 'drizzle-orm'
import { rowsOf, type Queryable } from '#app/utils/db.server.ts'
import { coopPayable, moneySettings } from './ledger.server.ts'

/**
 * The SQL condition "this cooperative order's money can be paid out at `now`", over aliases
 * `co` (cooperative_orders) and `o` (orders). The one place this rule is written.
 */
export function releasableAt(now: Date, waitDays: number): SQL {
  const cutoff = new Date(now.getTime() - waitDays * 24 * 3600 * 1000)
  return sql`(co.delivered_at is not null
    and co.status in ('delivered', 'completed', 'refunded', 'partially_refunded')
    and co.delivered_at <= ${cutoff.toISOString()}::timestamptz
    and (o.payment_method = 'card'
         or exists (select 1 from cash_remittance_lines rl where rl.cooperative_order_id = co.id)))`
}

export type Balances = {
  pendingCentimes: number
  availableCentimes: number
  paidOutCentimes: number
  inTransitCentimes: number
}

/** The entries of a cooperative's account that no live payout has taken, with their bucket. */
export function unpaidEntries(cooperativeId: string, now: Date, waitDays: number) {
  return sql`
    select e.id, e.amount_centimes, e.cooperative_order_id, e.order_item_id, e.occurred_at,
           ${releasableAt(now, waitDays)} as releasable
      from ledger_entries e
      join cooperative_orders co on co.id = e.cooperative_order_id
      join orders o on o.id = co.order_id
     where e.account_id = ${coopPayable(cooperativeId)}
       and not exists (select 1 from payout_entries pe where pe.entry_id = e.id and pe.active)`
}

export async function balancesOf(
  tx: Queryable,
  cooperativeId: string,
  now: Date,
): Promise<Balances> {
  const settings = await moneySettings(tx)
  const wait = settings.withdrawalDays + settings.holdDays
  const [sums] = rowsOf<{ pending: string | number; available: string | number }>(
    await tx.execute(sql`
    select coalesce(-sum(u.amount_centimes) filter (where not u.releasable), 0)::bigint as pending,
           coalesce(-sum(u.amount_centimes) filter (where u.releasable), 0)::bigint as available
      from (${unpaidEntries(cooperativeId, now, wait)}) u`),
  )
  const [payoutSums] = rowsOf<{ paid: string | number; transit: string | number }>(
    await tx.execute(sql`
    select coalesce(sum(amount_centimes) filter (where status = 'paid'), 0)::bigint as paid,
           coalesce(sum(amount_centimes) filter (where status in ('pending', 'sent')), 0)::bigint as transit
      from payouts where cooperative_id = ${cooperativeId}`),
  )
  return {
    pendingCentimes: Number(sums?.pending ?? 0),
    availableCentimes: Number(sums?.available ?? 0),
    paidOutCentimes: Number(payoutSums?.paid ?? 0),
    inTransitCentimes: Number(payoutSums?.transit ?? 0),
  }
}

/**
 * The orders behind the pending and available figures: what each still holds for the
 * cooperative (not yet in a payout) and, for pending ones, when it should become available.
 */
export async function balanceLines(tx: Queryable, cooperativeId: string, now: Date) {
  const settings = await moneySettings(tx)
  const wait = settings.withdrawalDays + settings.holdDays
  const rows = rowsOf<{
    cooperative_order_id: string
    number: string
    status: string
    payment_method: string
    delivered_at: string | Date | null
    remitted: boolean
    releasable: boolean
    amount: string | number
  }>(
    await tx.execute(sql`
      select u.cooperative_order_id, o.number, co.status, o.payment_method, co.delivered_at,
             exists (select 1 from cash_remittance_lines rl where rl.cooperative_order_id = co.id) as remitted,
             bool_and(u.releasable) as releasable, -sum(u.amount_centimes)::bigint as amount
        from (${unpaidEntries(cooperativeId, now, wait)}) u
        join cooperative_orders co on co.id = u.cooperative_order_id
        join orders o on o.id = co.order_id
       group by u.cooperative_order_id, o.number, co.status, o.payment_method, co.delivered_at, co.id
      having sum(u.amount_centimes) <> 0
       order by co.delivered_at desc nulls first, o.number desc
       limit 200`),
  )
  return rows.map((r) => {
    const delivered = r.delivered_at ? new Date(r.delivered_at) : null
    return {
      cooperativeOrderId: r.cooperative_order_id,
      number: r.number,
      status: r.status,
      paymentMethod: r.payment_method,
      deliveredAt: delivered,
      /** Why it is still pending: not delivered yet, cash not remitted yet, or waiting. */
      waitingFor: r.releasable
        ? null
        : !delivered
          ? ('delivery' as const)
          : r.payment_method === 'cod' && !r.remitted
            ? ('remittance' as const)
            : ('hold' as const),
      availableOn: delivered ? new Date(delivered.getTime() + wait * 24 * 3600 * 1000) : null,
      releasable: Boolean(r.releasable),
      amountCentimes: Number(r.amount),
    }
  })
}

/** Net income per month (what the cooperative earned after commission and refunds). */
export async function incomeByMonth(
  tx: Queryable,
  cooperativeId: string,
  now: Date,
  months = 12,
): Promise<{ month: string; netCentimes: number }[]> {
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (months - 1), 1))
  const rows = rowsOf<{ month: string; net: string | number }>(
    await tx.execute(sql`
      select to_char(date_trunc('month', occurred_at at time zone 'UTC'), 'YYYY-MM') as month,
             -sum(amount_centimes)::bigint as net
        from ledger_entries
       where account_id = ${coopPayable(cooperativeId)}
         and cooperative_order_id is not null
         and occurred_at >= ${first.toISOString()}::timestamptz
         and occurred_at <= ${now.toISOString()}::timestamptz
       group by 1`),
  )
  return Array.from({ length: months }, (_, i) => {
    const d = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + i, 1))
    const month = d.toISOString().slice(0, 7)
    return { month, netCentimes: Number(rows.find((r) => r.month === month)?.net ?? 0) }
  })
}
