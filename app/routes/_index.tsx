import { type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { Search } from 'lucide-react'
import { CooperativeCard } from '#app/components/cooperative-card.tsx'
import { useTranslation } from 'react-i18next'
import { CategoryIcon } from '#app/components/category-icon.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ProductGrid } from '#app/components/product-card.tsx'
import { loadStorefrontReference, productCards } from '#app/modules/catalog/listing.server.ts'
import { catalogQuery, searchCatalog } from '#app/modules/catalog/search.server.ts'
import { featuredCooperatives } from '#app/modules/cooperatives/directory.server.ts'
import { formatNumber } from '#app/modules/i18n/format.ts'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import { siteShareImage } from '#app/modules/media/image-urls.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { publicOrigin } from '#app/utils/origin.server.ts'
import { type KeptPageHandle } from '#app/utils/page-handle.ts'
import { type HeaderHandle } from '#app/components/site-header.tsx'

// The page has its own search box: the header shows none (one search box per page).
export const handle: HeaderHandle & KeptPageHandle = { ownSearch: true, keptForAnyone: true }

export const meta: MetaFunction<typeof loader> = pageMeta

export const headers: HeadersFunction = () => ({ 'Cache-Control': 'private, no-cache' })

const newProductCount = 8

export async function loader({ request }: LoaderFunctionArgs) {
  const { t, language } = await getTranslator(request)
  const reference = await loadStorefrontReference(language)
  // One search gives the newest products, the number on sale and how many per category.
  const [onSale, featured] = await Promise.all([
    searchCatalog(catalogQuery({ pageSize: newProductCount })),
    featuredCooperatives(language),
  ])
  const counts = onSale.facets.categories
  const categories = reference.categories
    .filter((c) => c.parentId === null)
    .map((parent) => ({
      slug: parent.slug,
      name: parent.name,
      icon: parent.icon,
      children: reference.categories
        .filter((c) => c.parentId === parent.id)
        .map((c) => ({ slug: c.slug, name: c.name, icon: c.icon, count: counts[c.id] ?? 0 }))
        .filter((c) => c.count > 0),
    }))
  return {
    title: t('home.metaTitle'),
    description: t('home.metaDescription'),
    seo: {
      path: '/',
      image: { ...siteShareImage, alt: t('sharePreview.siteImageAlt') },
      jsonLd: {
        '@context': 'https://schema.org',
        '@type': 'WebSite',
        name: 'Taawun',
        url: publicOrigin(),
        potentialAction: {
          '@type': 'SearchAction',
          target: `${publicOrigin()}/products?q={search_term_string}`,
          'query-input': 'required name=search_term_string',
        },
      },
    },
    categories,
    newProducts: await productCards(onSale.ids, language, reference),
    cooperatives: featured.cooperatives,
    impact: {
      cooperatives: formatNumber(featured.activeCooperatives, language),
      women: formatNumber(featured.womenMembers, language),
      products: formatNumber(onSale.total, language),
    },
  }
}

export default function Home() {
  const { categories, newProducts, cooperatives, impact } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  return (
    <main id="main" className="mx-auto flex max-w-6xl flex-col gap-12 px-4 py-8">
      <section className="flex max-w-3xl flex-col gap-4">
        <h1 className="text-3xl font-semibold sm:text-4xl">{t('home.title')}</h1>
        <p className="text-lg text-ink-soft">{t('home.intro')}</p>
        <Form method="get" action="/products" role="search" className="flex gap-2">
          <label htmlFor="home-search" className="sr-only">
            {t('catalog.searchLabel')}
          </label>
          <input
            id="home-search"
            type="search"
            name="q"
            maxLength={100}
            enterKeyHint="search"
            placeholder={t('home.searchPlaceholder')}
            className="field-input min-w-0 flex-1"
          />
          <button type="submit" className="btn-primary">
            <Search aria-hidden size={20} />
            <span>{t('catalog.search')}</span>
          </button>
        </Form>
      </section>

      <section aria-labelledby="impact-heading">
        <h2 id="impact-heading" className="sr-only">
          {t('home.impactHeading')}
        </h2>
        <dl className="grid grid-cols-3 gap-3 text-center">
          {(
            [
              ['cooperatives', impact.cooperatives],
              ['women', impact.women],
              ['products', impact.products],
            ] as const
          ).map(([key, value]) => (
            <div
              key={key}
              className="flex flex-col-reverse rounded-2xl bg-white p-3 ring-1 ring-sand-dark"
            >
              <dt className="text-sm text-ink-soft">{t(`home.impact.${key}`)}</dt>
              <dd className="text-2xl font-semibold text-terracotta sm:text-3xl">{value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="categories-heading" className="flex flex-col gap-4">
        <h2 id="categories-heading" className="text-2xl font-semibold">
          {t('home.categoriesHeading')}
        </h2>
        <div className="grid gap-4 md:grid-cols-3">
          {categories.map((parent) => (
            <div key={parent.slug} className="card flex flex-col gap-3">
              <h3 className="text-xl font-semibold">
                <Link to={`/categories/${parent.slug}`} className="flex items-center gap-2">
                  <CategoryIcon icon={parent.icon} size={28} className="text-terracotta" />
                  {parent.name}
                </Link>
              </h3>
              {parent.children.length ? (
                <ul className="flex flex-wrap gap-2">
                  {parent.children.map((c) => (
                    <li key={c.slug}>
                      <Link
                        to={`/categories/${c.slug}`}
                        className="inline-flex min-h-10 items-center gap-2 rounded-full bg-sand px-3 text-sm text-ink no-underline ring-1 ring-sand-dark hover:ring-blue"
                      >
                        <CategoryIcon icon={c.icon} size={18} className="text-olive" />
                        {t('catalog.facet', { label: c.name, count: c.count })}
                      </Link>
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          ))}
        </div>
      </section>

      {newProducts.length ? (
        <section aria-labelledby="new-heading" className="flex flex-col gap-4">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="new-heading" className="text-2xl font-semibold">
              {t('home.newHeading')}
            </h2>
            <Link to="/products">{t('catalog.seeAll')}</Link>
          </div>
          <ProductGrid products={newProducts} priorityCount={2} />
        </section>
      ) : null}

      <section aria-labelledby="cooperatives-heading" className="flex flex-col gap-4">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="cooperatives-heading" className="text-2xl font-semibold">
            {t('home.cooperativesHeading')}
          </h2>
          <Link to="/join">{t('footer.join')}</Link>
        </div>
        {cooperatives.length === 0 ? (
          <p>{t('home.noCooperatives')}</p>
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {cooperatives.map((c) => (
              <CooperativeCard key={c.slug} cooperative={c} heading="h3" />
            ))}
          </ul>
        )}
      </section>
    </main>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
