import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm'
import {
  productImages,
  productMakers,
  products,
  type ProductFacts,
  productVariants,
} from '#db/schema/catalog.ts'
import { makers, memberships, type StoredImage } from '#db/schema/cooperatives.ts'
import { orderItems } from '#db/schema/orders.ts'
import { categories, type CertificationCode } from '#db/schema/reference.ts'
import { db } from '#app/utils/db.server.ts'
import { DomainError, isUniqueViolation } from '#app/utils/errors.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { type AssociationScope, type CooperativeScope } from '#app/modules/auth/guards.server.ts'
import {
  canBePublished,
  explainProducts,
  type GateReason,
} from '#app/modules/certification/gate.server.ts'
import { storeImage } from '#app/modules/media/images.server.ts'
import { releaseImage } from '#app/modules/media/release.server.ts'

import { maxProductImages } from './limits.ts'
import { productSlug } from './slugs.ts'
import { isUuid } from '#app/utils/ids.ts'

export { maxProductImages }

function requireManager(scope: CooperativeScope) {
  if (scope.role !== 'manager') throw new DomainError('forbidden', 'errors.managersOnly')
}

/** The product, only if it belongs to the scope's cooperative (else "not found"). */
async function ownProduct(scope: CooperativeScope, productId: string) {
  if (!isUuid(productId)) throw new DomainError('not_found', 'errors.notFound')
  const [product] = await db
    .select()
    .from(products)
    .where(and(eq(products.id, productId), eq(products.cooperativeId, scope.cooperative.id)))
  if (!product) throw new DomainError('not_found', 'errors.notFound')
  return product
}

/** The title's slug in its own script (ADR 017), numbered after the first product to take it. */
async function uniqueProductSlug(title: string, fallback: string) {
  const base = productSlug(title) || fallback
  for (let n = 0; ; n++) {
    const slug = n === 0 ? base : `${base}-${n + 1}`
    const [taken] = await db
      .select({ id: products.id })
      .from(products)
      .where(eq(products.slug, slug))
    if (!taken) return slug
  }
}

async function categoryById(categoryId: string) {
  if (!isUuid(categoryId))
    throw new DomainError('invalid', 'errors.unknownCategory', { field: 'categoryId' })
  const [category] = await db
    .select({ id: categories.id, kind: categories.kind })
    .from(categories)
    .where(eq(categories.id, categoryId))
  if (!category) throw new DomainError('invalid', 'errors.unknownCategory', { field: 'categoryId' })
  return category
}

async function imageFrom(bytes: Buffer, field: string): Promise<StoredImage> {
  try {
    return await storeImage(bytes)
  } catch (error) {
    if (error instanceof DomainError)
      throw new DomainError(error.code, error.messageKey, { details: error.details, field })
    throw error
  }
}

/** The cooperative's products with a photo, price, stock and whether (and why not) on sale. */
export async function listCooperativeProducts(scope: CooperativeScope) {
  const rows = await db
    .select({
      id: products.id,
      slug: products.slug,
      titleAr: products.titleAr,
      titleFr: products.titleFr,
      titleEn: products.titleEn,
      status: products.status,
      madeToOrder: products.madeToOrder,
      // Written out in full: drizzle leaves select-list columns of a one-table query unqualified,
      // and inside this subquery "id" would bind to product_images.
      image: sql<StoredImage | null>`(select pi.image from ${productImages} pi where pi.product_id = "products"."id" order by pi.position limit 1)`,
    })
    .from(products)
    .where(eq(products.cooperativeId, scope.cooperative.id))
    .orderBy(asc(products.status), asc(products.titleAr))
  const ids = rows.map((r) => r.id)
  const [variants, reasons] = await Promise.all([
    ids.length
      ? db
          .select({
            id: productVariants.id,
            productId: productVariants.productId,
            labelAr: productVariants.labelAr,
            labelFr: productVariants.labelFr,
            labelEn: productVariants.labelEn,
            priceCentimes: productVariants.priceCentimes,
            stockQuantity: productVariants.stockQuantity,
          })
          .from(productVariants)
          .where(and(inArray(productVariants.productId, ids), isNull(productVariants.archivedAt)))
          .orderBy(asc(productVariants.position))
      : Promise.resolve([]),
    explainProducts(ids),
  ])
  return rows.map((row) => ({
    ...row,
    variants: variants.filter((v) => v.productId === row.id),
    reasons: reasons.get(row.id) ?? [],
  }))
}

/**
 * The quick way for people who read little: a photo, a category, a name, a price and a
 * quantity make a draft, which can be completed later.
 */
