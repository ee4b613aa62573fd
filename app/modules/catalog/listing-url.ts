// Listing URLs, shared by the server (suggestions) and the page (chips, pages): one shape.
export const catalogSorts = ['relevance', 'newest', 'price_asc', 'price_desc'] as const
export type CatalogSort = (typeof catalogSorts)[number]

/** The listing's state as it appears in the URL (what the filter form shows back). */
export type ListingParams = {
  q: string
  category: string
  region: string
  badges: string[]
  min: string
  max: string
  inStock: boolean
  sort: CatalogSort
  page: number
}

/** True when the text has something to search for (a letter or a digit). */
export function isSearchable(q: string): boolean {
  return /[\p{L}\p{N}]/u.test(q)
}

/** The URL of a listing with some of its parameters changed (page back to 1 unless given). */
export function listingHref(
  path: string,
  params: ListingParams,
  change: Partial<ListingParams> = {},
): string {
  const next = { ...params, page: 1, ...change }
  const search = new URLSearchParams()
  if (next.q) search.set('q', next.q)
  if (next.category) search.set('category', next.category)
  if (next.region) search.set('region', next.region)
  for (const badge of next.badges) search.append('badge', badge)
  if (next.min) search.set('min', next.min)
  if (next.max) search.set('max', next.max)
  if (next.inStock) search.set('stock', '1')
  const defaultSort = isSearchable(next.q) ? 'relevance' : 'newest'
  if (next.sort !== defaultSort) search.set('sort', next.sort)
  if (next.page > 1) search.set('page', String(next.page))
  const query = search.toString()
  return query ? `${path}?${query}` : path
}
