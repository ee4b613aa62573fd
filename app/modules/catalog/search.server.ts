// The storefront's one listing query (issue 5): full-text search, filters, sorts, facet counts
// and the gating rule composed in a single SQL statement, whatever the page shows.
import { sql, type SQL } from 'drizzle-orm'
import { listedProducts, products } from '#db/schema/catalog.ts'
import { getDatabase } from '#app/utils/db.server.ts'
import { purchasableListed, purchasableListing } from '#app/modules/certification/gate.server.ts'

import { type CatalogSort, isSearchable } from './listing-url.ts'
import { catalogVersionColumn, whileCatalogUnchanged } from './snapshot.server.ts'

export const catalogPageSize = 24
/** Longer queries are cut: nobody types more, and the query stays cheap. */
export const maxQueryLength = 100
/** A page number past this is not a real visit (24 × 400 = 9,600 products deep). */
export const maxPage = 400
/**
 * Where the storefront's listings stop counting: a total or a facet value above it is shown
 * as "10,000+" rather than counted to the end every time. Above `maxPage × catalogPageSize`
 * (9,600), so every page a reader can reach lies under it and the pages of a result never
 * depend on a capped total; below it, every count is exact. A count above the cap is
 * reported as `cap + 1`. Listings ask for it (`loadListing`); a caller that shows a figure
 * (the home page's number of products on sale) leaves it out and gets exact counts.
 */
export const countCap = 10_000

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
  /**
   * Counts above this are reported as `countCap + 1` ("10,000+"), and counting stops there;
   * without it, every count is exact. Listings pass `countCap`; tests lower it.
   */
  countCap?: number
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
  /** Every count (this one and the facets') above `countCap` is `countCap + 1`: "more than". */
  total: number
  countCap: number | null
  /** Product ids of the page, in order. */
  ids: string[]
  facets: CatalogFacets
}

type Filter = 'category' | 'region' | 'badges' | 'price' | 'stock'

/**
 * Searches the purchasable products. A listing without words: in two statements, each kept in
 * memory while the catalogue has not changed (snapshot.server.ts): the total and the facet
 * counts, once per filters whatever the page (each facet counts with every filter but its
 * own, so a count is what choosing that value would show; counts stop at `countCap`); then the
 * page itself, read in the order of an index and stopped at its last product. A search: in
 * one statement that gathers the matches once (ADR 022) and gives the counts and the page,
 * kept per query and page. A query no product matches is tried again with the words it
 * probably meant (typos, ADR 008), in a second statement. With `at` (tests, previews)
 * nothing is kept.
 */
export async function searchCatalog(query: CatalogQuery, at?: Date): Promise<CatalogResult> {
  const { page: _page, sort: _sort, pageSize: _size, ...filters } = query
  const cap = query.countCap ?? null
  if (isSearchable(query.q.trim().slice(0, maxQueryLength))) {
    const found = at
      ? (await runFacets(query, at)).value
      : await whileCatalogUnchanged(`search:${JSON.stringify(query)}`, () => runFacets(query))
    return { total: found.total, countCap: cap, facets: found.facets, ids: found.ids ?? [] }
  }
  const counts = at
    ? (await runFacets(query, at)).value
    : await whileCatalogUnchanged(`facets:${JSON.stringify(filters)}`, () => runFacets(query))
  // An empty result needs no page; a page past the end is empty (a capped total has more).
  const pageSize = query.pageSize ?? catalogPageSize
  const page = pageNumber(query)
  const result = { total: counts.total, countCap: cap, facets: counts.facets }
  const beyondCap = cap !== null && counts.total > cap
  if (counts.total === 0 || (!beyondCap && (page - 1) * pageSize >= counts.total)) {
    return { ...result, ids: [] }
  }
  const ids = at
    ? (await runPage(query, counts.fuzzyWords, at)).value
    : await whileCatalogUnchanged(`page:${counts.fuzzyWords}:${JSON.stringify(query)}`, () =>
        runPage(query, counts.fuzzyWords),
      )
  return { ...result, ids }
}

