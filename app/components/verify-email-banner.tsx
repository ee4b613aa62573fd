import { Form, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

/** Until the address is verified: invitations, cooperative pages and orders wait for it. */
export function VerifyEmailBanner() {
  const { t } = useTranslation()
  const { pathname } = useLocation()
  if (pathname === '/verify-email') return null
  return (
    <aside
      aria-label={t('verifyEmail.bannerLabel')}
      className="border-b border-amber-300 bg-amber-50 px-4 py-3"
    >
      <Form
        method="post"
        action="/verify-email"
        className="mx-auto flex max-w-5xl flex-wrap items-center gap-3"
      >
        <p className="flex-1">{t('verifyEmail.banner')}</p>
        <button type="submit" name="intent" value="resend" className="btn-secondary">
          {t('verifyEmail.resend')}
        </button>
      </Form>
    </aside>
  )
}
