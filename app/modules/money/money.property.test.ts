// Random histories of orders, deliveries, cancellations, partial and full refunds, carrier
// remittances, payouts (paid or failed) and the passing of time, on random commission rates
// and prices, through the real modules: after every step the ledger balances, sums to zero,
// no cooperative's balance is negative, every line's commission + net = gross to the centime,
// and a payout never pays more than the available balance.
import crypto from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { cooperatives } from '#db/schema/cooperatives.ts'
import { payouts } from '#db/schema/money.ts'
import { db, rowsOf } from '#app/utils/db.server.ts'
import { isDomainError } from '#app/utils/errors.server.ts'
import { moveCooperativeOrder } from '#app/modules/orders/fulfilment.server.ts'
import { sellingCooperative } from '#app/modules/orders/testing.server.ts'
import { refundCooperativeOrder } from '#app/modules/payments/refunds.server.ts'
import { balancesOf } from './balances.server.ts'
import { createPayoutBatch, markPayout, previewPayouts } from './payouts.server.ts'
import { recordRemittance } from './remittances.server.ts'
import {
  deliverPart,
  later,
  ledgerSum,
  lineFigures,
  placeCodOrder,
  unbalancedTransactions,
} from './testing.server.ts'

type Op =
  | { kind: 'order'; coop: number; quantity: number }
  | { kind: 'deliver' | 'cancel' | 'remit'; pick: number }
  | { kind: 'refund'; pick: number; percent: number }
  | { kind: 'advance'; days: number }
  | { kind: 'payout' }
  | { kind: 'settle'; pick: number; paid: boolean }

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('order' as const),
      coop: fc.nat(1),
      quantity: fc.integer({ min: 1, max: 3 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('deliver' as const), pick: fc.nat(20) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat(20) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('remit' as const), pick: fc.nat(20) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('refund' as const),
      pick: fc.nat(20),
      percent: fc.integer({ min: 1, max: 100 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('advance' as const),
      days: fc.integer({ min: 3, max: 16 }),
    }),
  },
  { weight: 3, arbitrary: fc.constant({ kind: 'payout' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('settle' as const),
      pick: fc.nat(20),
      paid: fc.boolean(),
    }),
  },
)

type Part = {
  partId: string
  coop: number
  total: number
  refunded: number
  state: 'placed' | 'delivered' | 'cancelled'
  tracking: string | null
  remitted: boolean
}

async function checkInvariants(cooperativeIds: string[], now: Date) {
  expect(await unbalancedTransactions()).toEqual([])
  expect(await ledgerSum()).toBe(0)
  for (const id of cooperativeIds) {
    const balances = await db.transaction((tx) => balancesOf(tx, id, now))
    expect(balances.pendingCentimes).toBeGreaterThanOrEqual(0)
    expect(balances.availableCentimes).toBeGreaterThanOrEqual(0)
    const [owed] = rowsOf<{ owed: string | number }>(
      await db.execute(
        sql`select coalesce(-sum(amount_centimes), 0) as owed from ledger_entries where account_id = ${`coop_payable:${id}`}`,
      ),
    )
    expect(balances.pendingCentimes + balances.availableCentimes).toBe(Number(owed!.owed))
  }
  for (const line of await lineFigures()) {
    expect(line.commissionPosted).toBe(line.expectedCommission)
    expect(line.commission).toBeGreaterThanOrEqual(0)
    expect(line.net).toBeGreaterThanOrEqual(0)
    expect(line.commission + line.net).toBe(line.credited - line.refunded)
  }
}