type Counts = {
  total: number
  facets: CatalogFacets
  /** The words the query probably meant (a tsquery), when no product matched its own. */
  fuzzyWords: string | null
  /** A search's page, counted in the same statement; null for a listing without words. */
  ids: string[] | null
}

type FacetRow = {
  catalog_version: string | null
  fuzzy_words: string | null
  total: number
  categories: Record<string, number> | string
  regions: Record<string, number> | string
  badges: Record<string, number> | string
  in_stock: number
  price_range: { min: number | null; max: number | null } | string
  ids: string[] | string | null
}

async function runFacets(
  query: CatalogQuery,
  at?: Date,
): Promise<{ version: string | null; value: Counts }> {
  const [row] = await getDatabase().rows<FacetRow>(facetStatement(query, at))
  let counted: FacetRow = row!
  let fuzzyWords: string | null = null
  // Nothing matched the words as typed: the words they probably meant, given to the planner
  // as a constant so that it reads them from the search index like any other query. The
  // version is the first statement's: if the catalogue moved in between, the result is
  // stale at once and computed again by the next reader.
  if (row!.fuzzy_words) {
    fuzzyWords = row!.fuzzy_words
    const [again] = await getDatabase().rows<FacetRow>(facetStatement(query, at, fuzzyWords))
    counted = again!
  }
  const priceRange = json(counted.price_range)
  const value: Counts = {
    total: counted.total,
    fuzzyWords,
    ids: counted.ids === null ? null : json(counted.ids),
    facets: {
      categories: json(counted.categories),
      regions: json(counted.regions),
      badges: json(counted.badges),
      inStock: counted.in_stock,
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
  fuzzyWords: string | null,
  at?: Date,
): Promise<{ version: string | null; value: string[] }> {
  const rows = await getDatabase().rows<{ id: string; catalog_version: string | null }>(
    pageStatement(query, fuzzyWords, at),
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

/** What a listing reads of each product, wherever it reads it from. */
type ListingColumns = {
  id: SQL
  cooperativeId: SQL
  categoryId: SQL
  regionId: SQL
  badges: SQL
  price: SQL
  /** In stock or made to order. */
  available: SQL
  publishedAt: SQL
  searchDocument: SQL
}

/**
 * Where a listing reads its products: a search, the narrow rows of the products that can be
 * on sale (`listed_products`, ADR 022), so that counting and ranking thousands of matches
 * reads neither the wide product rows nor their out-of-line search documents; a listing
 * without words, the products through the listing index, read in its order.
 */
function listingSource(query: CatalogQuery, searching: boolean, at?: Date) {
  if (searching) {
    const gate = purchasableListed(at)
    const columns: ListingColumns = {
      id: sql`${listedProducts.productId}`,
      cooperativeId: sql`${listedProducts.cooperativeId}`,
      categoryId: sql`${listedProducts.categoryId}`,
      regionId: sql`${listedProducts.regionId}`,
      badges: sql`${listedProducts.badges}`,
      price: sql`${listedProducts.minPriceCentimes}`,
      available: sql`${listedProducts.available}`,
      publishedAt: sql`${listedProducts.publishedAt}`,
      searchDocument: sql`${listedProducts.searchDocument}`,
    }
    return { gate, columns }
  }
  const gate = purchasableListing(at, { broad: isBroad(query) })
  const columns: ListingColumns = {
    id: sql`${products.id}`,
    cooperativeId: sql`${products.cooperativeId}`,
    categoryId: sql`${products.categoryId}`,
    regionId: sql`gate_co.region_id`,
    badges: sql`${products.badges}`,
    price: sql`${products.minPriceCentimes}`,
    available: sql`(${products.inStock} or ${products.madeToOrder})`,
    publishedAt: sql`${products.publishedAt}`,
    searchDocument: sql`${products.searchDocument}`,
  }
  return { gate, columns }
}

/**
 * What every statement of a listing shares: its scope, its words and its filters. `fuzzyWords`
 * (a tsquery's text) replaces the words as typed by those they probably meant.
 */
function listingParts(query: CatalogQuery, at?: Date, fuzzyWords?: string | null) {
  const q = query.q.trim().slice(0, maxQueryLength)
  const searching = isSearchable(q)
  const { gate, columns: c } = listingSource(query, searching, at)
  const conditions: SQL[] = [gate.where]
  if (query.cooperativeId) conditions.push(sql`${c.cooperativeId} = ${query.cooperativeId}`)
  if (query.excludeProductId) conditions.push(sql`${c.id} <> ${query.excludeProductId}`)
  if (query.categoryIds) conditions.push(sql`${c.categoryId} in ${ids(query.categoryIds)}`)
  // The query built once per statement (a scalar subquery is an init plan); the words meant
  // come as a constant, read by the planner like any other.
  const words = fuzzyWords ? sql`${fuzzyWords}::tsquery` : sql`(select taawun_search_query(${q}))`
  const match = sql`${c.searchDocument} @@ ${words}`
  const rank = sql`ts_rank('{0.1, 0.2, 0.4, 1.0}', ${c.searchDocument}, ${words})`
  return { q, searching, gate, columns: c, conditions, match, rank }
}

/**
 * The total and the facet counts of a listing (the benchmark explains it), and when searching
 * its page: the products that pass the gate and the scope and, when searching, match the
 * words (every word, as a prefix) are gathered once, with only the columns the counts read
 * (and the page's order: the rank only when the page is sorted by it), then grouped by the
 * values the facets count (a few hundred groups), which every count then reads. With a cap,
 * every count stops one past it. When searching and no product matches, `fuzzy_words` is
 * the query the words probably meant (typos, ADR 008), to be counted again with
 * `fuzzyWords`; it is built only then.
 */
export function facetStatement(query: CatalogQuery, at?: Date, fuzzyWords?: string | null): SQL {
  const {
    q,
    searching,
    gate,
    columns: c,
    conditions,
    match,
    rank,
  } = listingParts(query, at, fuzzyWords)
  const over = query.countCap === undefined ? null : query.countCap + 1
  const priced =
    query.minPriceCentimes !== null || query.maxPriceCentimes !== null
      ? sql`m.price between ${query.minPriceCentimes ?? 0} and ${query.maxPriceCentimes ?? 2147483647}`
      : null
  // The same filters, on the matches (for the page) and on their groups (for the counts).
  const filters = (of: 'm' | 'g'): Record<Filter, SQL | null> => ({
    category: null,
    region: query.regionId ? sql`${sql.raw(of)}.region_id = ${query.regionId}` : null,
    badges: query.badges.length
      ? sql`${sql.raw(of)}.badges @> ${textArray(query.badges)}::text[]`
      : null,
    price: priced ? (of === 'm' ? priced : sql`g.priced`) : null,
    stock: query.inStock ? sql`${sql.raw(of)}.available` : null,
  })
  const where = (of: 'm' | 'g', except?: Filter, extra?: SQL) => {
    const all = filters(of)
    const parts = (Object.keys(all) as Filter[])
      .filter((f) => f !== except && all[f])
      .map((f) => all[f]!)
    if (extra) parts.push(extra)
    return parts.length ? sql`where ${sql.join(parts, sql` and `)}` : sql``
  }
  // A count, reported up to one past the cap.
  const upTo = (n: SQL) => (over === null ? sql`${n}::int` : sql`least(${n}, ${over})::int`)
  const total = (filter: SQL) => sql`(select ${upTo(sql`coalesce(sum(g.n), 0)`)} from g ${filter})`
  // Counts per value of a facet.
  const perValue = (key: SQL, from: SQL, filter: SQL) => sql`(
    select coalesce(json_object_agg(f.key, f.n), '{}') from (
      select ${key} as key, ${upTo(sql`sum(g.n)`)} as n from ${from} ${filter} group by 1
    ) f)`
  const fuzzyWordsColumn =
    searching && !fuzzyWords
      ? sql`case when not exists (select from m) then nullif(taawun_fuzzy_query(${q})::text, '') end`
      : sql`null::text`
  // A search's page, from the matches gathered: in the order of pageStatement's.
  const pageSize = query.pageSize ?? catalogPageSize
  const page = pageNumber(query)
  const byRank = query.sort === 'relevance'
  const order = (of: 'm' | 'p') =>
    ({
      relevance: sql`${sql.raw(of)}.rank desc, ${sql.raw(of)}.published_at desc nulls last, ${sql.raw(of)}.id`,
      newest: sql`${sql.raw(of)}.published_at desc nulls last, ${sql.raw(of)}.id`,
      price_asc: sql`${sql.raw(of)}.price asc nulls last, ${sql.raw(of)}.id`,
      price_desc: sql`${sql.raw(of)}.price desc nulls last, ${sql.raw(of)}.id`,
    })[query.sort]
  const idsColumn = searching
    ? sql`(select coalesce(json_agg(p.id order by ${order('p')}), '[]') from (
        select m.id, m.rank, m.published_at, m.price from m ${where('m')}
        order by ${order('m')} limit ${pageSize} offset ${(page - 1) * pageSize}
      ) p)`
    : sql`null::json`
  return sql`
    with m as materialized (
      select ${c.categoryId} as category_id, ${c.regionId} as region_id,
        ${c.badges} as badges, ${c.price} as price, ${c.available} as available
        ${searching ? sql`, ${c.id} as id, ${c.publishedAt} as published_at, ${byRank ? rank : sql`null::real`} as rank` : sql``}
      from ${gate.from}
      where ${sql.join(searching ? [...conditions, match] : conditions, sql` and `)}
    ), g as materialized (
      select m.category_id, m.region_id, m.badges, m.available, ${priced ?? sql`true`} as priced,
        count(*) as n, min(m.price) as min_price, max(m.price) as max_price
      from m group by 1, 2, 3, 4, 5
    )
    select
      ${catalogVersionColumn} as catalog_version,
      ${fuzzyWordsColumn} as fuzzy_words,
      ${total(where('g'))} as total,
      ${perValue(sql`g.category_id`, sql`g`, where('g', 'category'))} as categories,
      ${perValue(sql`g.region_id`, sql`g`, where('g', 'region'))} as regions,
      ${perValue(sql`b`, sql`g cross join unnest(g.badges) b`, where('g', 'badges'))} as badges,
      ${total(where('g', 'stock', sql`g.available`))} as in_stock,
      (select json_build_object('min', min(g.min_price), 'max', max(g.max_price)) from g ${where('g', 'price')}) as price_range,
      ${idsColumn} as ids
  `
}

/**
 * One page of a listing (the benchmark explains it): the products in the order of the
 * listing or price index, each checked against the gate and the filters, stopped at the
 * page's last one; when searching, the matching products ranked (`fuzzyWords`: those of
 * the words the query probably meant, when none matched its own).
 */
export function pageStatement(query: CatalogQuery, fuzzyWords: string | null, at?: Date): SQL {
  const {
    searching,
    gate,
    columns: c,
    conditions,
    match,
    rank,
  } = listingParts(query, at, fuzzyWords)
  const pageSize = query.pageSize ?? catalogPageSize
  const page = pageNumber(query)
  const where = [...conditions]
  if (searching) where.push(match)
  if (query.regionId) where.push(sql`${c.regionId} = ${query.regionId}`)
  if (query.badges.length) where.push(sql`${c.badges} @> ${textArray(query.badges)}::text[]`)
  if (query.minPriceCentimes !== null || query.maxPriceCentimes !== null) {
    where.push(
      sql`${c.price} between ${query.minPriceCentimes ?? 0} and ${query.maxPriceCentimes ?? 2147483647}`,
    )
  }
  if (query.inStock) where.push(c.available)
  const sort = query.sort === 'relevance' && !searching ? 'newest' : query.sort
  const order = {
    relevance: sql`${rank} desc, ${c.publishedAt} desc nulls last, ${c.id}`,
    newest: sql`${c.publishedAt} desc nulls last, ${c.id}`,
    price_asc: sql`${c.price} asc nulls last, ${c.id}`,
    price_desc: sql`${c.price} desc nulls last, ${c.id}`,
  }[sort]
  return sql`
    select ${c.id} as id, ${catalogVersionColumn} as catalog_version
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
