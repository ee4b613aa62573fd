import { useTranslation } from 'react-i18next'

export type SummaryView = {
  groups: { cooperativeId: string; cooperative: string; items: string; shipping: string | null }[]
  items: string
  shipping: string | null
  total: string | null
}

/** The order's totals, one parcel per cooperative. */
export function CheckoutSummary({ summary }: { summary: SummaryView }) {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="summary-heading" className="card flex flex-col gap-3">
      <h2 id="summary-heading" className="text-xl font-semibold">
        {t('checkout.summary')}
      </h2>
      <ul className="flex flex-col gap-2">
        {summary.groups.map((g) => (
          <li key={g.cooperativeId} className="flex flex-col rounded-lg bg-sand p-3">
            <span className="font-semibold">
              {t('checkout.parcelFrom', { cooperative: '' })}
              <bdi>{g.cooperative}</bdi>
            </span>
            <span className="flex justify-between">
              <span>{t('checkout.items')}</span>
              <span>{g.items}</span>
            </span>
            <span className="flex justify-between">
              <span>{t('checkout.shipping')}</span>
              <span>{g.shipping ?? t('checkout.shippingPending')}</span>
            </span>
          </li>
        ))}
      </ul>
      <p className="flex justify-between">
        <span>{t('checkout.items')}</span>
        <span>{summary.items}</span>
      </p>
      <p className="flex justify-between">
        <span>{t('checkout.shipping')}</span>
        <span>{summary.shipping ?? t('checkout.shippingPending')}</span>
      </p>
      <p className="flex justify-between text-xl font-semibold" aria-live="polite">
        <span>{t('checkout.total')}</span>
        <span>{summary.total ?? t('checkout.totalPending')}</span>
      </p>
    </section>
  )
}
