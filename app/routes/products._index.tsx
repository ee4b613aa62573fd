import { type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CatalogListing } from '#app/components/catalog-listing.tsx'
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

/** The catalog and its search: every filter is in the URL, so every result page can be shared. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { t, language } = await getTranslator(request)
  const url = new URL(request.url)
  const reference = await loadStorefrontReference(language)
  const listing = await loadListing({ url, language, reference, t })
  const { params } = listing
  const filtered =
    params.category ||
    params.region ||
    params.badges.length ||
    params.min ||
    params.max ||
    params.inStock
  return {
    title: params.q
      ? t('catalog.searchMetaTitle', { q: params.q })
      : params.page > 1
        ? t('catalog.metaTitlePage', { page: params.page })
        : t('catalog.metaTitle'),
    description: t('catalog.metaDescription'),
    // Search results and narrow filter combinations are for people, not for the index.
    noIndex: Boolean(params.q) || Boolean(filtered),
    seo: {
      path: listingHref('/products', params),
      image: { ...siteShareImage, alt: t('sharePreview.siteImageAlt') },
    },
    listing,
  }
}

export default function Catalog() {
  const { listing } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  return (
    <main id="main" className="mx-auto flex max-w-6xl flex-col gap-4 px-4 py-6">
      <h1 className="text-3xl font-semibold">
        {listing.params.q ? t('catalog.searchTitle', { q: listing.params.q }) : t('catalog.title')}
      </h1>
      <CatalogListing listing={listing} />
    </main>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
