// Listings of the storefront (catalog, search, category and cooperative pages): the URL read
// into a query, the query run, the cards fetched, and everything named for the reader.
// A listing page costs three queries whatever it shows: reference names, the search, the cards.
import { redirect } from '@remix-run/node'
import { sql } from 'drizzle-orm'
import { type StoredImage } from '#db/schema/cooperatives.ts'
import { getDatabase } from '#app/utils/db.server.ts'
import { type Language, localized } from '#app/modules/i18n/config.ts'
import { formatMoney } from '#app/modules/i18n/format.ts'
import { moneyInput, parseMoney } from './money.ts'
import {
  catalogSorts,
  type CatalogSort,
  isSearchable,
  listingHref,
  type ListingParams,
} from './listing-url.ts'
import {
  catalogPageSize,
  countCap,
  type CatalogQuery,
  type CatalogResult,
  maxPage,
  maxQueryLength,
  searchCatalog,
} from './search.server.ts'

export type ReferenceCategory = {
  id: string
  slug: string
  parentId: string | null
  icon: string
  position: number
  name: string
}

export type StorefrontReference = {
  categories: ReferenceCategory[]
  regions: { id: string; code: string; name: string }[]
  certificationTypes: { code: string; name: string }[]
}

type NamedRow = Record<string, unknown> & { nameAr: string; nameFr: string; nameEn: string }

/** Category tree, regions and certification types, named for the reader: one query. */
export async function loadStorefrontReference(language: Language): Promise<StorefrontReference> {
  const [row] = await getDatabase().rows<{
    categories: unknown
    regions: unknown
    types: unknown
  }>(sql`
    select
      (select json_agg(json_build_object('id', c.id, 'slug', c.slug, 'parentId', c.parent_id,
        'icon', c.icon, 'position', c.position, 'nameAr', c.name_ar, 'nameFr', c.name_fr, 'nameEn', c.name_en)
        order by c.parent_id nulls first, c.position) from categories c) as categories,
      (select json_agg(json_build_object('id', r.id, 'code', r.code, 'nameAr', r.name_ar,
        'nameFr', r.name_fr, 'nameEn', r.name_en) order by r.number) from regions r) as regions,
      (select json_agg(json_build_object('code', t.code, 'nameAr', t.name_ar, 'nameFr', t.name_fr,
        'nameEn', t.name_en) order by t.code) from certification_types t) as types
  `)
  const list = <T>(value: unknown): T[] =>
    (typeof value === 'string' ? JSON.parse(value) : (value ?? [])) as T[]
  return {
    categories: list<NamedRow & Omit<ReferenceCategory, 'name'>>(row?.categories).map((c) => ({
      id: c.id,
      slug: c.slug,
      parentId: c.parentId,
      icon: c.icon,
      position: c.position,
      name: localized(c, 'name', language),
    })),
    regions: list<NamedRow & { id: string; code: string }>(row?.regions).map((r) => ({
      id: r.id,
      code: r.code,
      name: localized(r, 'name', language),
    })),
    certificationTypes: list<NamedRow & { code: string }>(row?.types).map((t) => ({
      code: t.code,
      name: localized(t, 'name', language),
    })),
  }
}

/** Why a price bound of the URL was not applied (a locale key), and which one. */
export type PriceProblem = { field: 'min' | 'max' | 'both'; message: string }

const maxPriceCentimes = 10_000_000

/**
 * Reads a listing URL. Nothing here can fail: unknown categories, regions or badges and pages
 * that are not numbers are dropped, and the form shows what was actually applied. A price
 * bound that is not an amount (or a minimum above the maximum) is not applied either, but the
 * reader is told why (`priceProblem`) and finds what they typed back in the field.
 */
