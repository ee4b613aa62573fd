import { Form, Link, useLocation, useNavigation, useSubmit } from '@remix-run/react'
import { ChevronLeft, ChevronRight, Search, SlidersHorizontal, X } from 'lucide-react'
import { useEffect, useId, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { listingHref } from '#app/modules/catalog/listing-url.ts'
import type { Listing } from '#app/modules/catalog/listing.server.ts'
import { isLanguage, type Language } from '#app/modules/i18n/config.ts'
import { formatNumber } from '#app/modules/i18n/format.ts'
import { CategoryIcon } from './category-icon.tsx'
import { catalogSearchId } from './site-header.tsx'
import { ProductGrid } from './product-card.tsx'

/** A listing as the loader sends it (see `loadListing`). */
export type ListingView = Listing

const hrefFor = listingHref

/**
 * A count as the reader reads it: "1,234" (« 1 234 »), or past the cap that stopped the
 * counting, "10,000+" (« plus de 10 000 », «أكثر من 10,000»).
 */
export function countLabel(
  count: number,
  cap: number,
  language: Language,
  t: (key: string, options: Record<string, unknown>) => string,
): string {
  return count > cap
    ? t('catalog.countOverCap', { cap: formatNumber(cap, language) })
    : formatNumber(count, language)
}

/**
 * Results with their filters, all in one GET form so that every state has a URL. Without
 * JavaScript the "Show results" button applies the filters; with it, a change applies at once.
 */
export function CatalogListing({
  listing,
  showCategories = true,
}: {
  listing: ListingView
  showCategories?: boolean
}) {
  const { t, i18n } = useTranslation()
  const language: Language = isLanguage(i18n.language) ? i18n.language : 'ar'
  const count = (n: number) => countLabel(n, listing.countCap, language, t)
  const navigation = useNavigation()
  const id = useId()
  const { params, facets, path } = listing
  const filtersRef = useRef<HTMLDetailsElement>(null)
  const submit = useSubmit()
  const wide = () => window.matchMedia('(min-width: 1024px)').matches
  // Filters start folded on phones (results first, the applied ones are the chips above
  // them) and open on wide screens; a price that could not be applied keeps them open.
  useEffect(() => {
    if (filtersRef.current && wide()) filtersRef.current.open = true
  }, [])
  // Coming from the header's search icon (phones): ready to type.
  const { hash } = useLocation()
  useEffect(() => {
    if (hash === `#${catalogSearchId}`) document.getElementById(catalogSearchId)?.focus()
  }, [hash])
  const priceProblem = listing.priceProblem
  // The form sends every field; the URL keeps only the filled ones (without JavaScript the
  // loader redirects to the same clean URL). Applying with the button or Enter folds the
  // filters on phones, so that the results show; a change applied at once keeps them open.
  const submitClean = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const clean = new FormData()
    for (const [key, value] of form) {
      if (typeof value === 'string' && value.trim() !== '') clean.append(key, value)
    }
    const submitter = (event.nativeEvent as SubmitEvent).submitter
    if (submitter && filtersRef.current && !wide()) filtersRef.current.open = false
    void submit(clean, { method: 'get', action: path, preventScrollReset: true })
  }
  const busy = navigation.state === 'loading' && navigation.location.pathname === path
  const submitOnChange = (event: React.FormEvent<HTMLFormElement>) => {
    const target = event.target as HTMLInputElement
    if (target.name === 'q' || target.name === 'min' || target.name === 'max') return
    event.currentTarget.requestSubmit()
  }
  const chips: { label: string; href: string }[] = []
  if (params.q) chips.push({ label: `“${params.q}”`, href: hrefFor(path, params, { q: '' }) })
  const allCategories = facets.categories.flatMap((c) => [c, ...c.children])
  if (params.category && showCategories) {
    const label = allCategories.find((c) => c.value === params.category)?.label ?? params.category
    chips.push({ label, href: hrefFor(path, params, { category: '' }) })
  }
  if (params.region) {
    const label = facets.regions.find((r) => r.value === params.region)?.label ?? params.region
    chips.push({ label, href: hrefFor(path, params, { region: '' }) })
  }
  for (const badge of params.badges) {
    const label = facets.badges.find((b) => b.value === badge)?.label ?? badge
    chips.push({
      label,
      href: hrefFor(path, params, { badges: params.badges.filter((b) => b !== badge) }),
    })
  }
  if (params.min || params.max) {
    chips.push({
      label: t('catalog.priceChip', { min: params.min || '0', max: params.max || '∞' }),
      href: hrefFor(path, params, { min: '', max: '' }),
    })
  }
  if (params.inStock) {
    chips.push({ label: t('catalog.inStockOnly'), href: hrefFor(path, params, { inStock: false }) })
  }

  return (
    <div className="grid gap-6 lg:grid-cols-[16rem_1fr]">
      <Form
        method="get"
        action={path}
        preventScrollReset
        onChange={submitOnChange}
        onSubmit={submitClean}
        className="flex flex-col gap-4"
        aria-label={t('catalog.filters')}
        role="search"
      >
        <div className="flex flex-col gap-1">
          <label htmlFor={catalogSearchId} className="font-semibold">
            {t('catalog.searchLabel')}
          </label>
          <div className="flex gap-2">
            <input
              id={catalogSearchId}
              type="search"
              name="q"
              defaultValue={params.q}
              maxLength={100}
              enterKeyHint="search"
              className="field-input min-w-0 flex-1"
            />
            <button type="submit" className="btn-primary px-3" aria-label={t('catalog.search')}>
              <Search aria-hidden size={20} />
            </button>
          </div>
        </div>
        <details
          ref={filtersRef}
          open={priceProblem ? true : undefined}
          className="rounded-xl border border-sand-dark bg-white p-3"
        >
          <summary className="flex min-h-10 cursor-pointer items-center gap-2 font-semibold">
            <SlidersHorizontal aria-hidden size={18} />
            {t('catalog.filters')}
          </summary>
          <div className="mt-3 flex flex-col gap-4">
            {showCategories ? (
              <div className="flex flex-col gap-1">
                <label htmlFor={`${id}-category`} className="font-semibold">
                  {t('catalog.category')}
                </label>
                <select
                  id={`${id}-category`}
                  name="category"
                  defaultValue={params.category}
                  className="field-input"
                >
                  <option value="">{t('catalog.allCategories')}</option>
                  {facets.categories.map((c) =>
                    c.children.length ? (
                      <optgroup key={c.value} label={c.label}>
                        <option value={c.value}>
                          {t('catalog.facetAll', { label: c.label, shown: count(c.count) })}
                        </option>
                        {c.children
                          .filter((child) => child.count > 0 || child.value === params.category)
                          .map((child) => (
                            <option key={child.value} value={child.value}>
                              {t('catalog.facetShown', {
                                label: child.label,
                                shown: count(child.count),
                              })}
                            </option>
                          ))}
                      </optgroup>
                    ) : (
                      <option key={c.value} value={c.value}>
                        {t('catalog.facetShown', { label: c.label, shown: count(c.count) })}
                      </option>
                    ),
                  )}
                </select>
              </div>
            ) : null}
            <div className="flex flex-col gap-1">
              <label htmlFor={`${id}-region`} className="font-semibold">
                {t('catalog.region')}
              </label>
              <select
                id={`${id}-region`}
                name="region"
                defaultValue={params.region}
                className="field-input"
              >
                <option value="">{t('catalog.allRegions')}</option>
                {facets.regions.map((r) => (
                  <option key={r.value} value={r.value}>
                    {t('catalog.facetShown', { label: r.label, shown: count(r.count) })}
                  </option>
                ))}
              </select>
            </div>
            {facets.badges.length ? (
              <fieldset className="flex flex-col gap-1">
                <legend className="mb-1 font-semibold">{t('catalog.badges')}</legend>
                {facets.badges.map((b) => (
                  <label key={b.value} className="flex min-h-10 items-center gap-2">
                    <input
                      type="checkbox"
                      name="badge"
                      value={b.value}
                      defaultChecked={params.badges.includes(b.value)}
                      className="size-5"
                    />
                    <span>
                      {t('catalog.facetShown', { label: b.label, shown: count(b.count) })}
                    </span>
                  </label>
                ))}
              </fieldset>
            ) : null}
            <fieldset className="flex flex-col gap-1">
              <legend className="mb-1 font-semibold">{t('catalog.price')}</legend>
              {facets.priceRange ? (
                <p className="text-sm text-ink-soft">
                  {t('catalog.priceRange', facets.priceRange)}
                </p>
              ) : null}
              {priceProblem ? (
                <p id={`${id}-price-problem`} role="alert" className="text-sm text-terracotta">
                  {priceProblem.message}
                </p>
              ) : null}
              <div className="flex items-end gap-2">
                {(['min', 'max'] as const).map((field) => {
                  const invalid = priceProblem?.field === field || priceProblem?.field === 'both'
                  return (
                    <label key={field} className="flex flex-1 flex-col gap-1 text-sm">
                      {t(field === 'min' ? 'catalog.minPrice' : 'catalog.maxPrice')}
                      <input
                        type="text"
                        inputMode="decimal"
                        name={field}
                        defaultValue={listing.priceInput[field]}
                        maxLength={10}
                        aria-invalid={invalid || undefined}
                        aria-describedby={invalid ? `${id}-price-problem` : undefined}
                        className="field-input w-full"
                      />
                    </label>
                  )
                })}
              </div>
            </fieldset>
            <label className="flex min-h-10 items-center gap-2">
              <input
                type="checkbox"
                name="stock"
                value="1"
                defaultChecked={params.inStock}
                className="size-5"
              />
              <span>
                {t('catalog.facetShown', {
                  label: t('catalog.inStockOnly'),
                  shown: count(facets.inStock),
                })}
              </span>
            </label>
            <div className="flex flex-col gap-1">
              <label htmlFor={`${id}-sort`} className="font-semibold">
                {t('catalog.sort')}
              </label>
              <select
                id={`${id}-sort`}
                name="sort"
                defaultValue={params.sort}
                className="field-input"
              >
                {params.q ? <option value="relevance">{t('catalog.sortRelevance')}</option> : null}
                <option value="newest">{t('catalog.sortNewest')}</option>
                <option value="price_asc">{t('catalog.sortPriceAsc')}</option>
                <option value="price_desc">{t('catalog.sortPriceDesc')}</option>
              </select>
            </div>
            <button type="submit" className="btn-primary">
              {t('catalog.apply')}
            </button>
          </div>
        </details>
      </Form>

      <section aria-labelledby={`${id}-results`} aria-busy={busy} className="flex flex-col gap-4">
        <h2 id={`${id}-results`} className="text-lg font-semibold" aria-live="polite">
          {t('catalog.resultCount', { shown: count(listing.total) })}
        </h2>
        {chips.length ? (
          <ul aria-label={t('catalog.activeFilters')} className="flex flex-wrap gap-2">
            {chips.map((chip) => (
              <li key={chip.href}>
                <Link
                  to={chip.href}
                  preventScrollReset
                  className="inline-flex min-h-10 items-center gap-1 rounded-full border border-blue bg-blue-light px-3 text-sm text-blue-dark no-underline"
                >
                  <span>{chip.label}</span>
                  <X aria-hidden size={16} />
                  <span className="sr-only">{t('catalog.removeFilter')}</span>
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
        {showCategories && !params.category && facets.categories.length > 1 ? (
          <ul aria-label={t('catalog.category')} className="flex flex-wrap gap-2">
            {facets.categories.map((c) => (
              <li key={c.value}>
                <Link
                  to={hrefFor(path, params, { category: c.value })}
                  className="inline-flex min-h-10 items-center gap-2 rounded-full bg-white px-3 text-sm text-ink no-underline ring-1 ring-sand-dark hover:ring-blue"
                >
                  <CategoryIcon icon={c.icon ?? ''} size={18} className="text-terracotta" />
                  {t('catalog.facetShown', { label: c.label, shown: count(c.count) })}
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
        {listing.cards.length ? (
          <ProductGrid products={listing.cards} priorityCount={2} label={t('catalog.results')} />
        ) : listing.total > 0 ? (
          <p>
            <Link to={hrefFor(path, params, { page: 1 })}>{t('catalog.backToFirstPage')}</Link>
          </p>
        ) : (
          <div className="card flex flex-col gap-2">
            <p className="font-semibold">{t('catalog.noResults')}</p>
            {listing.loosen.length ? (
              <>
                <p>{t('catalog.loosenIntro')}</p>
                <ul className="flex list-disc flex-col gap-1 ps-5">
                  {listing.loosen.map((l) => (
                    <li key={l.href}>
                      <Link to={l.href}>{l.label}</Link>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            <p>
              <Link to="/products">{t('catalog.seeAll')}</Link>
            </p>
          </div>
        )}
        {listing.pageCount > 1 ? <Pagination listing={listing} /> : null}
      </section>
    </div>
  )
}

function Pagination({ listing }: { listing: ListingView }) {
  const { t } = useTranslation()
  const { page } = listing.params
  const last = listing.pageCount
  const pages = [...new Set([1, page - 1, page, page + 1, last])].filter((p) => p >= 1 && p <= last)
  return (
    <nav aria-label={t('catalog.pages')} className="flex flex-wrap items-center gap-2">
      {page > 1 ? (
        <Link
          to={hrefFor(listing.path, listing.params, { page: page - 1 })}
          rel="prev"
          className="btn-secondary min-h-10 px-3"
        >
          <ChevronLeft aria-hidden size={18} className="rtl:-scale-x-100" />
          {t('catalog.previous')}
        </Link>
      ) : null}
      {pages.map((p, i) => (
        <span key={p} className="contents">
          {i > 0 && p - pages[i - 1]! > 1 ? <span aria-hidden>…</span> : null}
          <Link
            to={hrefFor(listing.path, listing.params, { page: p })}
            aria-current={p === page ? 'page' : undefined}
            aria-label={t('catalog.pageNumber', { page: p })}
            className={`inline-flex min-h-10 min-w-10 items-center justify-center rounded-lg px-2 no-underline ${p === page ? 'bg-blue font-semibold text-white' : 'bg-white text-blue ring-1 ring-sand-dark'}`}
          >
            {p}
          </Link>
        </span>
      ))}
      {page < last ? (
        <Link
          to={hrefFor(listing.path, listing.params, { page: page + 1 })}
          rel="next"
          className="btn-secondary min-h-10 px-3"
        >
          {t('catalog.next')}
          <ChevronRight aria-hidden size={18} className="rtl:-scale-x-100" />
        </Link>
      ) : null}
    </nav>
  )
}
