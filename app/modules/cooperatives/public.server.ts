import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm'
import { cooperatives, makers } from '#db/schema/cooperatives.ts'
import { provinces, regions } from '#db/schema/reference.ts'
import { db } from '#app/utils/db.server.ts'
import { type Language, localized } from '#app/modules/i18n/config.ts'

/**
 * The public page of an active cooperative, in the reader's language (Arabic when a text
 * has no translation). Applied, rejected and suspended cooperatives are not public: null.
 */
export async function getPublicCooperative(slug: string, language: Language) {
  const [row] = await db
    .select({
      id: cooperatives.id,
      slug: cooperatives.slug,
      displayName: cooperatives.displayName,
      legalNameAr: cooperatives.legalNameAr,
      legalNameFr: cooperatives.legalNameFr,
      category: cooperatives.category,
      womenOnly: cooperatives.womenOnly,
      memberCount: cooperatives.memberCount,
      womenMemberCount: cooperatives.womenMemberCount,
      foundedYear: cooperatives.foundedYear,
      commune: cooperatives.commune,
      phone: cooperatives.phone,
      showContactButtons: cooperatives.showContactButtons,
      storyAr: cooperatives.storyAr,
      storyFr: cooperatives.storyFr,
      storyEn: cooperatives.storyEn,
      logo: cooperatives.logo,
      regionAr: regions.nameAr,
      regionFr: regions.nameFr,
      regionEn: regions.nameEn,
      provinceAr: provinces.nameAr,
      provinceFr: provinces.nameFr,
      provinceEn: provinces.nameEn,
    })
    .from(cooperatives)
    .innerJoin(regions, eq(regions.id, cooperatives.regionId))
    .innerJoin(provinces, eq(provinces.id, cooperatives.provinceId))
    .where(and(eq(cooperatives.slug, slug), eq(cooperatives.status, 'active')))
  if (!row) return null
  // Only makers who agreed to be shown, and never archived ones.
  const shown = await db
    .select({
      id: makers.id,
      name: makers.name,
      bioAr: makers.bioAr,
      bioFr: makers.bioFr,
      bioEn: makers.bioEn,
      photo: makers.photo,
    })
    .from(makers)
    .where(
      and(eq(makers.cooperativeId, row.id), isNotNull(makers.consentAt), isNull(makers.archivedAt)),
    )
    .orderBy(asc(makers.name))
  return {
    id: row.id,
    slug: row.slug,
    displayName: row.displayName,
    legalName: language === 'ar' ? row.legalNameAr : row.legalNameFr,
    category: row.category,
    womenOnly: row.womenOnly,
    memberCount: row.memberCount,
    womenMemberCount: row.womenMemberCount,
    foundedYear: row.foundedYear,
    commune: row.commune,
    /** Only for a cooperative that chose to show call and WhatsApp buttons. */
    phone: row.showContactButtons ? row.phone : null,
    story: localized(row, 'story', language),
    storyLanguage:
      localized(row, 'story', language) === row.storyAr && language !== 'ar' ? 'ar' : language,
    logo: row.logo,
    region: localized(row, 'region', language),
    province: localized(row, 'province', language),
    makers: shown.map((m) => ({
      id: m.id,
      name: m.name,
      bio: localized(m, 'bio', language) || null,
      photo: m.photo,
    })),
  }
}

/**
 * The name of a suspended cooperative, for the page that says it is temporarily unavailable;
 * null for any other cooperative (or none). Applied and rejected ones were never public: their
 * addresses stay an ordinary "not found".
 */
export async function suspendedCooperativeName(slug: string): Promise<string | null> {
  const [row] = await db
    .select({ displayName: cooperatives.displayName })
    .from(cooperatives)
    .where(and(eq(cooperatives.slug, slug), eq(cooperatives.status, 'suspended')))
  return row?.displayName ?? null
}