export function parseListingParams(
  searchParams: URLSearchParams,
  reference: StorefrontReference,
): {
  params: ListingParams
  query: CatalogQuery
  priceInput: { min: string; max: string }
  priceProblem: PriceProblem | null
} {
  const q = (searchParams.get('q') ?? '').trim().slice(0, maxQueryLength)
  const category = reference.categories.find((c) => c.slug === searchParams.get('category'))
  const region = reference.regions.find((r) => r.code === searchParams.get('region'))
  const knownTypes = new Set(reference.certificationTypes.map((t) => t.code))
  const badges = [...new Set(searchParams.getAll('badge'))].filter((b) => knownTypes.has(b)).sort()
  const priceInput = {
    min: (searchParams.get('min') ?? '').trim().slice(0, 20),
    max: (searchParams.get('max') ?? '').trim().slice(0, 20),
  }
  const price = (raw: string) => {
    if (!raw) return { centimes: null, valid: true }
    const centimes = parseMoney(raw)
    return centimes !== null && centimes <= maxPriceCentimes
      ? { centimes, valid: true }
      : { centimes: null, valid: false }
  }
  const min = price(priceInput.min)
  const max = price(priceInput.max)
  let minPrice = min.centimes
  let maxPrice = max.centimes
  let priceProblem: PriceProblem | null = null
  if (!min.valid && !max.valid) {
    priceProblem = { field: 'both', message: 'catalog.priceProblem.notAmounts' }
  } else if (!min.valid) {
    priceProblem = { field: 'min', message: 'catalog.priceProblem.minNotAmount' }
  } else if (!max.valid) {
    priceProblem = { field: 'max', message: 'catalog.priceProblem.maxNotAmount' }
  } else if (minPrice !== null && maxPrice !== null && minPrice > maxPrice) {
    // Neither bound is applied: guessing which one was meant would show misleading results.
    priceProblem = { field: 'both', message: 'catalog.priceProblem.minAboveMax' }
    minPrice = null
    maxPrice = null
  }
  const requestedSort = searchParams.get('sort')
  const sort: CatalogSort = (catalogSorts as readonly string[]).includes(requestedSort ?? '')
    ? (requestedSort as CatalogSort)
    : isSearchable(q)
      ? 'relevance'
      : 'newest'
  const pageNumber = Number(searchParams.get('page') ?? '1')
  const page = Number.isInteger(pageNumber) && pageNumber >= 1 ? Math.min(pageNumber, maxPage) : 1
  const inStock = searchParams.get('stock') === '1'
  return {
    params: {
      q,
      category: category?.slug ?? '',
      region: region?.code ?? '',
      badges,
      min: minPrice === null ? '' : moneyInput(minPrice),
      max: maxPrice === null ? '' : moneyInput(maxPrice),
      inStock,
      sort,
      page,
    },
    query: {
      q,
      categoryIds: category ? categoryWithChildren(reference, category.id) : null,
      regionId: region?.id ?? null,
      badges,
      minPriceCentimes: minPrice,
      maxPriceCentimes: maxPrice,
      inStock,
      sort,
      page,
    },
    priceInput,
    priceProblem,
  }
}

/**
 * The same listing URL without what a plain HTML form adds or people mistype: empty fields
 * (a GET form sends every field, filled or not) and page numbers that are not a page (0,
 * negative, text, "1"). Null when the URL is already clean. Everything else is kept as it
 * was written, so that a redirect changes nothing the reader chose.
 */
export function cleanListingSearch(searchParams: URLSearchParams): URLSearchParams | null {
  const clean = new URLSearchParams()
  let changed = false
  for (const [key, value] of searchParams) {
    if (value.trim() === '') changed = true
    else if (key === 'page' && !/^[1-9]\d{0,5}$/.test(value.trim())) changed = true
    else if (key === 'page' && Number(value) === 1) changed = true
    else clean.append(key, value)
  }
  return changed ? clean : null
}

function redirectTo(pathname: string, search: URLSearchParams): never {
  const query = search.toString()
  throw redirect(query ? `${pathname}?${query}` : pathname, 302)
}

export function categoryWithChildren(reference: StorefrontReference, categoryId: string): string[] {
  return [
    categoryId,
    ...reference.categories.filter((c) => c.parentId === categoryId).map((c) => c.id),
  ]
}

export type StockState =
  | { kind: 'in_stock' }
  | { kind: 'low'; count: number }
  | { kind: 'made_to_order'; days: number | null }
  | { kind: 'out_of_season'; month: number }
  | { kind: 'sold_out' }

/** In season now (Casablanca time), for a season that may wrap around the new year. */
export function inSeason(start: number | null, end: number | null, month: number): boolean {
  if (start === null || end === null) return true
  return start <= end ? month >= start && month <= end : month >= start || month <= end
}

export function currentMonth(now = new Date()): number {
  return Number(
    new Intl.DateTimeFormat('en', { month: 'numeric', timeZone: 'Africa/Casablanca' }).format(now),
  )
}

export function stockState(input: {
  stock: number
  madeToOrder: boolean
  leadTimeDays: number | null
  seasonStartMonth: number | null
  seasonEndMonth: number | null
  month?: number
}): StockState {
  const month = input.month ?? currentMonth()
  if (input.stock > 0)
    return input.stock <= 3 ? { kind: 'low', count: input.stock } : { kind: 'in_stock' }
  if (!inSeason(input.seasonStartMonth, input.seasonEndMonth, month)) {
    return { kind: 'out_of_season', month: input.seasonStartMonth! }
  }
  if (input.madeToOrder) return { kind: 'made_to_order', days: input.leadTimeDays }
  return { kind: 'sold_out' }
}

