// DESIGN §8, checkout under contention: 200 concurrent buyers for 20 units of one variant, on
// the benchmark's PostgreSQL, through the checkout module (the same transaction the page
// runs). Exactly 20 must be sold, none oversold, p95 ≤ 300 ms.
import crypto from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import { productVariants } from '#db/schema/catalog.ts'
import { createCertificate, createCooperativeWithTeam, createProduct } from '#db/seed/factories.ts'
import { createDatabase, getDatabase, setDatabase } from '#app/utils/db.server.ts'
import { isDomainError } from '#app/utils/errors.server.ts'
import { addToCart, type CartOwner } from '#app/modules/cart/cart.server.ts'
import { placeOrder } from '#app/modules/orders/checkout.server.ts'
import { digestFor, testAddress } from '#app/modules/orders/testing.server.ts'
import { percentile } from './stats.ts'

export type CheckoutRaceResult = {
  buyers: number
  units: number
  sold: number
  refused: number
  errors: number
  stockAfter: number
  seconds: number
  attemptsPerSecond: number
  ordersPerSecond: number
  p50: number
  p95: number
  max: number
}

export async function measureCheckoutRace(
  url: string,
  options: { buyers?: number; units?: number; connections?: number } = {},
): Promise<CheckoutRaceResult> {
  const buyers = options.buyers ?? 200
  const units = options.units ?? 20
  const previous = getDatabase()
  const handle = createDatabase({ kind: 'postgres', url, max: options.connections ?? 20 })
  setDatabase(handle)
  try {
    const { cooperative } = await createCooperativeWithTeam(handle.db, {
      provinceCode: 'al-hoceima',
    })
    await createCertificate(handle.db, { cooperativeId: cooperative.id, type: 'onssa' })
    const product = await createProduct(handle.db, {
      cooperativeId: cooperative.id,
      slug: `bench-checkout-${crypto.randomUUID().slice(0, 8)}`,
      variants: [{ stockQuantity: units }],
    })
    const variantId = product.variants[0]!.id
    const carts: CartOwner[] = []
    for (let i = 0; i < buyers; i++) {
      const change = await addToCart({
        owner: { userId: null, guestCartId: null },
        variantId,
        quantity: 1,
      })
      carts.push({ userId: null, guestCartId: change.cartId })
    }
    const digest = await digestFor(carts[0]!)
    const durations: number[] = []
    let sold = 0
    let refused = 0
    let errors = 0
    const started = performance.now()
    await Promise.all(
      carts.map(async (owner) => {
        const begin = performance.now()
        try {
          await placeOrder({
            owner,
            idempotencyKey: crypto.randomUUID(),
            digest,
            locale: 'fr',
            paymentMethod: 'cod',
            ...testAddress,
          })
          sold++
        } catch (error) {
          if (isDomainError(error)) refused++
          else errors++
        } finally {
          durations.push(performance.now() - begin)
        }
      }),
    )
    const seconds = (performance.now() - started) / 1000
    const [row] = await handle.db
      .select({ stock: productVariants.stockQuantity })
      .from(productVariants)
      .where(eq(productVariants.id, variantId))
    // The bench leaves no trace in the world it measures the storefront on.
    await handle.db.execute(
      sql`delete from orders where id in (select co.order_id from cooperative_orders co where co.cooperative_id = ${cooperative.id})`,
    )
    await handle.db.execute(sql`delete from cooperatives where id = ${cooperative.id}`)
    await handle.db.execute(
      sql`delete from carts c where not exists (select 1 from cart_items i where i.cart_id = c.id) and c.user_id is null`,
    )
    return {
      buyers,
      units,
      sold,
      refused,
      errors,
      stockAfter: row!.stock,
      seconds,
      attemptsPerSecond: buyers / seconds,
      ordersPerSecond: sold / seconds,
      p50: percentile(durations, 50),
      p95: percentile(durations, 95),
      max: Math.max(...durations),
    }
  } finally {
    setDatabase(previous)
    await handle.close()
  }
}
