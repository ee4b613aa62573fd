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
