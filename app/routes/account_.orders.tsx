import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { OrderStatusBadge } from '#app/components/orders/order-parts.tsx'
import { requireUser } from '#app/modules/auth/guards.server.ts'
import { formatDate, formatMoney } from '#app/modules/i18n/format.ts'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import { loadMessages } from '#app/modules/i18n/messages.ts'
import { listCustomerOrders } from '#app/modules/orders/queries.server.ts'
import { pageMeta } from '#app/utils/meta.ts'

// The buyer's account messages: in the browser before this route renders.
await loadMessages('account')

export const meta: MetaFunction<typeof loader> = pageMeta

export const headers = () => ({ 'Cache-Control': 'private, no-store' })

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const { t, language } = await getTranslator(request)
  const orders = await listCustomerOrders(user.id)
  return {
    noIndex: true,
    title: t('orders.mine'),
    orders: orders.map((o) => ({
      number: o.number,
      date: formatDate(o.createdAt, language),
      total: formatMoney(o.totalCentimes, language),
      statuses: [...new Set(o.statuses)],
    })),
  }
}

export default function MyOrders() {
  const { orders } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  return (
    <main id="main" className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-6">
      <h1 className="text-3xl font-semibold">{t('orders.mine')}</h1>
      {orders.length === 0 ? (
        <p className="card">{t('orders.mineEmpty')}</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {orders.map((o) => (
            <li key={o.number} className="card flex flex-wrap items-center justify-between gap-2">
              <div className="flex flex-col">
                <Link to={`/orders/${o.number}`} className="text-lg font-semibold">
                  {t('orders.number', { number: o.number })}
                </Link>
                <span className="text-ink-soft">
                  {o.date} · {o.total}
                </span>
              </div>
              <div className="flex flex-wrap gap-1">
                {o.statuses.map((s) => (
                  <OrderStatusBadge key={s} status={s} />
                ))}
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