export type ProductCard = {
  id: string
  slug: string
  title: string
  price: string | null
  priceCentimes: number | null
  image: StoredImage | null
  imageAlt: string
  cooperative: string
  place: string
  badges: { code: string; name: string }[]
  stock: StockState
}

/** Everything a product card shows, for these ids in this order: one query. */
export async function productCards(
  ids: string[],
  language: Language,
  reference: StorefrontReference,
): Promise<ProductCard[]> {
  if (ids.length === 0) return []
  const rows = await getDatabase().rows<{
    id: string
    slug: string
    title_ar: string
    title_fr: string | null
    title_en: string | null
    min_price_centimes: number | null
    stock_total: number
    made_to_order: boolean
    lead_time_days: number | null
    season_start_month: number | null
    season_end_month: number | null
    badges: string[]
    cooperative: string
    province_ar: string
    province_fr: string
    province_en: string
    image: StoredImage | string | null
    alt_ar: string | null
    alt_fr: string | null
    alt_en: string | null
  }>(sql`
    select p.id, p.slug, p.title_ar, p.title_fr, p.title_en, p.min_price_centimes,
      coalesce(ps.stock_total, 0) as stock_total,
      p.made_to_order, (p.facts->>'leadTimeDays')::int as lead_time_days,
      p.season_start_month, p.season_end_month, p.badges,
      co.display_name as cooperative, pr.name_ar as province_ar, pr.name_fr as province_fr,
      pr.name_en as province_en, img.image, img.alt_ar, img.alt_fr, img.alt_en
    from products p
    join cooperatives co on co.id = p.cooperative_id
    join provinces pr on pr.id = co.province_id
    left join product_stock ps on ps.product_id = p.id
    left join lateral (
      select pi.image, pi.alt_ar, pi.alt_fr, pi.alt_en from product_images pi
      where pi.product_id = p.id order by pi.position, pi.created_at limit 1
    ) img on true
    where p.id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})
  `)
  const typeNames = new Map(reference.certificationTypes.map((t) => [t.code, t.name]))
  const byId = new Map(rows.map((r) => [r.id, r]))
  const month = currentMonth()
  return ids.flatMap((id) => {
    const r = byId.get(id)
    if (!r) return []
    const title = localized(
      { titleAr: r.title_ar, titleFr: r.title_fr, titleEn: r.title_en },
      'title',
      language,
    )
    const image = typeof r.image === 'string' ? (JSON.parse(r.image) as StoredImage) : r.image
    return [
      {
        id: r.id,
        slug: r.slug,
        title,
        priceCentimes: r.min_price_centimes,
        price: r.min_price_centimes === null ? null : formatMoney(r.min_price_centimes, language),
        image,
        imageAlt:
          localized({ altAr: r.alt_ar, altFr: r.alt_fr, altEn: r.alt_en }, 'alt', language) ||
          title,
        cooperative: r.cooperative,
        place: localized(
          { provinceAr: r.province_ar, provinceFr: r.province_fr, provinceEn: r.province_en },
          'province',
          language,
        ),
        badges: r.badges.map((code) => ({ code, name: typeNames.get(code) ?? code })),
        stock: stockState({
          stock: r.stock_total,
          madeToOrder: r.made_to_order,
          leadTimeDays: r.lead_time_days,
          seasonStartMonth: r.season_start_month,
          seasonEndMonth: r.season_end_month,
          month,
        }),
      },
    ]
  })
}

export type FacetOption = { value: string; label: string; count: number; icon?: string }

export type Listing = {
  path: string
  params: ListingParams
  /** Above `countCap`, a count (this one, the facets') is `countCap + 1`: "10,000+". */
  total: number
  countCap: number
  pageCount: number
  cards: ProductCard[]
  facets: {
    categories: (FacetOption & { children: FacetOption[] })[]
    regions: FacetOption[]
    badges: FacetOption[]
    inStock: number
    priceRange: { min: string; max: string } | null
  }
  /** When nothing matched: the filters to loosen, each with the URL without it. */
  loosen: { label: string; href: string }[]
  /** The price bounds as typed, and why one was not applied (translated), if so. */
  priceInput: { min: string; max: string }
  priceProblem: { field: PriceProblem['field']; message: string } | null
}

/**
 * One listing page. `fixed` pins what the page is about (a category, a cooperative); the
 * reader's filters add to it.
 */
