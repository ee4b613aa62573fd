import { eq, sql } from 'drizzle-orm'
import {
  categories,
  categoryRequirements,
  certificationTypes,
  platformSettings,
  provinces,
  regions,
} from '#db/schema/reference.ts'
import { shippingRates } from '#db/schema/orders.ts'
import { type Queryable } from '#app/utils/db.server.ts'
import { defaultShippingRates } from '#app/modules/orders/shipping.ts'
import {
  categories as categorySeeds,
  certificationTypes as certificationTypeSeeds,
} from './data/catalog-reference.ts'
import { regions as regionSeeds } from './data/regions.ts'

export const defaultSettings = {
  default_commission_bps: 1000,
  payout_hold_days: 7,
  minimum_payout_centimes: 20000,
  withdrawal_window_days: 7,
  /** Who the shipping fee belongs to: the cooperative that ships it, or the platform. */
  shipping_fees_to: 'cooperative',
} as const

/** Regions, provinces, certification types, categories and settings. Safe to run again. */
export async function seedReferenceData(db: Queryable) {
  for (const region of regionSeeds) {
    const { provinces: provinceSeeds, ...fields } = region
    const [row] = await db
      .insert(regions)
      .values(fields)
      .onConflictDoUpdate({
        target: regions.code,
        set: {
          nameAr: fields.nameAr,
          nameFr: fields.nameFr,
          nameEn: fields.nameEn,
          number: fields.number,
        },
      })
      .returning({ id: regions.id })
    if (!row) throw new Error(`Region ${region.code} was not written`)
    await db
      .insert(provinces)
      .values(provinceSeeds.map((p) => ({ ...p, regionId: row.id })))
      .onConflictDoUpdate({
        target: provinces.code,
        set: {
          nameAr: sql`excluded.name_ar`,
          nameFr: sql`excluded.name_fr`,
          nameEn: sql`excluded.name_en`,
        },
      })
  }

  await db.insert(certificationTypes).values(certificationTypeSeeds).onConflictDoNothing()

  for (const category of categorySeeds) {
    const { parentSlug, requires, ...fields } = category
    let parentId: string | null = null
    if (parentSlug) {
      const [parent] = await db
        .select({ id: categories.id })
        .from(categories)
        .where(eq(categories.slug, parentSlug))
      if (!parent)
        throw new Error(`Category ${category.slug} names an unknown parent ${parentSlug}`)
      parentId = parent.id
    }
    const [row] = await db
      .insert(categories)
      .values({ ...fields, parentId })
      .onConflictDoUpdate({
        target: categories.slug,
        set: { icon: fields.icon, position: fields.position },
      })
      .returning({ id: categories.id })
    if (!row) throw new Error(`Category ${category.slug} was not written`)
    if (requires.length) {
      await db
        .insert(categoryRequirements)
        .values(requires.map((code) => ({ categoryId: row.id, certificationType: code })))
        .onConflictDoNothing()
    }
  }

  await db
    .insert(platformSettings)
    .values(Object.entries(defaultSettings).map(([key, value]) => ({ key, value })))
    .onConflictDoNothing()

  // Seeded once; an admin edits them afterwards.
  await db.insert(shippingRates).values(defaultShippingRates).onConflictDoNothing()
}
