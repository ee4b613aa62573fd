import { type MetaDescriptor } from '@remix-run/node'
import { type StoredImage } from '#db/schema/cooperatives.ts'
import { describeError } from '#app/components/error-boundary.tsx'
import { imageSrcSet } from '#app/modules/media/image-urls.ts'

/** The picture of a link preview: its size lets a preview lay it out before loading it. */
export type ShareImage = {
  /** Absolute or root-relative. */
  url: string
  width: number
  height: number
  type: string
  alt: string
}

/** What a public page tells search engines and link previews (see `pageMeta`). */
export type PageSeo = {
  /** Path and meaningful query of the page, without the language. */
  path: string
  image?: ShareImage
  type?: 'website' | 'product' | 'profile'
  jsonLd?: Record<string, unknown>
}

type PageData =
  { title?: string; description?: string; noIndex?: boolean; seo?: PageSeo } | undefined
type RootData =
  { errorTitles?: Record<string, string>; origin?: string; language?: string } | undefined

const languages = ['ar', 'fr', 'en'] as const
const ogLocales: Record<string, string> = { ar: 'ar_MA', fr: 'fr_MA', en: 'en_MA' }

/**
 * The page's address in one language: `?lng=fr` or `?lng=en`, and the plain address for
 * Arabic, the default (so the plain address, also the x-default, is Arabic's own).
 */
export function localizedUrl(origin: string, path: string, language?: string): string {
  const url = new URL(path, origin)
  url.searchParams.delete('lng')
  if (language && language !== 'ar') url.searchParams.set('lng', language)
  return url.toString()
}

/**
 * Titles of every page: loaders return `title` (and `description`); when a route fails, the
 * localized error title from the root loader stands in.
 */
export function pageMeta({
  data,
  matches,
  error,
}: {
  data: unknown
  matches: { id: string; data: unknown }[]
  error?: unknown
}): MetaDescriptor[] {
  const root = matches.find((m) => m.id === 'root')?.data as RootData
  if (error) {
    const { kind } = describeError(error)
    return [
      { title: root?.errorTitles?.[kind] ?? 'Taawun' },
      { name: 'robots', content: 'noindex' },
    ]
  }
  const page = data as PageData
  const meta: MetaDescriptor[] = [{ title: page?.title ?? 'Taawun' }]
  if (page?.description) meta.push({ name: 'description', content: page.description })
  if (page?.noIndex) meta.push({ name: 'robots', content: 'noindex' })
  const seo = page?.seo
  if (seo && root?.origin && !page?.noIndex) {
    const origin = root.origin
    const language = root.language ?? 'ar'
    const canonical = localizedUrl(origin, seo.path, language)
    meta.push({ tagName: 'link', rel: 'canonical', href: canonical })
    for (const lng of languages) {
      meta.push({
        tagName: 'link',
        rel: 'alternate',
        hrefLang: lng,
        href: localizedUrl(origin, seo.path, lng),
      })
    }
    meta.push({
      tagName: 'link',
      rel: 'alternate',
      hrefLang: 'x-default',
      href: localizedUrl(origin, seo.path),
    })
    const image = seo.image
    meta.push(
      { property: 'og:site_name', content: 'Taawun' },
      { property: 'og:type', content: seo.type ?? 'website' },
      { property: 'og:url', content: canonical },
      { property: 'og:title', content: page.title ?? 'Taawun' },
      { property: 'og:locale', content: ogLocales[language] ?? 'ar_MA' },
      ...languages
        .filter((lng) => lng !== language)
        .map((lng) => ({ property: 'og:locale:alternate', content: ogLocales[lng] })),
      { name: 'twitter:card', content: image ? 'summary_large_image' : 'summary' },
      { name: 'twitter:title', content: page.title ?? 'Taawun' },
    )
    if (page.description) {
      meta.push(
        { property: 'og:description', content: page.description },
        { name: 'twitter:description', content: page.description },
      )
    }
    if (image) {
      const url = new URL(image.url, origin).toString()
      meta.push(
        { property: 'og:image', content: url },
        { property: 'og:image:type', content: image.type },
        { property: 'og:image:width', content: String(image.width) },
        { property: 'og:image:height', content: String(image.height) },
        { property: 'og:image:alt', content: image.alt },
        { name: 'twitter:image', content: url },
        { name: 'twitter:image:alt', content: image.alt },
      )
    }
    if (seo.jsonLd) meta.push({ 'script:ld+json': seo.jsonLd })
  }
  return meta
}

/**
 * A page's largest picture, fetched from the head before the body or the scripts ask for
 * it (ADR 021). The same `srcset`, `sizes` and format as the `<picture>` that shows it, so
 * the browser picks the same file: AVIF where the image has it (a browser without AVIF skips
 * the hint), else WebP.
 */
export function imagePreload(
  image: Pick<StoredImage, 'variants'> | null | undefined,
  sizes: string,
): MetaDescriptor[] {
  if (!image) return []
  const avif = imageSrcSet(image, 'avif')
  const srcSet = avif || imageSrcSet(image, 'webp')
  if (!srcSet) return []
  return [
    {
      tagName: 'link',
      rel: 'preload',
      as: 'image',
      type: avif ? 'image/avif' : 'image/webp',
      imageSrcSet: srcSet,
      imageSizes: sizes,
      // React 18 does not know `fetchPriority`; the lower-case attribute passes through.
      fetchpriority: 'high',
    },
  ]
}
