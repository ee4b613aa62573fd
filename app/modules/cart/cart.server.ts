// The cart: lines of variants and quantities, for a guest (through a cookie) or an account.
// Every read re-evaluates the gating rule and stock for each line and says what changed.
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm'
import { productImages, productVariants, products } from '#db/schema/catalog.ts'
import { cooperatives } from '#db/schema/cooperatives.ts'
import { cartItems, carts, maxLineQuantity } from '#db/schema/orders.ts'
import { provinces, regions } from '#db/schema/reference.ts'
import { type StoredImage } from '#db/schema/cooperatives.ts'
import { db, type Queryable } from '#app/utils/db.server.ts'
import { DomainError } from '#app/utils/errors.server.ts'
import { isUuid } from '#app/utils/ids.ts'
import {
  explainProducts,
  productPurchasable,
  type GateReason,
} from '#app/modules/certification/gate.server.ts'
import { type Language, localized } from '#app/modules/i18n/config.ts'

/** Whose cart: a signed-in user's, or the guest cart named by the cookie. */
export type CartOwner = { userId: string | null; guestCartId: string | null }

/** The cart row of this owner, or null when there is none yet. Reads only. */
export async function findCartId(owner: CartOwner, tx: Queryable = db): Promise<string | null> {
  if (owner.userId) {
    const [row] = await tx
      .select({ id: carts.id })
      .from(carts)
      .where(eq(carts.userId, owner.userId))
    return row?.id ?? null
  }
  if (!owner.guestCartId) return null
  const [row] = await tx
    .select({ id: carts.id })
    .from(carts)
    .where(and(eq(carts.id, owner.guestCartId), isNull(carts.userId)))
  return row?.id ?? null
}

/** The owner's cart, created when missing. `created` tells the route to set the cookie. */
async function ensureCart(tx: Queryable, owner: CartOwner) {
  const existing = await findCartId(owner, tx)
  if (existing) return { cartId: existing, created: false }
  if (owner.userId) {
    await tx.insert(carts).values({ userId: owner.userId }).onConflictDoNothing()
    const id = await findCartId(owner, tx)
    if (!id) throw new Error('the cart was not created')
    return { cartId: id, created: false }
  }
  const [row] = await tx.insert(carts).values({}).returning({ id: carts.id })
  return { cartId: row!.id, created: true }
}

type VariantFacts = {
  id: string
  priceCentimes: number
  stockQuantity: number
  madeToOrder: boolean
  purchasable: boolean
}

async function variantFacts(tx: Queryable, variantId: string): Promise<VariantFacts | null> {
  if (!isUuid(variantId)) return null
  const [row] = await tx
    .select({
      id: productVariants.id,
      priceCentimes: productVariants.priceCentimes,
      stockQuantity: productVariants.stockQuantity,
      madeToOrder: products.madeToOrder,
      purchasable: sql<boolean>`${productPurchasable()}`,
    })
    .from(productVariants)
    .innerJoin(products, eq(products.id, productVariants.productId))
    .where(and(eq(productVariants.id, variantId), isNull(productVariants.archivedAt)))
  return row ?? null
}

function limitFor(variant: VariantFacts) {
  return variant.madeToOrder ? maxLineQuantity : Math.min(maxLineQuantity, variant.stockQuantity)
}

export type CartChange = { cartId: string; created: boolean; quantity: number; limited: boolean }

/**
 * Put `quantity` more of a variant in the cart. Only what is on sale can be added; the line
 * is held to the stock (and to a per-line maximum), and `limited` says when it was.
 */
