// The storefront's one listing query (issue 5): full-text search, filters, sorts, facet counts
// and the gating rule composed in a single SQL statement, whatever the page shows.
import { sql, type SQL } from 'drizzle-orm'
import { products } from '#db/schema/catalog.ts'
import { getDatabase } from '#app/utils/db.server.ts'
import { purchasableListing } from '#app/modules/certification/gate.server.ts'

import { type CatalogSort, isSearchable } from './listing-url.ts'
import { catalogVersionColumn, whileCatalogUnchanged } from './snapshot.server.ts'

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
 * Searches the purchasable products, in two statements, each kept in memory while the
 * catalogue has not changed (snapshot.server.ts): the total and the facet counts, once per
 * query and filters whatever the page (each facet counts with every filter but its own, so a
 * count is what choosing that value would show); then the page itself, read in the order
 * of an index and stopped at its last product. With `at` (tests, previews) nothing is kept.
 */
export async function searchCatalog(query: CatalogQuery, at?: Date): Promise<CatalogResult> {
  const { page: _page, sort: _sort, pageSize: _size, ...filters } = query
  const counts = at
    ? (await runFacets(query, at)).value
    : await whileCatalogUnchanged(`facets:${JSON.stringify(filters)}`, () => runFacets(query))
  // An empty result needs no page; a page past the end is empty.
  const pageSize = query.pageSize ?? catalogPageSize
  const page = pageNumber(query)
  if (counts.total === 0 || (page - 1) * pageSize >= counts.total) {
    return { total: counts.total, ids: [], facets: counts.facets }
  }
  const ids = at
    ? (await runPage(query, counts.fuzzy, at)).value
    : await whileCatalogUnchanged(`page:${counts.fuzzy}:${JSON.stringify(query)}`, () =>
        runPage(query, counts.fuzzy),
      )
  return { total: counts.total, ids, facets: counts.facets }
}

type Counts = { total: number; facets: CatalogFacets; fuzzy: boolean }