describe('the ledger under random histories', () => {
  test('balances, sums to zero, never negative, commission + net = gross, payouts ≤ available', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 3000 })),
        fc.tuple(fc.integer({ min: 99, max: 250_000 }), fc.integer({ min: 99, max: 250_000 })),
        fc.array(op, { minLength: 12, maxLength: 30 }),
        async (rates, prices, ops) => {
          const coops = []
          for (const i of [0, 1]) {
            const coop = await sellingCooperative({ stock: 100, priceCentimes: prices[i] })
            await db
              .update(cooperatives)
              .set({ commissionBps: rates[i] })
              .where(eq(cooperatives.id, coop.cooperative.id))
            coops.push(coop)
          }
          const ids = coops.map((c) => c.cooperative.id)
          const finance = { userId: coops[0]!.manager.id, role: 'finance' }
          const parts: Part[] = []
          let now = new Date('2026-06-01T08:00:00Z')
          let remittances = 0
          const pick = (n: number, where: (p: Part) => boolean) => {
            const found = parts.filter(where)
            return found.length ? found[n % found.length]! : null
          }
          for (const step of ops) {
            switch (step.kind) {
              case 'order': {
                const coop = coops[step.coop]!
                const placed = await placeCodOrder(coop.variantId, step.quantity, now)
                parts.push({
                  partId: placed.partId,
                  coop: step.coop,
                  total: placed.totalCentimes,
                  refunded: 0,
                  state: 'placed',
                  tracking: null,
                  remitted: false,
                })
                break
              }
              case 'deliver': {
                const part = pick(step.pick, (p) => p.state === 'placed')
                if (!part) break
                const coop = coops[part.coop]!
                const delivered = await deliverPart(
                  part.partId,
                  { userId: coop.manager.id, cooperativeId: coop.cooperative.id },
                  now,
                )
                part.state = 'delivered'
                part.tracking = delivered.trackingNumber
                break
              }
              case 'cancel': {
                const part = pick(step.pick, (p) => p.state === 'placed')
                if (!part) break
                await moveCooperativeOrder({
                  actor: { kind: 'association', userId: finance.userId, role: 'admin' },
                  cooperativeOrderId: part.partId,
                  action: 'cancel',
                  details: { reason: 'Client injoignable' },
                  now,
                })
                part.state = 'cancelled'
                break
              }
              case 'remit': {
                const part = pick(step.pick, (p) => p.state === 'delivered' && !p.remitted)
                if (!part) break
                remittances += 1
                const result = await recordRemittance({
                  actor: finance,
                  carrier: 'amana',
                  reference: `R-${crypto.randomUUID().slice(0, 8)}-${remittances}`,
                  receivedOn: now.toISOString().slice(0, 10),
                  lines: [{ trackingNumber: part.tracking!, amountCentimes: part.total }],
                  now,
                })
                expect(result.ok).toBe(true)
                part.remitted = true
                break
              }
              case 'refund': {
                const part = pick(step.pick, (p) => p.state === 'delivered' && p.refunded < p.total)
                if (!part) break
                const left = part.total - part.refunded
                const amount = Math.max(1, Math.floor((left * step.percent) / 100))
                try {
                  await refundCooperativeOrder({
                    actor: finance,
                    cooperativeOrderId: part.partId,
                    amountCentimes: amount,
                    reason: 'Retour du client',
                    method: 'bank_transfer',
                    now,
                  })
                  part.refunded += amount
                } catch (error) {
                  // Only a refund of money already paid out may be refused, and then nothing
                  // was written (the invariants below check the ledger is unchanged and whole).
                  if (!isDomainError(error)) throw error
                  expect(error.messageKey).toBe('money.errors.refundExceedsBalance')
                }
                break
              }
              case 'advance':
                now = later(now, step.days)
                break
              case 'payout': {
                const preview = await previewPayouts(now)
                if (!preview.payableCount) break
                const before = new Map(
                  preview.candidates.map((c) => [c.cooperativeId, c.availableCentimes]),
                )
                const { batchId } = await createPayoutBatch({
                  actor: finance,
                  key: preview.key,
                  now,
                })
                const made = await db.select().from(payouts).where(eq(payouts.batchId, batchId))
                for (const payout of made) {
                  expect(Number(payout.amountCentimes)).toBeLessThanOrEqual(
                    before.get(payout.cooperativeId)!,
                  )
                  expect(Number(payout.amountCentimes)).toBeGreaterThan(0)
                }
                break
              }
              case 'settle': {
                const open = await db
                  .select({ id: payouts.id })
                  .from(payouts)
                  .where(sql`${payouts.status} in ('pending', 'sent')`)
                  .orderBy(payouts.id)
                const payout = open.length ? open[step.pick % open.length]! : null
                if (!payout) break
                await markPayout({
                  actor: finance,
                  payoutId: payout.id,
                  action: step.paid ? 'pay' : 'fail',
                  bankReference: 'VIR-0001',
                  reason: 'RIB refusé par la banque',
                  now,
                })
                break
              }
            }
            await checkInvariants(ids, now)
          }
        },
      ),
      { numRuns: 20 },
    )
    // Each run is a few dozen real database transactions.
  }, 300_000)
})