export async function addToCart(input: {
  owner: CartOwner
  variantId: string
  quantity: number
}): Promise<CartChange> {
  if (!Number.isInteger(input.quantity) || input.quantity < 1 || input.quantity > maxLineQuantity)
    throw new DomainError('invalid', 'cart.errors.quantity', { field: 'quantity' })
  return db.transaction(async (tx) => {
    const variant = await variantFacts(tx, input.variantId)
    if (!variant) throw new DomainError('not_found', 'cart.errors.unknownVariant')
    if (!variant.purchasable) throw new DomainError('conflict', 'cart.errors.notOnSale')
    const limit = limitFor(variant)
    if (limit < 1) throw new DomainError('conflict', 'cart.errors.soldOut')
    const { cartId, created } = await ensureCart(tx, input.owner)
    const [current] = await tx
      .select({ quantity: cartItems.quantity })
      .from(cartItems)
      .where(and(eq(cartItems.cartId, cartId), eq(cartItems.variantId, variant.id)))
    const wanted = (current?.quantity ?? 0) + input.quantity
    const quantity = Math.min(wanted, limit)
    await tx
      .insert(cartItems)
      .values({ cartId, variantId: variant.id, quantity, seenPriceCentimes: variant.priceCentimes })
      .onConflictDoUpdate({
        target: [cartItems.cartId, cartItems.variantId],
        set: { quantity, seenPriceCentimes: variant.priceCentimes },
      })
    await tx.update(carts).set({ updatedAt: new Date() }).where(eq(carts.id, cartId))
    return { cartId, created, quantity, limited: quantity < wanted }
  })
}

/** Set a line's quantity (0 removes it). Held to the stock like `addToCart`. */
export async function setCartQuantity(input: {
  owner: CartOwner
  variantId: string
  quantity: number
}): Promise<{ quantity: number; limited: boolean }> {
  if (!Number.isInteger(input.quantity) || input.quantity < 0 || input.quantity > maxLineQuantity)
    throw new DomainError('invalid', 'cart.errors.quantity', { field: 'quantity' })
  if (!isUuid(input.variantId)) throw new DomainError('not_found', 'cart.errors.unknownVariant')
  return db.transaction(async (tx) => {
    const cartId = await findCartId(input.owner, tx)
    if (!cartId) throw new DomainError('not_found', 'cart.errors.unknownVariant')
    const [line] = await tx
      .select({ variantId: cartItems.variantId })
      .from(cartItems)
      .where(and(eq(cartItems.cartId, cartId), eq(cartItems.variantId, input.variantId)))
    if (!line) throw new DomainError('not_found', 'cart.errors.unknownVariant')
    const variant = input.quantity === 0 ? null : await variantFacts(tx, input.variantId)
    if (!variant || input.quantity === 0) {
      await tx
        .delete(cartItems)
        .where(and(eq(cartItems.cartId, cartId), eq(cartItems.variantId, input.variantId)))
      return { quantity: 0, limited: false }
    }
    const quantity = Math.max(1, Math.min(input.quantity, limitFor(variant)))
    await tx
      .update(cartItems)
      .set({ quantity, seenPriceCentimes: variant.priceCentimes })
      .where(and(eq(cartItems.cartId, cartId), eq(cartItems.variantId, input.variantId)))
    return { quantity, limited: quantity < input.quantity }
  })
}

export async function removeFromCart(owner: CartOwner, variantId: string) {
  if (!isUuid(variantId)) throw new DomainError('not_found', 'cart.errors.unknownVariant')
  const cartId = await findCartId(owner)
  if (!cartId) return
  await db
    .delete(cartItems)
    .where(and(eq(cartItems.cartId, cartId), eq(cartItems.variantId, variantId)))
}

/** Remove every line that can no longer be bought (the cart page's one-tap clean-up). */
export async function removeUnavailable(owner: CartOwner, language: Language) {
  const review = await reviewCart(owner, language)
  const gone = review.lines.filter((l) => l.available === 0).map((l) => l.variantId)
  if (!review.cartId || gone.length === 0) return 0
  await db
    .delete(cartItems)
    .where(and(eq(cartItems.cartId, review.cartId), inArray(cartItems.variantId, gone)))
  return gone.length
}

/**
 * At sign-in, the guest cart's lines join the account's cart (quantities add up, within the
 * per-line maximum) and the guest cart is deleted.
 */
