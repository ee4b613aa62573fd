import { and, asc, eq } from 'drizzle-orm'
import { cooperatives } from '#db/schema/cooperatives.ts'
import { provinces, regions } from '#db/schema/reference.ts'
import { db } from '#app/utils/db.server.ts'
import { type Language, localized } from '#app/modules/i18n/config.ts'

function excerpt(text: string, length = 180) {
  if (text.length <= length) return text
  const cut = text.slice(0, length)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), length - 20))}…`
}

/** Active cooperatives for the public pages, in the reader's language. */
export async function listPublicCooperatives(language: Language) {
  const rows = await db
    .select({
      slug: cooperatives.slug,
      displayName: cooperatives.displayName,
      legalNameAr: cooperatives.legalNameAr,
      legalNameFr: cooperatives.legalNameFr,
      womenMemberCount: cooperatives.womenMemberCount,
      storyAr: cooperatives.storyAr,
      storyFr: cooperatives.storyFr,
      storyEn: cooperatives.storyEn,
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
    .where(and(eq(cooperatives.status, 'active')))
    .orderBy(asc(cooperatives.displayName))
  return rows.map((row) => ({
    slug: row.slug,
    displayName: row.displayName,
    legalName: language === 'ar' ? row.legalNameAr : row.legalNameFr,
    womenMemberCount: row.womenMemberCount,
    region: localized(row, 'region', language),
    province: localized(row, 'province', language),
    story: excerpt(localized(row, 'story', language)),
  }))
}
