import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

export type GateReasonView =
  | { kind: 'draft' | 'archived' }
  | { kind: 'blocked'; reason: string | null; date: string | null }
  | { kind: 'cooperative_inactive'; status: string }
  | {
      kind: 'certificate'
      type: string
      typeName: string
      requiredBy: 'category' | 'claim'
      state: string
      date?: string | null
    }

/** Why a product is not on sale, in plain words, each with the place to fix it. */
export function GateReasons({ reasons, slug }: { reasons: GateReasonView[]; slug: string }) {
  const { t } = useTranslation()
  if (reasons.length === 0) return null
  return (
    <ul className="flex flex-col gap-1 text-sm">
      {reasons.map((reason, i) => (
        <li key={i}>
          {reason.kind === 'certificate' ? (
            <>
              {t(`gate.certificate.${reason.state}`, {
                certificate: reason.typeName,
                date: reason.date ?? '',
              })}{' '}
              {reason.state === 'pending' ? (
                // Sent already: nothing to send again, only the association's review to wait for.
                <Link to={`/coop/${slug}/certificates`}>{t('certWatch.pendingLink')}</Link>
              ) : (
                <Link to={`/coop/${slug}/certificates/new?type=${reason.type}`}>
                  {t('gate.uploadLink')}
                </Link>
              )}
            </>
          ) : reason.kind === 'blocked' ? (
            t('gate.blocked', { reason: reason.reason ?? '', date: reason.date ?? '' })
          ) : reason.kind === 'cooperative_inactive' ? (
            t('gate.cooperativeInactive', { status: t(`cooperativeStatus.${reason.status}`) })
          ) : (
            t(`gate.${reason.kind}`)
          )}
        </li>
      ))}
    </ul>
  )
}
