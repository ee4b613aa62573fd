import {
  data,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams, useSubmit } from '@remix-run/react'
import { BadgeCheck, ChevronRight, MapPin, UsersRound } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import { ContactButtons } from '#app/components/contact-buttons.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { AddToCart } from '#app/components/orders/add-to-cart.tsx'
import { ProductGrid, StoredPicture, useStockLabel } from '#app/components/product-card.tsx'
import {
  loadStorefrontReference,
  productCards,
  stockState,
} from '#app/modules/catalog/listing.server.ts'
import { newestPurchasable } from '#app/modules/catalog/search.server.ts'
import {
  getPublicProduct,
  unavailableProductCategory,
} from '#app/modules/catalog/storefront.server.ts'
import { contactLinks } from '#app/modules/cooperatives/contact.ts'
import { isLanguage } from '#app/modules/i18n/config.ts'
import { formatList, formatMoney } from '#app/modules/i18n/format.ts'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import { imageUrl, shareImageOf, siteShareImage } from '#app/modules/media/image-urls.ts'
import { publicOrigin } from '#app/utils/origin.server.ts'
import { imagePreload, pageMeta } from '#app/utils/meta.ts'
import { type KeptPageHandle } from '#app/utils/page-handle.ts'

export const handle: KeptPageHandle = { keptForAnyone: true }

/** How wide the product's main picture is drawn. */
const coverSizes = '(min-width: 1152px) 560px, (min-width: 768px) 48vw, calc(100vw - 2rem)'

export const meta: MetaFunction<typeof loader> = (args) => [
  ...pageMeta(args),
  ...imagePreload(
    args.data && !args.data.unavailable ? args.data.product.images[0]?.image : null,
    coverSizes,
  ),
]

// HTML is revalidated on every visit: stock and certificates change at any time.
export const headers: HeadersFunction = () => ({ 'Cache-Control': 'private, no-cache' })

const relatedCount = 4

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { t, language } = await getTranslator(request)
  const slug = params.slug ?? ''
  const [product, reference] = await Promise.all([
    getPublicProduct(slug, language),
    loadStorefrontReference(language),
  ])
  if (!product) {
    // Not on sale (draft, blocked, certificate missing…): strangers only learn it is
    // unavailable, and are offered similar products that are.
    const categoryId = await unavailableProductCategory(slug)
    const parent = reference.categories.find((c) => c.id === categoryId)?.parentId
    const siblings = parent
      ? reference.categories.filter((c) => c.parentId === parent).map((c) => c.id)
      : null
    const similar = await newestPurchasable({ categoryIds: siblings }, relatedCount)
    return data(
      {
        unavailable: true as const,
        title: t('product.unavailableTitle'),
        noIndex: true,
        similar: await productCards(similar, language, reference),
      },
      { status: 404 },
    )
  }

  const siblings = reference.categories
    .filter((c) => c.parentId === product.category.parentId)
    .map((c) => c.id)
  const related = await newestPurchasable(
    {
      categoryIds: siblings.length ? siblings : [product.category.id],
      excludeProductId: product.id,
    },
    relatedCount,
  )
  const leadTimeDays = product.facts.leadTimeDays ?? null
  const variants = product.variants.map((v) => ({
    ...v,
    price: formatMoney(v.priceCentimes, language),
    state: stockState({
      stock: v.stock,
      madeToOrder: product.madeToOrder,
      leadTimeDays,
      seasonStartMonth: product.season?.start ?? null,
      seasonEndMonth: product.season?.end ?? null,
    }),
  }))
  const origin = publicOrigin()
  // Encoded, so that an address with Arabic letters (ADR 017) survives being shared.
  const url = new URL(`/products/${product.slug}`, origin).href
  const largest = (image: (typeof product.images)[number]['image']) =>
    `${origin}${shareImageOf(image).url}`
  const description = product.description.slice(0, 160)
  const cover = product.images[0]?.image
  return {
    unavailable: false as const,
    title: t('product.metaTitle', { title: product.title, cooperative: product.cooperative.name }),
    description,
    seo: {
      path: `/products/${product.slug}`,
      type: 'product' as const,
      image: cover
        ? { ...shareImageOf(cover), alt: product.title }
        : { ...siteShareImage, alt: t('sharePreview.siteImageAlt') },
      jsonLd: {
        '@context': 'https://schema.org',
        '@type': 'Product',
        name: product.title,
        description: product.description,
        url,
        sku: product.variants[0]?.sku,
        category: product.category.name,
        image: product.images.map((i) => largest(i.image)),
        brand: { '@type': 'Brand', name: product.cooperative.name },
        manufacturer: {
          '@type': 'Organization',
          name: product.cooperative.name,
          url: `${origin}/cooperatives/${product.cooperative.slug}`,
        },
        offers: variants.map((v) => ({
          '@type': 'Offer',
          sku: v.sku,
          name: v.label || product.title,
          price: (v.priceCentimes / 100).toFixed(2),
          priceCurrency: 'MAD',
          availability: `https://schema.org/${schemaAvailability[v.state.kind]}`,
          url: variants.length > 1 ? `${url}?variant=${v.id}` : url,
          seller: { '@type': 'Organization', name: product.cooperative.name },
        })),
      },
    },
    product: { ...product, variants },
    contact: contactLinks(product.cooperative.phone, url),
    related: await productCards(related, language, reference),
  }
}

