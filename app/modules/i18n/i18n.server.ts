import { createCookie } from '@remix-run/node'
import { RemixI18Next } from 'remix-i18next/server'
import ar from '#app/locales/ar/common.json'
import en from '#app/locales/en/common.json'
import fr from '#app/locales/fr/common.json'
import { defaultLanguage, isLanguage, type Language, supportedLanguages } from './config.ts'

export const resources = {
  ar: { common: ar },
  fr: { common: fr },
  en: { common: en },
} as const

/** The reader's chosen language; a plain preference, so it is neither signed nor HttpOnly-bound. */
export const languageCookie = createCookie('taawun_lang', {
  path: '/',
  sameSite: 'lax',
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
})

export const i18nServer = new RemixI18Next({
  detection: {
    supportedLanguages: [...supportedLanguages],
    fallbackLanguage: defaultLanguage,
    cookie: languageCookie,
    // A language in the URL (`?lng=fr`) wins: every page has a stable address per language
    // for search engines and shared links (hreflang alternates point there).
    order: ['searchParams', 'cookie', 'header'],
    searchParamKey: 'lng',
  },
  i18next: {
    supportedLngs: [...supportedLanguages],
    fallbackLng: defaultLanguage,
    defaultNS: 'common',
    resources,
    interpolation: { escapeValue: false },
  },
})

export async function getLanguage(request: Request): Promise<Language> {
  const detected = await i18nServer.getLocale(request)
  return isLanguage(detected) ? detected : defaultLanguage
}

export type Translate = (key: string, options?: Record<string, unknown>) => string

export async function getTranslator(
  request: Request,
): Promise<{ t: Translate; language: Language }> {
  const language = await getLanguage(request)
  return { t: await translatorFor(language), language }
}

/** One translator per language, made once: nothing changes its language or resources. */
const translators = new Map<Language, Promise<Translate>>()

export function translatorFor(language: Language): Promise<Translate> {
  let made = translators.get(language)
  if (!made) {
    made = i18nServer.getFixedT(language, 'common').then(
      (t): Translate =>
        (key, options) =>
          t(key, options) as string,
    )
    made.catch(() => translators.delete(language))
    translators.set(language, made)
  }
  return made
}
