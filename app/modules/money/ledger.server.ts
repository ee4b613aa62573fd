// Writing to the ledger: one balanced transaction per money event, in the caller's database
// transaction, under a business key so that a replayed event posts nothing twice. The database
// itself refuses an unbalanced transaction and any change to what was written (0013_money).
import { eq, inArray, sql } from 'drizzle-orm'
import {
  ledgerAccounts,
  ledgerEntries,
  ledgerTransactions,
  type LedgerTransactionKind,
  type PlatformAccount,
} from '#db/schema/money.ts'
import { platformSettings } from '#db/schema/reference.ts'
import { type Queryable } from '#app/utils/db.server.ts'

export function coopPayable(cooperativeId: string): `coop_payable:${string}` {
  return `coop_payable:${cooperativeId}`
}

export type Posting = {
  account: PlatformAccount | `coop_payable:${string}`
  /** Debit positive, credit negative. */
  amount: number
  cooperativeOrderId?: string | null
  orderItemId?: string | null
}

export type PostInput = {
  key: string
  kind: LedgerTransactionKind
  occurredAt: Date
  orderId?: string | null
  cooperativeOrderId?: string | null
  refundId?: string | null
  payoutId?: string | null
  remittanceId?: string | null
  entries: Posting[]
}

function cooperativeOf(account: string): string | null {
  return account.startsWith('coop_payable:') ? account.slice('coop_payable:'.length) : null
}

/**
 * Post one transaction. Returns its id, or null when the key was already posted (a replay) or
 * there is nothing to post. Throws when the entries do not balance: a defect, never data.
 */
export async function post(tx: Queryable, input: PostInput): Promise<string | null> {
  const entries = input.entries.filter((e) => e.amount !== 0)
  if (!entries.every((e) => Number.isSafeInteger(e.amount)))
    throw new Error(`ledger ${input.key}: amounts must be whole centimes`)
  const sum = entries.reduce((s, e) => s + e.amount, 0)
  if (sum !== 0) throw new Error(`ledger ${input.key}: entries sum to ${sum}, not 0`)
  if (entries.length === 0) return null

  const [row] = await tx
    .insert(ledgerTransactions)
    .values({
      businessKey: input.key,
      kind: input.kind,
      occurredAt: input.occurredAt,
      orderId: input.orderId ?? null,
      cooperativeOrderId: input.cooperativeOrderId ?? null,
      refundId: input.refundId ?? null,
      payoutId: input.payoutId ?? null,
      remittanceId: input.remittanceId ?? null,
    })
    .onConflictDoNothing({ target: ledgerTransactions.businessKey })
    .returning({ id: ledgerTransactions.id })
  if (!row) return null

  const accounts = [...new Set(entries.map((e) => e.account))]
  await tx
    .insert(ledgerAccounts)
    .values(accounts.map((id) => ({ id, cooperativeId: cooperativeOf(id) })))
    .onConflictDoNothing()
  await tx.insert(ledgerEntries).values(
    entries.map((e) => ({
      transactionId: row.id,
      accountId: e.account,
      amountCentimes: e.amount,
      cooperativeId: cooperativeOf(e.account),
      cooperativeOrderId: e.cooperativeOrderId ?? null,
      orderItemId: e.orderItemId ?? null,
      occurredAt: input.occurredAt,
    })),
  )
  return row.id
}

/** Whether an event's transaction exists. */
export async function posted(tx: Queryable, key: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: ledgerTransactions.id })
    .from(ledgerTransactions)
    .where(eq(ledgerTransactions.businessKey, key))
  return Boolean(row)
}

/**
 * Serialise every change that lowers a cooperative's balance (refunds, payouts) on its account
 * row. Lock several in id order, as every caller does, so that two never wait on each other.
 */
export async function lockCooperativeAccounts(tx: Queryable, cooperativeIds: string[]) {
  const ids = [...new Set(cooperativeIds)].sort()
  if (!ids.length) return
  await tx
    .insert(ledgerAccounts)
    .values(ids.map((id) => ({ id: coopPayable(id), cooperativeId: id })))
    .onConflictDoNothing()
  await tx.execute(
    sql`select 1 from ${ledgerAccounts} where ${inArray(ledgerAccounts.cooperativeId, ids)} order by ${ledgerAccounts.cooperativeId} for update`,
  )
}

export type MoneySettings = {
  holdDays: number
  withdrawalDays: number
  minimumPayoutCentimes: number
  shippingFeesTo: 'cooperative' | 'platform'
}

/** The platform settings money depends on, with their defaults. */
export async function moneySettings(tx: Queryable): Promise<MoneySettings> {
  const rows = await tx
    .select({ key: platformSettings.key, value: platformSettings.value })
    .from(platformSettings)
    .where(
      inArray(platformSettings.key, [
        'payout_hold_days',
        'withdrawal_window_days',
        'minimum_payout_centimes',
        'shipping_fees_to',
      ]),
    )
  const value = (key: string) => rows.find((r) => r.key === key)?.value
  const count = (key: string, fallback: number) => {
    const n = Number(value(key))
    return Number.isInteger(n) && n >= 0 ? n : fallback
  }
  return {
    holdDays: count('payout_hold_days', 7),
    withdrawalDays: count('withdrawal_window_days', 7),
    minimumPayoutCentimes: count('minimum_payout_centimes', 20000),
    shippingFeesTo: value('shipping_fees_to') === 'platform' ? 'platform' : 'cooperative',
  }
}
