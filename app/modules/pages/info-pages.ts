// The pages every shop has (about, certification, delivery and returns, terms, privacy,
// contact): their addresses, in the order of the footer. Their text is in the catalogues,
// under `pages.<key>`.
import { siteShareImage } from '#app/modules/media/image-urls.ts'

export const infoPages = [
  { key: 'about', path: '/about' },
  { key: 'certification', path: '/certification' },
  { key: 'delivery', path: '/delivery-returns' },
  { key: 'terms', path: '/terms' },
  { key: 'privacy', path: '/privacy' },
  { key: 'contact', path: '/contact' },
] as const

export type InfoPageKey = (typeof infoPages)[number]['key']

type Translate = (key: string, options?: Record<string, unknown>) => string

/** What an information page's loader tells search engines and link previews. */
export function infoPageMeta(t: Translate, key: InfoPageKey) {
  const page = infoPages.find((p) => p.key === key)!
  return {
    title: t(`pages.${key}.metaTitle`),
    description: t(`pages.${key}.metaDescription`),
    seo: {
      path: page.path,
      image: { ...siteShareImage, alt: t('sharePreview.siteImageAlt') },
    },
  }
}
