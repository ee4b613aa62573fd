// The ledger through the real modules: what each money event posts, the balances derived from
// it as time passes (an injected clock), payouts, remittances, statements per maker, and the
// database refusing what the ledger forbids, even from SQL typed by hand.
import { eq, sql } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { cooperatives } from '#db/schema/cooperatives.ts'
import { ledgerEntries, payoutBatches, payouts } from '#db/schema/money.ts'
import { notifications } from '#db/schema/notifications.ts'
import { auditLog } from '#db/schema/audit.ts'
import { createMaker, createProduct } from '#db/seed/factories.ts'
import { db } from '#app/utils/db.server.ts'
import { refundCooperativeOrder } from '#app/modules/payments/refunds.server.ts'
import { refusal, sellingCooperative } from '#app/modules/orders/testing.server.ts'
import { balancesOf } from './balances.server.ts'
import { postDelivered } from './postings.server.ts'
import { createPayoutBatch, markPayout, previewPayouts } from './payouts.server.ts'
import { parseRemittanceCsv, recordRemittance } from './remittances.server.ts'
import { reconcile } from './reconciliation.server.ts'
import { statement } from './statements.server.ts'
import {
  deliverPart,
  later,
  ledgerSum,
  lineFigures,
  placeCodOrder,
  unbalancedTransactions,
} from './testing.server.ts'

const start = new Date('2026-10-01T09:00:00Z')

async function balances(cooperativeId: string, at: Date) {
  return db.transaction((tx) => balancesOf(tx, cooperativeId, at))
}

/** A cooperative (10% commission) whose one order of 2 × 120 MAD was delivered at `start`. */
async function deliveredWorld(quantity = 2) {
  const coop = await sellingCooperative({ stock: 20, priceCentimes: 12000 })
  const actor = { userId: coop.manager.id, cooperativeId: coop.cooperative.id }
  const order = await placeCodOrder(coop.variantId, quantity, start)
  const { trackingNumber } = await deliverPart(order.partId, actor, start)
  return { coop, actor, order, trackingNumber }
}

