// Money: a double-entry ledger in centimes (append-only, enforced by the database), payouts
// to the cooperatives' RIBs in batches, and the cash the carriers remit. See ADR 016.
import { sql } from 'drizzle-orm'
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { createdAt, id, oneOf, timestamptz, updatedAt } from './columns.ts'
import { cooperatives } from './cooperatives.ts'
import { users } from './identity.ts'
import { carriers, cooperativeOrders, orderItems, orders } from './orders.ts'

/** The platform's accounts; each cooperative has its own `coop_payable:<id>`. */
export const platformAccounts = [
  'commission_revenue',
  'shipping_revenue',
  'customer_cash_clearing',
  'card_clearing',
  'refunds',
  'payouts_in_transit',
  'bank',
] as const
export type PlatformAccount = (typeof platformAccounts)[number]

export const ledgerAccounts = pgTable(
  'ledger_accounts',
  {
    /** `commission_revenue`, `coop_payable:<cooperative id>`, … */
    id: text('id').primaryKey(),
    cooperativeId: uuid('cooperative_id').references(() => cooperatives.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('ledger_accounts_cooperative_unique')
      .on(t.cooperativeId)
      .where(sql`cooperative_id is not null`),
    check(
      'ledger_accounts_id_check',
      sql`(cooperative_id is null and id in (${sql.raw(platformAccounts.map((a) => `'${a}'`).join(', '))}))
          or (cooperative_id is not null and id = 'coop_payable:' || cooperative_id::text)`,
    ),
  ],
)

export const ledgerTransactionKinds = [
  'card_captured',
  'cash_collected',
  'commission',
  'refund',
  'refund_settled',
  'refund_failed',
  'cash_remitted',
  'payout',
  'payout_paid',
  'payout_failed',
] as const
export type LedgerTransactionKind = (typeof ledgerTransactionKinds)[number]

/** One money event: its entries sum to zero (checked by the database at commit). */
export const ledgerTransactions = pgTable(
  'ledger_transactions',
  {
    id: id(),
    /** What makes the event unique (`commission:<cooperative order>`): a replay posts nothing. */
    businessKey: text('business_key').notNull(),
    kind: text('kind').notNull(),
    /** When the event happened (the clock of the change that posted it). */
    occurredAt: timestamptz('occurred_at').notNull(),
    orderId: uuid('order_id').references(() => orders.id),
    cooperativeOrderId: uuid('cooperative_order_id').references(() => cooperativeOrders.id),
    refundId: uuid('refund_id'),
    payoutId: uuid('payout_id'),
    remittanceId: uuid('remittance_id'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('ledger_transactions_business_key_unique').on(t.businessKey),
    index('ledger_transactions_occurred_idx').on(t.occurredAt),
    check('ledger_transactions_kind_check', oneOf('kind', ledgerTransactionKinds)),
  ],
)

/**
 * One side of a transaction: a debit is positive, a credit negative. A cooperative's payable
 * account carries credits (what it is owed). Entries of an order are tagged with it, and with
 * the line they concern (none for the shipping fee), so balances and statements are sums.
 */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    transactionId: uuid('transaction_id')
      .notNull()
      .references(() => ledgerTransactions.id),
    accountId: text('account_id')
      .notNull()
      .references(() => ledgerAccounts.id),
    amountCentimes: bigint('amount_centimes', { mode: 'number' }).notNull(),
    /** The cooperative whose payable account this is (null on platform accounts). */
    cooperativeId: uuid('cooperative_id').references(() => cooperatives.id),
    cooperativeOrderId: uuid('cooperative_order_id').references(() => cooperativeOrders.id),
    orderItemId: uuid('order_item_id').references(() => orderItems.id),
    occurredAt: timestamptz('occurred_at').notNull(),
  },
  (t) => [
    index('ledger_entries_transaction_idx').on(t.transactionId),
    index('ledger_entries_account_idx').on(t.accountId, t.occurredAt),
    index('ledger_entries_cooperative_idx').on(t.cooperativeId, t.occurredAt),
    index('ledger_entries_cooperative_order_idx').on(t.cooperativeOrderId),
    check('ledger_entries_amount_check', sql`amount_centimes <> 0`),
  ],
)

// ——— Payouts ———

