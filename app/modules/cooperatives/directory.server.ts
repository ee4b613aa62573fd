import { sql } from 'drizzle-orm'
import { type StoredImage } from '#db/schema/cooperatives.ts'
import { getDatabase } from '#app/utils/db.server.ts'
import { productPurchasable } from '#app/modules/certification/gate.server.ts'
import { type Language, localized } from '#app/modules/i18n/config.ts'
import { loadStorefrontReference } from '#app/modules/catalog/listing.server.ts'
import {
  catalogVersionColumn,
  whileCatalogUnchanged,
} from '#app/modules/catalog/snapshot.server.ts'

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
  const [row] = await getDatabase().rows<{
    version: string | null
    featured: unknown
    active: number
    women: number
  }>(sql`
    select
      ${catalogVersionColumn} as version,
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
  return { version: row?.version ?? null, value: row }
}

export const directoryPageSize = 12

export type DirectoryFilters = {
  /** Region code, e.g. `tanger-tetouan-al-hoceima`. */
  region?: string
  /** Slug of a top-level product category, e.g. `honey`'s parent. */
  category?: string
  page?: number
}

export type DirectoryFacet = { value: string; label: string; count: number }

type DirectoryRow = Record<string, unknown> & {
  slug: string
  displayName: string
  logo: StoredImage | null
  womenMemberCount: number
  productCount: number
  makes: string[] | null
}

/**
 * The public directory of cooperatives: active ones only, filtered by region and by what
 * they make (a top-level category in which they have a product on sale), with the number
 * of cooperatives behind each filter option (each counted with the other filter applied).
 * Unknown filter values match nothing rather than everything; a page past the end is the
 * last page.
 */
export async function listDirectory(filters: DirectoryFilters, language: Language) {
  const reference = await loadStorefrontReference(language)
  const region = filters.region
    ? (reference.regions.find((r) => r.code === filters.region) ?? null)
    : undefined
  const category = filters.category
    ? (reference.categories.find((c) => c.slug === filters.category && !c.parentId) ?? null)
    : undefined
  const regionFilter =
    region === undefined
      ? sql`true`
      : region === null
        ? sql`false`
        : sql`co.region_id = ${region.id}::uuid`
  const categoryFilter =
    category === undefined
      ? sql`true`
      : category === null
        ? sql`false`
        : sql`exists (select 1 from makes m where m.cooperative_id = co.id and m.category_id = ${category.id}::uuid)`
  const database = getDatabase()
  // What each active cooperative makes: the top-level categories of its products on sale.
  const makes = sql`makes as (
    select distinct products.cooperative_id, coalesce(c.parent_id, c.id) as category_id
    from products join categories c on c.id = products.category_id
    where ${productPurchasable()}
  )`
  const [counts] = await database.rows<{ total: number; regions: unknown; categories: unknown }>(
    sql`with ${makes}
    select
      (select count(*)::int from cooperatives co
        where co.status = 'active' and ${regionFilter} and ${categoryFilter}) as total,
      (select coalesce(json_agg(json_build_object('id', x.region_id, 'count', x.n)), '[]') from (
        select co.region_id, count(*)::int as n from cooperatives co
        where co.status = 'active' and ${categoryFilter} group by co.region_id) x) as regions,
      (select coalesce(json_agg(json_build_object('id', x.category_id, 'count', x.n)), '[]') from (
        select m.category_id, count(distinct co.id)::int as n
        from cooperatives co join makes m on m.cooperative_id = co.id
        where co.status = 'active' and ${regionFilter} group by m.category_id) x) as categories`,
  )
  const total = counts?.total ?? 0
  const pageCount = Math.max(1, Math.ceil(total / directoryPageSize))
  const page = Math.min(Math.max(1, filters.page ?? 1), pageCount)
  const rows = await database.rows<DirectoryRow>(sql`with ${makes}
    select co.slug, co.display_name as "displayName", co.logo, co.women_member_count as "womenMemberCount",
      co.story_ar as "storyAr", co.story_fr as "storyFr", co.story_en as "storyEn",
      pr.name_ar as "provinceAr", pr.name_fr as "provinceFr", pr.name_en as "provinceEn",
      r.name_ar as "regionAr", r.name_fr as "regionFr", r.name_en as "regionEn",
      (select count(*)::int from products where products.cooperative_id = co.id and ${productPurchasable()}) as "productCount",
      (select array_agg(m.category_id::text) from makes m where m.cooperative_id = co.id) as makes
    from cooperatives co
    join provinces pr on pr.id = co.province_id
    join regions r on r.id = co.region_id
    where co.status = 'active' and ${regionFilter} and ${categoryFilter}
    order by co.women_member_count desc, co.display_name, co.id
    limit ${directoryPageSize} offset ${(page - 1) * directoryPageSize}`)
  const parse = <T>(value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value) as T
  const regionCounts = new Map(
    parse<{ id: string; count: number }[]>(counts?.regions ?? []).map((r) => [r.id, r.count]),
  )
  const categoryCounts = new Map(
    parse<{ id: string; count: number }[]>(counts?.categories ?? []).map((c) => [c.id, c.count]),
  )
  const categoryName = new Map(reference.categories.map((c) => [c.id, c.name]))
  return {
    filters: { region: region?.code ?? filters.region ?? '', category: filters.category ?? '' },
    total,
    page,
    pageCount,
    facets: {
      regions: reference.regions
        .map((r) => ({ value: r.code, label: r.name, count: regionCounts.get(r.id) ?? 0 }))
        .filter((r) => r.count > 0 || r.value === filters.region),
      categories: reference.categories
        .filter((c) => !c.parentId)
        .map((c) => ({ value: c.slug, label: c.name, count: categoryCounts.get(c.id) ?? 0 }))
        .filter((c) => c.count > 0 || c.value === filters.category),
    },
    cooperatives: rows.map((c) => ({
      slug: c.slug,
      displayName: c.displayName,
      logo: c.logo,
      womenMemberCount: c.womenMemberCount,
      productCount: c.productCount,
      province: localized(c, 'province', language),
      region: localized(c, 'region', language),
      story: excerpt(localized(c, 'story', language)),
      makes: (parse<string[] | null>(c.makes) ?? [])
        .map((id) => categoryName.get(id))
        .filter((name): name is string => Boolean(name))
        .sort(),
    })),
  }
}
