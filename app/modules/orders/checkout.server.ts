// Checkout: the cart becomes one customer order split into one cooperative order per
// cooperative, in one transaction that re-checks every line against the gating rule and
// takes its units from stock, or writes nothing at all.
import crypto from 'node:crypto'
import { and, eq, inArray, sql } from 'drizzle-orm'
import { productMakers, productVariants, products } from '#db/schema/catalog.ts'
import {
  cartItems,
  carts,
  cooperativeOrders,
  orderEvents,
  orderItems,
  orders,
  shippingRates,
  type PaymentMethod,
} from '#db/schema/orders.ts'
import { provinces, regions } from '#db/schema/reference.ts'
import { db, rowsOf, type Queryable } from '#app/utils/db.server.ts'
import { DomainError, isUniqueViolation } from '#app/utils/errors.server.ts'
import { variantPurchasable } from '#app/modules/certification/gate.server.ts'
import { type CartOwner, type CartReview, reviewCart } from '#app/modules/cart/cart.server.ts'
import { type Language } from '#app/modules/i18n/config.ts'
import { enqueueEmail } from '#app/modules/notifications/outbox.server.ts'
import { paymentProvider, type PlacedOrder } from '#app/modules/payments/methods.server.ts'
import { defaultShippingRates, shippingFee, shippingZone, type ShippingRate } from './shipping.ts'
import { appLink, emailManagers, orderEmailData, orderLink } from './notify.server.ts'
import { hashToken, newAccessToken } from './tokens.server.ts'

export async function loadShippingRates(tx: Queryable = db): Promise<ShippingRate[]> {
  const rows = await tx.select().from(shippingRates)
  if (rows.length === 0) return defaultShippingRates
  return rows.map((r) => ({
    zone: r.zone as ShippingRate['zone'],
    feeCentimes: r.feeCentimes,
    heavyFromGrams: r.heavyFromGrams,
    surchargePerKgCentimes: r.surchargePerKgCentimes,
  }))
}

export type Destination = { regionId: string; provinceId: string }

export type CheckoutGroup = {
  cooperativeId: string
  itemsCentimes: number
  shippingCentimes: number | null
  zone: ShippingRate['zone'] | null
}

export type CheckoutSummary = {
  groups: CheckoutGroup[]
  itemsCentimes: number
  /** Null until the address (its province) is known. */
  shippingCentimes: number | null
  totalCentimes: number | null
  /**
   * A fingerprint of everything the customer is shown (lines, quantities, prices, fees): the
   * order is placed only if it has not changed between the page and the submit.
   */
  digest: string | null
}

/** Fees per cooperative and totals of what can be bought now, for a destination (if known). */
export function summarize(
  review: CartReview,
  rates: ShippingRate[],
  destination: Destination | null,
): CheckoutSummary {
  const groups: CheckoutGroup[] = review.groups
    .filter((g) => g.itemsCentimes > 0)
    .map((g) => {
      if (!destination)
        return {
          cooperativeId: g.cooperative.id,
          itemsCentimes: g.itemsCentimes,
          shippingCentimes: null,
          zone: null,
        }
      const zone = shippingZone(g.cooperative, destination)
      const rate =
        rates.find((r) => r.zone === zone) ?? defaultShippingRates.find((r) => r.zone === zone)!
      return {
        cooperativeId: g.cooperative.id,
        itemsCentimes: g.itemsCentimes,
        shippingCentimes: shippingFee(rate, g.weightGrams),
        zone,
      }
    })
  const itemsCentimes = groups.reduce((s, g) => s + g.itemsCentimes, 0)
  const shippingCentimes = destination
    ? groups.reduce((s, g) => s + (g.shippingCentimes ?? 0), 0)
    : null
  const totalCentimes = shippingCentimes === null ? null : itemsCentimes + shippingCentimes
  const digest =
    totalCentimes === null
      ? null
      : crypto
          .createHash('sha256')
          .update(
            JSON.stringify({
              lines: review.lines
                .filter((l) => l.available > 0)
                .map((l) => [l.variantId, l.available, l.unitPriceCentimes]),
              fees: groups.map((g) => [g.cooperativeId, g.shippingCentimes]),
              destination,
            }),
          )
          .digest('base64url')
          .slice(0, 22)
  return { groups, itemsCentimes, shippingCentimes, totalCentimes, digest }
}

