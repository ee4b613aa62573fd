// Reconciliation (finance): the ledger against what it should say, for a period —
// - orders: every delivered cooperative order's sale and commission are posted, to the centime;
// - card payments: every payment Stripe confirmed (and every refund it made) is in the ledger;
// - cash: every delivered cash parcel was remitted by its carrier, for the amount collected.
// Any difference is listed line by line; the trial balance of every account closes the report.
import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm'
import { cooperatives } from '#db/schema/cooperatives.ts'
import { cashRemittanceLines, ledgerEntries, ledgerTransactions } from '#db/schema/money.ts'
import { cooperativeOrders, orderItems, orders, payments, refunds } from '#db/schema/orders.ts'
import { db } from '#app/utils/db.server.ts'
import { commissionOf } from './arithmetic.ts'

export type Difference = {
  kind:
    | 'saleMissing'
    | 'saleAmount'
    | 'commissionAmount'
    | 'cardMissing'
    | 'cardAmount'
    | 'refundMissing'
    | 'cashNotRemitted'
    | 'cashAmount'
  reference: string
  cooperative: string | null
  expectedCentimes: number
  ledgerCentimes: number
}

async function postedBy(keys: string[], accounts: string[] | null) {
  if (!keys.length) return new Map<string, number>()
  const rows = await db
    .select({
      key: ledgerTransactions.businessKey,
      sum: sql<string>`coalesce(sum(abs(${ledgerEntries.amountCentimes})) filter (where ${ledgerEntries.amountCentimes} > 0), 0)`,
      accountSum: accounts
        ? sql<string>`coalesce(sum(${ledgerEntries.amountCentimes}) filter (where ${inArray(ledgerEntries.accountId, accounts)}), 0)`
        : sql<string>`0`,
    })
    .from(ledgerTransactions)
    .innerJoin(ledgerEntries, eq(ledgerEntries.transactionId, ledgerTransactions.id))
    .where(inArray(ledgerTransactions.businessKey, keys))
    .groupBy(ledgerTransactions.businessKey)
  return new Map(rows.map((r) => [r.key, accounts ? -Number(r.accountSum) : Number(r.sum)]))
}