describe('the ledger', () => {
  test('a delivered cash order posts the cash, the sale and the commission, once', async () => {
    const { coop, order } = await deliveredWorld()
    const entries = await db
      .select({ account: ledgerEntries.accountId, amount: ledgerEntries.amountCentimes })
      .from(ledgerEntries)
      .where(eq(ledgerEntries.cooperativeOrderId, order.partId))
    const byAccount = (prefix: string) =>
      entries.filter((e) => e.account.startsWith(prefix)).reduce((s, e) => s + Number(e.amount), 0)
    const shipping = order.totalCentimes - 24000
    expect(byAccount('customer_cash_clearing')).toBe(order.totalCentimes)
    expect(byAccount('commission_revenue')).toBe(-2400)
    expect(byAccount(`coop_payable:${coop.cooperative.id}`)).toBe(-(24000 - 2400 + shipping))
    // A replayed event posts nothing.
    const before = entries.length
    await db.transaction((tx) => postDelivered(tx, order.partId, start))
    const after = await db
      .select({ id: ledgerEntries.id })
      .from(ledgerEntries)
      .where(eq(ledgerEntries.cooperativeOrderId, order.partId))
    expect(after).toHaveLength(before)
    expect(await unbalancedTransactions()).toEqual([])
    expect(await ledgerSum()).toBe(0)
  })

  test('money becomes available after remittance, window and hold; a payout pays it exactly', async () => {
    const { coop, order, trackingNumber } = await deliveredWorld()
    const net = order.totalCentimes - 2400
    const id = coop.cooperative.id
    expect(await balances(id, later(start, 1))).toEqual({
      pendingCentimes: net,
      availableCentimes: 0,
      paidOutCentimes: 0,
      inTransitCentimes: 0,
    })
    // Past window (7) and hold (7), but the carrier has not remitted the cash: still pending.
    expect((await balances(id, later(start, 15))).availableCentimes).toBe(0)
    const actor = { userId: coop.manager.id, role: 'finance' }
    const remitted = await recordRemittance({
      actor,
      carrier: 'amana',
      reference: 'AMANA-2026-10',
      receivedOn: '2026-10-05',
      lines: [{ trackingNumber, amountCentimes: order.totalCentimes }],
      now: later(start, 4),
    })
    expect(remitted.ok).toBe(true)
    // Remitted, but the hold period is not over (delivered + 7 + 7 days).
    expect((await balances(id, later(start, 13))).availableCentimes).toBe(0)
    const at = later(start, 14)
    expect(await balances(id, at)).toMatchObject({ pendingCentimes: 0, availableCentimes: net })

    const preview = await previewPayouts(at)
    expect(preview.candidates).toMatchObject([
      { cooperativeId: id, availableCentimes: net, blocked: null },
    ])
    const made = await createPayoutBatch({ actor, key: preview.key, now: at })
    expect(made.created).toBe(true)
    // The same preview pressed again: the same batch.
    expect(await createPayoutBatch({ actor, key: preview.key, now: at })).toEqual({
      ...made,
      created: false,
    })
    expect(await db.select().from(payoutBatches)).toHaveLength(1)
    expect(await balances(id, at)).toEqual({
      pendingCentimes: 0,
      availableCentimes: 0,
      paidOutCentimes: 0,
      inTransitCentimes: net,
    })
    const [payout] = await db.select().from(payouts)
    expect(Number(payout!.amountCentimes)).toBe(net)

    // Failed: the money is back in the available balance, and a new batch pays it.
    await markPayout({ actor, payoutId: payout!.id, action: 'send', now: at })
    await markPayout({
      actor,
      payoutId: payout!.id,
      action: 'fail',
      reason: 'Compte clôturé',
      now: at,
    })
    expect((await balances(id, at)).availableCentimes).toBe(net)
    const again = await previewPayouts(later(at, 1))
    const second = await createPayoutBatch({ actor, key: again.key, now: later(at, 1) })
    const [secondPayout] = await db
      .select()
      .from(payouts)
      .where(eq(payouts.batchId, second.batchId))
    await markPayout({
      actor,
      payoutId: secondPayout!.id,
      action: 'pay',
      bankReference: 'VIR 2026 556677',
      now: later(at, 2),
    })
    expect(await balances(id, later(at, 2))).toEqual({
      pendingCentimes: 0,
      availableCentimes: 0,
      paidOutCentimes: net,
      inTransitCentimes: 0,
    })
    // A paid payout cannot be failed afterwards.
    const illegal = await refusal(
      markPayout({ actor, payoutId: secondPayout!.id, action: 'fail', reason: 'Erreur' }),
    )
    expect(illegal.messageKey).toBe('money.errors.illegalPayoutMove')
    const mails = await db.select({ template: notifications.template }).from(notifications)
    expect(mails.map((m) => m.template)).toEqual(
      expect.arrayContaining(['payoutCreated', 'payoutSent', 'payoutFailed', 'payoutPaid']),
    )
    const audit = await db.select({ action: auditLog.action }).from(auditLog)
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'payout_batch.created',
        'payout.send',
        'payout.fail',
        'payout.pay',
        'remittance.recorded',
      ]),
    )
    expect(await ledgerSum()).toBe(0)
  })

  test('a preview the ledger no longer matches is refused; a pending RIB change blocks the payout', async () => {
    const { coop, order, trackingNumber } = await deliveredWorld()
    const actor = { userId: coop.manager.id, role: 'finance' }
    const stale = await previewPayouts(later(start, 1))
    await recordRemittance({
      actor,
      carrier: 'amana',
      reference: 'R-1',
      receivedOn: '2026-10-02',
      lines: [{ trackingNumber, amountCentimes: order.totalCentimes }],
      now: later(start, 1),
    })
    const at = later(start, 20)
    expect((await refusal(createPayoutBatch({ actor, key: stale.key, now: at }))).messageKey).toBe(
      'money.errors.previewChanged',
    )
    await db
      .update(cooperatives)
      .set({ pendingRib: '001810007800020110620221', pendingAccountHolder: 'Nouvelle' })
      .where(eq(cooperatives.id, coop.cooperative.id))
    const preview = await previewPayouts(at)
    expect(preview.candidates[0]).toMatchObject({ blocked: 'ribPending' })
    expect(preview.payableCount).toBe(0)
    expect(
      (await refusal(createPayoutBatch({ actor, key: preview.key, now: at }))).messageKey,
    ).toBe('money.errors.nothingToPay')
  })

  test('a refund reverses commission in proportion; one beyond a paid-out balance is refused', async () => {
    // 4 × 120 MAD, so that what is left after the refund is above the minimum payout.
    const { coop, order, trackingNumber } = await deliveredWorld(4)
    const actor = { userId: coop.manager.id, role: 'finance' }
    // A partial refund of 60 MAD before any payout.
    await refundCooperativeOrder({
      actor,
      cooperativeOrderId: order.partId,
      amountCentimes: 6000,
      reason: 'Un pot cassé',
      method: 'bank_transfer',
      now: later(start, 2),
    })
    for (const line of await lineFigures()) {
      expect(line.commission + line.net).toBe(line.credited - line.refunded)
      expect(line.net).toBeGreaterThanOrEqual(0)
    }
    await recordRemittance({
      actor,
      carrier: 'amana',
      reference: 'R-2',
      receivedOn: '2026-10-03',
      lines: [{ trackingNumber, amountCentimes: order.totalCentimes }],
      now: later(start, 2),
    })
    const at = later(start, 15)
    const preview = await previewPayouts(at)
    await createPayoutBatch({ actor, key: preview.key, now: at })
    expect(await balances(coop.cooperative.id, at)).toMatchObject({
      availableCentimes: 0,
      pendingCentimes: 0,
    })
    // Everything was paid out: another refund cannot be covered, and nothing is written.
    const refused = await refusal(
      refundCooperativeOrder({
        actor,
        cooperativeOrderId: order.partId,
        amountCentimes: 1000,
        reason: 'Geste commercial',
        method: 'bank_transfer',
        now: later(at, 1),
      }),
    )
    expect(refused.messageKey).toBe('money.errors.refundExceedsBalance')
    expect((await balances(coop.cooperative.id, later(at, 1))).availableCentimes).toBe(0)
    expect(await ledgerSum()).toBe(0)
  })

  test('a remittance with a bad line writes nothing and says which line', async () => {
    const { coop, order, trackingNumber } = await deliveredWorld()
    const actor = { userId: coop.manager.id, role: 'finance' }
    const result = await recordRemittance({
      actor,
      carrier: 'amana',
      reference: 'R-3',
      receivedOn: '2026-10-02',
      lines: [
        { trackingNumber, amountCentimes: order.totalCentimes },
        { trackingNumber: 'XX000000000MA', amountCentimes: 1000 },
        { trackingNumber, amountCentimes: 5 },
      ],
      now: later(start, 1),
    })
    expect(result).toEqual({
      ok: false,
      errors: [
        { line: 2, trackingNumber: 'XX000000000MA', key: 'money.errors.unknownParcel' },
        { line: 3, trackingNumber, key: 'money.errors.lineTwice' },
      ],
    })
    const [count] = await db
      .execute(sql`select count(*)::int as n from cash_remittances`)
      .then((r) => (Array.isArray(r) ? r : (r as unknown as { rows: { n: number }[] }).rows))
    expect(Number((count as { n: number }).n)).toBe(0)
    expect(
      parseRemittanceCsv(`tracking_number,amount\n${trackingNumber},"151,50"\nbad line\n`),
    ).toEqual({
      lines: [{ trackingNumber, amountCentimes: 15150 }],
      errors: [{ line: 3, trackingNumber: 'bad line', key: 'money.errors.amount' }],
    })
  })

  test('the received day is a Casablanca day: today is accepted past midnight there, tomorrow is not', async () => {
    const { coop, order, trackingNumber } = await deliveredWorld()
    const actor = { userId: coop.manager.id, role: 'finance' }
    // 23:30 UTC on 2 October is 00:30 on 3 October in Casablanca (UTC+1).
    const now = new Date('2026-10-02T23:30:00Z')
    const remit = (receivedOn: string, reference: string) =>
      recordRemittance({
        actor,
        carrier: 'amana',
        reference,
        receivedOn,
        lines: [{ trackingNumber, amountCentimes: order.totalCentimes }],
        now,
      })
    await expect(remit('2026-10-04', 'R-5')).rejects.toMatchObject({
      messageKey: 'money.errors.receivedOn',
    })
    await expect(remit('2026-02-30', 'R-6')).rejects.toMatchObject({
      messageKey: 'money.errors.receivedOn',
    })
    expect(await remit('2026-10-03', 'R-7')).toMatchObject({ ok: true })
  })

  test("a payout's statement splits each line between its makers by their shares, to the payout", async () => {
    const coop = await sellingCooperative({ stock: 5 })
    const actor = { userId: coop.manager.id, cooperativeId: coop.cooperative.id }
    const fatima = await createMaker(db, { cooperativeId: coop.cooperative.id, name: 'Fatima' })
    const aicha = await createMaker(db, { cooperativeId: coop.cooperative.id, name: 'Aicha' })
    const khadija = await createMaker(db, { cooperativeId: coop.cooperative.id, name: 'Khadija' })
    const shared = await createProduct(db, {
      cooperativeId: coop.cooperative.id,
      makerIds: [fatima.id, aicha.id],
      makerShares: [2, 1],
      variants: [{ priceCentimes: 10001, stockQuantity: 5 }],
    })
    const own = await createProduct(db, {
      cooperativeId: coop.cooperative.id,
      makerIds: [khadija.id],
      variants: [{ priceCentimes: 4550, stockQuantity: 5 }],
    })
    const first = await placeCodOrder(shared.variants[0]!.id, 1, start)
    const second = await placeCodOrder(own.variants[0]!.id, 3, start)
    const a = await deliverPart(first.partId, actor, start)
    const b = await deliverPart(second.partId, actor, start)
    const finance = { userId: coop.manager.id, role: 'finance' }
    await recordRemittance({
      actor: finance,
      carrier: 'amana',
      reference: 'R-4',
      receivedOn: '2026-10-02',
      lines: [
        { trackingNumber: a.trackingNumber, amountCentimes: first.totalCentimes },
        { trackingNumber: b.trackingNumber, amountCentimes: second.totalCentimes },
      ],
      now: later(start, 1),
    })
    const at = later(start, 14)
    const preview = await previewPayouts(at)
    const { batchId } = await createPayoutBatch({ actor: finance, key: preview.key, now: at })
    const [payout] = await db.select().from(payouts).where(eq(payouts.batchId, batchId))
    const result = await statement({
      cooperativeId: coop.cooperative.id,
      selection: { kind: 'payout', payoutId: payout!.id },
      language: 'fr',
    })
    const total = result.makers.reduce((s, m) => s + m.netCentimes, 0)
    expect(total).toBe(Number(payout!.amountCentimes))
    expect(result.totals.netCentimes).toBe(Number(payout!.amountCentimes))
    // 100.01 MAD less 10% (10.00) = 90.01, split 2:1 → 60.01 and 30.00.
    expect(result.makers.find((m) => m.name === 'Fatima')!.netCentimes).toBe(6001)
    expect(result.makers.find((m) => m.name === 'Aicha')!.netCentimes).toBe(3000)
    // 3 × 45.50 = 136.50 less 13.65 → 122.85, all Khadija's.
    expect(result.makers.find((m) => m.name === 'Khadija')!.netCentimes).toBe(12285)
    // The shipping fees are the cooperative's own line.
    expect(result.makers.find((m) => m.makerId === null)!.netCentimes).toBe(
      first.totalCentimes - 10001 + (second.totalCentimes - 13650),
    )
    for (const row of result.rows)
      expect(row.commissionCentimes + row.netCentimes).toBe(row.grossCentimes)
    expect(result.rows.every((r) => r.payouts.includes(payout!.reference))).toBe(true)
  })

  test('reconciliation lists a parcel whose cash was not remitted, and a remitted amount that differs', async () => {
    const { coop, order, trackingNumber } = await deliveredWorld()
    const other = await placeCodOrder(coop.variantId, 1, start)
    await deliverPart(
      other.partId,
      { userId: coop.manager.id, cooperativeId: coop.cooperative.id },
      start,
    )
    await recordRemittance({
      actor: { userId: coop.manager.id, role: 'finance' },
      carrier: 'amana',
      reference: 'R-5',
      receivedOn: '2026-10-02',
      lines: [{ trackingNumber, amountCentimes: order.totalCentimes - 100 }],
      now: later(start, 1),
    })
    const report = await reconcile({ from: later(start, -1), to: later(start, 2) })
    expect(report.checked.orders).toBe(2)
    expect(report.differences.map((d) => [d.kind, d.reference])).toEqual(
      expect.arrayContaining([
        ['cashAmount', order.number],
        ['cashNotRemitted', other.number],
      ]),
    )
    expect(
      report.differences.filter((d) => d.kind.startsWith('sale') || d.kind === 'commissionAmount'),
    ).toEqual([])
    expect(report.sumCentimes).toBe(0)
  })
})

