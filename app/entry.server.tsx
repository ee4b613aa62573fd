import crypto from 'node:crypto'
import {
  createReadableStreamFromReadable,
  type AppLoadContext,
  type EntryContext,
} from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { createInstance, type i18n } from 'i18next'
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
import { impersonalPage, keepPage, pageEtag } from '#app/utils/page-cache.server.ts'
import { type KeptPageHandle } from '#app/utils/page-handle.ts'

export { startup } from '#app/utils/startup.server.ts'
// The HTTP server (server.js) looks kept pages up before Remix is asked.
export { anonymousGet, findPage, releaseTicket } from '#app/utils/page-cache.server.ts'

const streamTimeout = 5_000

const sessionCookie = /(?:^|;\s*)(?:__Host-)?taawun_session=[^;]/

/**
 * Pages anyone may be sent alike (a GET answered 200, no session, no cookie being set, and
 * either no caching said or "revalidate each time") are sent whole with a validator: a weak
 * ETag over the page without its per-request nonce and request id, so a visitor who has it
 * gets 304 and no body. The 304 carries no page policy (server/hardening.js): the copy the
 * browser keeps stays with the policy of its own nonce.
 */
function validatable(request: Request, status: number, headers: Headers): boolean {
  const caching = headers.get('Cache-Control')
  return (
    request.method === 'GET' &&
    status === 200 &&
    !headers.has('Set-Cookie') &&
    (caching === null || caching === 'private, no-cache') &&
    !sessionCookie.test(request.headers.get('cookie') ?? '')
  )
}

/** The page's route says it may be kept for anyone, and nobody is signed in (ADR 020). */
function keptForAnyone(remixContext: EntryContext): boolean {
  const { matches, loaderData } = remixContext.staticHandlerContext
  const leaf = matches[matches.length - 1]
  if (!leaf) return false
  const handle = remixContext.routeModules[leaf.route.id]?.handle as KeptPageHandle | undefined
  const root = loaderData.root as { user?: unknown } | undefined
  return handle?.keptForAnyone === true && !root?.user
}

function etagOf(body: Buffer, volatile: string[]): string {
  let text = body.toString('utf8')
  for (const value of volatile) if (value) text = text.split(value).join('')
  return `W/"${crypto.createHash('sha1').update(text).digest('base64url')}"`
}

export function ifNoneMatch(header: string | null, etag: string): boolean {
  if (!header) return false
  return header.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*')
}

/**
 * One translator per language for every rendering: nothing on the server changes its
 * language or its resources once made, so renderings may share it.
 */
const translators = new Map<string, Promise<i18n>>()

function i18nFor(requested: string): Promise<i18n> {
  const language = isLanguage(requested) ? requested : defaultLanguage
  let made = translators.get(language)
  if (!made) {
    const instance = createInstance()
    made = instance
      .use(initReactI18next)
      .init({
        lng: language,
        fallbackLng: defaultLanguage,
        defaultNS: 'common',
        ns: ['common'],
        resources,
        interpolation: { escapeValue: false },
      })
      .then(() => instance)
      .catch((error: unknown) => {
        translators.delete(language)
        throw error
      })
    translators.set(language, made)
  }
  return made
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const i18n = await i18nFor(await getLanguage(request))
  const nonce = loadContext?.nonce ?? ''
  const whole = validatable(request, responseStatusCode, responseHeaders)
  const waitForAll = whole || isbot(request.headers.get('user-agent')) || remixContext.isSpaMode

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
          if (whole && responseStatusCode === 200) {
            const chunks: Buffer[] = []
            body.on('data', (chunk: Buffer) => chunks.push(chunk))
            body.on('error', reject)
            body.on('end', () => {
              const page = Buffer.concat(chunks)
              const requestId = loadContext?.requestId ?? ''
              const impersonal = impersonalPage(page.toString('utf8'), nonce, requestId)
              const etag = impersonal ? pageEtag(impersonal) : etagOf(page, [nonce, requestId])
              responseHeaders.set('ETag', etag)
              const ticket = loadContext?.pageTicket
              if (ticket && impersonal && keptForAnyone(remixContext)) {
                // Compressed off this thread; a failure only means the page is not kept.
                keepPage(ticket, impersonal, responseHeaders).catch((error: unknown) =>
                  console.error(error),
                )
              }
              if (ifNoneMatch(request.headers.get('if-none-match'), etag)) {
                responseHeaders.delete('Content-Type')
                resolve(new Response(null, { headers: responseHeaders, status: 304 }))
              } else {
                resolve(new Response(page, { headers: responseHeaders, status: 200 }))
              }
            })
            pipe(body)
            return
          }
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