export async function loadListing(input: {
  url: URL
  language: Language
  reference: StorefrontReference
  fixed?: { categoryId?: string; cooperativeId?: string }
  t: (key: string, options?: Record<string, unknown>) => string
}): Promise<Listing> {
  const { url, language, reference, fixed, t } = input
  const clean = cleanListingSearch(url.searchParams)
  if (clean) redirectTo(url.pathname, clean)
  const { params, query, priceInput, priceProblem } = parseListingParams(
    url.searchParams,
    reference,
  )
  if (fixed?.categoryId) {
    const pinned = categoryWithChildren(reference, fixed.categoryId)
    query.categoryIds = query.categoryIds
      ? query.categoryIds.filter((id) => pinned.includes(id))
      : pinned
  }
  if (fixed?.cooperativeId) query.cooperativeId = fixed.cooperativeId
  // Past 10,000 a count reads "10,000+": a huge result is not counted to the end.
  query.countCap = countCap
  const result: CatalogResult = await searchCatalog(query)
  const cards = await productCards(result.ids, language, reference)
  // A capped total (10,001: "10,000+") is past the last page a reader can reach anyway.
  const pageCount = Math.min(maxPage, Math.max(1, Math.ceil(result.total / catalogPageSize)))
  // A page past the end (a shared link to a listing that has since shrunk): the last one.
  const lastPage = Math.min(pageCount, maxPage)
  if (Number(url.searchParams.get('page') ?? '1') > lastPage) {
    const search = new URLSearchParams(url.searchParams)
    if (lastPage > 1) search.set('page', String(lastPage))
    else search.delete('page')
    redirectTo(url.pathname, search)
  }

  const counts = result.facets.categories
  const visibleCategories = fixed?.categoryId
    ? reference.categories.filter((c) => c.parentId === fixed.categoryId)
    : reference.categories.filter((c) => c.parentId === null)
  const categories = visibleCategories
    .map((c) => {
      const children = reference.categories
        .filter((child) => child.parentId === c.id)
        .map((child) => ({
          value: child.slug,
          label: child.name,
          icon: child.icon,
          count: counts[child.id] ?? 0,
        }))
      // A sum over the cap is over it whatever its parts: "more than" stays "more than".
      const count = Math.min(
        (counts[c.id] ?? 0) + children.reduce((sum, child) => sum + child.count, 0),
        countCap + 1,
      )
      return { value: c.slug, label: c.name, icon: c.icon, count, children }
    })
    .filter((c) => c.count > 0 || c.value === params.category)

  const loosen: Listing['loosen'] = []
  if (result.total === 0) {
    const path = url.pathname
    if (params.q)
      loosen.push({
        label: t('catalog.loosenQuery', { q: params.q }),
        href: listingHref(path, params, { q: '' }),
      })
    if (params.category)
      loosen.push({
        label: t('catalog.loosenCategory'),
        href: listingHref(path, params, { category: '' }),
      })
    if (params.region)
      loosen.push({
        label: t('catalog.loosenRegion'),
        href: listingHref(path, params, { region: '' }),
      })
    if (params.badges.length)
      loosen.push({
        label: t('catalog.loosenBadges'),
        href: listingHref(path, params, { badges: [] }),
      })
    if (params.min || params.max)
      loosen.push({
        label: t('catalog.loosenPrice'),
        href: listingHref(path, params, { min: '', max: '' }),
      })
    if (params.inStock)
      loosen.push({
        label: t('catalog.loosenStock'),
        href: listingHref(path, params, { inStock: false }),
      })
  }

  return {
    path: url.pathname,
    params,
    total: result.total,
    countCap,
    pageCount,
    cards,
    facets: {
      categories,
      regions: reference.regions
        .map((r) => ({ value: r.code, label: r.name, count: result.facets.regions[r.id] ?? 0 }))
        .filter((r) => r.count > 0 || r.value === params.region),
      badges: reference.certificationTypes
        .map((b) => ({ value: b.code, label: b.name, count: result.facets.badges[b.code] ?? 0 }))
        .filter((b) => b.count > 0 || params.badges.includes(b.value)),
      inStock: result.facets.inStock,
      priceRange: result.facets.priceRange
        ? {
            min: formatMoney(result.facets.priceRange.min, language),
            max: formatMoney(result.facets.priceRange.max, language),
          }
        : null,
    },
    loosen,
    priceInput,
    priceProblem: priceProblem
      ? { field: priceProblem.field, message: t(priceProblem.message) }
      : null,
  }
}