/** Region and province by code; the province must lie in the region. */
export async function resolveDestination(
  regionCode: string,
  provinceCode: string,
  tx: Queryable = db,
): Promise<Destination | null> {
  const [row] = await tx
    .select({ regionId: regions.id, provinceId: provinces.id })
    .from(provinces)
    .innerJoin(regions, eq(regions.id, provinces.regionId))
    .where(and(eq(provinces.code, provinceCode), eq(regions.code, regionCode)))
  return row ?? null
}

export type CheckoutInput = {
  owner: CartOwner
  idempotencyKey: string
  /** The digest of the summary the customer saw; null when no total was shown yet. */
  digest: string | null
  contactName: string
  phone: string
  email: string | null
  regionCode: string
  provinceCode: string
  city: string
  addressLine: string
  postcode: string | null
  locale: Language
  paymentMethod: string
  now?: Date
}

export type PlacedResult = {
  number: string
  /** The guest tracking token (only in this answer and the e-mail). */
  token: string
  redirectTo: string | null
  existing: boolean
}

/**
 * A changed cart (price, stock, gate, fee) between the page and the submit: nothing is
 * written, and the customer is shown the new summary to confirm.
 */
export class SummaryChanged extends DomainError {
  constructor() {
    super('conflict', 'checkout.errors.summaryChanged')
  }
}

// The tracking token is derived from the form's idempotency key with a server secret, so a
// repeated submit can be sent to the same order page; only its hash is stored.
function tokenFor(idempotencyKey: string) {
  return newAccessToken(`order:${idempotencyKey}`)
}

async function existingOrder(tx: Queryable, input: CheckoutInput, cartId: string | null) {
  const [row] = await tx
    .select({ number: orders.number, userId: orders.userId, cartId: orders.cartId })
    .from(orders)
    .where(eq(orders.idempotencyKey, input.idempotencyKey))
  if (!row) return null
  // Only the cart (or account) that placed it is answered with it.
  const same = input.owner.userId ? row.userId === input.owner.userId : row.cartId === cartId
  if (!same) throw new DomainError('conflict', 'checkout.errors.summaryChanged')
  return row.number
}

