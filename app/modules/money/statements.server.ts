// Statements: every line of a cooperative's ledger for a period (or for one payout), per order
// line, with gross, commission, net and the payout that paid it, and totals per maker so that
// the cooperative can pass the income on to the women who made the goods. A line made by
// several makers is split by their shares (equal unless the cooperative set them), to the
// centime; what no maker made (shipping fees, products without a maker) is the cooperative's.
import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm'
import { makers } from '#db/schema/cooperatives.ts'
import { ledgerEntries, payoutEntries, payouts } from '#db/schema/money.ts'
import { cooperativeOrders, orderItems, orders } from '#db/schema/orders.ts'
import { db } from '#app/utils/db.server.ts'
import { localized, type Language } from '#app/modules/i18n/config.ts'
import { allocate, dirhams } from './arithmetic.ts'
import { casablancaDay } from './days.ts'
import { coopPayable } from './ledger.server.ts'

export type StatementSelection =
  { kind: 'period'; from: Date; to: Date } | { kind: 'payout'; payoutId: string }

export type StatementRow = {
  date: Date
  orderNumber: string
  cooperativeOrderId: string
  /** Null for the shipping fee. */
  orderItemId: string | null
  product: string | null
  makers: string[]
  grossCentimes: number
  commissionCentimes: number
  netCentimes: number
  payouts: string[]
}

export type MakerTotal = { makerId: string | null; name: string | null; netCentimes: number }

/** Split a signed amount by weights, to the centime. */
function splitSigned(amount: number, weights: number[]) {
  const parts = allocate(Math.abs(amount), weights)
  return amount < 0 ? parts.map((p) => -p) : parts
}

