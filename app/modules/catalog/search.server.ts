// The storefront's one listing query (issue 5): full-text search, filters, sorts, facet counts
// and the gating rule composed in a single SQL statement, whatever the page shows.
import { sql, type SQL } from 'drizzle-orm'
import { products } from '#db/schema/catalog.ts'
import { getDatabase } from '#app/utils/db.server.ts'
import { purchasableListing } from '#app/modules/certification/gate.server.ts'

import { type CatalogSort, isSearchable } from './listing-url.ts'
import { whileCatalogUnchanged } from './snapshot.server.ts'

export const catalogPageSize = 24
/** Longer queries are cut: nobody types more, and the query stays cheap. */
export const maxQueryLength = 100
/** A page number past this is not a real visit (24 × 400 = 9,600 products deep). */
export const maxPage = 400

/** What a listing asks for; built from the URL by `parseCatalogQuery`. */
export type CatalogQuery = {
  q: string
  /** Category ids to keep (a category and its sub-categories), or null for all. */
  categoryIds: string[] | null
  regionId: string | null
  /** Certification types every result must show. */
  badges: string[]
  minPriceCentimes: number | null
  maxPriceCentimes: number | null
  inStock: boolean
  sort: CatalogSort
  page: number
  /** Listings of one cooperative. */
  cooperativeId?: string
  /** Leave one product out (related products). */
  excludeProductId?: string
  pageSize?: number
}

/** A query for everything on sale, newest first, with some of its fields given. */
export function catalogQuery(overrides: Partial<CatalogQuery> = {}): CatalogQuery {
  return {
    q: '',
    categoryIds: null,
    regionId: null,
    badges: [],
    minPriceCentimes: null,
    maxPriceCentimes: null,
    inStock: false,
    sort: 'newest',
    page: 1,
    ...overrides,
  }
}

export type CatalogFacets = {
  /** Results per (leaf) category id, with every other filter applied. */
  categories: Record<string, number>
  regions: Record<string, number>
  badges: Record<string, number>
  inStock: number
  /** Lowest and highest prices among the results of every filter but price. */
  priceRange: { min: number; max: number } | null
}

export type CatalogResult = {
  total: number
  /** Product ids of the page, in order. */
  ids: string[]
  facets: CatalogFacets
}

type Filter = 'category' | 'region' | 'badges' | 'price' | 'stock'

/**
 * Searches the purchasable products. One statement: the products that match the words and
 * the gating rule are gathered once, then the page, its total and the facet counts are read
 * from them. Each facet counts with every filter but its own, so a count is what choosing
 * that value would show.
 */
export async function searchCatalog(query: CatalogQuery, at?: Date): Promise<CatalogResult> {
  // Broad listings cost a pass over most of the catalog, and everybody asks for the same few.
  if (!at && isBroad(query)) {
    return whileCatalogUnchanged(`search:${JSON.stringify(query)}`, () => runSearch(query))
  }
  return runSearch(query, at)
}

async function runSearch(query: CatalogQuery, at?: Date): Promise<CatalogResult> {
  const [row] = await getDatabase().rows<{
    total: number
    ids: string[] | string
    categories: Record<string, number> | string
    regions: Record<string, number> | string
    badges: Record<string, number> | string
    in_stock: number
    price_range: { min: number | null; max: number | null } | string
  }>(catalogStatement(query, at))
  const priceRange = json(row!.price_range)
  return {
    total: row!.total,
    ids: json(row!.ids),
    facets: {
      categories: json(row!.categories),
      regions: json(row!.regions),
      badges: json(row!.badges),
      inStock: row!.in_stock,
      priceRange:
        priceRange.min === null || priceRange.max === null
          ? null
          : { min: priceRange.min, max: priceRange.max },
    },
  }
}

/** Without words, category or cooperative, a listing spans most of the catalog. */
function isBroad(query: CatalogQuery): boolean {
  return !isSearchable(query.q.trim()) && !query.categoryIds && !query.cooperativeId
}

/**
 * A few purchasable products of a scope, newest first, without total or facets (related and
 * similar products): the products are read in the order of the listing index and the gate is
 * checked only until enough have passed.
 */
export async function newestPurchasable(
  scope: { categoryIds?: string[] | null; excludeProductId?: string },
  limit: number,
  at?: Date,
): Promise<string[]> {
  const gate = purchasableListing(at)
  const conditions: SQL[] = [gate.where]
  if (scope.categoryIds) conditions.push(sql`${products.categoryId} in ${ids(scope.categoryIds)}`)
  if (scope.excludeProductId) conditions.push(sql`${products.id} <> ${scope.excludeProductId}`)
  const rows = await getDatabase().rows<{ id: string }>(sql`
    select ${products.id} as id from ${gate.from}
    where ${sql.join(conditions, sql` and `)}
    order by ${products.publishedAt} desc nulls last, ${products.id}
    limit ${limit}`)
  return rows.map((r) => r.id)
}

