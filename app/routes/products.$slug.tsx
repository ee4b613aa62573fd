import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { BadgeCheck, MapPin } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { getPublicProduct } from '#app/modules/catalog/storefront.server.ts'
import { formatMoney } from '#app/modules/i18n/format.ts'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import { imageSrcSet, imageUrl } from '#app/modules/media/image-urls.ts'
import { pageMeta } from '#app/utils/meta.ts'

export const meta: MetaFunction<typeof loader> = pageMeta

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { t, language } = await getTranslator(request)
  const product = await getPublicProduct(params.slug ?? '', language)
  // Not on sale (draft, blocked, certificate missing…): strangers only learn it is unavailable.
  if (!product) throw new Response('Not available', { status: 404 })
  return {
    title: t('product.metaTitle', { title: product.title, cooperative: product.cooperative.name }),
    description: product.description.slice(0, 160),
    product: {
      ...product,
      variants: product.variants.map((v) => ({
        ...v,
        price: formatMoney(v.priceCentimes, language),
      })),
    },
  }
}

export default function ProductPage() {
  const { product } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  const [searchParams] = useSearchParams()
  const chosen =
    product.variants.find((v) => v.id === searchParams.get('variant')) ?? product.variants[0]!
  const [first, ...others] = product.images
  return (
    <main id="main" className="mx-auto grid max-w-6xl gap-8 px-4 py-8 md:grid-cols-2">
      <section aria-label={t('product.photos')} className="flex flex-col gap-3">
        {first ? (
          <img
            src={imageUrl(first.image.key)}
            srcSet={imageSrcSet(first.image, 'webp')}
            sizes="(min-width: 768px) 50vw, 100vw"
            width={first.image.width}
            height={first.image.height}
            alt={first.alt}
            fetchPriority="high"
            className="aspect-square w-full rounded-2xl bg-sand-dark object-cover"
            style={{ backgroundImage: `url(${first.image.placeholder})`, backgroundSize: 'cover' }}
          />
        ) : null}
        {others.length ? (
          <ul className="grid grid-cols-4 gap-2">
            {others.map((img) => (
              <li key={img.image.key}>
                <img
                  src={imageUrl(img.image.key)}
                  srcSet={imageSrcSet(img.image, 'webp')}
                  sizes="25vw"
                  width={img.image.width}
                  height={img.image.height}
                  alt={img.alt}
                  loading="lazy"
                  className="aspect-square w-full rounded-lg object-cover"
                />
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <section className="flex flex-col gap-4">
        <p className="text-sm text-ink-soft">{product.category}</p>
        <h1 className="text-3xl font-semibold">{product.title}</h1>
        <p className="flex items-center gap-1">
          <MapPin aria-hidden size={18} className="text-terracotta" />
          <Link to={`/cooperatives/${product.cooperative.slug}`}>
            {product.cooperative.name}
          </Link> · {product.cooperative.province}
        </p>
        {product.badges.length ? (
          <ul aria-label={t('product.certifications')} className="flex flex-wrap gap-2">
            {product.badges.map((b) => (
              <li key={b.certificateId}>
                <Link
                  to={`/certificates/${b.certificateId}`}
                  className="inline-flex min-h-10 items-center gap-1 rounded-full bg-olive-light px-3 font-semibold text-olive no-underline"
                >
                  <BadgeCheck aria-hidden size={18} />
                  {b.name}
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
        <p className="text-3xl font-semibold">{chosen.price}</p>
        {product.variants.length > 1 ? (
          <Form method="get" className="flex flex-wrap items-end gap-2">
            <fieldset className="flex flex-wrap gap-2">
              <legend className="mb-1 font-semibold">{t('product.choose')}</legend>
              {product.variants.map((v) => (
                <label
                  key={v.id}
                  className="flex min-h-12 cursor-pointer items-center gap-2 rounded-lg border-2 border-sand-dark bg-white px-3 has-[:checked]:border-blue"
                >
                  <input
                    type="radio"
                    name="variant"
                    value={v.id}
                    defaultChecked={v.id === chosen.id}
                  />
                  {v.label} · {v.price}
                </label>
              ))}
            </fieldset>
            <button type="submit" className="btn-secondary">
              {t('product.show')}
            </button>
          </Form>
        ) : null}
        <p className="font-semibold">
          {chosen.stock === 0
            ? product.madeToOrder
              ? t('product.madeToOrder', { days: String(product.facts.leadTimeDays ?? '') })
              : t('products.soldOut')
            : chosen.stock <= 3
              ? t('product.onlyLeft', { count: chosen.stock })
              : t('product.inStock')}
        </p>
        <p className="whitespace-pre-line">{product.description}</p>
        {product.makers.length ? (
          <p>{t('product.madeBy', { makers: product.makers.join('، ') })}</p>
        ) : null}
        <dl className="grid gap-2">
          {Object.entries(product.facts).map(([key, value]) => (
            <div key={key} className="grid grid-cols-3 gap-2">
              <dt className="text-ink-soft">{t(`facts.${key}`)}</dt>
              <dd className="col-span-2">{String(value)}</dd>
            </div>
          ))}
        </dl>
      </section>
    </main>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