export async function createProductQuick(input: {
  scope: CooperativeScope
  photo: Buffer
  categoryId: string
  titleAr: string
  priceCentimes: number
  stockQuantity: number
  requestId?: string
}) {
  requireManager(input.scope)
  const category = await categoryById(input.categoryId)
  const image = await imageFrom(input.photo, 'photo')
  try {
    // Another product may take the same slug between the check and the insert: try again.
    for (let attempt = 1; ; attempt++) {
      const slug = await uniqueProductSlug(input.titleAr, input.scope.cooperative.slug)
      try {
        return await insertQuickProduct(input, category.id, slug, image)
      } catch (error) {
        if (attempt < 3 && isUniqueViolation(error, 'products_slug_unique')) continue
        throw error
      }
    }
  } catch (error) {
    await releaseImage(image).catch(() => {})
    throw error
  }
}

async function insertQuickProduct(
  input: {
    scope: CooperativeScope
    titleAr: string
    priceCentimes: number
    stockQuantity: number
    requestId?: string
  },
  categoryId: string,
  slug: string,
  image: StoredImage,
) {
  return db.transaction(async (tx) => {
    const [product] = await tx
      .insert(products)
      .values({
        cooperativeId: input.scope.cooperative.id,
        slug,
        categoryId,
        titleAr: input.titleAr,
        status: 'draft',
        madeToOrder: false,
      })
      .returning({ id: products.id })
    await tx.insert(productVariants).values({
      productId: product!.id,
      sku: `${slug.slice(0, 20).toUpperCase()}-1`,
      priceCentimes: input.priceCentimes,
      stockQuantity: input.stockQuantity,
      weightGrams: 500,
    })
    await tx
      .insert(productImages)
      .values({ productId: product!.id, image, altAr: input.titleAr, position: 0 })
    await recordAudit(tx, {
      actorUserId: input.scope.user.id,
      actorRole: input.scope.role,
      action: 'product.created',
      targetType: 'product',
      targetId: product!.id,
      after: { titleAr: input.titleAr, categoryId },
      requestId: input.requestId,
    })
    return { id: product!.id }
  })
}

export async function getProductForEdit(scope: CooperativeScope, productId: string) {
  const product = await ownProduct(scope, productId)
  const [variants, images, tagged, reasons] = await Promise.all([
    db
      .select()
      .from(productVariants)
      .where(and(eq(productVariants.productId, productId), isNull(productVariants.archivedAt)))
      .orderBy(asc(productVariants.position)),
    db
      .select()
      .from(productImages)
      .where(eq(productImages.productId, productId))
      .orderBy(asc(productImages.position)),
    db
      .select({ makerId: productMakers.makerId })
      .from(productMakers)
      .where(eq(productMakers.productId, productId)),
    explainProducts([productId]),
  ])
  return {
    product,
    variants,
    images,
    makerIds: tagged.map((t) => t.makerId),
    reasons: reasons.get(productId) ?? [],
  }
}

export type VariantInput = {
  id: string | null
  sku: string
  labelAr: string
  labelFr: string | null
  labelEn: string | null
  priceCentimes: number
  stockQuantity: number
  /** The stock the form showed when it was opened: the change is applied as a difference. */
  stockShown?: number | null
  weightGrams: number
}

export type ProductUpdate = {
  categoryId: string
  titleAr: string
  titleFr: string | null
  titleEn: string | null
  descriptionAr: string
  descriptionFr: string | null
  descriptionEn: string | null
  facts: ProductFacts
  seasonStartMonth: number | null
  seasonEndMonth: number | null
  claims: CertificationCode[]
  madeToOrder: boolean
  makerIds: string[]
  variants: VariantInput[]
  imageAlts: { id: string; altAr: string; altFr: string | null; altEn: string | null }[]
}

