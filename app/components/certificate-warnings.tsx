import { Link } from '@remix-run/react'
import { AlarmClock, CheckCircle2, TriangleAlert } from 'lucide-react'
import { useTranslation } from 'react-i18next'

export type ExpiryWarningView = {
  certificateId: string
  type: string
  name: string
  number: string
  date: string
  daysLeft: number
  tier: 60 | 30 | 7
  products: string[]
}

// The closer the expiry, the louder: a note at 60 days, a warning at 30, an alarm at 7.
const tierStyles: Record<ExpiryWarningView['tier'], string> = {
  60: 'border-blue bg-blue-light text-ink',
  30: 'border-terracotta bg-sand-dark text-ink',
  7: 'border-danger bg-danger-light text-danger',
}

/** Certificates about to expire, each with the products that would leave the shop. */
export function ExpiryWarnings({
  warnings,
  slug,
  canAct,
}: {
  warnings: ExpiryWarningView[]
  slug: string
  canAct: boolean
}) {
  const { t } = useTranslation()
  if (warnings.length === 0) return null
  return (
    <section aria-labelledby="expiry-warnings" className="flex flex-col gap-3">
      <h2 id="expiry-warnings" className="text-xl font-semibold">
        {t('certWatch.expiring.heading')}
      </h2>
      <ul className="flex flex-col gap-3">
        {warnings.map((w) => {
          const Icon = w.tier === 7 ? TriangleAlert : AlarmClock
          return (
            <li
              key={w.certificateId}
              data-tier={w.tier}
              className={`flex flex-col gap-1 rounded-xl border-s-8 p-4 ${tierStyles[w.tier]}`}
            >
              <p className="flex items-center gap-2 text-lg font-semibold">
                <Icon aria-hidden size={24} className="shrink-0" />
                {t('certWatch.expiring.title', { certificate: w.name, date: w.date })}
              </p>
              <p className={w.tier === 7 ? 'font-semibold' : undefined}>
                {t('certWatch.expiring.daysLeft', { days: w.daysLeft })} ·{' '}
                <span dir="ltr">{w.number}</span>
              </p>
              <p>
                {w.products.length
                  ? t('certWatch.expiring.offSale', { products: w.products.join('، ') })
                  : t('certWatch.expiring.noneOffSale')}
              </p>
              {canAct ? (
                <Link to={`/coop/${slug}/certificates/new?type=${w.type}`} className="self-start">
                  {t('certWatch.expiring.renew')}
                </Link>
              ) : null}
            </li>
          )
        })}
      </ul>
    </section>
  )
}

/** "N products can be published now", with the way to do it (managers only). */
export function ReadyToPublish({ count, slug }: { count: number; slug: string }) {
  const { t } = useTranslation()
  if (count === 0) return null
  return (
    <section className="flex flex-wrap items-center justify-between gap-3 rounded-xl border-s-8 border-olive bg-olive-light p-4">
      <div>
        <p className="flex items-center gap-2 text-lg font-semibold text-olive">
          <CheckCircle2 aria-hidden size={24} className="shrink-0" />
          {t('certWatch.ready.title', { count })}
        </p>
        <p>{t('certWatch.ready.body')}</p>
      </div>
      <Link to={`/coop/${slug}/products/publish`} className="btn-primary">
        {t('certWatch.ready.action')}
      </Link>
    </section>
  )
}