/** Place the order of the owner's cart. See the module comment. */
export async function placeOrder(input: CheckoutInput): Promise<PlacedResult> {
  const provider = paymentProvider(input.paymentMethod)
  if (!provider)
    throw new DomainError('invalid', 'checkout.errors.paymentMethod', { field: 'paymentMethod' })
  const destination = await resolveDestination(input.regionCode, input.provinceCode)
  if (!destination)
    throw new DomainError('invalid', 'checkout.errors.province', { field: 'provinceCode' })
  const now = input.now ?? new Date()
  const token = await tokenFor(input.idempotencyKey)

  let placed: PlacedOrder
  try {
    const outcome = await db.transaction(async (tx) => {
      // The cart row is locked first: two submits of one cart take turns, and the second
      // finds the order of the first.
      const guestCartId = input.owner.userId ? null : input.owner.guestCartId
      const [cart] = await tx
        .execute(
          input.owner.userId
            ? sql`select id from ${carts} where user_id = ${input.owner.userId} for update`
            : sql`select id from ${carts} where id = ${guestCartId} and user_id is null for update`,
        )
        .then((r) => rowsOf<{ id: string }>(r))
      const cartId = cart?.id ?? null
      const number = await existingOrder(tx, input, cartId)
      if (number) return { existing: number } as const
      if (!cartId) throw new DomainError('conflict', 'checkout.errors.emptyCart')

      const review = await reviewCart(input.owner, input.locale, tx, { at: now })
      if (review.lines.length === 0) throw new DomainError('conflict', 'checkout.errors.emptyCart')
      const unavailable = review.lines.find((l) => l.available === 0)
      if (unavailable)
        throw new DomainError('conflict', 'checkout.errors.lineUnavailable', {
          details: { title: unavailable.title },
        })
      const rates = await loadShippingRates(tx)
      const summary = summarize(review, rates, destination)
      if (!input.digest || input.digest !== summary.digest) throw new SummaryChanged()

      const productIds = [...new Set(review.lines.map((l) => l.productId))].sort()
      const reserved = new Map(
        review.lines.map((line) => [line.variantId, line.madeToOrder ? 0 : line.available]),
      )

      // A look at the shelf without a lock first: once a line is sold out, the buyers still
      // arriving are told at once, before anything is written or any lock is waited for.
      const shelf = await tx
        .select({
          id: productVariants.id,
          stock: productVariants.stockQuantity,
          madeToOrder: products.madeToOrder,
        })
        .from(productVariants)
        .innerJoin(products, eq(products.id, productVariants.productId))
        .where(inArray(productVariants.id, [...reserved.keys()]))
      const short = shelf.filter((v) => !v.madeToOrder && v.stock < (reserved.get(v.id) ?? 0))
      if (short.length) throw new SummaryChanged()
      const [sequence] = rowsOf<{ n: string | number }>(
        await tx.execute(sql`select nextval('order_numbers') as n`),
      )
      const year = new Intl.DateTimeFormat('en', {
        year: 'numeric',
        timeZone: 'Africa/Casablanca',
      }).format(now)
      const orderNumber = `TW-${year}-${String(sequence!.n).padStart(6, '0')}`
      const [order] = await tx
        .insert(orders)
        .values({
          number: orderNumber,
          accessTokenHash: hashToken(token),
          idempotencyKey: input.idempotencyKey,
          userId: input.owner.userId,
          cartId,
          contactName: input.contactName,
          phone: input.phone,
          email: input.email,
          regionId: destination.regionId,
          provinceId: destination.provinceId,
          city: input.city,
          addressLine: input.addressLine,
          postcode: input.postcode,
          locale: input.locale,
          paymentMethod: provider.method as PaymentMethod,
          itemsCentimes: summary.itemsCentimes,
          shippingCentimes: summary.shippingCentimes!,
          totalCentimes: summary.totalCentimes!,
          termsAcceptedAt: now,
          createdAt: now,
        })
        .returning({ id: orders.id })
      const makerRows = await tx
        .select({
          productId: productMakers.productId,
          makerId: productMakers.makerId,
          share: productMakers.share,
        })
        .from(productMakers)
        .where(inArray(productMakers.productId, productIds))
        .orderBy(productMakers.makerId)
      const variantRows = await tx
        .select({
          id: productVariants.id,
          sku: productVariants.sku,
          weightGrams: productVariants.weightGrams,
          labelAr: productVariants.labelAr,
          labelFr: productVariants.labelFr,
          labelEn: productVariants.labelEn,
          titleAr: products.titleAr,
          titleFr: products.titleFr,
          titleEn: products.titleEn,
        })
        .from(productVariants)
        .innerJoin(products, eq(products.id, productVariants.productId))
        .where(
          inArray(
            productVariants.id,
            review.lines.map((l) => l.variantId),
          ),
        )
      const cooperativeOrderRows: PlacedOrder['cooperativeOrders'] = []
      for (const group of review.groups) {
        const fees = summary.groups.find((g) => g.cooperativeId === group.cooperative.id)!
        const total = group.itemsCentimes + fees.shippingCentimes!
        const [co] = await tx
          .insert(cooperativeOrders)
          .values({
            orderId: order!.id,
            cooperativeId: group.cooperative.id,
            status: provider.initialStatus,
            itemsCentimes: group.itemsCentimes,
            shippingCentimes: fees.shippingCentimes!,
            totalCentimes: total,
            shippingZone: fees.zone!,
            weightGrams: group.weightGrams,
            createdAt: now,
          })
          .returning({ id: cooperativeOrders.id })
        cooperativeOrderRows.push({ id: co!.id, totalCentimes: total })
        await tx.insert(orderItems).values(
          group.lines.map((line) => {
            const v = variantRows.find((r) => r.id === line.variantId)!
            return {
              cooperativeOrderId: co!.id,
              productId: line.productId,
              variantId: line.variantId,
              productSlug: line.productSlug,
              titleAr: v.titleAr,
              titleFr: v.titleFr,
              titleEn: v.titleEn,
              variantLabelAr: v.labelAr,
              variantLabelFr: v.labelFr,
              variantLabelEn: v.labelEn,
              sku: v.sku,
              unitPriceCentimes: line.unitPriceCentimes,
              quantity: line.available,
              lineCentimes: line.lineCentimes,
              commissionBps: group.cooperative.commissionBps,
              reservedQuantity: reserved.get(line.variantId) ?? 0,
              makerIds: makerRows
                .filter((m) => m.productId === line.productId)
                .map((m) => m.makerId),
              makerShares: makerRows
                .filter((m) => m.productId === line.productId)
                .map((m) => m.share),
              weightGrams: v.weightGrams,
            }
          }),
        )
        await tx.insert(orderEvents).values({
          orderId: order!.id,
          cooperativeOrderId: co!.id,
          action: 'place',
          fromStatus: null,
          toStatus: provider.initialStatus,
          actorUserId: input.owner.userId,
          actorKind: 'customer',
          createdAt: now,
        })
      }
      placed = {
        id: order!.id,
        number: orderNumber,
        totalCentimes: summary.totalCentimes!,
        locale: input.locale,
        email: input.email,
        accessToken: token,
        cooperativeOrders: cooperativeOrderRows,
      }
      await provider.recordPlacement(tx, placed)
      await tx.delete(cartItems).where(eq(cartItems.cartId, cartId))

      // E-mails go out with the order (the outbox is written in this transaction).
      const link = orderLink(orderNumber, token)
      if (input.email) {
        await enqueueEmail(tx, {
          to: input.email,
          locale: input.locale,
          template: 'orderReceived',
          data: await orderEmailData(tx, order!.id, input.locale, { link }),
        })
      }
      // A card order reaches the cooperatives once it is paid (the `pay` move tells them).
      const awaitingPayment = provider.initialStatus === 'pending_payment'
      for (const [index, group] of awaitingPayment ? [] : review.groups.entries()) {
        await emailManagers(tx, {
          cooperativeId: group.cooperative.id,
          template: 'cooperativeNewOrder',
          data: {
            number: orderNumber,
            cooperative: group.cooperative.name,
            link: appLink(
              `/coop/${group.cooperative.slug}/orders/${cooperativeOrderRows[index]!.id}`,
            ),
          },
        })
      }
      // Take the units last, so that the rows every buyer of a product waits on are held for
      // as short a time as possible.
      // Then product rows, then variants, each in id order, so that concurrent checkouts (and
      // stock taps) always wait on each other in the same order and never deadlock.
      await tx.execute(
        sql`select 1 from ${products} where ${inArray(products.id, productIds)} order by ${products.id} for no key update`,
      )
      for (const line of [...review.lines].sort((a, b) => a.variantId.localeCompare(b.variantId))) {
        const updated = rowsOf<{ id: string; price: number }>(
          await tx.execute(sql`
            update ${productVariants}
               set stock_quantity = ${productVariants.stockQuantity} - ${reserved.get(line.variantId) ?? 0}
              from ${products}
             where ${productVariants.id} = ${line.variantId}
               and ${products.id} = ${productVariants.productId}
               and ${variantPurchasable(line.available, now)}
            returning ${productVariants.id} as id, ${productVariants.priceCentimes} as price`),
        )
        // The gate or the stock said no since the summary was read, or the price moved:
        // everything written above is rolled back with this transaction.
        if (updated.length !== 1 || Number(updated[0]!.price) !== line.unitPriceCentimes)
          throw new SummaryChanged()
      }
      return { placed: true } as const
    })
    if (outcome.existing) {
      return { number: outcome.existing, token, redirectTo: null, existing: true }
    }
  } catch (error) {
    // Two submits of one form that raced past the cart lock (different carts cannot share
    // a key): the unique key lets only one order exist.
    if (isUniqueViolation(error, 'orders_idempotency_unique')) {
      const [row] = await db
        .select({ number: orders.number })
        .from(orders)
        .where(eq(orders.idempotencyKey, input.idempotencyKey))
      if (row) return { number: row.number, token, redirectTo: null, existing: true }
    }
    throw error
  }
  const next = await provider.afterPlacement(placed!)
  return { number: placed!.number, token, redirectTo: next?.redirectTo ?? null, existing: false }
}

/** Raw `execute` results are an array (postgres.js) or `{ rows }` (PGlite). */
export { rowsOf }