/** Save the whole product form. Ids that do not belong to this product are refused. */
export async function updateProduct(input: {
  scope: CooperativeScope
  productId: string
  update: ProductUpdate
  requestId?: string
}) {
  requireManager(input.scope)
  const product = await ownProduct(input.scope, input.productId)
  const update = input.update
  await categoryById(update.categoryId)
  if (update.variants.length === 0)
    throw new DomainError('invalid', 'errors.variantRequired', { field: 'variants' })
  const skus = update.variants.map((v) => v.sku.toLowerCase())
  if (new Set(skus).size !== skus.length)
    throw new DomainError('invalid', 'errors.skuDuplicate', { field: 'variants' })
  await db.transaction(async (tx) => {
    const existing = await tx
      .select({ id: productVariants.id })
      .from(productVariants)
      .where(and(eq(productVariants.productId, product.id), isNull(productVariants.archivedAt)))
    const existingIds = new Set(existing.map((v) => v.id))
    for (const variant of update.variants) {
      if (variant.id && !existingIds.has(variant.id))
        throw new DomainError('invalid', 'errors.tampered', { field: 'variants' })
    }
    if (update.makerIds.length) {
      const own = await tx
        .select({ id: makers.id })
        .from(makers)
        .where(
          and(
            eq(makers.cooperativeId, input.scope.cooperative.id),
            inArray(makers.id, update.makerIds),
          ),
        )
      if (own.length !== new Set(update.makerIds).size)
        throw new DomainError('invalid', 'errors.tampered', { field: 'makerIds' })
    }
    const imageIds = new Set(
      (
        await tx
          .select({ id: productImages.id })
          .from(productImages)
          .where(eq(productImages.productId, product.id))
      ).map((i) => i.id),
    )
    if (update.imageAlts.some((alt) => !imageIds.has(alt.id)))
      throw new DomainError('invalid', 'errors.tampered', { field: 'images' })

    await tx
      .update(products)
      .set({
        categoryId: update.categoryId,
        titleAr: update.titleAr,
        titleFr: update.titleFr,
        titleEn: update.titleEn,
        descriptionAr: update.descriptionAr,
        descriptionFr: update.descriptionFr,
        descriptionEn: update.descriptionEn,
        facts: update.facts,
        seasonStartMonth: update.seasonStartMonth,
        seasonEndMonth: update.seasonEndMonth,
        claims: update.claims,
        madeToOrder: update.madeToOrder,
      })
      .where(eq(products.id, product.id))
    const kept = update.variants.filter((v) => v.id).map((v) => v.id!)
    const removed = [...existingIds].filter((id) => !kept.includes(id))
    if (removed.length) {
      // A variant that was ever ordered stays, archived, so that its orders keep pointing at it.
      const sold = await tx
        .selectDistinct({ id: orderItems.variantId })
        .from(orderItems)
        .where(inArray(orderItems.variantId, removed))
      const soldIds = sold.map((r) => r.id)
      const unsold = removed.filter((id) => !soldIds.includes(id))
      if (soldIds.length) {
        await tx
          .update(productVariants)
          .set({
            archivedAt: new Date(),
            sku: sql`${productVariants.sku} || '~' || left(${productVariants.id}::text, 8)`,
          })
          .where(inArray(productVariants.id, soldIds))
      }
      if (unsold.length) await tx.delete(productVariants).where(inArray(productVariants.id, unsold))
    }
    // Temporary SKUs first, so that swapping two SKUs does not trip the unique index.
    for (const variant of update.variants.filter((v) => v.id)) {
      await tx
        .update(productVariants)
        .set({ sku: `~${variant.id}` })
        .where(eq(productVariants.id, variant.id!))
    }
    for (const [position, variant] of update.variants.entries()) {
      const values = {
        sku: variant.sku,
        labelAr: variant.labelAr,
        labelFr: variant.labelFr,
        labelEn: variant.labelEn,
        priceCentimes: variant.priceCentimes,
        weightGrams: variant.weightGrams,
        position,
      }
      if (variant.id) {
        // Stock moves by what the person changed, never to the figure the form was showing:
        // units sold while the form was open stay sold.
        // (A form without the figure it showed is taken at its word.)
        const stock =
          variant.stockShown == null
            ? variant.stockQuantity
            : sql`greatest(${productVariants.stockQuantity} + ${variant.stockQuantity - variant.stockShown}, 0)`
        await tx
          .update(productVariants)
          .set({ ...values, stockQuantity: stock })
          .where(eq(productVariants.id, variant.id))
      } else
        await tx
          .insert(productVariants)
          .values({ ...values, stockQuantity: variant.stockQuantity, productId: product.id })
    }
    await tx.delete(productMakers).where(eq(productMakers.productId, product.id))
    if (update.makerIds.length) {
      await tx
        .insert(productMakers)
        .values(
          [...new Set(update.makerIds)].map((makerId) => ({ productId: product.id, makerId })),
        )
    }
    for (const alt of update.imageAlts) {
      await tx
        .update(productImages)
        .set({ altAr: alt.altAr, altFr: alt.altFr, altEn: alt.altEn })
        .where(and(eq(productImages.id, alt.id), eq(productImages.productId, product.id)))
    }
    await recordAudit(tx, {
      actorUserId: input.scope.user.id,
      actorRole: input.scope.role,
      action: 'product.updated',
      targetType: 'product',
      targetId: product.id,
      before: { titleAr: product.titleAr, claims: product.claims },
      after: { titleAr: update.titleAr, claims: update.claims, variants: update.variants.length },
      requestId: input.requestId,
    })
  })
}

