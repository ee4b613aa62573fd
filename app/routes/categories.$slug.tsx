import { type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ChevronRight } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import { CatalogListing } from '#app/components/catalog-listing.tsx'
import { CategoryIcon } from '#app/components/category-icon.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { productCardSizes } from '#app/components/product-card.tsx'
import { listingHref } from '#app/modules/catalog/listing-url.ts'
import { loadListing, loadStorefrontReference } from '#app/modules/catalog/listing.server.ts'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import { imagePreload, pageMeta } from '#app/utils/meta.ts'
import { siteShareImage } from '#app/modules/media/image-urls.ts'
import { type KeptPageHandle } from '#app/utils/page-handle.ts'
import { type HeaderHandle } from '#app/components/site-header.tsx'

// The page has its own search box: the header shows none (one search box per page).
export const handle: HeaderHandle & KeptPageHandle = { ownSearch: true, keptForAnyone: true }

export const meta: MetaFunction<typeof loader> = (args) => [
  ...pageMeta(args),
  // The first card's picture is the largest thing on a phone's first screen.
  ...imagePreload(args.data?.listing.cards[0]?.image, productCardSizes),
]

export const headers: HeadersFunction = () => ({ 'Cache-Control': 'private, no-cache' })

/** A category and its sub-categories: the catalog pinned to them. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { t, language } = await getTranslator(request)
  const reference = await loadStorefrontReference(language)
  const category = reference.categories.find((c) => c.slug === params.slug)
  if (!category) throw new Response('Not found', { status: 404 })
  const parent = reference.categories.find((c) => c.id === category.parentId) ?? null
  const url = new URL(request.url)
  const listing = await loadListing({
    url,
    language,
    reference,
    t,
    fixed: { categoryId: category.id },
  })
  const { params: p } = listing
  const filtered = p.q || p.category || p.region || p.badges.length || p.min || p.max || p.inStock
  return {
    title: t('catalog.categoryMetaTitle', { category: category.name }),
    description: t('catalog.categoryMetaDescription', { category: category.name }),
    noIndex: Boolean(filtered),
    seo: {
      path: listingHref(`/categories/${category.slug}`, p),
      image: { ...siteShareImage, alt: t('sharePreview.siteImageAlt') },
    },
    category: { name: category.name, icon: category.icon },
    parent: parent ? { slug: parent.slug, name: parent.name } : null,
    listing,
  }
}

export default function CategoryPage() {
  const { listing, category, parent } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  return (
    <main id="main" className="mx-auto flex max-w-6xl flex-col gap-4 px-4 py-6">
      <nav aria-label={t('product.breadcrumb')} className="text-sm">
        <ol className="flex flex-wrap items-center gap-1">
          <li>
            <Link to="/products">{t('catalog.title')}</Link>
          </li>
          {parent ? (
            <>
              <li aria-hidden>
                <ChevronRight size={14} className="rtl:-scale-x-100" />
              </li>
              <li>
                <Link to={`/categories/${parent.slug}`}>{parent.name}</Link>
              </li>
            </>
          ) : null}
        </ol>
      </nav>
      <h1 className="flex items-center gap-3 text-3xl font-semibold">
        <CategoryIcon icon={category.icon} size={36} className="text-terracotta" />
        {category.name}
      </h1>
      <CatalogListing listing={listing} showCategories={listing.facets.categories.length > 0} />
    </main>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