const schemaAvailability = {
  in_stock: 'InStock',
  low: 'LimitedAvailability',
  made_to_order: 'MadeToOrder',
  out_of_season: 'OutOfStock',
  sold_out: 'OutOfStock',
} as const

export default function ProductPage() {
  const loaded = useLoaderData<typeof loader>()
  if (loaded.unavailable) return <Unavailable similar={loaded.similar} />
  return <Product data={loaded} />
}

function Unavailable({ similar }: { similar: Parameters<typeof ProductGrid>[0]['products'] }) {
  const { t } = useTranslation()
  return (
    <main id="main" className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-10">
      <div className="max-w-2xl">
        <h1 className="text-3xl font-semibold">{t('product.unavailableTitle')}</h1>
        <p className="mt-2 text-lg">{t('product.unavailableBody')}</p>
        <p className="mt-4">
          <Link to="/products" className="btn-secondary">
            {t('catalog.seeAll')}
          </Link>
        </p>
      </div>
      {similar.length ? (
        <section aria-labelledby="similar-heading" className="flex flex-col gap-3">
          <h2 id="similar-heading" className="text-2xl font-semibold">
            {t('product.similar')}
          </h2>
          <ProductGrid products={similar} />
        </section>
      ) : null}
    </main>
  )
}

type Loaded = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { unavailable: false }>