export async function addProductImages(input: {
  scope: CooperativeScope
  productId: string
  photos: { bytes: Buffer; altAr: string }[]
  requestId?: string
}) {
  requireManager(input.scope)
  const product = await ownProduct(input.scope, input.productId)
  const [{ count } = { count: 0 }] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(productImages)
    .where(eq(productImages.productId, product.id))
  if (count + input.photos.length > maxProductImages) {
    throw new DomainError('invalid', 'errors.tooManyImages', {
      field: 'photos',
      details: { max: maxProductImages },
    })
  }
  const stored: StoredImage[] = []
  try {
    for (const photo of input.photos) stored.push(await imageFrom(photo.bytes, 'photos'))
    await db.transaction(async (tx) => {
      // Count again under a lock on the product: two uploads at once cannot pass the limit.
      await tx.execute(
        sql`select 1 from ${products} where ${products.id} = ${product.id} for update`,
      )
      const [{ now } = { now: 0 }] = await tx
        .select({ now: sql<number>`count(*)::int` })
        .from(productImages)
        .where(eq(productImages.productId, product.id))
      if (now + stored.length > maxProductImages) {
        throw new DomainError('invalid', 'errors.tooManyImages', {
          field: 'photos',
          details: { max: maxProductImages },
        })
      }
      await tx.insert(productImages).values(
        stored.map((image, i) => ({
          productId: product.id,
          image,
          altAr: input.photos[i]!.altAr || product.titleAr,
          position: now + i,
        })),
      )
      await recordAudit(tx, {
        actorUserId: input.scope.user.id,
        actorRole: input.scope.role,
        action: 'product.images_added',
        targetType: 'product',
        targetId: product.id,
        after: { count: stored.length },
        requestId: input.requestId,
      })
    })
  } catch (error) {
    for (const image of stored) await releaseImage(image).catch(() => {})
    throw error
  }
}

export async function removeProductImage(input: {
  scope: CooperativeScope
  productId: string
  imageId: string
  requestId?: string
}) {
  requireManager(input.scope)
  const product = await ownProduct(input.scope, input.productId)
  const removed = await db.transaction(async (tx) => {
    const [image] = await tx
      .delete(productImages)
      .where(and(eq(productImages.id, input.imageId), eq(productImages.productId, product.id)))
      .returning({ image: productImages.image })
    if (!image) throw new DomainError('not_found', 'errors.notFound')
    await recordAudit(tx, {
      actorUserId: input.scope.user.id,
      actorRole: input.scope.role,
      action: 'product.image_removed',
      targetType: 'product',
      targetId: product.id,
      requestId: input.requestId,
    })
    return image.image
  })
  await releaseImage(removed)
}

/** Move an image one place earlier or later; the first image is the one customers see first. */
export async function moveProductImage(input: {
  scope: CooperativeScope
  productId: string
  imageId: string
  direction: 'up' | 'down'
}) {
  requireManager(input.scope)
  const product = await ownProduct(input.scope, input.productId)
  await db.transaction(async (tx) => {
    const images = await tx
      .select({ id: productImages.id })
      .from(productImages)
      .where(eq(productImages.productId, product.id))
      .orderBy(asc(productImages.position))
    const index = images.findIndex((i) => i.id === input.imageId)
    if (index < 0) throw new DomainError('not_found', 'errors.notFound')
    const target = input.direction === 'up' ? index - 1 : index + 1
    if (target < 0 || target >= images.length) return
    const order = images.map((i) => i.id)
    ;[order[index], order[target]] = [order[target]!, order[index]!]
    for (const [position, id] of order.entries()) {
      await tx.update(productImages).set({ position }).where(eq(productImages.id, id))
    }
  })
}

