// Cash a carrier remits for the cash-on-delivery parcels it delivered: entered by finance (a
// form or a CSV of tracking numbers and amounts), matched line by line to delivered cash
// orders, and posted from `customer_cash_clearing` to the bank. A remitted parcel's money
// becomes releasable to its cooperative (balances.server.ts).
import { and, eq, inArray, sql } from 'drizzle-orm'
import { cashRemittanceLines, cashRemittances } from '#db/schema/money.ts'
import { carriers, cooperativeOrders, orders, type Carrier } from '#db/schema/orders.ts'
import { db } from '#app/utils/db.server.ts'
import { DomainError } from '#app/utils/errors.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { parseMoney } from '#app/modules/catalog/money.ts'
import { casablancaDay, isCalendarDay } from './days.ts'
import { post } from './ledger.server.ts'

export type RemittanceLineInput = { trackingNumber: string; amountCentimes: number }
export type LineError = { line: number; trackingNumber: string; key: string }

export const maxRemittanceLines = 2000

/**
 * A carrier's CSV (`tracking_number,amount`, a header line optional; amounts in dirhams as
 * "120.50", "120,50" or "120"). Lines that cannot be read are reported by number.
 */
export function parseRemittanceCsv(text: string): {
  lines: RemittanceLineInput[]
  errors: LineError[]
} {
  const lines: RemittanceLineInput[] = []
  const errors: LineError[] = []
  const rows = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  rows.forEach((raw, index) => {
    const row = raw.trim()
    if (!row) return
    // A tracking number has no separator in it: the first one ends it, and the rest is the
    // amount (which may itself be written with a decimal comma).
    const at = row.search(/[;,\t]/)
    const unquote = (c: string) => c.trim().replace(/^"|"$/g, '').trim()
    const trackingNumber = unquote(at < 0 ? row : row.slice(0, at))
    const amount = unquote(at < 0 ? '' : row.slice(at + 1))
    if (index === 0 && /tracking|suivi|رقم/i.test(trackingNumber)) return
    const centimes = parseMoney(amount)
    if (!/^[A-Za-z0-9][A-Za-z0-9 ._/-]{2,39}$/.test(trackingNumber))
      errors.push({ line: index + 1, trackingNumber, key: 'money.errors.csvLine' })
    else if (centimes === null || centimes <= 0)
      errors.push({ line: index + 1, trackingNumber, key: 'money.errors.amount' })
    else lines.push({ trackingNumber, amountCentimes: centimes })
  })
  return { lines, errors }
}

/**
 * Record one remittance. Every line must match a delivered cash-on-delivery parcel of that
 * carrier not remitted before; otherwise nothing is written and each bad line is reported.
 */
