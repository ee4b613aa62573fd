import {
  data,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { CalendarDays, MapPin, UserRound, UsersRound } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import { CatalogListing } from '#app/components/catalog-listing.tsx'
import { ContactButtons } from '#app/components/contact-buttons.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { listingHref } from '#app/modules/catalog/listing-url.ts'
import { loadListing, loadStorefrontReference } from '#app/modules/catalog/listing.server.ts'
import { contactLinks } from '#app/modules/cooperatives/contact.ts'
import {
  getPublicCooperative,
  suspendedCooperativeName,
} from '#app/modules/cooperatives/public.server.ts'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import {
  imageSrcSet,
  imageUrl,
  shareImageOf,
  siteShareImage,
} from '#app/modules/media/image-urls.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { publicOrigin } from '#app/utils/origin.server.ts'
import { type KeptPageHandle } from '#app/utils/page-handle.ts'
import { type HeaderHandle } from '#app/components/site-header.tsx'

// The page has its own search box: the header shows none (one search box per page).
export const handle: HeaderHandle & KeptPageHandle = { ownSearch: true, keptForAnyone: true }

export const meta: MetaFunction<typeof loader> = pageMeta

export const headers: HeadersFunction = () => ({ 'Cache-Control': 'private, no-cache' })

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { t, language } = await getTranslator(request)
  const [cooperative, reference] = await Promise.all([
    getPublicCooperative(params.slug ?? '', language),
    loadStorefrontReference(language),
  ])
  if (!cooperative) {
    const suspended = await suspendedCooperativeName(params.slug ?? '')
    if (!suspended) throw new Response('Not found', { status: 404 })
    // A suspended cooperative is told apart from a wrong address, honestly: the page says it
    // is temporarily unavailable. The status stays 404 (not 410, which says "gone for good":
    // a suspension is lifted once the issue is settled; not 200, which would keep an empty
    // page in search indexes and look like a live shop). Nothing else of it is shown.
    return data(
      {
        suspended: true as const,
        name: suspended,
        title: t('publicCoop.suspendedTitle'),
        noIndex: true,
      },
      { status: 404 },
    )
  }
  const listing = await loadListing({
    url: new URL(request.url),
    language,
    reference,
    t,
    fixed: { cooperativeId: cooperative.id },
  })
  const { params: p } = listing
  const filtered = p.q || p.category || p.region || p.badges.length || p.min || p.max || p.inStock
  const path = `/cooperatives/${cooperative.slug}`
  return {
    suspended: false as const,
    title: t('publicCoop.metaTitle', { name: cooperative.displayName }),
    description: cooperative.story.slice(0, 160),
    noIndex: Boolean(filtered),
    seo: {
      path: listingHref(path, p),
      type: 'profile' as const,
      image: {
        ...(cooperative.logo ? shareImageOf(cooperative.logo) : siteShareImage),
        alt: cooperative.logo
          ? t('publicCoop.logoAlt', { name: cooperative.displayName })
          : t('sharePreview.siteImageAlt'),
      },
      jsonLd: {
        '@context': 'https://schema.org',
        '@type': 'Organization',
        name: cooperative.displayName,
        legalName: cooperative.legalName,
        url: `${publicOrigin()}${path}`,
        ...(cooperative.story ? { description: cooperative.story } : {}),
        ...(cooperative.logo
          ? { logo: `${publicOrigin()}${shareImageOf(cooperative.logo).url}` }
          : {}),
        foundingDate: String(cooperative.foundedYear),
        address: {
          '@type': 'PostalAddress',
          addressLocality: cooperative.commune,
          addressRegion: cooperative.region,
          addressCountry: 'MA',
        },
      },
    },
    cooperative,
    contact: contactLinks(cooperative.phone, `${publicOrigin()}${path}`),
    listing,
  }
}

export default function PublicCooperativePage() {
  const loaded = useLoaderData<typeof loader>()
  if (loaded.suspended) return <Suspended name={loaded.name} />
  return <Cooperative data={loaded} />
}

