import { RemixBrowser } from '@remix-run/react'
import i18next from 'i18next'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { defaultLanguage, isLanguage } from '#app/modules/i18n/config.ts'

// Each catalogue is its own content-hashed chunk; only the page's language is fetched.
const catalogues = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/common.json')

async function hydrate() {
  const lang = document.documentElement.lang
  const language = isLanguage(lang) ? lang : defaultLanguage
  const load = catalogues[`./locales/${language}/common.json`]
  const common = load ? (await load()).default : {}
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: false,
    defaultNS: 'common',
    ns: ['common'],
    resources: { [language]: { common } },
    interpolation: { escapeValue: false },
  })
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    )
  })
}

void hydrate()
