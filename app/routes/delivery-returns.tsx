import { type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { InfoPage } from '#app/components/info-page.tsx'
import { formatMoney, formatNumber } from '#app/modules/i18n/format.ts'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import { loadShippingRates } from '#app/modules/orders/checkout.server.ts'
import { withdrawalWindowDays } from '#app/modules/orders/fulfilment.server.ts'
import { infoPageMeta } from '#app/modules/pages/info-page-meta.server.ts'
import { pageMeta } from '#app/utils/meta.ts'

export const meta: MetaFunction<typeof loader> = pageMeta

// Fees change when the association edits them: never cached.
export const headers: HeadersFunction = () => ({ 'Cache-Control': 'private, no-cache' })

const zoneOrder = ['local', 'region', 'national'] as const

export async function loader({ request }: LoaderFunctionArgs) {
  const { t, language } = await getTranslator(request)
  const [rates, days] = await Promise.all([loadShippingRates(), withdrawalWindowDays()])
  return {
    ...infoPageMeta(t, 'delivery'),
    rates: [...rates]
      .sort((a, b) => zoneOrder.indexOf(a.zone) - zoneOrder.indexOf(b.zone))
      .map((r) => ({
        zone: r.zone,
        fee: formatMoney(r.feeCentimes, language),
        heavy: t('pages.delivery.fees.heavy', {
          kg: formatNumber(r.heavyFromGrams / 1000, language),
          surcharge: formatMoney(r.surchargePerKgCentimes, language),
        }),
      })),
    days: formatNumber(days, language),
  }
}

export default function DeliveryReturnsPage() {
  const { rates, days } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  return (
    <InfoPage
      page="delivery"
      sections={[
        { id: 'carriers' },
        {
          id: 'fees',
          paragraphs: ['p1'],
          children: (
            <table className="w-full border-collapse text-start">
              <thead>
                <tr className="border-b-2 border-sand-dark">
                  <th scope="col" className="py-2 text-start">
                    {t('pages.delivery.fees.zone')}
                  </th>
                  <th scope="col" className="py-2 text-start">
                    {t('pages.delivery.fees.fee')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rates.map((r) => (
                  <tr key={r.zone} className="border-b border-sand-dark align-top">
                    <th scope="row" className="py-2 pe-4 text-start font-normal">
                      {t(`adminShipping.zone.${r.zone}`)}
                    </th>
                    <td className="py-2">
                      <span className="font-semibold whitespace-nowrap">{r.fee}</span>
                      <span className="block text-sm text-ink-soft">{r.heavy}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ),
        },
        { id: 'cod' },
        { id: 'withdrawal', values: { days } },
        { id: 'exceptions', values: { days } },
      ]}
    />
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