function Product({ data: { product, contact, related } }: { data: Loaded }) {
  const { t, i18n } = useTranslation()
  const stockLabel = useStockLabel()
  const submit = useSubmit()
  const [searchParams] = useSearchParams()
  const purchasable = (v: (typeof product.variants)[number]) =>
    v.state.kind !== 'sold_out' && v.state.kind !== 'out_of_season'
  // The variant of the URL, else the first that can be bought.
  const chosen =
    product.variants.find((v) => v.id === searchParams.get('variant')) ??
    product.variants.find(purchasable) ??
    product.variants[0]!
  const [first, ...others] = product.images
  const available = purchasable(chosen)
  // Each fact in the reader's language, or the one it was written in (app/modules/catalog/facts.ts).
  const facts = product.factViews
  return (
    <main id="main" className="mx-auto flex max-w-6xl flex-col gap-10 px-4 py-6">
      <nav aria-label={t('product.breadcrumb')} className="text-sm">
        <ol className="flex flex-wrap items-center gap-1">
          <li>
            <Link to="/products">{t('catalog.title')}</Link>
          </li>
          <li aria-hidden>
            <ChevronRight size={14} className="rtl:-scale-x-100" />
          </li>
          <li>
            <Link to={`/categories/${product.category.slug}`}>{product.category.name}</Link>
          </li>
        </ol>
      </nav>
      <div className="grid gap-8 md:grid-cols-2">
        <section aria-label={t('product.photos')} className="flex flex-col gap-3">
          {first ? (
            <StoredPicture
              image={first.image}
              alt={first.alt}
              sizes={coverSizes}
              priority
              className="aspect-square w-full rounded-2xl bg-sand-dark object-cover"
            />
          ) : (
            <div className="aspect-square w-full rounded-2xl bg-sand-dark" />
          )}
          {others.length ? (
            <ul className="grid grid-cols-4 gap-2">
              {others.map((img) => (
                <li key={img.image.key}>
                  <a href={imageUrl(img.image.key)} className="block">
                    <StoredPicture
                      image={img.image}
                      alt={img.alt}
                      sizes="(min-width: 768px) 12vw, 22vw"
                      className="aspect-square w-full rounded-lg object-cover"
                    />
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
        <section className="flex flex-col gap-4">
          <h1 dir="auto" className="text-start text-3xl font-semibold">
            {product.title}
          </h1>
          <p className="flex flex-wrap items-center gap-1">
            <MapPin aria-hidden size={18} className="text-terracotta" />
            <Link to={`/cooperatives/${product.cooperative.slug}`}>{product.cooperative.name}</Link>
            <span>
              ·{' '}
              {formatList(
                [product.cooperative.province, product.cooperative.region],
                isLanguage(i18n.language) ? i18n.language : 'ar',
              )}
            </span>
          </p>
          {product.badges.length ? (
            <ul aria-label={t('product.certifications')} className="flex flex-wrap gap-2">
              {product.badges.map((b) => (
                <li key={b.certificateId}>
                  <Link
                    to={`/certificates/${b.certificateId}`}
                    className="inline-flex min-h-10 items-center gap-1 rounded-full bg-olive-light px-3 font-semibold text-olive no-underline hover:underline"
                  >
                    <BadgeCheck aria-hidden size={18} />
                    {b.name}
                    <span className="sr-only">{t('product.verifyBadge')}</span>
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
          <p className="text-3xl font-semibold" aria-live="polite">
            {chosen.price}
          </p>
          {product.variants.length > 1 ? (
            <Form
              method="get"
              preventScrollReset
              replace
              onChange={(event) =>
                submit(event.currentTarget, { preventScrollReset: true, replace: true })
              }
              className="flex flex-col gap-2"
            >
              <fieldset className="flex flex-wrap gap-2">
                <legend className="mb-1 font-semibold">{t('product.choose')}</legend>
                {product.variants.map((v) => {
                  // A variant that cannot be bought says so and cannot be chosen (unless a
                  // shared link chose it: then it stays shown as chosen, with its state).
                  const soldOut = !purchasable(v)
                  return (
                    <label
                      key={v.id}
                      data-sold-out={soldOut || undefined}
                      className={`flex min-h-12 items-center gap-2 rounded-lg border-2 px-3 has-[:checked]:border-blue ${soldOut ? 'border-dashed border-sand-dark bg-sand text-ink-soft' : 'cursor-pointer border-sand-dark bg-white'}`}
                    >
                      <input
                        type="radio"
                        name="variant"
                        value={v.id}
                        defaultChecked={v.id === chosen.id}
                        disabled={soldOut && v.id !== chosen.id}
                      />
                      <bdi className={soldOut ? 'line-through' : undefined}>
                        {v.label || product.title}
                      </bdi>{' '}
                      · {v.price}
                      {soldOut ? (
                        <span className="rounded-full bg-white px-2 text-sm font-semibold text-terracotta">
                          {v.state.kind === 'sold_out'
                            ? t('product.variantSoldOut')
                            : stockLabel(v.state)}
                        </span>
                      ) : null}
                    </label>
                  )
                })}
              </fieldset>
              <noscript>
                <button type="submit" className="btn-secondary self-start">
                  {t('product.show')}
                </button>
              </noscript>
            </Form>
          ) : null}
          <p className={`font-semibold ${available ? 'text-olive' : 'text-ink-soft'}`}>
            {stockLabel(chosen.state)}
          </p>
          {available ? <AddToCart key={chosen.id} variantId={chosen.id} /> : null}
          <p dir="auto" className="text-start whitespace-pre-line">
            {product.description}
          </p>
          {facts.length ? (
            <section aria-labelledby="facts-heading">
              <h2 id="facts-heading" className="mb-2 text-xl font-semibold">
                {t('product.facts')}
              </h2>
              <dl className="grid gap-2">
                {facts.map((fact) => (
                  <div key={fact.key} className="grid grid-cols-3 gap-2">
                    <dt className="text-ink-soft">{t(`facts.${fact.key}`)}</dt>
                    <dd
                      dir="auto"
                      lang={fact.lang ?? undefined}
                      className="col-span-2 text-start whitespace-pre-line"
                    >
                      {fact.text}
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          ) : null}
          <section
            aria-labelledby="makers-heading"
            className="flex flex-col gap-2 rounded-2xl bg-white p-4 ring-1 ring-sand-dark"
          >
            <h2 id="makers-heading" className="text-xl font-semibold">
              {t('product.madeByHeading')}
            </h2>
            <p>
              <Link to={`/cooperatives/${product.cooperative.slug}`} className="font-semibold">
                {product.cooperative.name}
              </Link>
            </p>
            <p className="flex items-center gap-1 text-sm">
              <UsersRound aria-hidden size={16} className="text-olive" />
              {t('home.womenMembers', { count: product.cooperative.womenMemberCount })}
            </p>
            <ContactButtons contact={contact} name={product.cooperative.name} />
            {product.makers.length ? (
              <ul className="flex flex-wrap gap-3">
                {product.makers.map((m) => (
                  <li key={m.name} className="flex items-center gap-2">
                    {m.photo ? (
                      <StoredPicture
                        image={m.photo}
                        alt=""
                        sizes="48px"
                        className="size-12 rounded-full object-cover"
                      />
                    ) : null}
                    <bdi>{m.name}</bdi>
                  </li>
                ))}
              </ul>
            ) : null}
          </section>
        </section>
      </div>
      {related.length ? (
        <section aria-labelledby="related-heading" className="flex flex-col gap-3">
          <h2 id="related-heading" className="text-2xl font-semibold">
            {t('product.related')}
          </h2>
          <ProductGrid products={related} />
        </section>
      ) : null}
    </main>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