async function runFacets(
  query: CatalogQuery,
  at?: Date,
): Promise<{ version: string | null; value: Counts }> {
  const [row] = await getDatabase().rows<{
    catalog_version: string | null
    fuzzy: boolean
    total: number
    categories: Record<string, number> | string
    regions: Record<string, number> | string
    badges: Record<string, number> | string
    in_stock: number
    price_range: { min: number | null; max: number | null } | string
  }>(facetStatement(query, at))
  const priceRange = json(row!.price_range)
  const value: Counts = {
    total: row!.total,
    fuzzy: Boolean(row!.fuzzy),
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
  return { version: row!.catalog_version, value }
}

async function runPage(
  query: CatalogQuery,
  fuzzy: boolean,
  at?: Date,
): Promise<{ version: string | null; value: string[] }> {
  const rows = await getDatabase().rows<{ id: string; catalog_version: string | null }>(
    pageStatement(query, fuzzy, at),
  )
  if (rows.length === 0) {
    const [row] = await getDatabase().rows<{ catalog_version: string | null }>(
      sql`select ${catalogVersionColumn} as catalog_version`,
    )
    return { version: row!.catalog_version, value: [] }
  }
  return { version: rows[0]!.catalog_version, value: rows.map((r) => r.id) }
}

function pageNumber(query: CatalogQuery): number {
  return Math.min(Math.max(1, Math.trunc(query.page) || 1), maxPage)
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

/** What every statement of a listing shares: its scope, its words and its filters. */
function listingParts(query: CatalogQuery, at?: Date) {
  const q = query.q.trim().slice(0, maxQueryLength)
  const searching = isSearchable(q)
  const gate = purchasableListing(at, { broad: isBroad(query) })
  const conditions: SQL[] = [gate.where]
  if (query.cooperativeId) conditions.push(sql`${products.cooperativeId} = ${query.cooperativeId}`)
  if (query.excludeProductId) conditions.push(sql`${products.id} <> ${query.excludeProductId}`)
  if (query.categoryIds) conditions.push(sql`${products.categoryId} in ${ids(query.categoryIds)}`)
  // Each query built once per statement (a scalar subquery is an init plan): the fuzzy one
  // reads the vocabulary, and in a select list it would otherwise be rebuilt for every row.
  const exactQuery = sql`(select taawun_search_query(${q}))`
  const fuzzyQuery = sql`(select taawun_fuzzy_query(${q}))`
  const match = {
    exact: sql`${products.searchDocument} @@ ${exactQuery}`,
    fuzzy: sql`${products.searchDocument} @@ ${fuzzyQuery}`,
  }
  const rank = {
    exact: sql`ts_rank('{0.1, 0.2, 0.4, 1.0}', ${products.searchDocument}, ${exactQuery})`,
    fuzzy: sql`ts_rank('{0.1, 0.2, 0.4, 1.0}', ${products.searchDocument}, ${fuzzyQuery})`,
  }
  return { q, searching, gate, conditions, match, rank }
}

/**
 * The total and the facet counts of a listing (the benchmark explains it): the products
 * that pass the gate and the scope and, when searching, match the words (every word, as a
 * prefix) are gathered once — or, only when no product matches the words, those that match
 * the words the query probably meant (typos, ADR 008), which `fuzzy` reports.
 */
export function facetStatement(query: CatalogQuery, at?: Date): SQL {
  const { searching, gate, conditions, match, rank } = listingParts(query, at)
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
  const where = (except?: Filter, extra?: SQL) => {
    const parts = (Object.keys(filters) as Filter[])
      .filter((f) => f !== except && filters[f])
      .map((f) => filters[f]!)
    if (extra) parts.push(extra)
    return parts.length ? sql`where ${sql.join(parts, sql` and `)}` : sql``
  }
  const candidates = (words: SQL | null, score: SQL) => sql`
    select ${products.id} as id, ${products.categoryId} as category_id, gate_co.region_id,
      ${products.badges} as badges, ${products.minPriceCentimes} as price,
      (${products.inStock} or ${products.madeToOrder}) as available,
      ${score} as rank
    from ${gate.from}
    where ${sql.join(words ? [...conditions, words] : conditions, sql` and `)}`
  const gathered = searching
    ? sql`
      with words as materialized (${candidates(match.exact, rank.exact)}),
      m as materialized (
        select * from words
        union all
        ${candidates(sql`not exists (select 1 from words) and ${match.fuzzy}`, rank.fuzzy)}
      )`
    : sql`with m as materialized (${candidates(null, sql`0`)})`
  return sql`
    ${gathered}
    select
      ${catalogVersionColumn} as catalog_version,
      ${searching ? sql`not exists (select 1 from words)` : sql`false`} as fuzzy,
      (select count(*)::int from m ${where()}) as total,
      (select coalesce(json_object_agg(f.key, f.n), '{}') from (
        select m.category_id as key, count(*)::int as n from m ${where('category')} group by 1
      ) f) as categories,
      (select coalesce(json_object_agg(f.key, f.n), '{}') from (
        select m.region_id as key, count(*)::int as n from m ${where('region')} group by 1
      ) f) as regions,
      (select coalesce(json_object_agg(f.key, f.n), '{}') from (
        select b as key, count(*)::int as n from m cross join unnest(m.badges) b ${where('badges')} group by 1
      ) f) as badges,
      (select count(*)::int from m ${where('stock', sql`m.available`)}) as in_stock,
      (select json_build_object('min', min(m.price), 'max', max(m.price)) from m ${where('price')}) as price_range
  `
}

/**
 * One page of a listing (the benchmark explains it): the products in the order of the
 * listing or price index, each checked against the gate and the filters, stopped at the
 * page's last one; when searching, the (few) matching products ranked.
 */
export function pageStatement(query: CatalogQuery, fuzzy: boolean, at?: Date): SQL {
  const { searching, gate, conditions, match, rank } = listingParts(query, at)
  const pageSize = query.pageSize ?? catalogPageSize
  const page = pageNumber(query)
  const where = [...conditions]
  if (searching) where.push(fuzzy ? match.fuzzy : match.exact)
  if (query.regionId) where.push(sql`gate_co.region_id = ${query.regionId}`)
  if (query.badges.length) where.push(sql`${products.badges} @> ${textArray(query.badges)}::text[]`)
  if (query.minPriceCentimes !== null || query.maxPriceCentimes !== null) {
    where.push(
      sql`${products.minPriceCentimes} between ${query.minPriceCentimes ?? 0} and ${query.maxPriceCentimes ?? 2147483647}`,
    )
  }
  if (query.inStock) where.push(sql`(${products.inStock} or ${products.madeToOrder})`)
  const sort = query.sort === 'relevance' && !searching ? 'newest' : query.sort
  const order = {
    relevance: sql`${fuzzy ? rank.fuzzy : rank.exact} desc, ${products.publishedAt} desc nulls last, ${products.id}`,
    newest: sql`${products.publishedAt} desc nulls last, ${products.id}`,
    price_asc: sql`${products.minPriceCentimes} asc nulls last, ${products.id}`,
    price_desc: sql`${products.minPriceCentimes} desc nulls last, ${products.id}`,
  }[sort]
  return sql`
    select ${products.id} as id, ${catalogVersionColumn} as catalog_version
    from ${gate.from}
    where ${sql.join(where, sql` and `)}
    order by ${order}
    limit ${pageSize} offset ${(page - 1) * pageSize}`
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