function Suspended({ name }: { name: string }) {
  const { t } = useTranslation()
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-16">
      <p className="text-lg text-ink-soft">
        <bdi>{name}</bdi>
      </p>
      <h1 className="mt-2 text-3xl font-semibold">{t('publicCoop.suspendedTitle')}</h1>
      <p className="mt-2 text-lg">{t('publicCoop.suspendedBody')}</p>
      <p className="mt-6">
        <Link to="/cooperatives" className="btn-secondary">
          {t('publicCoop.seeOthers')}
        </Link>
      </p>
    </main>
  )
}

type Loaded = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { suspended: false }>

function Cooperative({ data: { cooperative: c, contact, listing } }: { data: Loaded }) {
  const { t } = useTranslation()
  return (
    <main id="main" className="mx-auto max-w-6xl px-4 py-10">
      <header className="mb-8 flex flex-wrap items-center gap-6">
        {c.logo ? (
          <img
            src={imageUrl(c.logo.key)}
            srcSet={imageSrcSet(c.logo, 'webp')}
            sizes="128px"
            width={128}
            height={Math.round((128 * c.logo.height) / c.logo.width)}
            alt={t('publicCoop.logoAlt', { name: c.displayName })}
            className="size-32 rounded-2xl bg-white object-contain"
          />
        ) : null}
        <div>
          <h1 className="text-4xl font-semibold">{c.displayName}</h1>
          <p dir="auto" className="text-start text-ink-soft">
            {c.legalName}
          </p>
        </div>
        <ContactButtons contact={contact} name={c.displayName} />
      </header>
      <ul className="mb-8 grid gap-3 sm:grid-cols-3">
        <li className="card flex items-center gap-2">
          <MapPin aria-hidden className="text-terracotta" />
          {t('publicCoop.place', { commune: c.commune, province: c.province, region: c.region })}
        </li>
        <li className="card flex items-center gap-2">
          <UsersRound aria-hidden className="text-olive" />
          {c.womenOnly
            ? t('publicCoop.womenOnly', { count: c.womenMemberCount })
            : t('publicCoop.members', { women: c.womenMemberCount, all: c.memberCount })}
        </li>
        <li className="card flex items-center gap-2">
          <CalendarDays aria-hidden className="text-blue" />
          {t('publicCoop.founded', { year: c.foundedYear })}
        </li>
      </ul>
      <section aria-labelledby="story-heading" className="mb-10">
        <h2 id="story-heading" className="mb-2 text-2xl font-semibold">
          {t('publicCoop.story')}
        </h2>
        <p
          lang={c.storyLanguage}
          dir={c.storyLanguage === 'ar' ? 'rtl' : 'ltr'}
          className="text-lg leading-relaxed whitespace-pre-line"
        >
          {c.story}
        </p>
      </section>
      <section aria-labelledby="products-heading" className="mb-10">
        <h2 id="products-heading" className="mb-4 text-2xl font-semibold">
          {t('publicCoop.products')}
        </h2>
        <CatalogListing listing={listing} />
      </section>
      {c.makers.length ? (
        <section aria-labelledby="makers-heading">
          <h2 id="makers-heading" className="mb-4 text-2xl font-semibold">
            {t('publicCoop.makers')}
          </h2>
          <ul className="grid gap-4 sm:grid-cols-2">
            {c.makers.map((m) => (
              <li key={m.id} className="card flex items-center gap-4">
                {m.photo ? (
                  <img
                    src={imageUrl(m.photo.key)}
                    srcSet={imageSrcSet(m.photo, 'webp')}
                    sizes="80px"
                    width={80}
                    height={80}
                    alt={m.name}
                    className="size-20 rounded-full object-cover"
                  />
                ) : (
                  <UserRound aria-hidden size={48} className="text-blue" />
                )}
                <div>
                  <p className="font-semibold">
                    <bdi>{m.name}</bdi>
                  </p>
                  {m.bio ? (
                    <p dir="auto" className="text-start text-sm">
                      {m.bio}
                    </p>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
