import {
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  data,
} from '@remix-run/node'
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteLoaderData,
} from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { SiteFooter } from '#app/components/site-footer.tsx'
import { SiteHeader } from '#app/components/site-header.tsx'
import { Toast } from '#app/components/toast.tsx'
import { VerifyEmailBanner } from '#app/components/verify-email-banner.tsx'
import { getRootData } from '#app/modules/auth/root.server.ts'
import {
  defaultLanguage,
  directionOf,
  isLanguage,
  type Language,
} from '#app/modules/i18n/config.ts'
import { useNonce } from '#app/utils/nonce.tsx'
import { useRequestId } from '#app/utils/request-info.tsx'
import { pageMeta } from '#app/utils/meta.ts'
import stylesText from '#app/styles/app.css?inline'
import stylesUrl from '#app/styles/app.css?url'

/**
 * The stylesheet is written into the page's head rather than linked, so the first paint
 * waits for no request (ADR 021). The server has its text; the browser, which must render
 * the same element, reads it back from the page instead of downloading it again with the
 * JavaScript (in the browser build the `?inline` import is unused and left out). The
 * development server links it, so that edited styles reach the page without a reload.
 */
const inlineStyles = import.meta.env.DEV
  ? ''
  : import.meta.env.SSR
    ? stylesText
    : (globalThis.document?.getElementById('styles')?.textContent ?? '')

export const links: LinksFunction = () => [
  ...(import.meta.env.DEV ? [{ rel: 'stylesheet', href: stylesUrl }] : []),
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export const meta: MetaFunction<typeof loader> = pageMeta

export async function loader({ request }: LoaderFunctionArgs) {
  const { setCookies, ...rootData } = await getRootData(request)
  const headers = new Headers()
  for (const cookie of setCookies) headers.append('Set-Cookie', cookie)
  return data(rootData, { headers })
}

export function Layout({ children }: { children: React.ReactNode }) {
  const rootData = useRouteLoaderData<typeof loader>('root')
  const { i18n, t } = useTranslation()
  const language: Language =
    rootData?.language ?? (isLanguage(i18n.language) ? i18n.language : defaultLanguage)
  const nonce = useNonce()
  const requestId = useRequestId()
  return (
    <html lang={language} dir={directionOf(language)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#1d4f91" />
        {requestId ? <meta name="request-id" content={requestId} /> : null}
        <Meta />
        <Links />
        {inlineStyles ? (
          <style id="styles" dangerouslySetInnerHTML={{ __html: inlineStyles }} />
        ) : null}
      </head>
      <body className="flex min-h-screen flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2"
        >
          {t('nav.skipToContent')}
        </a>
        <SiteHeader
          user={rootData?.user ?? null}
          language={language}
          cartCount={rootData?.cartCount ?? 0}
        />
        {rootData?.user && !rootData.user.emailVerified ? <VerifyEmailBanner /> : null}
        <div className="flex-1">{children}</div>
        <SiteFooter />
        {rootData?.toast ? <Toast toast={rootData.toast} /> : null}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

export default function App() {
  return <Outlet />
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
