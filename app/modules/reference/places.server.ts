import { asc, eq } from 'drizzle-orm'
import { provinces, regions } from '#db/schema/reference.ts'
import { db } from '#app/utils/db.server.ts'
import { type Language, localized } from '#app/modules/i18n/config.ts'

export type RegionOption = {
  code: string
  name: string
  provinces: { code: string; name: string }[]
}

/** The 12 regions with their provinces, named in the reader's language. One query. */
export async function listRegionsWithProvinces(language: Language): Promise<RegionOption[]> {
  const rows = await db
    .select({
      regionCode: regions.code,
      regionAr: regions.nameAr,
      regionFr: regions.nameFr,
      regionEn: regions.nameEn,
      provinceCode: provinces.code,
      provinceAr: provinces.nameAr,
      provinceFr: provinces.nameFr,
      provinceEn: provinces.nameEn,
    })
    .from(regions)
    .innerJoin(provinces, eq(provinces.regionId, regions.id))
    .orderBy(asc(regions.number), asc(provinces.code))
  const byRegion = new Map<string, RegionOption>()
  for (const row of rows) {
    let region = byRegion.get(row.regionCode)
    if (!region) {
      region = { code: row.regionCode, name: localized(row, 'region', language), provinces: [] }
      byRegion.set(row.regionCode, region)
    }
    region.provinces.push({ code: row.provinceCode, name: localized(row, 'province', language) })
  }
  for (const region of byRegion.values())
    region.provinces.sort((a, b) => a.name.localeCompare(b.name, language))
  return [...byRegion.values()]
}