export async function mergeGuestCart(owner: CartOwner & { userId: string }) {
  if (!owner.guestCartId) return
  await db.transaction(async (tx) => {
    const guestId = await findCartId({ userId: null, guestCartId: owner.guestCartId }, tx)
    if (!guestId) return
    const lines = await tx
      .select({
        variantId: cartItems.variantId,
        quantity: cartItems.quantity,
        seenPriceCentimes: cartItems.seenPriceCentimes,
      })
      .from(cartItems)
      .where(eq(cartItems.cartId, guestId))
    if (lines.length) {
      const { cartId } = await ensureCart(tx, { userId: owner.userId, guestCartId: null })
      await tx
        .insert(cartItems)
        .values(lines.map((l) => ({ ...l, cartId })))
        .onConflictDoUpdate({
          target: [cartItems.cartId, cartItems.variantId],
          set: {
            quantity: sql`least(${cartItems.quantity} + excluded.quantity, ${maxLineQuantity})`,
            seenPriceCentimes: sql`excluded.seen_price_centimes`,
          },
        })
    }
    await tx.delete(carts).where(eq(carts.id, guestId))
  })
}

/** Units in the cart, for the header. One small query; none without a cart. */
export async function cartCount(owner: CartOwner): Promise<number> {
  if (!owner.userId && !owner.guestCartId) return 0
  const [row] = await db
    .select({ count: sql<number>`coalesce(sum(${cartItems.quantity}), 0)::int` })
    .from(cartItems)
    .innerJoin(carts, eq(carts.id, cartItems.cartId))
    .where(
      owner.userId
        ? eq(carts.userId, owner.userId)
        : and(eq(carts.id, owner.guestCartId!), isNull(carts.userId)),
    )
  return Number(row?.count ?? 0)
}

// ——— Review: what the cart holds now, line by line ———

/** Why a line cannot be bought any more, in words a customer understands. */
export type UnavailableReason =
  | { kind: 'withdrawn' }
  | { kind: 'cooperative_paused' }
  | { kind: 'certificate_expired'; type: string }
  | { kind: 'certificate_missing'; type: string }
  | { kind: 'sold_out' }

export type CartLineNotice =
  | { kind: 'unavailable'; reason: UnavailableReason }
  | { kind: 'quantity_lowered'; to: number }
  | { kind: 'price_changed'; from: number; to: number }

export type CartLine = {
  variantId: string
  productId: string
  productSlug: string
  title: string
  variantLabel: string
  image: StoredImage | null
  unitPriceCentimes: number
  /** What the customer asked for. */
  quantity: number
  /** What can be bought now: the quantity, lowered to the stock; 0 when unavailable. */
  available: number
  lineCentimes: number
  weightGrams: number
  madeToOrder: boolean
  maxQuantity: number
  notices: CartLineNotice[]
}

export type CartGroup = {
  cooperative: {
    id: string
    slug: string
    name: string
    provinceId: string
    regionId: string
    province: string
    commissionBps: number
  }
  lines: CartLine[]
  itemsCentimes: number
  weightGrams: number
}

export type CartReview = {
  cartId: string | null
  groups: CartGroup[]
  lines: CartLine[]
  itemsCentimes: number
  count: number
  hasUnavailable: boolean
}

function customerReason(reasons: GateReason[]): UnavailableReason {
  for (const reason of reasons) {
    if (reason.kind === 'cooperative_inactive') return { kind: 'cooperative_paused' }
    if (reason.kind === 'certificate') {
      return reason.state === 'expired'
        ? { kind: 'certificate_expired', type: reason.type }
        : { kind: 'certificate_missing', type: reason.type }
    }
  }
  return { kind: 'withdrawn' }
}

/**
 * The cart as it stands now: each line re-checked against the gating rule and the stock,
 * with what changed since it was added. Reads only (lowered quantities are shown, and the
 * checkout buys what is shown).
 */
