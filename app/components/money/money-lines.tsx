import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

export type OrderLineView = {
  cooperativeOrderId: string
  number: string
  amount: string
  deliveredOn: string | null
  waiting: string | null
}

export type PayoutView = {
  id: string
  reference: string
  amount: string
  status: 'pending' | 'sent' | 'paid' | 'failed'
  madeOn: string
  bankReference: string | null
  failureReason: string | null
}

const payoutTones: Record<PayoutView['status'], string> = {
  pending: 'bg-sand-dark text-ink',
  sent: 'bg-blue-light text-blue-dark',
  paid: 'bg-olive-light text-olive',
  failed: 'bg-danger-light text-danger',
}

/** The orders behind a balance, each linking to the cooperative's page of the order. */
export function OrderLines({
  slug,
  title,
  empty,
  lines,
}: {
  slug: string
  title: string
  empty: string
  lines: OrderLineView[]
}) {
  const { t } = useTranslation()
  return (
    <section aria-label={title} className="flex flex-col gap-3">
      <h2 className="text-xl font-semibold">{title}</h2>
      {lines.length === 0 ? (
        <p className="card">{empty}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {lines.map((line) => (
            <li
              key={line.cooperativeOrderId}
              className="card flex flex-wrap items-center justify-between gap-2"
            >
              <div className="flex flex-col gap-1">
                <Link
                  to={`/coop/${slug}/orders/${line.cooperativeOrderId}`}
                  className="font-semibold"
                >
                  {t('moneyScreen.orderNumber', { number: line.number })}
                </Link>
                {line.waiting ? <span>{line.waiting}</span> : null}
                {line.deliveredOn ? (
                  <span className="text-sm text-ink-soft">
                    {t('moneyScreen.deliveredOn', { date: line.deliveredOn })}
                  </span>
                ) : null}
              </div>
              <span className="text-lg font-semibold whitespace-nowrap">{line.amount}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

/** The cooperative's payouts, each with its statement. */
export function PayoutList({ slug, payouts }: { slug: string; payouts: PayoutView[] }) {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="payouts-heading" className="flex flex-col gap-3">
      <h2 id="payouts-heading" className="text-xl font-semibold">
        {t('moneyScreen.payoutsTitle')}
      </h2>
      {payouts.length === 0 ? (
        <p className="card">{t('moneyScreen.payoutsEmpty')}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {payouts.map((p) => (
            <li key={p.id} className="card flex flex-col gap-2">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span className="font-semibold">
                  {t('moneyScreen.payoutReference', { reference: p.reference })}
                </span>
                <span
                  className={`rounded-full px-3 py-1 text-sm font-semibold ${payoutTones[p.status]}`}
                >
                  {t(`moneyScreen.payoutStatus.${p.status}`)}
                </span>
              </div>
              <p className="text-lg font-semibold">{p.amount}</p>
              <p className="text-sm text-ink-soft">{t('moneyScreen.madeOn', { date: p.madeOn })}</p>
              {p.bankReference ? (
                <p className="text-sm">
                  {t('moneyScreen.bankReference', { reference: p.bankReference })}
                </p>
              ) : null}
              {p.failureReason ? (
                <p className="text-sm text-danger">
                  {t('moneyScreen.failureReason', { reason: p.failureReason })}
                </p>
              ) : null}
              <Link
                to={`/coop/${slug}/money/statement?payout=${p.id}`}
                className="btn-secondary self-start"
              >
                {t('moneyScreen.payoutStatement')}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