/** The database's own message for a refused statement (drizzle wraps it in its cause). */
async function databaseRefusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause
    return `${(error as Error).message} ${cause?.message ?? ''}`
  }
  throw new Error('expected the database to refuse')
}

describe('the database guards the ledger', () => {
  async function oneTransaction() {
    await deliveredWorld()
    const [entry] = await db.select().from(ledgerEntries).limit(1)
    return entry!
  }

  test('it refuses to UPDATE or DELETE an entry or a transaction', async () => {
    const entry = await oneTransaction()
    const statements = [
      sql`update ledger_entries set amount_centimes = 1 where id = ${entry.id}`,
      sql`delete from ledger_entries where id = ${entry.id}`,
      sql`update ledger_transactions set kind = 'payout' where id = ${entry.transactionId}`,
      sql`delete from ledger_transactions where id = ${entry.transactionId}`,
    ]
    for (const statement of statements)
      expect(await databaseRefusal(db.execute(statement))).toMatch(/the ledger is append-only/)
    const [still] = await db.select().from(ledgerEntries).where(eq(ledgerEntries.id, entry.id))
    expect(still).toEqual(entry)
  })

  test('it refuses a transaction whose entries do not sum to zero, or that has none', async () => {
    await oneTransaction()
    const insert = (amounts: number[]) =>
      db.transaction(async (tx) => {
        const [t] = await tx
          .execute(
            sql`insert into ledger_transactions (business_key, kind, occurred_at) values (${`hand:${amounts.join(',')}`}, 'payout', now()) returning id`,
          )
          .then((r) => (Array.isArray(r) ? r : (r as unknown as { rows: { id: string }[] }).rows))
        const id = (t as { id: string }).id
        for (const amount of amounts)
          await tx.execute(
            sql`insert into ledger_entries (transaction_id, account_id, amount_centimes, occurred_at) values (${id}, 'commission_revenue', ${amount}, now())`,
          )
      })
    for (const amounts of [[1000, -999], [], [1000]])
      expect(await databaseRefusal(insert(amounts))).toMatch(/does not balance/)
    // A balanced one typed by hand is accepted: the rule is the balance, not who writes.
    await insert([1000, -1000])
    expect(await ledgerSum()).toBe(0)
  })
})
