import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm'
import { productImages, productMakers, products, productVariants } from '#db/schema/catalog.ts'
import { certificateProducts, certificates } from '#db/schema/certification.ts'
import { cooperatives, makers } from '#db/schema/cooperatives.ts'
import {
  categories,
  categoryRequirements,
  certificationTypes,
  provinces,
  regions,
} from '#db/schema/reference.ts'
import { db } from '#app/utils/db.server.ts'
import { productPurchasable } from '#app/modules/certification/gate.server.ts'
import { type Language, localized } from '#app/modules/i18n/config.ts'
import { factsFor } from './facts.ts'

/**
 * A product as customers see it — only while it may be sold (the gating rule is part of the
 * query). Null otherwise: strangers get "not available".
 */
export async function getPublicProduct(slug: string, language: Language) {
  const [row] = await db
    .select({
      id: products.id,
      slug: products.slug,
      titleAr: products.titleAr,
      titleFr: products.titleFr,
      titleEn: products.titleEn,
      descriptionAr: products.descriptionAr,
      descriptionFr: products.descriptionFr,
      descriptionEn: products.descriptionEn,
      facts: products.facts,
      claims: products.claims,
      madeToOrder: products.madeToOrder,
      seasonStartMonth: products.seasonStartMonth,
      seasonEndMonth: products.seasonEndMonth,
      cooperativeId: products.cooperativeId,
      cooperativeSlug: cooperatives.slug,
      cooperativeName: cooperatives.displayName,
      cooperativeLogo: cooperatives.logo,
      womenMemberCount: cooperatives.womenMemberCount,
      cooperativePhone: cooperatives.phone,
      showContactButtons: cooperatives.showContactButtons,
      regionAr: regions.nameAr,
      regionFr: regions.nameFr,
      regionEn: regions.nameEn,
      categorySlug: categories.slug,
      categoryParentId: categories.parentId,
      publishedAt: products.publishedAt,
      updatedAt: products.updatedAt,
      provinceAr: provinces.nameAr,
      provinceFr: provinces.nameFr,
      provinceEn: provinces.nameEn,
      categoryId: products.categoryId,
      categoryAr: categories.nameAr,
      categoryFr: categories.nameFr,
      categoryEn: categories.nameEn,
    })
    .from(products)
    .innerJoin(cooperatives, eq(cooperatives.id, products.cooperativeId))
    .innerJoin(provinces, eq(provinces.id, cooperatives.provinceId))
    .innerJoin(regions, eq(regions.id, cooperatives.regionId))
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .where(and(eq(products.slug, slug), productPurchasable()))
  if (!row) return null
  const [variants, images, productMakerRows, badges] = await Promise.all([
    db
      .select()
      .from(productVariants)
      .where(and(eq(productVariants.productId, row.id), isNull(productVariants.archivedAt)))
      .orderBy(asc(productVariants.position)),
    db
      .select()
      .from(productImages)
      .where(eq(productImages.productId, row.id))
      .orderBy(asc(productImages.position)),
    db
      .select({ name: makers.name, photo: makers.photo })
      .from(productMakers)
      .innerJoin(makers, eq(makers.id, productMakers.makerId))
      .where(
        and(
          eq(productMakers.productId, row.id),
          isNotNull(makers.consentAt),
          isNull(makers.archivedAt),
        ),
      ),
    // One badge per required type or claim: the certificate in force that covers it.
    db
      .selectDistinctOn([certificates.type], {
        id: certificates.id,
        type: certificates.type,
        signName: certificates.signName,
        nameAr: certificationTypes.nameAr,
        nameFr: certificationTypes.nameFr,
        nameEn: certificationTypes.nameEn,
      })
      .from(certificates)
      .innerJoin(certificationTypes, eq(certificationTypes.code, certificates.type))
      .where(
        and(
          eq(certificates.cooperativeId, row.cooperativeId),
          eq(certificates.status, 'approved'),
          sql`${certificates.issuedAt} <= now() and (${certificates.expiresAt} is null or now() < ${certificates.expiresAt})`,
          sql`(${certificates.scope} = 'cooperative' or exists (select 1 from ${certificateProducts} cp where cp.certificate_id = ${certificates.id} and cp.product_id = ${row.id}))`,
          sql`(${certificates.type} in (select cr.certification_type from ${categoryRequirements} cr where cr.category_id = ${row.categoryId})
            or ${certificates.type} in (select unnest(p.claims) from ${products} p where p.id = ${row.id}))`,
        ),
      )
      .orderBy(certificates.type, asc(certificates.expiresAt)),
  ])
  return {
    id: row.id,
    slug: row.slug,
    title: localized(row, 'title', language),
    description: localized(row, 'description', language),
    facts: row.facts,
    factViews: factsFor(row.facts, language),
    madeToOrder: row.madeToOrder,
    season:
      row.seasonStartMonth && row.seasonEndMonth
        ? { start: row.seasonStartMonth, end: row.seasonEndMonth }
        : null,
    category: {
      id: row.categoryId,
      slug: row.categorySlug,
      parentId: row.categoryParentId,
      name: localized(row, 'category', language),
    },
    publishedAt: row.publishedAt,
    updatedAt: row.updatedAt,
    cooperative: {
      slug: row.cooperativeSlug,
      name: row.cooperativeName,
      logo: row.cooperativeLogo,
      womenMemberCount: row.womenMemberCount,
      /** Only for a cooperative that chose to show call and WhatsApp buttons. */
      phone: row.showContactButtons ? row.cooperativePhone : null,
      province: localized(row, 'province', language),
      region: localized(row, 'region', language),
    },
    variants: variants.map((v) => ({
      id: v.id,
      sku: v.sku,
      label: localized(v, 'label', language),
      priceCentimes: v.priceCentimes,
      stock: v.stockQuantity,
    })),
    images: images.map((i) => ({
      image: i.image,
      alt: localized(i, 'alt', language) || localized(row, 'title', language),
    })),
    makers: productMakerRows.map((m) => ({ name: m.name, photo: m.photo })),
    badges: badges.map((b) => ({
      certificateId: b.id,
      type: b.type,
      name: b.signName ?? localized(b, 'name', language),
    })),
  }
}

/**
 * What a stranger may learn of a product that is not on sale: nothing but its category, to
 * suggest similar products. Null when no product has this slug.
 */
export async function unavailableProductCategory(slug: string): Promise<string | null> {
  const [row] = await db
    .select({ categoryId: products.categoryId })
    .from(products)
    .where(eq(products.slug, slug))
  return row?.categoryId ?? null
}