export async function recordRemittance(input: {
  actor: { userId: string; role: string }
  carrier: string
  reference: string
  receivedOn: string
  lines: RemittanceLineInput[]
  now?: Date
  requestId?: string
}): Promise<{ ok: true; remittanceId: string } | { ok: false; errors: LineError[] }> {
  const now = input.now ?? new Date()
  if (!(carriers as readonly string[]).includes(input.carrier))
    throw new DomainError('invalid', 'orders.errors.carrier', { field: 'carrier' })
  const reference = input.reference.trim()
  if (!/^[A-Za-z0-9][A-Za-z0-9 ./_-]{1,63}$/.test(reference))
    throw new DomainError('invalid', 'money.errors.remittanceReference', { field: 'reference' })
  // A calendar day as counted in Casablanca, compared as a day: between midnight there and
  // midnight UTC, today's remittance is already today's, not tomorrow's.
  if (!isCalendarDay(input.receivedOn) || input.receivedOn > casablancaDay(now))
    throw new DomainError('invalid', 'money.errors.receivedOn', { field: 'receivedOn' })
  if (!input.lines.length || input.lines.length > maxRemittanceLines)
    throw new DomainError('invalid', 'money.errors.noLines', { field: 'lines' })

  return db.transaction(async (tx) => {
    const [duplicate] = await tx
      .select({ id: cashRemittances.id })
      .from(cashRemittances)
      .where(
        and(eq(cashRemittances.carrier, input.carrier), eq(cashRemittances.reference, reference)),
      )
    if (duplicate)
      throw new DomainError('conflict', 'money.errors.remittanceExists', { field: 'reference' })
    const numbers = input.lines.map((l) => l.trackingNumber.trim().toUpperCase())
    const parcels = await tx
      .select({
        id: cooperativeOrders.id,
        orderId: cooperativeOrders.orderId,
        tracking: sql<string>`upper(${cooperativeOrders.trackingNumber})`,
        collected: cooperativeOrders.cashCollectedCentimes,
        remitted: sql<boolean>`exists (select 1 from ${cashRemittanceLines} where ${cashRemittanceLines.cooperativeOrderId} = ${cooperativeOrders.id})`,
      })
      .from(cooperativeOrders)
      .innerJoin(orders, eq(orders.id, cooperativeOrders.orderId))
      .where(
        and(
          eq(cooperativeOrders.carrier, input.carrier as Carrier),
          eq(orders.paymentMethod, 'cod'),
          inArray(sql`upper(${cooperativeOrders.trackingNumber})`, numbers),
        ),
      )
      .for('update', { of: cooperativeOrders })
    const errors: LineError[] = []
    const seen = new Set<string>()
    const matched = input.lines.map((line, i) => {
      const number = numbers[i]!
      const parcel = parcels.find((p) => p.tracking === number)
      const error = (key: string) =>
        errors.push({ line: i + 1, trackingNumber: line.trackingNumber, key })
      if (seen.has(number)) error('money.errors.lineTwice')
      else if (!parcel) error('money.errors.unknownParcel')
      else if (parcel.collected === null) error('money.errors.notDelivered')
      else if (parcel.remitted) error('money.errors.alreadyRemitted')
      seen.add(number)
      return { ...line, parcel }
    })
    if (errors.length) return { ok: false as const, errors }

    const total = matched.reduce((s, l) => s + l.amountCentimes, 0)
    const [remittance] = await tx
      .insert(cashRemittances)
      .values({
        carrier: input.carrier,
        reference,
        receivedOn: input.receivedOn,
        totalCentimes: total,
        enteredBy: input.actor.userId,
        createdAt: now,
      })
      .returning({ id: cashRemittances.id })
    await tx.insert(cashRemittanceLines).values(
      matched.map((l) => ({
        remittanceId: remittance!.id,
        cooperativeOrderId: l.parcel!.id,
        trackingNumber: l.trackingNumber.trim(),
        amountCentimes: l.amountCentimes,
      })),
    )
    await post(tx, {
      key: `cash_remitted:${remittance!.id}`,
      kind: 'cash_remitted',
      occurredAt: now,
      remittanceId: remittance!.id,
      entries: [
        { account: 'bank', amount: total },
        ...matched.map((l) => ({
          account: 'customer_cash_clearing' as const,
          amount: -l.amountCentimes,
          cooperativeOrderId: l.parcel!.id,
        })),
      ],
    })
    await recordAudit(tx, {
      actorUserId: input.actor.userId,
      actorRole: input.actor.role,
      action: 'remittance.recorded',
      targetType: 'cash_remittance',
      targetId: remittance!.id,
      after: { carrier: input.carrier, reference, totalCentimes: total, lines: matched.length },
      requestId: input.requestId,
    })
    return { ok: true as const, remittanceId: remittance!.id }
  })
}

/** Recent remittances, newest first. */
export async function listRemittances(limit = 20) {
  const rows = await db
    .select({
      id: cashRemittances.id,
      carrier: cashRemittances.carrier,
      reference: cashRemittances.reference,
      receivedOn: cashRemittances.receivedOn,
      totalCentimes: cashRemittances.totalCentimes,
      // Qualified by hand: inside the subquery an unqualified "id" would be the line's own.
      lines: sql<number>`(select count(*)::int from cash_remittance_lines l where l.remittance_id = "cash_remittances"."id")`,
    })
    .from(cashRemittances)
    .orderBy(sql`${cashRemittances.createdAt} desc`)
    .limit(limit)
  return rows.map((r) => ({ ...r, totalCentimes: Number(r.totalCentimes) }))
}