export async function reconcile(period: { from: Date; to: Date }) {
  const differences: Difference[] = []

  // Orders delivered in the period: sale credited and commission taken.
  const delivered = await db
    .select({
      id: cooperativeOrders.id,
      number: orders.number,
      cooperative: cooperatives.displayName,
      cooperativeId: cooperativeOrders.cooperativeId,
      total: cooperativeOrders.totalCentimes,
      paymentMethod: orders.paymentMethod,
      collected: cooperativeOrders.cashCollectedCentimes,
      orderId: orders.id,
    })
    .from(cooperativeOrders)
    .innerJoin(orders, eq(orders.id, cooperativeOrders.orderId))
    .innerJoin(cooperatives, eq(cooperatives.id, cooperativeOrders.cooperativeId))
    .where(
      and(
        gte(cooperativeOrders.deliveredAt, period.from),
        lt(cooperativeOrders.deliveredAt, period.to),
      ),
    )
    .orderBy(orders.number)
  const items = delivered.length
    ? await db
        .select({
          cooperativeOrderId: orderItems.cooperativeOrderId,
          line: orderItems.lineCentimes,
          bps: orderItems.commissionBps,
        })
        .from(orderItems)
        .where(
          inArray(
            orderItems.cooperativeOrderId,
            delivered.map((d) => d.id),
          ),
        )
    : []
  const commissions = await postedBy(
    delivered.map((d) => `commission:${d.id}`),
    ['commission_revenue'],
  )
  const cash = await postedBy(
    delivered.filter((d) => d.paymentMethod === 'cod').map((d) => `cash_collected:${d.id}`),
    ['customer_cash_clearing'],
  )
  // Card sales are posted per payment: the part's share is its credited lines and fee.
  const cardParts = delivered.filter((d) => d.paymentMethod === 'card')
  const cardCredits = cardParts.length
    ? await db
        .select({
          cooperativeOrderId: ledgerEntries.cooperativeOrderId,
          sum: sql<string>`coalesce(-sum(${ledgerEntries.amountCentimes}), 0)`,
        })
        .from(ledgerEntries)
        .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, ledgerEntries.transactionId))
        .where(
          and(
            eq(ledgerTransactions.kind, 'card_captured'),
            inArray(
              ledgerEntries.cooperativeOrderId,
              cardParts.map((d) => d.id),
            ),
          ),
        )
        .groupBy(ledgerEntries.cooperativeOrderId)
    : []
  for (const d of delivered) {
    const total = Number(d.total)
    const sale =
      d.paymentMethod === 'cod'
        ? cash.has(`cash_collected:${d.id}`)
          ? -cash.get(`cash_collected:${d.id}`)!
          : null
        : (() => {
            const row = cardCredits.find((c) => c.cooperativeOrderId === d.id)
            return row ? Number(row.sum) : null
          })()
    const base = { reference: d.number, cooperative: d.cooperative, expectedCentimes: total }
    if (sale === null) differences.push({ ...base, kind: 'saleMissing', ledgerCentimes: 0 })
    else if (sale !== total) differences.push({ ...base, kind: 'saleAmount', ledgerCentimes: sale })
    const expected = items
      .filter((i) => i.cooperativeOrderId === d.id)
      .reduce((s, i) => s + commissionOf(Number(i.line), i.bps), 0)
    const posted = commissions.get(`commission:${d.id}`) ?? 0
    if (posted !== expected)
      differences.push({
        ...base,
        kind: 'commissionAmount',
        expectedCentimes: expected,
        ledgerCentimes: posted,
      })
  }

  // Card payments confirmed in the period, and card refunds made.
  const cardPayments = await db
    .select({ id: payments.id, amount: payments.amountCentimes, number: orders.number })
    .from(payments)
    .innerJoin(orders, eq(orders.id, payments.orderId))
    .where(
      and(
        eq(payments.provider, 'stripe'),
        gte(payments.succeededAt, period.from),
        lt(payments.succeededAt, period.to),
      ),
    )
  const captured = await postedBy(
    cardPayments.map((p) => `card_captured:${p.id}`),
    null,
  )
  for (const p of cardPayments) {
    const ledger = captured.get(`card_captured:${p.id}`)
    const base = {
      reference: p.number,
      cooperative: null,
      expectedCentimes: Number(p.amount),
    }
    if (ledger === undefined) differences.push({ ...base, kind: 'cardMissing', ledgerCentimes: 0 })
    else if (ledger !== Number(p.amount))
      differences.push({ ...base, kind: 'cardAmount', ledgerCentimes: ledger })
  }
  const madeRefunds = await db
    .select({ id: refunds.id, amount: refunds.amountCentimes, number: orders.number })
    .from(refunds)
    .innerJoin(orders, eq(orders.id, refunds.orderId))
    .where(
      and(
        eq(refunds.status, 'succeeded'),
        gte(refunds.succeededAt, period.from),
        lt(refunds.succeededAt, period.to),
      ),
    )
  const settled = await postedBy(
    madeRefunds.map((r) => `refund_settled:${r.id}`),
    null,
  )
  for (const r of madeRefunds) {
    const ledger = settled.get(`refund_settled:${r.id}`)
    if (ledger !== Number(r.amount))
      differences.push({
        kind: 'refundMissing',
        reference: r.number,
        cooperative: null,
        expectedCentimes: Number(r.amount),
        ledgerCentimes: ledger ?? 0,
      })
  }

  // Cash collected in the period against what the carriers remitted.
  const codParts = delivered.filter((d) => d.paymentMethod === 'cod' && d.collected !== null)
  const remitted = codParts.length
    ? await db
        .select({
          cooperativeOrderId: cashRemittanceLines.cooperativeOrderId,
          amount: cashRemittanceLines.amountCentimes,
        })
        .from(cashRemittanceLines)
        .where(
          inArray(
            cashRemittanceLines.cooperativeOrderId,
            codParts.map((d) => d.id),
          ),
        )
    : []
  for (const d of codParts) {
    const line = remitted.find((r) => r.cooperativeOrderId === d.id)
    const base = {
      reference: d.number,
      cooperative: d.cooperative,
      expectedCentimes: Number(d.collected),
    }
    if (!line) differences.push({ ...base, kind: 'cashNotRemitted', ledgerCentimes: 0 })
    else if (Number(line.amount) !== Number(d.collected))
      differences.push({ ...base, kind: 'cashAmount', ledgerCentimes: Number(line.amount) })
  }

  // The trial balance: every account, and their sum (zero when the ledger is whole).
  const accounts = await db
    .select({
      account: ledgerEntries.accountId,
      balance: sql<string>`sum(${ledgerEntries.amountCentimes})`,
    })
    .from(ledgerEntries)
    .where(lt(ledgerEntries.occurredAt, period.to))
    .groupBy(ledgerEntries.accountId)
    .orderBy(ledgerEntries.accountId)
  const platform = accounts
    .filter((a) => !a.account.startsWith('coop_payable:'))
    .map((a) => ({ account: a.account, balanceCentimes: Number(a.balance) }))
  const cooperativesPayable = accounts
    .filter((a) => a.account.startsWith('coop_payable:'))
    .reduce((s, a) => s + Number(a.balance), 0)
  return {
    differences,
    checked: {
      orders: delivered.length,
      cardPayments: cardPayments.length,
      refunds: madeRefunds.length,
      cashParcels: codParts.length,
    },
    trialBalance: [
      ...platform,
      { account: 'coop_payable:*', balanceCentimes: cooperativesPayable },
    ],
    sumCentimes: accounts.reduce((s, a) => s + Number(a.balance), 0),
  }
}
