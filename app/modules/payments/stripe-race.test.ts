// The race on PostgreSQL: many card checkouts for few units, some paid, the rest expired.
// Stock must come back to exactly what was not paid for.
import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { productVariants } from '#db/schema/catalog.ts'
import { cooperativeOrders } from '#db/schema/orders.ts'
import { db } from '#app/utils/db.server.ts'
import { isDomainError } from '#app/utils/errors.server.ts'
import { SummaryChanged } from '#app/modules/orders/checkout.server.ts'
import {
  checkout,
  digestFor,
  guestCartWith,
  sellingCooperative,
} from '#app/modules/orders/testing.server.ts'
import { expireUnpaidCardOrders } from './stripe-sync.server.ts'
import { deliver, paymentOf, sessionEvent, withStripeStandIn } from './testing.server.ts'

const stripe = withStripeStandIn()
const onPostgres = Boolean(process.env.TEST_DATABASE_URL)

// PGlite runs one query at a time: concurrency can only be shown on PostgreSQL.
test.skipIf(!onPostgres)(
  '50 concurrent card checkouts for 10 units, 4 paid, the rest expired: 6 units back (PostgreSQL only)',
  async () => {
    const coop = await sellingCooperative({ stock: 10 })
    const carts = []
    for (let i = 0; i < 50; i++) {
      const owner = await guestCartWith([{ variantId: coop.variantId, quantity: 1 }])
      carts.push({ owner, digest: await digestFor(owner) })
    }
    const results = await Promise.allSettled(
      carts.map((c) => checkout(c.owner, { paymentMethod: 'card', digest: c.digest })),
    )
    const placed = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []))
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []))
    expect(placed).toHaveLength(10)
    // Refused as a changed summary or a line no longer available: a conflict, never an error.
    expect(
      refused.map((e) =>
        e instanceof SummaryChanged ? 'summaryChanged' : isDomainError(e) ? e.messageKey : e,
      ),
    ).toEqual(
      refused.map((e) =>
        isDomainError(e) && e.messageKey === 'checkout.errors.lineUnavailable'
          ? 'checkout.errors.lineUnavailable'
          : 'summaryChanged',
      ),
    )
    const stock = async () =>
      (
        await db
          .select({ stock: productVariants.stockQuantity })
          .from(productVariants)
          .where(eq(productVariants.id, coop.variantId))
      )[0]!.stock
    expect(await stock()).toBe(0)

    const sessions = [...stripe.standIn.sessions.values()]
    expect(sessions).toHaveLength(10)
    const paid = sessions.slice(0, 4)
    // Payments and the expiry run at the same time, as they would in production.
    for (const s of paid) stripe.standIn.pay(s.id)
    const later = new Date(Date.now() + 40 * 60_000)
    await Promise.all([
      ...paid.map((s) => deliver(sessionEvent('checkout.session.completed', s.id))),
      expireUnpaidCardOrders(later),
    ])
    await expireUnpaidCardOrders(later)

    expect(await stock()).toBe(6)
    const statuses = await db.select({ status: cooperativeOrders.status }).from(cooperativeOrders)
    expect(statuses.filter((s) => s.status === 'placed')).toHaveLength(4)
    expect(statuses.filter((s) => s.status === 'cancelled')).toHaveLength(6)
    for (const s of paid)
      expect((await paymentOf(String(s.client_reference_id))).status).toBe('succeeded')
  },
)