/** The statement behind `searchCatalog` (the benchmark explains it). */
export function catalogStatement(query: CatalogQuery, at?: Date): SQL {
  const pageSize = query.pageSize ?? catalogPageSize
  const page = Math.min(Math.max(1, Math.trunc(query.page) || 1), maxPage)
  const q = query.q.trim().slice(0, maxQueryLength)
  const searching = isSearchable(q)

  const broad = isBroad(query)
  const gate = purchasableListing(at, { broad })
  const conditions: SQL[] = [gate.where]
  if (query.cooperativeId) conditions.push(sql`${products.cooperativeId} = ${query.cooperativeId}`)
  if (query.excludeProductId) conditions.push(sql`${products.id} <> ${query.excludeProductId}`)
  // Narrowing by category and region before the gate keeps the gathered set small.
  if (query.categoryIds) conditions.push(sql`${products.categoryId} in ${ids(query.categoryIds)}`)

  const filters: Record<Filter, SQL | null> = {
    category: null,
    region: query.regionId ? sql`m.region_id = ${query.regionId}` : null,
    badges: query.badges.length ? sql`m.badges @> ${textArray(query.badges)}::text[]` : null,
    price:
      query.minPriceCentimes !== null || query.maxPriceCentimes !== null
        ? sql`m.price between ${query.minPriceCentimes ?? 0} and ${query.maxPriceCentimes ?? 2147483647}`
        : null,
    stock: query.inStock ? sql`m.available` : null,
  }
  const where = (except?: Filter) => {
    const parts = (Object.keys(filters) as Filter[])
      .filter((f) => f !== except && filters[f])
      .map((f) => filters[f]!)
    return parts.length ? sql`where ${sql.join(parts, sql` and `)}` : sql``
  }
  const and = (except: Filter, extra: SQL) => {
    const parts = (Object.keys(filters) as Filter[])
      .filter((f) => f !== except && filters[f])
      .map((f) => filters[f]!)
    return sql`where ${sql.join([...parts, extra], sql` and `)}`
  }

  const sort = query.sort === 'relevance' && !searching ? 'newest' : query.sort
  const order = {
    relevance: sql`m.rank desc, m.published_at desc nulls last, m.id`,
    newest: sql`m.published_at desc nulls last, m.id`,
    price_asc: sql`m.price asc nulls last, m.id`,
    price_desc: sql`m.price desc nulls last, m.id`,
  }[sort]

  // The products gathered once: those that pass the gate and the page's scope and, when
  // searching, match the words (every word, as a prefix); only when no product matches the
  // words, those that match the words the query probably meant (typos, see ADR 008).
  const candidates = (match: SQL | null, rank: SQL) => sql`
    select ${products.id} as id, ${products.categoryId} as category_id, gate_co.region_id,
      ${products.badges} as badges, ${products.minPriceCentimes} as price,
      ${products.publishedAt} as published_at,
      (${products.stockTotal} > 0 or ${products.madeToOrder}) as available,
      ${rank} as rank
    from ${gate.from}
    where ${sql.join(match ? [...conditions, match] : conditions, sql` and `)}`
  const gathered = searching
    ? sql`
      with words as materialized (${candidates(
        sql`${products.searchDocument} @@ taawun_search_query(${q})`,
        sql`ts_rank('{0.1, 0.2, 0.4, 1.0}', ${products.searchDocument}, taawun_search_query(${q}))`,
      )}),
      m as materialized (
        select * from words
        union all
        ${candidates(
          sql`not exists (select 1 from words) and ${products.searchDocument} @@ taawun_fuzzy_query(${q})`,
          sql`ts_rank('{0.1, 0.2, 0.4, 1.0}', ${products.searchDocument}, taawun_fuzzy_query(${q}))`,
        )}
      )`
    : sql`with m as materialized (${candidates(null, sql`0`)})`

  const statement = sql`
    ${gathered}
    select
      (select count(*)::int from m ${where()}) as total,
      (select coalesce(json_agg(p.id), '[]') from (
        select m.id from m ${where()} order by ${order} limit ${pageSize} offset ${(page - 1) * pageSize}
      ) p) as ids,
      (select coalesce(json_object_agg(f.key, f.n), '{}') from (
        select m.category_id as key, count(*)::int as n from m ${where('category')} group by 1
      ) f) as categories,
      (select coalesce(json_object_agg(f.key, f.n), '{}') from (
        select m.region_id as key, count(*)::int as n from m ${where('region')} group by 1
      ) f) as regions,
      (select coalesce(json_object_agg(f.key, f.n), '{}') from (
        select b as key, count(*)::int as n from m cross join unnest(m.badges) b ${where('badges')} group by 1
      ) f) as badges,
      (select count(*)::int from m ${and('stock', sql`m.available`)}) as in_stock,
      (select json_build_object('min', min(m.price), 'max', max(m.price)) from m ${where('price')}) as price_range
  `
  return statement
}

/** postgres.js parses json columns, PGlite may hand them back as text. */
function json<T>(value: T | string): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value
}

function ids(values: string[]): SQL {
  return values.length
    ? sql`(${sql.join(
        values.map((v) => sql`${v}::uuid`),
        sql`, `,
      )})`
    : sql`(null)`
}

/** A text[] literal (bound as a parameter) of codes made of letters and underscores. */
function textArray(values: string[]): string {
  return `{${values.filter((v) => /^[a-z_]+$/.test(v)).join(',')}}`
}
