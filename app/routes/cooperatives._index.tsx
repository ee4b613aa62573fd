import { type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { ShoppingBasket } from 'lucide-react'
import { CooperativeCard } from '#app/components/cooperative-card.tsx'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { listDirectory } from '#app/modules/cooperatives/directory.server.ts'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import { siteShareImage } from '#app/modules/media/image-urls.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { type KeptPageHandle } from '#app/utils/page-handle.ts'
import { type HeaderHandle } from '#app/components/site-header.tsx'

// The page has its own search box: the header shows none (one search box per page).
export const handle: HeaderHandle & KeptPageHandle = { ownSearch: true, keptForAnyone: true }

export const meta: MetaFunction<typeof loader> = pageMeta

export const headers: HeadersFunction = () => ({ 'Cache-Control': 'private, no-cache' })

// Codes and slugs only; anything else (or an empty field) is no filter at all.
const code = z
  .string()
  .trim()
  .regex(/^[a-z0-9-]{1,80}$/)
  .optional()
  .catch(undefined)
const directoryParams = z.object({
  region: code,
  category: code,
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
})

/** The directory's address with these filters, empty ones left out. */
function directoryHref(filters: { region?: string; category?: string; page?: number }) {
  const search = new URLSearchParams()
  if (filters.region) search.set('region', filters.region)
  if (filters.category) search.set('category', filters.category)
  if (filters.page && filters.page > 1) search.set('page', String(filters.page))
  const query = search.toString()
  return query ? `/cooperatives?${query}` : '/cooperatives'
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { t, language } = await getTranslator(request)
  const url = new URL(request.url)
  const params = directoryParams.parse(Object.fromEntries(url.searchParams))
  const directory = await listDirectory(params, language)
  const filtered = Boolean(params.region || params.category)
  return {
    title:
      directory.page > 1
        ? t('directory.metaTitlePage', { page: directory.page })
        : t('directory.metaTitle'),
    description: t('directory.metaDescription'),
    noIndex: filtered,
    seo: {
      path: directoryHref({ page: directory.page }),
      image: { ...siteShareImage, alt: t('sharePreview.siteImageAlt') },
    },
    directory,
    previous:
      directory.page > 1 ? directoryHref({ ...directory.filters, page: directory.page - 1 }) : null,
    next:
      directory.page < directory.pageCount
        ? directoryHref({ ...directory.filters, page: directory.page + 1 })
        : null,
  }
}

export default function CooperativeDirectory() {
  const { directory, previous, next } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  const { filters, facets } = directory
  return (
    <main id="main" className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-8">
      <header className="flex max-w-3xl flex-col gap-2">
        <h1 className="text-3xl font-semibold sm:text-4xl">{t('directory.title')}</h1>
        <p className="text-lg text-ink-soft">{t('directory.intro')}</p>
      </header>
      <Form
        method="get"
        role="search"
        aria-label={t('directory.filters')}
        className="card flex flex-col gap-4 sm:flex-row sm:items-end"
      >
        {(
          [
            ['region', t('directory.region'), t('directory.allRegions'), facets.regions],
            ['category', t('directory.category'), t('directory.allCategories'), facets.categories],
          ] as const
        ).map(([name, label, all, options]) => (
          <div key={name} className="flex flex-1 flex-col gap-1">
            <label htmlFor={`directory-${name}`} className="font-semibold">
              {label}
            </label>
            <select
              id={`directory-${name}`}
              name={name}
              defaultValue={filters[name]}
              className="field-input"
            >
              <option value="">{all}</option>
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {t('directory.option', { label: o.label, count: o.count })}
                </option>
              ))}
            </select>
          </div>
        ))}
        <button type="submit" className="btn-primary">
          {t('directory.apply')}
        </button>
      </Form>
      <p role="status" className="font-semibold">
        {t('directory.count', { count: directory.total })}
      </p>
      {directory.cooperatives.length === 0 ? (
        <p>
          {t('directory.none')} <Link to="/cooperatives">{t('directory.seeAll')}</Link>
        </p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {directory.cooperatives.map((c) => (
            <CooperativeCard key={c.slug} cooperative={c} heading="h2">
              <p className="flex items-center gap-1 text-sm">
                <ShoppingBasket aria-hidden size={16} className="shrink-0 text-blue" />
                {c.makes.length
                  ? t('directory.makes', {
                      count: c.productCount,
                      categories: c.makes.join(t('directory.listSeparator')),
                    })
                  : t('directory.nothingOnSale')}
              </p>
            </CooperativeCard>
          ))}
        </ul>
      )}
      {directory.pageCount > 1 ? (
        <nav aria-label={t('directory.pages')} className="flex items-center justify-between gap-4">
          {previous ? (
            <Link to={previous} rel="prev" className="btn-secondary no-underline">
              {t('directory.previous')}
            </Link>
          ) : (
            <span />
          )}
          <span>{t('directory.pageOf', { page: directory.page, pages: directory.pageCount })}</span>
          {next ? (
            <Link to={next} rel="next" className="btn-secondary no-underline">
              {t('directory.next')}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </main>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
