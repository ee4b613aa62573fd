// Once orders exist, a cooperative's stock edits must never undo a sale, and a variant that
// was sold is archived, not deleted, when it is removed from the product form.
import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { productStock, productVariants, products } from '#db/schema/catalog.ts'
import { orderItems } from '#db/schema/orders.ts'
import { db } from '#app/utils/db.server.ts'
import { type CooperativeScope } from '#app/modules/auth/guards.server.ts'
import { getPublicProduct } from '#app/modules/catalog/storefront.server.ts'
import { updateProduct, type ProductUpdate } from '#app/modules/catalog/products.server.ts'
import { checkout, guestCartWith, sellingCooperative } from './testing.server.ts'

async function managerScope(seller: Awaited<ReturnType<typeof sellingCooperative>>) {
  return {
    user: { id: seller.manager.id },
    role: 'manager',
    cooperative: {
      id: seller.cooperative.id,
      slug: seller.cooperative.slug,
      displayName: 'x',
      status: 'active',
    },
  } as unknown as CooperativeScope
}

async function formOf(productId: string): Promise<ProductUpdate> {
  const [product] = await db.select().from(products).where(eq(products.id, productId))
  const variants = await db
    .select()
    .from(productVariants)
    .where(eq(productVariants.productId, productId))
  return {
    categoryId: product!.categoryId,
    titleAr: product!.titleAr,
    titleFr: product!.titleFr,
    titleEn: product!.titleEn,
    descriptionAr: product!.descriptionAr,
    descriptionFr: product!.descriptionFr,
    descriptionEn: product!.descriptionEn,
    facts: product!.facts,
    seasonStartMonth: null,
    seasonEndMonth: null,
    claims: [],
    madeToOrder: false,
    makerIds: [],
    imageAlts: [],
    variants: variants.map((v) => ({
      id: v.id,
      sku: v.sku,
      labelAr: v.labelAr,
      labelFr: v.labelFr,
      labelEn: v.labelEn,
      priceCentimes: v.priceCentimes,
      stockQuantity: v.stockQuantity,
      stockShown: v.stockQuantity,
      weightGrams: v.weightGrams,
    })),
  }
}

async function stockOf(variantId: string) {
  const [row] = await db
    .select({ stock: productVariants.stockQuantity, archivedAt: productVariants.archivedAt })
    .from(productVariants)
    .where(eq(productVariants.id, variantId))
  return row
}

describe('stock edits after sales', () => {
  test('a form opened before a sale changes stock by what was typed, keeping the sale', async () => {
    const seller = await sellingCooperative({ stock: 10 })
    const form = await formOf(seller.product.id) // shows 10
    await checkout(await guestCartWith([{ variantId: seller.variantId, quantity: 3 }])) // 7 left
    // She found 2 more jars: types 12 in the form that still shows 10.
    form.variants[0]!.stockQuantity = 12
    await updateProduct({
      scope: await managerScope(seller),
      productId: seller.product.id,
      update: form,
    })
    expect((await stockOf(seller.variantId))!.stock).toBe(9)
  })

  test('a sold variant removed from the form is archived, hidden and kept for its orders', async () => {
    const seller = await sellingCooperative({ stock: 5 })
    await checkout(await guestCartWith([{ variantId: seller.variantId, quantity: 1 }]))
    const form = await formOf(seller.product.id)
    form.variants = [
      {
        id: null,
        sku: form.variants[0]!.sku, // the SKU may be reused by the new variant
        labelAr: '1 كغ',
        labelFr: '1 kg',
        labelEn: null,
        priceCentimes: 22000,
        stockQuantity: 4,
        weightGrams: 1000,
      },
    ]
    await updateProduct({
      scope: await managerScope(seller),
      productId: seller.product.id,
      update: form,
    })
    expect((await stockOf(seller.variantId))!.archivedAt).not.toBeNull()
    const [item] = await db.select().from(orderItems)
    expect(item!.variantId).toBe(seller.variantId)
    const page = await getPublicProduct(seller.product.slug, 'fr')
    expect(page!.variants.map((v) => v.priceCentimes)).toEqual([22000])
    const [offer] = await db
      .select({ min: products.minPriceCentimes, stock: productStock.stockTotal })
      .from(products)
      .innerJoin(productStock, eq(productStock.productId, products.id))
      .where(eq(products.id, seller.product.id))
    expect(offer).toEqual({ min: 22000, stock: 4 })
  })

  test('an unsold variant removed from the form is deleted', async () => {
    const seller = await sellingCooperative({ stock: 5 })
    const form = await formOf(seller.product.id)
    form.variants = [{ ...form.variants[0]!, id: null, sku: 'NEW-1' }]
    await updateProduct({
      scope: await managerScope(seller),
      productId: seller.product.id,
      update: form,
    })
    expect(await stockOf(seller.variantId)).toBeUndefined()
  })
})
