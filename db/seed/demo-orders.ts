// Demo orders: invented customers buying from the demo cooperatives, placed and moved
// through the same modules as real ones, so that every state of the order machine shows up
// in the cooperatives' dashboards and the association's list. Only on a database that has
// no order yet.
import crypto from 'node:crypto'
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm'
import { productVariants, products } from '#db/schema/catalog.ts'
import { memberships } from '#db/schema/cooperatives.ts'
import { orders } from '#db/schema/orders.ts'
import { db } from '#app/utils/db.server.ts'
import { addToCart, reviewCart, type CartOwner } from '#app/modules/cart/cart.server.ts'
import { productPurchasable } from '#app/modules/certification/gate.server.ts'
import {
  loadShippingRates,
  placeOrder,
  resolveDestination,
  summarize,
} from '#app/modules/orders/checkout.server.ts'
import {
  completeDeliveredOrders,
  moveCooperativeOrder,
  type MoveActor,
} from '#app/modules/orders/fulfilment.server.ts'
import { type OrderAction } from '#app/modules/orders/transitions.ts'

const day = 24 * 3600 * 1000

const customers = [
  {
    contactName: 'سلمى العمراني',
    phone: '+212661234501',
    email: 'salma.demo@example.ma',
    regionCode: 'tanger-tetouan-al-hoceima',
    provinceCode: 'tanger-assilah',
    city: 'طنجة',
    addressLine: 'حي مسنانة، قرب مدرسة الفتح',
    locale: 'ar' as const,
  },
  {
    contactName: 'Nadia Benali',
    phone: '+212662345602',
    email: 'nadia.demo@example.ma',
    regionCode: 'rabat-sale-kenitra',
    provinceCode: 'rabat',
    city: 'Rabat',
    addressLine: 'Rue Patrice Lumumba 14, près de la pharmacie',
    locale: 'fr' as const,
  },
  {
    contactName: 'Karima Haddou',
    phone: '+33612345603',
    email: 'karima.demo@example.fr',
    regionCode: 'casablanca-settat',
    provinceCode: 'casablanca',
    city: 'Casablanca',
    addressLine: 'Bd Zerktouni 120, 3e étage',
    locale: 'fr' as const,
  },
  {
    contactName: 'Youssef Amrani',
    phone: '+212663456704',
    email: null,
    regionCode: 'tanger-tetouan-al-hoceima',
    provinceCode: 'al-hoceima',
    city: 'الحسيمة',
    addressLine: 'حي مرموشة، قرب المسجد الكبير',
    locale: 'ar' as const,
  },
  {
    contactName: 'Sara Lamrani',
    phone: '+212664567805',
    email: 'sara.demo@example.ma',
    regionCode: 'oriental',
    provinceCode: 'nador',
    city: 'Nador',
    addressLine: 'Avenue Mohammed V, next to the post office',
    locale: 'en' as const,
  },
]

// What each demo order goes through after it is placed (the last state is what shows).
const journeys: OrderAction[][] = [
  [],
  [],
  ['confirm'],
  ['confirm', 'accept'],
  ['confirm', 'accept'],
  ['confirm', 'accept', 'ship'],
  ['confirm', 'accept', 'ship'],
  ['confirm', 'accept', 'ship', 'deliver'],
  ['confirm', 'accept', 'ship', 'deliver'],
  ['confirm', 'accept', 'ship', 'deliver', 'complete'],
  ['cancel'],
  ['confirm', 'accept', 'ship', 'refuse'],
  ['confirm', 'accept', 'ship', 'return'],
]

export async function seedDemoOrders(): Promise<number> {
  const [existing] = await db.select({ n: sql<number>`count(*)::int` }).from(orders)
  if (Number(existing?.n ?? 0) > 0) return 0
  // Variants on sale with stock, a few per cooperative, in a stable order.
  const offers = await db
    .select({
      variantId: productVariants.id,
      cooperativeId: products.cooperativeId,
      stock: productVariants.stockQuantity,
    })
    .from(productVariants)
    .innerJoin(products, eq(products.id, productVariants.productId))
    .where(
      and(
        productPurchasable(),
        gt(productVariants.stockQuantity, 4),
        isNull(productVariants.archivedAt),
      ),
    )
    .orderBy(asc(products.slug), asc(productVariants.position))
  if (offers.length < 2) return 0
  const byCooperative = new Map<string, string[]>()
  for (const o of offers)
    byCooperative.set(o.cooperativeId, [...(byCooperative.get(o.cooperativeId) ?? []), o.variantId])
  const groups = [...byCooperative.values()]
  const now = Date.now()
  let placed = 0
  for (const [index, journey] of journeys.entries()) {
    const customer = customers[index % customers.length]!
    // Most orders from one cooperative; every third one from two (one parcel each).
    const first = groups[index % groups.length]!
    const lines = [first[index % first.length]!]
    if (index % 3 === 0 && groups.length > 1) {
      const second = groups[(index + 1) % groups.length]!
      lines.push(second[0]!)
    }
    let owner: CartOwner = { userId: null, guestCartId: null }
    for (const variantId of lines) {
      const change = await addToCart({ owner, variantId, quantity: 1 + (index % 2) })
      owner = { userId: null, guestCartId: change.cartId }
    }
    // Spread over the last days, all delivered within the withdrawal window but the one
    // that shows a completed order, placed weeks ago.
    const completes = journey.includes('complete')
    const at = new Date(
      completes ? now - 20 * day : now - (journeys.length - index) * 10 * 3600_000,
    )
    const destination = await resolveDestination(customer.regionCode, customer.provinceCode)
    const summary = summarize(
      await reviewCart(owner, customer.locale),
      await loadShippingRates(),
      destination,
    )
    const order = await placeOrder({
      owner,
      idempotencyKey: crypto.randomUUID(),
      digest: summary.digest,
      contactName: customer.contactName,
      phone: customer.phone,
      email: customer.email,
      regionCode: customer.regionCode,
      provinceCode: customer.provinceCode,
      city: customer.city,
      addressLine: customer.addressLine,
      postcode: null,
      locale: customer.locale,
      paymentMethod: 'cod',
      now: at,
    })
    placed++
    const parts = await db.execute(sql`
      select co.id, co.cooperative_id, (select m.user_id from ${memberships} m where m.cooperative_id = co.cooperative_id and m.role = 'manager' limit 1) as manager
        from cooperative_orders co join orders o on o.id = co.order_id where o.number = ${order.number}`)
    const rows = (
      Array.isArray(parts) ? parts : (parts as unknown as { rows: unknown[] }).rows
    ) as {
      id: string
      cooperative_id: string
      manager: string | null
    }[]
    for (const part of rows) {
      let step = 0
      for (const action of journey) {
        step++
        const when = new Date(at.getTime() + step * 3600_000 * 7)
        if (action === 'complete') {
          await completeDeliveredOrders(new Date(when.getTime() + 8 * day))
          continue
        }
        const actor: MoveActor = {
          kind: 'manager',
          userId: part.manager ?? '',
          cooperativeId: part.cooperative_id,
        }
        await moveCooperativeOrder({
          actor,
          cooperativeOrderId: part.id,
          action,
          now: when,
          details:
            action === 'ship'
              ? { carrier: index % 2 ? 'amana' : 'ctm', trackingNumber: `RR${100200300 + index}MA` }
              : action === 'cancel'
                ? { reason: 'المنتج نفد قبل التحضير / rupture de stock' }
                : {},
        })
      }
    }
  }
  return placed
}
