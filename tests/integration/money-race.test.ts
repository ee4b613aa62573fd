// Money under contention, on PostgreSQL (PGlite runs one query at a time, so there is no race
// to be had there): two finance users making a batch at once make one batch; refunds racing a
// payout leave the balances consistent and never negative.
import { eq, sql } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { useWidePool } from './wide-pool.ts'
import { payoutBatches, payouts } from '#db/schema/money.ts'
import { rowsOf, db } from '#app/utils/db.server.ts'
import { isDomainError } from '#app/utils/errors.server.ts'
import { sellingCooperative } from '#app/modules/orders/testing.server.ts'
import { refundCooperativeOrder } from '#app/modules/payments/refunds.server.ts'
import { balancesOf } from '#app/modules/money/balances.server.ts'
import { createPayoutBatch, previewPayouts } from '#app/modules/money/payouts.server.ts'
import { recordRemittance } from '#app/modules/money/remittances.server.ts'
import {
  deliverPart,
  later,
  ledgerSum,
  lineFigures,
  placeCodOrder,
  unbalancedTransactions,
} from '#app/modules/money/testing.server.ts'

const onPostgres = Boolean(process.env.TEST_DATABASE_URL)
if (!onPostgres) {
  // Visible in the run's output: these tests need real concurrency.
  console.warn('money-race: skipped on PGlite; set TEST_DATABASE_URL to run them (CI does).')
}

const start = new Date('2026-09-01T09:00:00Z')
const payday = later(start, 20)

/** A cooperative with `orders` delivered, remitted cash orders, all available at `payday`. */
async function availableMoney(orders: number) {
  const coop = await sellingCooperative({ stock: 100, priceCentimes: 25000 })
  const actor = { userId: coop.manager.id, cooperativeId: coop.cooperative.id }
  const finance = { userId: coop.manager.id, role: 'finance' }
  const parts = []
  for (let i = 0; i < orders; i++) {
    const placed = await placeCodOrder(coop.variantId, 1, start)
    const { trackingNumber } = await deliverPart(placed.partId, actor, start)
    parts.push({ ...placed, trackingNumber })
  }
  const result = await recordRemittance({
    actor: finance,
    carrier: 'amana',
    reference: `RACE-${coop.cooperative.id.slice(0, 8)}`,
    receivedOn: '2026-09-02',
    lines: parts.map((p) => ({
      trackingNumber: p.trackingNumber,
      amountCentimes: p.totalCentimes,
    })),
    now: later(start, 1),
  })
  expect(result.ok).toBe(true)
  return { coop, finance, parts }
}

describe.skipIf(!onPostgres)('money races on PostgreSQL', () => {
  useWidePool()

  test('two finance users pressing "create the batch" at once make one batch', async () => {
    const { finance } = await availableMoney(2)
    const preview = await previewPayouts(payday)
    expect(preview.payableCount).toBe(1)
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        createPayoutBatch({ actor: finance, key: preview.key, now: payday }),
      ),
    )
    expect(new Set(results.map((r) => r.batchId)).size).toBe(1)
    expect(results.filter((r) => r.created)).toHaveLength(1)
    expect(await db.select().from(payoutBatches)).toHaveLength(1)
    expect(await db.select().from(payouts)).toHaveLength(1)
    expect(await unbalancedTransactions()).toEqual([])
  })

  test('refunds racing a payout: balances consistent and never negative', async () => {
    const { coop, finance, parts } = await availableMoney(4)
    const preview = await previewPayouts(payday)
    const available = preview.candidates[0]!.availableCentimes
    const attempts = [
      createPayoutBatch({ actor: finance, key: preview.key, now: payday }),
      ...parts.map((p) =>
        refundCooperativeOrder({
          actor: finance,
          cooperativeOrderId: p.partId,
          amountCentimes: p.totalCentimes,
          reason: 'Retour après livraison',
          method: 'bank_transfer',
          now: payday,
        }),
      ),
    ]
    const results = await Promise.allSettled(attempts)
    const unexpected = results.filter(
      (r) => r.status === 'rejected' && !isDomainError((r as PromiseRejectedResult).reason),
    )
    // A deadlock or a check violation would land here.
    expect(unexpected.map((r) => String((r as PromiseRejectedResult).reason))).toEqual([])
    for (const r of results)
      if (r.status === 'rejected')
        expect((r.reason as { messageKey: string }).messageKey).toMatch(
          /money\.errors\.(refundExceedsBalance|previewChanged)/,
        )

    const balances = await db.transaction((tx) => balancesOf(tx, coop.cooperative.id, payday))
    expect(balances.availableCentimes).toBeGreaterThanOrEqual(0)
    expect(balances.pendingCentimes).toBeGreaterThanOrEqual(0)
    const [paid] = rowsOf<{ sum: string | number }>(
      await db.execute(sql`select coalesce(sum(amount_centimes), 0) as sum from payouts`),
    )
    const [refunded] = rowsOf<{ sum: string | number }>(
      await db.execute(
        sql`select coalesce(sum(amount_centimes), 0) as sum from refunds where status = 'succeeded'`,
      ),
    )
    // What came in is what went out, what the cooperative still holds and the commission kept.
    const owed = balances.availableCentimes + balances.pendingCentimes
    const kept = -(await db
      .execute(
        sql`select coalesce(sum(amount_centimes), 0) as sum from ledger_entries where account_id = 'commission_revenue'`,
      )
      .then((r) => Number(rowsOf<{ sum: string }>(r)[0]!.sum)))
    expect(Number(paid!.sum) + owed + kept + Number(refunded!.sum)).toBe(
      parts.reduce((s, p) => s + p.totalCentimes, 0),
    )
    // The payout, when it was made, paid no more than was available when it was previewed.
    const [payout] = await db
      .select()
      .from(payouts)
      .where(eq(payouts.cooperativeId, coop.cooperative.id))
    if (payout) expect(Number(payout.amountCentimes)).toBeLessThanOrEqual(available)
    for (const line of await lineFigures())
      expect(line.commission + line.net).toBe(line.credited - line.refunded)
    expect(await unbalancedTransactions()).toEqual([])
    expect(await ledgerSum()).toBe(0)
  })
})
