import { createCookie } from '@remix-run/node'
import { RemixI18Next } from 'remix-i18next/server'
import arAccount from '#app/locales/ar/account.json'
import arBackoffice from '#app/locales/ar/backoffice.json'
import arInfo from '#app/locales/ar/info.json'
import arServer from '#app/locales/ar/server.json'
import arStorefront from '#app/locales/ar/storefront.json'
import enAccount from '#app/locales/en/account.json'
import enBackoffice from '#app/locales/en/backoffice.json'
import enInfo from '#app/locales/en/info.json'
import enServer from '#app/locales/en/server.json'
import enStorefront from '#app/locales/en/storefront.json'
import frAccount from '#app/locales/fr/account.json'
import frBackoffice from '#app/locales/fr/backoffice.json'
import frInfo from '#app/locales/fr/info.json'
import frServer from '#app/locales/fr/server.json'
import frStorefront from '#app/locales/fr/storefront.json'
import { mergeMessages, type Messages } from './catalogue.ts'
import { defaultLanguage, isLanguage, type Language, supportedLanguages } from './config.ts'

/** The server holds every part of every language, merged into the one `common` namespace. */
function whole(...parts: Messages[]): Messages {
  return parts.reduce<Messages>((all, part) => mergeMessages(all, part), {})
}

export const resources = {
  ar: { common: whole(arStorefront, arAccount, arInfo, arBackoffice, arServer) },
  fr: { common: whole(frStorefront, frAccount, frInfo, frBackoffice, frServer) },
  en: { common: whole(enStorefront, enAccount, enInfo, enBackoffice, enServer) },
}

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
