// Demo money: orders of the demo cooperatives delivered weeks ago, their cash remitted by the
// carrier, one refunded in part and one in full, a payout batch paid by the bank and one
// still pending — all through the same modules as real money, on an injected clock — so that
// every money screen (the cooperatives' Money page and statements, the association's payouts
// and reconciliation) has content. Only on a database that has no payout yet.
import { and, asc, eq, gt, inArray, isNull, sql } from 'drizzle-orm'
import { productVariants, products } from '#db/schema/catalog.ts'
import { memberships } from '#db/schema/cooperatives.ts'
import { userRoles } from '#db/schema/identity.ts'
import { payoutBatches, payouts } from '#db/schema/money.ts'
import { db } from '#app/utils/db.server.ts'
import { productPurchasable } from '#app/modules/certification/gate.server.ts'
import { createPayoutBatch, markPayout, previewPayouts } from '#app/modules/money/payouts.server.ts'
import { recordRemittance } from '#app/modules/money/remittances.server.ts'
import { deliverPart, later, placeCodOrder } from '#app/modules/money/testing.server.ts'
import { refundCooperativeOrder } from '#app/modules/payments/refunds.server.ts'

export async function seedDemoMoney(now: Date = new Date()): Promise<{
  orders: number
  batches: number
}> {
  const [existing] = await db.select({ n: sql<number>`count(*)::int` }).from(payoutBatches)
  if (Number(existing?.n ?? 0) > 0) return { orders: 0, batches: 0 }
  const [staff] = await db
    .select({ userId: userRoles.userId, role: userRoles.role })
    .from(userRoles)
    .where(inArray(userRoles.role, ['finance', 'admin']))
    .limit(1)
  if (!staff) return { orders: 0, batches: 0 }
  const finance = { userId: staff.userId, role: staff.role }

  // Per cooperative (three of them), a variant on sale with stock enough for four orders of
  // 120 to 250 MAD: the larger ones make payouts above the minimum (200 MAD), the smaller ones
  // show a cooperative waiting for its balance to reach it.
  const offers = await db
    .select({
      variantId: productVariants.id,
      cooperativeId: products.cooperativeId,
      price: productVariants.priceCentimes,
      stock: productVariants.stockQuantity,
    })
    .from(productVariants)
    .innerJoin(products, eq(products.id, productVariants.productId))
    .where(
      and(
        productPurchasable(),
        gt(productVariants.stockQuantity, 5),
        isNull(productVariants.archivedAt),
        eq(products.madeToOrder, false),
      ),
    )
    .orderBy(asc(products.slug), asc(productVariants.position))
  const chosen = new Map<string, { variantId: string; cooperativeId: string; quantity: number }>()
  for (const offer of offers) {
    const quantity = Math.min(Math.floor((offer.stock - 2) / 4), Math.ceil(25000 / offer.price))
    if (quantity < 1 || quantity * offer.price < 12000) continue
    if (!chosen.has(offer.cooperativeId) && chosen.size < 3)
      chosen.set(offer.cooperativeId, { ...offer, quantity })
  }
  if (!chosen.size) return { orders: 0, batches: 0 }

  type Delivered = Awaited<ReturnType<typeof placeCodOrder>> & { trackingNumber: string }
  const remitted: { at: Date; parts: Delivered[] }[] = [
    { at: later(now, -50), parts: [] },
    { at: later(now, -30), parts: [] },
    { at: later(now, -19), parts: [] },
  ]
  let placed = 0
  for (const offer of chosen.values()) {
    const [manager] = await db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(
        and(eq(memberships.cooperativeId, offer.cooperativeId), eq(memberships.role, 'manager')),
      )
      .limit(1)
    if (!manager) continue
    const actor = { userId: manager.userId, cooperativeId: offer.cooperativeId }
    const quantity = offer.quantity
    const deliver = async (placedDaysAgo: number) => {
      const order = await placeCodOrder(offer.variantId, quantity, later(now, -placedDaysAgo))
      const { trackingNumber } = await deliverPart(
        order.partId,
        actor,
        later(now, -placedDaysAgo + 2),
      )
      placed++
      return { ...order, trackingNumber }
    }
    const old = await deliver(60)
    const partlyRefunded = await deliver(40)
    const fullyRefunded = await deliver(45)
    const recent = await deliver(25)
    await refundCooperativeOrder({
      actor: finance,
      cooperativeOrderId: partlyRefunded.partId,
      amountCentimes: Math.round(partlyRefunded.totalCentimes / 10),
      reason: 'Un pot arrivé fêlé / وصل أحد الأواني مكسورًا',
      method: 'bank_transfer',
      now: later(now, -36),
    })
    await refundCooperativeOrder({
      actor: finance,
      cooperativeOrderId: fullyRefunded.partId,
      amountCentimes: fullyRefunded.totalCentimes,
      reason: 'Colis retourné dans le délai de rétractation / أُرجع الطرد داخل أجل التراجع',
      method: 'bank_transfer',
      now: later(now, -41),
    })
    remitted[0]!.parts.push(old, fullyRefunded)
    remitted[1]!.parts.push(partlyRefunded)
    remitted[2]!.parts.push(recent)
  }
  for (const [i, batch] of remitted.entries()) {
    if (!batch.parts.length) continue
    await recordRemittance({
      actor: finance,
      carrier: 'amana',
      reference: `AMANA-DEMO-${i + 1}`,
      receivedOn: batch.at.toISOString().slice(0, 10),
      lines: batch.parts.map((p) => ({
        trackingNumber: p.trackingNumber,
        amountCentimes: p.totalCentimes,
      })),
      now: batch.at,
    })
  }

  // The first batch, made three weeks ago, was sent and paid; the second waits to be sent.
  let batches = 0
  const first = later(now, -16)
  const preview = await previewPayouts(first)
  if (preview.payableCount) {
    const { batchId } = await createPayoutBatch({ actor: finance, key: preview.key, now: first })
    batches++
    const made = await db
      .select({ id: payouts.id, reference: payouts.reference })
      .from(payouts)
      .where(eq(payouts.batchId, batchId))
    for (const payout of made) {
      await markPayout({
        actor: finance,
        payoutId: payout.id,
        action: 'send',
        now: later(first, 1),
      })
      await markPayout({
        actor: finance,
        payoutId: payout.id,
        action: 'pay',
        bankReference: `VIR-${payout.reference.slice(-6)}`,
        now: later(first, 3),
      })
    }
  }
  const second = later(now, -1)
  const pending = await previewPayouts(second)
  if (pending.payableCount) {
    await createPayoutBatch({ actor: finance, key: pending.key, now: second })
    batches++
  }
  return { orders: placed, batches }
}
