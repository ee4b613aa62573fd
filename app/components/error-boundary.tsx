import { Link, isRouteErrorResponse, useRouteError } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useRequestId } from '#app/utils/request-info.tsx'

export function describeError(error: unknown) {
  const status = isRouteErrorResponse(error) ? error.status : 500
  const kind =
    status === 404
      ? 'notFound'
      : status === 403
        ? 'forbidden'
        : status === 429
          ? 'tooMany'
          : status < 500
            ? 'badRequest'
            : 'server'
  return { status, kind }
}

/** The one localized error page, for every route. Never shows a stack trace. */
export function GeneralErrorBoundary() {
  const error = useRouteError()
  const { t } = useTranslation()
  const requestId = useRequestId()
  const { status, kind } = describeError(error)
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-16 text-center">
      <p className="text-6xl font-semibold text-terracotta">{status}</p>
      <h1 className="mt-4 text-2xl font-semibold">{t(`errorPage.${kind}.title`)}</h1>
      <p className="mt-2 text-ink-soft">{t(`errorPage.${kind}.body`)}</p>
      <p className="mt-8">
        <Link to="/" className="btn-primary">
          {t('errorPage.home')}
        </Link>
      </p>
      {requestId ? (
        <p className="mt-8 text-sm text-ink-soft">
          {t('errorPage.reference')} <code dir="ltr">{requestId}</code>
        </p>
      ) : null}
    </main>
  )
}