export async function statement(input: {
  cooperativeId: string
  selection: StatementSelection
  language: Language
}) {
  const coop = coopPayable(input.cooperativeId)
  const selected = await db
    .select({
      id: ledgerEntries.id,
      transactionId: ledgerEntries.transactionId,
      amount: ledgerEntries.amountCentimes,
      cooperativeOrderId: ledgerEntries.cooperativeOrderId,
      orderItemId: ledgerEntries.orderItemId,
      occurredAt: ledgerEntries.occurredAt,
    })
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.accountId, coop),
        sql`${ledgerEntries.cooperativeOrderId} is not null`,
        input.selection.kind === 'period'
          ? and(
              gte(ledgerEntries.occurredAt, input.selection.from),
              lt(ledgerEntries.occurredAt, input.selection.to),
            )
          : sql`${ledgerEntries.id} in (select ${payoutEntries.entryId} from ${payoutEntries} where ${payoutEntries.payoutId} = ${input.selection.payoutId})`,
      ),
    )
    .orderBy(asc(ledgerEntries.id))
  if (!selected.length) return { rows: [], makers: [] as MakerTotal[], totals: zero() }

  const transactionIds = [...new Set(selected.map((e) => e.transactionId))]
  const commissions = await db
    .select({
      transactionId: ledgerEntries.transactionId,
      cooperativeOrderId: ledgerEntries.cooperativeOrderId,
      orderItemId: ledgerEntries.orderItemId,
      amount: ledgerEntries.amountCentimes,
    })
    .from(ledgerEntries)
    .where(
      and(
        inArray(ledgerEntries.transactionId, transactionIds),
        eq(ledgerEntries.accountId, 'commission_revenue'),
      ),
    )
  const paidBy = await db
    .select({ entryId: payoutEntries.entryId, reference: payouts.reference })
    .from(payoutEntries)
    .innerJoin(payouts, eq(payouts.id, payoutEntries.payoutId))
    .where(
      and(
        eq(payoutEntries.active, true),
        inArray(
          payoutEntries.entryId,
          selected.map((e) => e.id),
        ),
      ),
    )
  const coIds = [...new Set(selected.map((e) => e.cooperativeOrderId!))]
  const lines = await db
    .select({
      id: orderItems.id,
      cooperativeOrderId: orderItems.cooperativeOrderId,
      titleAr: orderItems.titleAr,
      titleFr: orderItems.titleFr,
      titleEn: orderItems.titleEn,
      makerIds: orderItems.makerIds,
      makerShares: orderItems.makerShares,
    })
    .from(orderItems)
    .where(inArray(orderItems.cooperativeOrderId, coIds))
  const numbers = await db
    .select({ id: cooperativeOrders.id, number: orders.number })
    .from(cooperativeOrders)
    .innerJoin(orders, eq(orders.id, cooperativeOrders.orderId))
    .where(inArray(cooperativeOrders.id, coIds))
  const makerIds = [...new Set(lines.flatMap((l) => l.makerIds))]
  const makerNames = makerIds.length
    ? await db
        .select({ id: makers.id, name: makers.name })
        .from(makers)
        .where(inArray(makers.id, makerIds))
    : []

  // One row per order line (and per order's shipping fee) among the selected entries.
  const rows = new Map<string, StatementRow>()
  const keyOf = (co: string | null, item: string | null) => `${co}|${item ?? ''}`
  for (const e of selected) {
    const key = keyOf(e.cooperativeOrderId, e.orderItemId)
    let row = rows.get(key)
    if (!row) {
      const line = lines.find((l) => l.id === e.orderItemId)
      row = {
        date: e.occurredAt,
        orderNumber: numbers.find((n) => n.id === e.cooperativeOrderId)?.number ?? '',
        cooperativeOrderId: e.cooperativeOrderId!,
        orderItemId: e.orderItemId,
        product: line ? localized(line, 'title', input.language) : null,
        makers: (line?.makerIds ?? []).map((id) => makerNames.find((m) => m.id === id)?.name ?? ''),
        grossCentimes: 0,
        commissionCentimes: 0,
        netCentimes: 0,
        payouts: [],
      }
      rows.set(key, row)
    }
    row.netCentimes -= Number(e.amount)
    const reference = paidBy.find((p) => p.entryId === e.id)?.reference
    if (reference && !row.payouts.includes(reference)) row.payouts.push(reference)
  }
  const taken = new Set<string>()
  for (const c of commissions) {
    // Each commission entry counts once, with the line whose coop entry shares its transaction.
    const key = keyOf(c.cooperativeOrderId, c.orderItemId)
    const row = rows.get(key)
    const once = `${c.transactionId}|${key}`
    if (!row || taken.has(once)) continue
    if (
      !selected.some(
        (e) =>
          e.transactionId === c.transactionId && keyOf(e.cooperativeOrderId, e.orderItemId) === key,
      )
    )
      continue
    taken.add(once)
    row.commissionCentimes -= Number(c.amount)
  }
  const list = [...rows.values()]
  for (const row of list) row.grossCentimes = row.netCentimes + row.commissionCentimes
  list.sort(
    (a, b) =>
      a.date.getTime() - b.date.getTime() ||
      a.orderNumber.localeCompare(b.orderNumber) ||
      (a.orderItemId ?? '~').localeCompare(b.orderItemId ?? '~'),
  )

  const perMaker = new Map<string | null, number>()
  for (const row of list) {
    const line = lines.find((l) => l.id === row.orderItemId)
    const ids = line?.makerIds ?? []
    if (!ids.length) {
      perMaker.set(null, (perMaker.get(null) ?? 0) + row.netCentimes)
      continue
    }
    const weights = ids.map((_, i) => line!.makerShares[i] ?? 1)
    splitSigned(row.netCentimes, weights).forEach((part, i) =>
      perMaker.set(ids[i]!, (perMaker.get(ids[i]!) ?? 0) + part),
    )
  }
  const makerTotals: MakerTotal[] = [...perMaker.entries()]
    .map(([makerId, netCentimes]) => ({
      makerId,
      name: makerId ? (makerNames.find((m) => m.id === makerId)?.name ?? '') : null,
      netCentimes,
    }))
    .sort((a, b) => (a.name === null ? 1 : b.name === null ? -1 : a.name.localeCompare(b.name)))
  return {
    rows: list,
    makers: makerTotals,
    totals: list.reduce(
      (t, r) => ({
        grossCentimes: t.grossCentimes + r.grossCentimes,
        commissionCentimes: t.commissionCentimes + r.commissionCentimes,
        netCentimes: t.netCentimes + r.netCentimes,
      }),
      zero(),
    ),
  }
}

function zero() {
  return { grossCentimes: 0, commissionCentimes: 0, netCentimes: 0 }
}

function csvField(value: string) {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/** The statement as CSV: its lines, then the totals per maker (labels in the reader's language). */
export function statementCsv(
  data: Awaited<ReturnType<typeof statement>>,
  labels: {
    header: string[]
    shipping: string
    makersTitle: string
    cooperative: string
    total: string
  },
) {
  const out: string[][] = [labels.header]
  for (const r of data.rows) {
    out.push([
      casablancaDay(r.date),
      r.orderNumber,
      r.product ?? labels.shipping,
      r.makers.join(' + '),
      dirhams(r.grossCentimes),
      dirhams(r.commissionCentimes),
      dirhams(r.netCentimes),
      r.payouts.join(' '),
    ])
  }
  out.push([
    labels.total,
    '',
    '',
    '',
    dirhams(data.totals.grossCentimes),
    dirhams(data.totals.commissionCentimes),
    dirhams(data.totals.netCentimes),
    '',
  ])
  out.push([])
  out.push([labels.makersTitle, '', '', '', '', '', '', ''])
  for (const m of data.makers) out.push([m.name ?? labels.cooperative, dirhams(m.netCentimes)])
  return '\uFEFF' + out.map((l) => l.map(csvField).join(',')).join('\r\n') + '\r\n'
}
