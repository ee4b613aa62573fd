import { sql } from 'drizzle-orm'
import { type StoredImage } from '#db/schema/cooperatives.ts'
import { getDatabase } from '#app/utils/db.server.ts'
import { productPurchasable } from '#app/modules/certification/gate.server.ts'
import { type Language, localized } from '#app/modules/i18n/config.ts'
import { whileCatalogUnchanged } from '#app/modules/catalog/snapshot.server.ts'

function excerpt(text: string, length = 160) {
  if (text.length <= length) return text
  const cut = text.slice(0, length)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), length - 20))}…`
}

/**
 * The home page's cooperatives and impact in one query: active cooperatives that have a
 * product on sale (the largest first), and the totals over all active cooperatives.
 */
export async function featuredCooperatives(language: Language, limit = 6) {
  const row = await whileCatalogUnchanged(`featured:${limit}`, () => readFeatured(limit))
  type Featured = Record<string, unknown> & {
    slug: string
    displayName: string
    logo: StoredImage | null
    womenMemberCount: number
  }
  const featured = (
    typeof row?.featured === 'string' ? JSON.parse(row.featured) : (row?.featured ?? [])
  ) as Featured[]
  return {
    cooperatives: featured.map((c) => ({
      slug: c.slug,
      displayName: c.displayName,
      logo: c.logo,
      womenMemberCount: c.womenMemberCount,
      province: localized(c, 'province', language),
      region: localized(c, 'region', language),
      story: excerpt(localized(c, 'story', language)),
    })),
    activeCooperatives: row?.active ?? 0,
    womenMembers: row?.women ?? 0,
  }
}

async function readFeatured(limit: number) {
  const [row] = await getDatabase().rows<{ featured: unknown; active: number; women: number }>(sql`
    select
      (select coalesce(json_agg(f), '[]') from (
        select co.slug, co.display_name as "displayName", co.logo, co.women_member_count as "womenMemberCount",
          co.story_ar as "storyAr", co.story_fr as "storyFr", co.story_en as "storyEn",
          pr.name_ar as "provinceAr", pr.name_fr as "provinceFr", pr.name_en as "provinceEn",
          r.name_ar as "regionAr", r.name_fr as "regionFr", r.name_en as "regionEn"
        from cooperatives co
        join provinces pr on pr.id = co.province_id
        join regions r on r.id = co.region_id
        where co.status = 'active'
          and exists (select 1 from products where products.cooperative_id = co.id and ${productPurchasable()})
        order by co.women_member_count desc, co.display_name
        limit ${limit}
      ) f) as featured,
      (select count(*)::int from cooperatives where status = 'active') as active,
      (select coalesce(sum(women_member_count), 0)::int from cooperatives where status = 'active') as women
  `)
  return row
}
