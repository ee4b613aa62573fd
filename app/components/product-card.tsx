import { Link } from '@remix-run/react'
import { BadgeCheck, MapPin } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import { type StoredImage } from '#db/schema/cooperatives.ts'
import type { ProductCard, StockState } from '#app/modules/catalog/listing.server.ts'
import { isLanguage, type Language } from '#app/modules/i18n/config.ts'
import { monthName } from '#app/modules/i18n/format.ts'
import { imageSrcSet, imageUrl } from '#app/modules/media/image-urls.ts'

/** How wide a card's picture is drawn: two columns on a phone, three, then four. */
export const productCardSizes = '(min-width: 1024px) 22vw, (min-width: 640px) 30vw, 46vw'

/** What the loaders send (see `productCards` and `stockState`). */
export type StockStateView = StockState
export type ProductCardView = ProductCard

/** "Only 3 left", "Made to order in 10 days", "Back in season in September"… */
export function useStockLabel() {
  const { t, i18n } = useTranslation()
  const language: Language = isLanguage(i18n.language) ? i18n.language : 'ar'
  return (state: StockStateView): string => {
    switch (state.kind) {
      case 'in_stock':
        return t('product.inStock')
      case 'low':
        return t('product.onlyLeft', { count: state.count })
      case 'made_to_order':
        return state.days
          ? t('product.madeToOrder', { days: state.days })
          : t('product.madeToOrderSoon')
      case 'out_of_season':
        return t('product.backInSeason', {
          month: monthName(state.month, language),
        })
      case 'sold_out':
        return t('products.soldOut')
    }
  }
}

/** A picture of a stored image: AVIF where it is smaller, WebP otherwise, in every width. */
export function StoredPicture({
  image,
  alt,
  sizes,
  priority = false,
  className,
}: {
  image: StoredImage
  alt: string
  sizes: string
  priority?: boolean
  className?: string
}) {
  const avif = imageSrcSet(image, 'avif')
  return (
    <picture>
      {avif ? <source type="image/avif" srcSet={avif} sizes={sizes} /> : null}
      <img
        src={imageUrl(image.key)}
        srcSet={imageSrcSet(image, 'webp')}
        sizes={sizes}
        width={image.width}
        height={image.height}
        alt={alt}
        loading={priority ? 'eager' : 'lazy'}
        // React 18 does not know `fetchPriority`; the lower-case attribute passes through.
        {...(priority ? { fetchpriority: 'high' } : {})}
        decoding={priority ? 'sync' : 'async'}
        className={className}
        style={{ backgroundImage: `url(${image.placeholder})`, backgroundSize: 'cover' }}
      />
    </picture>
  )
}

export function ProductCard({
  product,
  priority = false,
  headingLevel = 3,
}: {
  product: ProductCardView
  priority?: boolean
  headingLevel?: 2 | 3
}) {
  const { t } = useTranslation()
  const stockLabel = useStockLabel()
  const Heading = `h${headingLevel}` as const
  const unavailable = product.stock.kind === 'sold_out' || product.stock.kind === 'out_of_season'
  return (
    <article className="relative flex h-full flex-col overflow-hidden rounded-2xl border border-sand-dark bg-white">
      <div className="aspect-square bg-sand-dark">
        {product.image ? (
          <StoredPicture
            image={product.image}
            alt={product.imageAlt}
            sizes={productCardSizes}
            priority={priority}
            className="h-full w-full object-cover"
          />
        ) : null}
      </div>
      <div className="flex flex-1 flex-col gap-1 p-3">
        <Heading dir="auto" className="text-start text-base leading-snug font-semibold">
          {/* The whole card is the link's target area; the title stays the accessible name. */}
          <Link
            to={`/products/${product.slug}`}
            className="text-ink no-underline after:absolute after:inset-0 hover:underline"
          >
            {product.title}
          </Link>
        </Heading>
        <p className="flex items-center gap-1 text-sm text-ink-soft">
          <MapPin aria-hidden size={14} className="shrink-0" />
          <span>
            {product.cooperative} · {product.place}
          </span>
        </p>
        {product.badges.length ? (
          <ul aria-label={t('product.certifications')} className="flex flex-wrap gap-1">
            {product.badges.map((b) => (
              <li
                key={b.code}
                className="inline-flex items-center gap-1 rounded-full bg-olive-light px-2 py-0.5 text-xs font-semibold text-olive"
              >
                <BadgeCheck aria-hidden size={14} />
                {b.name}
              </li>
            ))}
          </ul>
        ) : null}
        <div className="mt-auto flex flex-wrap items-baseline justify-between gap-x-2 pt-1">
          {product.price ? <p className="text-lg font-semibold">{product.price}</p> : null}
          <p className={`text-sm ${unavailable ? 'text-ink-soft' : 'text-olive'}`}>
            {stockLabel(product.stock)}
          </p>
        </div>
      </div>
    </article>
  )
}

export function ProductGrid({
  products,
  priorityCount = 0,
  label,
}: {
  products: ProductCardView[]
  priorityCount?: number
  label?: string
}) {
  return (
    <ul aria-label={label} className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
      {products.map((p, i) => (
        <li key={p.id}>
          <ProductCard product={p} priority={i < priorityCount} />
        </li>
      ))}
    </ul>
  )
}
