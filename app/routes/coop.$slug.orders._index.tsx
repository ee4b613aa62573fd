import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Phone } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { OrderStatusBadge } from '#app/components/orders/order-parts.tsx'
import { requireCooperativeMember } from '#app/modules/auth/guards.server.ts'
import { formatDate, formatList, formatMoney } from '#app/modules/i18n/format.ts'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import {
  cooperativeOrderCounts,
  cooperativeTabs,
  listCooperativeOrders,
  type CooperativeTab,
} from '#app/modules/orders/queries.server.ts'
import { pageMeta } from '#app/utils/meta.ts'

export const meta: MetaFunction<typeof loader> = pageMeta

export const headers = () => ({ 'Cache-Control': 'private, no-store' })

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireCooperativeMember(request, params.slug)
  const { t, language } = await getTranslator(request)
  const asked = new URL(request.url).searchParams.get('tab')
  const tab: CooperativeTab = Object.hasOwn(cooperativeTabs, asked ?? '')
    ? (asked as CooperativeTab)
    : 'new'
  const [counts, orders] = await Promise.all([
    cooperativeOrderCounts(scope.cooperative.id),
    listCooperativeOrders(scope.cooperative.id, tab, language),
  ])
  return {
    noIndex: true,
    title: t('coopOrders.metaTitle', { name: scope.cooperative.displayName }),
    slug: scope.cooperative.slug,
    tab,
    counts,
    orders: orders.map((o) => ({
      id: o.id,
      number: o.number,
      status: o.status,
      date: formatDate(o.createdAt, language, 'datetime'),
      contactName: o.contactName,
      phone: o.phone,
      phoneDisplay: o.phoneDisplay,
      place: formatList([o.city, o.province], language),
      units: o.units,
      total: formatMoney(o.totalCentimes, language),
      cod: o.paymentMethod === 'cod',
    })),
  }
}

export default function CooperativeOrders() {
  const { slug, tab, counts, orders } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  return (
    <main id="main" className="flex flex-col gap-4">
      <h1 className="text-3xl font-semibold">{t('coopOrders.title')}</h1>
      <nav aria-label={t('coopOrders.title')}>
        <ul className="flex flex-wrap gap-2">
          {(Object.keys(counts) as (keyof typeof counts)[]).map((key) => (
            <li key={key}>
              <Link
                to={`?tab=${key}`}
                aria-current={key === tab ? 'page' : undefined}
                className={`btn min-h-11 px-4 ${key === tab ? 'bg-blue text-white' : 'bg-white text-blue ring-1 ring-blue'}`}
              >
                {t(`coopOrders.tabs.${key}`)}
                <span className="rounded-full bg-white/20 px-2 text-sm">{counts[key]}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {orders.length === 0 ? (
        <p className="card text-lg">{t('coopOrders.empty')}</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {orders.map((o) => (
            <li key={o.id} className="card flex flex-col gap-2">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <Link to={`/coop/${slug}/orders/${o.id}`} className="text-lg font-semibold">
                  {t('orders.number', { number: o.number })}
                </Link>
                <OrderStatusBadge status={o.status} />
              </div>
              <p>
                <bdi>{o.contactName}</bdi> · <bdi>{o.place}</bdi>
              </p>
              <p className="text-ink-soft">
                {o.date} · {t('coopOrders.units', { count: o.units })}
              </p>
              <p className="text-lg font-semibold">
                {o.cod
                  ? t('coopOrders.toCollect', { amount: o.total })
                  : o.status === 'pending_payment'
                    ? t('orders.status.pending_payment')
                    : t('coopOrders.paidByCard')}
              </p>
              <div className="flex flex-wrap gap-2">
                {o.status === 'awaiting_confirmation' ? (
                  <a href={`tel:${o.phone}`} className="btn-primary">
                    <Phone aria-hidden size={20} />
                    {t('coopOrders.call', { name: o.contactName })}
                  </a>
                ) : null}
                <Link to={`/coop/${slug}/orders/${o.id}`} className="btn-secondary">
                  {t('orders.open')}
                </Link>
              </div>
            </li>
          ))}
        </ul>
      )}
    </main>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
