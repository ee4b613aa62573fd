// Card money in the ledger: captured into `card_clearing` when Stripe says the order is paid
// (once, however often the webhook comes), commission at delivery, a Stripe refund settled
// from `card_clearing`, and a refund Stripe refuses reversed entry by entry.
import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { ledgerEntries } from '#db/schema/money.ts'
import { cooperativeOrders } from '#db/schema/orders.ts'
import { db } from '#app/utils/db.server.ts'
import { moveCooperativeOrder } from '#app/modules/orders/fulfilment.server.ts'
import { refusal, sellingCooperative } from '#app/modules/orders/testing.server.ts'
import { refundCooperativeOrder } from '#app/modules/payments/refunds.server.ts'
import { stripeClient } from '#app/modules/payments/stripe-client.server.ts'
import {
  cardCheckout,
  deliver,
  paymentOf,
  sessionEvent,
  withStripeStandIn,
} from '#app/modules/payments/testing.server.ts'
import { ledgerSum, lineFigures, unbalancedTransactions } from './testing.server.ts'

const stripe = withStripeStandIn()

async function accountBalance(account: string) {
  const rows = await db
    .select({ amount: ledgerEntries.amountCentimes })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.accountId, account))
  return rows.reduce((s, r) => s + Number(r.amount), 0)
}

describe('card money in the ledger', () => {
  test('captured once, commission at delivery, refunds settled or reversed', async () => {
    const coop = await sellingCooperative({ stock: 5, priceCentimes: 15000 })
    const placed = await cardCheckout(coop.variantId, 2)
    stripe.standIn.pay(placed.sessionId)
    const completed = sessionEvent('checkout.session.completed', placed.sessionId)
    await deliver(completed)
    await deliver(completed)
    await deliver(sessionEvent('checkout.session.completed', placed.sessionId, { id: 'evt_again' }))
    const payment = await paymentOf(placed.orderId)
    const total = Number(payment.amountCentimes)
    expect(await accountBalance('card_clearing')).toBe(total)
    expect(await accountBalance(`coop_payable:${coop.cooperative.id}`)).toBe(-total)

    const [part] = await db
      .select({ id: cooperativeOrders.id })
      .from(cooperativeOrders)
      .where(eq(cooperativeOrders.orderId, placed.orderId))
    const manager = {
      kind: 'manager' as const,
      userId: coop.manager.id,
      cooperativeId: coop.cooperative.id,
    }
    await moveCooperativeOrder({ actor: manager, cooperativeOrderId: part!.id, action: 'accept' })
    await moveCooperativeOrder({
      actor: manager,
      cooperativeOrderId: part!.id,
      action: 'ship',
      details: { carrier: 'ctm', trackingNumber: 'CTM-55-1234' },
    })
    await moveCooperativeOrder({ actor: manager, cooperativeOrderId: part!.id, action: 'deliver' })
    expect(await accountBalance('commission_revenue')).toBe(-3000)

    const finance = { userId: coop.manager.id, role: 'finance' }
    await refundCooperativeOrder({
      actor: finance,
      cooperativeOrderId: part!.id,
      amountCentimes: 1000,
      reason: 'Couvercle abîmé',
      method: 'stripe',
    })
    expect(await accountBalance('card_clearing')).toBe(total - 1000)
    expect(await accountBalance('refunds')).toBe(0)
    // 10 MAD of 300 MAD of goods (and the fee): 1 MAD of commission goes back, in proportion.
    expect(await accountBalance('commission_revenue')).toBeGreaterThan(-3000)

    // Someone refunds the rest from Stripe's dashboard; our next refund is refused by Stripe.
    await stripeClient().refunds.create({
      payment_intent: payment.providerPaymentRef!,
      amount: total - 1000,
    })
    const before = await accountBalance(`coop_payable:${coop.cooperative.id}`)
    const refused = await refusal(
      refundCooperativeOrder({
        actor: finance,
        cooperativeOrderId: part!.id,
        amountCentimes: 500,
        reason: 'Encore',
        method: 'stripe',
      }),
    )
    expect(refused.messageKey).toBe('payments.errors.provider')
    expect(await accountBalance(`coop_payable:${coop.cooperative.id}`)).toBe(before)
    expect(await accountBalance('refunds')).toBe(0)
    for (const line of await lineFigures())
      expect(line.commission + line.net).toBe(line.credited - line.refunded)
    expect(await unbalancedTransactions()).toEqual([])
    expect(await ledgerSum()).toBe(0)
  })
})
