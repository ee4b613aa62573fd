import { RemixBrowser } from '@remix-run/react'
import { type i18n } from 'i18next'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { I18nextProvider } from 'react-i18next'
import { defaultLanguage, isLanguage } from '#app/modules/i18n/config.ts'
import { clientMessages, loadMessages } from '#app/modules/i18n/messages.ts'
import { createTranslator } from '#app/modules/i18n/translator.ts'

async function hydrate() {
  const lang = document.documentElement.lang
  const language = isLanguage(lang) ? lang : defaultLanguage
  // The route modules of the page, imported before this entry, have already awaited the
  // other parts they need.
  await loadMessages('storefront')
  const translator = createTranslator(language, clientMessages) as unknown as i18n
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={translator} defaultNS="common">
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    )
  })
}

void hydrate()
