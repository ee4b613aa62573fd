import {
  createReadableStreamFromReadable,
  type AppLoadContext,
  type EntryContext,
} from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { createInstance } from 'i18next'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { createDocumentStream } from '#app/utils/html-stream.server.ts'
import { NonceProvider } from '#app/utils/nonce.tsx'
import { RequestIdProvider } from '#app/utils/request-info.tsx'
import { defaultLanguage, isLanguage } from '#app/modules/i18n/config.ts'
import { resources } from '#app/modules/i18n/i18n.server.ts'
import { getLanguage } from '#app/modules/i18n/i18n.server.ts'
import '#app/utils/load-context.ts'

export { startup } from '#app/utils/startup.server.ts'

const streamTimeout = 5_000

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const language = await getLanguage(request)
  const i18n = createInstance()
  await i18n.use(initReactI18next).init({
    lng: isLanguage(language) ? language : defaultLanguage,
    fallbackLng: defaultLanguage,
    defaultNS: 'common',
    ns: ['common'],
    resources,
    interpolation: { escapeValue: false },
  })
  const nonce = loadContext?.nonce ?? ''
  const waitForAll = isbot(request.headers.get('user-agent')) || remixContext.isSpaMode

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false
    const { pipe, abort } = renderToPipeableStream(
      <I18nextProvider i18n={i18n}>
        <NonceProvider value={nonce}>
          <RequestIdProvider value={loadContext?.requestId ?? ''}>
            <RemixServer context={remixContext} url={request.url} nonce={nonce} />
          </RequestIdProvider>
        </NonceProvider>
      </I18nextProvider>,
      {
        nonce,
        [waitForAll ? 'onAllReady' : 'onShellReady']() {
          shellRendered = true
          // Not React's bytes as they come: see createDocumentStream (ADR 009).
          const body = createDocumentStream()
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          )
          pipe(body)
        },
        onShellError(error: unknown) {
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          if (shellRendered) console.error(error)
        },
      },
    )
    setTimeout(abort, streamTimeout + 1000)
  })
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return
  console.error(error)
}