export const payoutStatuses = ['pending', 'sent', 'paid', 'failed'] as const
export type PayoutStatus = (typeof payoutStatuses)[number]

/** A run of bank transfers prepared together by finance; one per preview (idempotent). */
export const payoutBatches = pgTable(
  'payout_batches',
  {
    id: id(),
    /** Public number, e.g. TWB-2026-0004. */
    number: text('number').notNull(),
    /** The digest of the preview it was made from: a doubled submit finds the same batch. */
    idempotencyKey: text('idempotency_key').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    totalCentimes: bigint('total_centimes', { mode: 'number' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('payout_batches_number_unique').on(t.number),
    uniqueIndex('payout_batches_idempotency_unique').on(t.idempotencyKey),
  ],
)

/** One bank transfer to one cooperative's RIB (frozen when the batch was made). */
export const payouts = pgTable(
  'payouts',
  {
    id: id(),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => payoutBatches.id),
    cooperativeId: uuid('cooperative_id')
      .notNull()
      .references(() => cooperatives.id),
    /** The transfer's reference, e.g. TWP-2026-000012: on the bank file and the statement. */
    reference: text('reference').notNull(),
    amountCentimes: bigint('amount_centimes', { mode: 'number' }).notNull(),
    rib: text('rib').notNull(),
    accountHolder: text('account_holder').notNull(),
    status: text('status').notNull().default('pending'),
    bankReference: text('bank_reference'),
    failureReason: text('failure_reason'),
    sentAt: timestamptz('sent_at'),
    paidAt: timestamptz('paid_at'),
    failedAt: timestamptz('failed_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('payouts_reference_unique').on(t.reference),
    uniqueIndex('payouts_batch_cooperative_unique').on(t.batchId, t.cooperativeId),
    index('payouts_cooperative_idx').on(t.cooperativeId, t.createdAt),
    check('payouts_status_check', oneOf('status', payoutStatuses)),
    check('payouts_amount_check', sql`amount_centimes > 0`),
    check('payouts_rib_check', sql`rib ~ '^[0-9]{24}$'`),
  ],
)

/**
 * The ledger entries a payout pays: each entry is in at most one payout that has not failed.
 * A failed payout's entries are released (active = false) and paid by a later one.
 */
export const payoutEntries = pgTable(
  'payout_entries',
  {
    payoutId: uuid('payout_id')
      .notNull()
      .references(() => payouts.id),
    entryId: bigint('entry_id', { mode: 'number' })
      .notNull()
      .references(() => ledgerEntries.id),
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.payoutId, t.entryId] }),
    uniqueIndex('payout_entries_active_unique')
      .on(t.entryId)
      .where(sql`active`),
  ],
)

// ——— Cash remitted by carriers ———

/** Cash a carrier handed over for parcels it delivered (cash on delivery). */
export const cashRemittances = pgTable(
  'cash_remittances',
  {
    id: id(),
    carrier: text('carrier').notNull(),
    /** The carrier's own reference for the transfer or statement. */
    reference: text('reference').notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    totalCentimes: bigint('total_centimes', { mode: 'number' }).notNull(),
    enteredBy: uuid('entered_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('cash_remittances_reference_unique').on(t.carrier, t.reference),
    check(
      'cash_remittances_carrier_check',
      sql.raw(`carrier in (${carriers.map((c) => `'${c}'`).join(', ')})`),
    ),
    check('cash_remittances_total_check', sql`total_centimes > 0`),
  ],
)

/** One parcel's cash within a remittance, matched to its cooperative order. */
export const cashRemittanceLines = pgTable(
  'cash_remittance_lines',
  {
    id: id(),
    remittanceId: uuid('remittance_id')
      .notNull()
      .references(() => cashRemittances.id),
    cooperativeOrderId: uuid('cooperative_order_id')
      .notNull()
      .references(() => cooperativeOrders.id),
    trackingNumber: text('tracking_number').notNull(),
    amountCentimes: bigint('amount_centimes', { mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('cash_remittance_lines_order_unique').on(t.cooperativeOrderId),
    index('cash_remittance_lines_remittance_idx').on(t.remittanceId),
    check('cash_remittance_lines_amount_check', sql`amount_centimes > 0`),
  ],
)