export async function reviewCart(
  owner: CartOwner,
  language: Language,
  tx: Queryable = db,
  options: { at?: Date } = {},
): Promise<CartReview> {
  const cartId = await findCartId(owner, tx)
  const empty: CartReview = {
    cartId,
    groups: [],
    lines: [],
    itemsCentimes: 0,
    count: 0,
    hasUnavailable: false,
  }
  if (!cartId) return empty
  const rows = await tx
    .select({
      variantId: cartItems.variantId,
      quantity: cartItems.quantity,
      seenPriceCentimes: cartItems.seenPriceCentimes,
      productId: products.id,
      productSlug: products.slug,
      titleAr: products.titleAr,
      titleFr: products.titleFr,
      titleEn: products.titleEn,
      labelAr: productVariants.labelAr,
      labelFr: productVariants.labelFr,
      labelEn: productVariants.labelEn,
      priceCentimes: productVariants.priceCentimes,
      stockQuantity: productVariants.stockQuantity,
      weightGrams: productVariants.weightGrams,
      archivedAt: productVariants.archivedAt,
      madeToOrder: products.madeToOrder,
      purchasable: sql<boolean>`${productPurchasable(options.at)}`,
      image: sql<
        StoredImage | string | null
      >`(select pi.image from ${productImages} pi where pi.product_id = "products"."id" order by pi.position limit 1)`,
      cooperativeId: cooperatives.id,
      cooperativeSlug: cooperatives.slug,
      cooperativeName: cooperatives.displayName,
      commissionBps: cooperatives.commissionBps,
      provinceId: cooperatives.provinceId,
      regionId: cooperatives.regionId,
      provinceAr: provinces.nameAr,
      provinceFr: provinces.nameFr,
      provinceEn: provinces.nameEn,
    })
    .from(cartItems)
    .innerJoin(productVariants, eq(productVariants.id, cartItems.variantId))
    .innerJoin(products, eq(products.id, productVariants.productId))
    .innerJoin(cooperatives, eq(cooperatives.id, products.cooperativeId))
    .innerJoin(provinces, eq(provinces.id, cooperatives.provinceId))
    .innerJoin(regions, eq(regions.id, cooperatives.regionId))
    .where(eq(cartItems.cartId, cartId))
    .orderBy(asc(cooperatives.displayName), asc(cartItems.createdAt), asc(cartItems.variantId))
  const hidden = rows.filter((r) => !r.purchasable).map((r) => r.productId)
  const reasons = hidden.length ? await explainProducts(hidden, options.at, tx) : new Map()
  const groups = new Map<string, CartGroup>()
  const lines: CartLine[] = []
  for (const row of rows) {
    const notices: CartLineNotice[] = []
    let available = row.quantity
    if (!row.purchasable || row.archivedAt) {
      available = 0
      notices.push({
        kind: 'unavailable',
        reason: row.archivedAt
          ? { kind: 'withdrawn' }
          : customerReason(reasons.get(row.productId) ?? []),
      })
    } else if (!row.madeToOrder && row.stockQuantity < row.quantity) {
      available = row.stockQuantity
      notices.push(
        available === 0
          ? { kind: 'unavailable', reason: { kind: 'sold_out' } }
          : { kind: 'quantity_lowered', to: available },
      )
    }
    if (available > 0 && row.priceCentimes !== row.seenPriceCentimes)
      notices.push({ kind: 'price_changed', from: row.seenPriceCentimes, to: row.priceCentimes })
    const image = typeof row.image === 'string' ? (JSON.parse(row.image) as StoredImage) : row.image
    const line: CartLine = {
      variantId: row.variantId,
      productId: row.productId,
      productSlug: row.productSlug,
      title: localized(row, 'title', language),
      variantLabel: localized(row, 'label', language),
      image,
      unitPriceCentimes: row.priceCentimes,
      quantity: row.quantity,
      available,
      lineCentimes: row.priceCentimes * available,
      weightGrams: row.weightGrams * available,
      madeToOrder: row.madeToOrder,
      maxQuantity: row.madeToOrder
        ? maxLineQuantity
        : Math.max(1, Math.min(maxLineQuantity, row.stockQuantity)),
      notices,
    }
    lines.push(line)
    let group = groups.get(row.cooperativeId)
    if (!group) {
      group = {
        cooperative: {
          id: row.cooperativeId,
          slug: row.cooperativeSlug,
          name: row.cooperativeName,
          provinceId: row.provinceId,
          regionId: row.regionId,
          province: localized(row, 'province', language),
          commissionBps: row.commissionBps,
        },
        lines: [],
        itemsCentimes: 0,
        weightGrams: 0,
      }
      groups.set(row.cooperativeId, group)
    }
    group.lines.push(line)
    group.itemsCentimes += line.lineCentimes
    group.weightGrams += line.weightGrams
  }
  return {
    cartId,
    groups: [...groups.values()],
    lines,
    itemsCentimes: lines.reduce((sum, l) => sum + l.lineCentimes, 0),
    count: lines.reduce((sum, l) => sum + l.available, 0),
    hasUnavailable: lines.some((l) => l.available === 0),
  }
}