/** One tap: one more or one fewer in stock (never below zero). */
export async function adjustStock(input: {
  scope: CooperativeScope
  variantId: string
  delta: 1 | -1
  requestId?: string
}) {
  if (!isUuid(input.variantId)) throw new DomainError('not_found', 'errors.notFound')
  return db.transaction(async (tx) => {
    // The product row first, as checkout does (its offer columns follow the stock), so that a
    // tap and a purchase never wait on each other in opposite orders.
    await tx.execute(
      sql`select 1 from ${products} where ${products.id} = (select ${productVariants.productId} from ${productVariants} where ${productVariants.id} = ${input.variantId}) for no key update`,
    )
    const [variant] = await tx
      .update(productVariants)
      .set({ stockQuantity: sql`greatest(${productVariants.stockQuantity} + ${input.delta}, 0)` })
      .where(
        and(
          eq(productVariants.id, input.variantId),
          isNull(productVariants.archivedAt),
          sql`${productVariants.productId} in (select id from ${products} where ${products.cooperativeId} = ${input.scope.cooperative.id})`,
        ),
      )
      .returning({
        stockQuantity: productVariants.stockQuantity,
        productId: productVariants.productId,
      })
    if (!variant) throw new DomainError('not_found', 'errors.notFound')
    await recordAudit(tx, {
      actorUserId: input.scope.user.id,
      actorRole: input.scope.role,
      action: 'product.stock_changed',
      targetType: 'variant',
      targetId: input.variantId,
      after: { delta: input.delta, stock: variant.stockQuantity },
      requestId: input.requestId,
    })
    return variant.stockQuantity
  })
}

/**
 * Publish a product: allowed only when its cooperative is active and its certificates are
 * in force (the gating rule). When refused, the reasons say which certificate is missing.
 */
export async function publishProduct(input: {
  scope: CooperativeScope
  productId: string
  requestId?: string
}): Promise<{ ok: true } | { ok: false; reasons: GateReason[] }> {
  requireManager(input.scope)
  const product = await ownProduct(input.scope, input.productId)
  if (!(await canBePublished(product.id))) {
    const reasons = (await explainProducts([product.id])).get(product.id) ?? []
    return {
      ok: false,
      reasons: reasons.filter((r) => r.kind !== 'draft' && r.kind !== 'archived'),
    }
  }
  await db.transaction(async (tx) => {
    await tx
      .update(products)
      .set({ status: 'published', publishedAt: sql`coalesce(${products.publishedAt}, now())` })
      .where(eq(products.id, product.id))
    await recordAudit(tx, {
      actorUserId: input.scope.user.id,
      actorRole: input.scope.role,
      action: 'product.published',
      targetType: 'product',
      targetId: product.id,
      before: { status: product.status },
      after: { status: 'published' },
      requestId: input.requestId,
    })
  })
  return { ok: true }
}

/** Take a product off sale (archive) or back to draft. */
export async function setProductStatus(input: {
  scope: CooperativeScope
  productId: string
  status: 'draft' | 'archived'
  requestId?: string
}) {
  requireManager(input.scope)
  const product = await ownProduct(input.scope, input.productId)
  await db.transaction(async (tx) => {
    await tx.update(products).set({ status: input.status }).where(eq(products.id, product.id))
    await recordAudit(tx, {
      actorUserId: input.scope.user.id,
      actorRole: input.scope.role,
      action: `product.${input.status === 'archived' ? 'archived' : 'unpublished'}`,
      targetType: 'product',
      targetId: product.id,
      before: { status: product.status },
      after: { status: input.status },
      requestId: input.requestId,
    })
  })
}

/** The association blocks a listing (with a reason the cooperative sees) or lifts the block. */
export async function setProductBlock(input: {
  actor: AssociationScope
  productId: string
  reason: string | null
  requestId?: string
}) {
  if (!isUuid(input.productId)) throw new DomainError('not_found', 'errors.notFound')
  const reason = input.reason?.trim() || null
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ blockedReason: products.blockedReason, cooperativeId: products.cooperativeId })
      .from(products)
      .where(eq(products.id, input.productId))
    if (!before) throw new DomainError('not_found', 'errors.notFound')
    // Like every association decision: never on a cooperative the reviewer belongs to.
    const [own] = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(
        and(
          eq(memberships.cooperativeId, before.cooperativeId),
          eq(memberships.userId, input.actor.user.id),
        ),
      )
    if (own) throw new DomainError('forbidden', 'errors.ownCooperative')
    await tx
      .update(products)
      .set(
        reason
          ? { blockedAt: sql`now()`, blockedReason: reason, blockedBy: input.actor.user.id }
          : { blockedAt: null, blockedReason: null, blockedBy: null },
      )
      .where(eq(products.id, input.productId))
    await recordAudit(tx, {
      actorUserId: input.actor.user.id,
      actorRole: input.actor.role,
      action: reason ? 'product.blocked' : 'product.unblocked',
      targetType: 'product',
      targetId: input.productId,
      before: { blockedReason: before.blockedReason },
      after: { blockedReason: reason },
      requestId: input.requestId,
    })
  })
}
