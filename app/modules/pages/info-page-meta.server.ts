// What an information page's loader says about it, in the reader's language: translated on
// the server, which holds the pages' text (the browser has it only on those pages).
import { type Translate } from '#app/modules/i18n/i18n.server.ts'
import { siteShareImage } from '#app/modules/media/image-urls.ts'
import { type InfoPageKey, infoPages } from './info-pages.ts'

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
