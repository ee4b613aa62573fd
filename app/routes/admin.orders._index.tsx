import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field, SelectField } from '#app/components/forms.tsx'
import { OrderStatusBadge } from '#app/components/orders/order-parts.tsx'
import { requireAssociationRole } from '#app/modules/auth/guards.server.ts'
import { formatDate, formatMoney } from '#app/modules/i18n/format.ts'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import { cooperativeOrderStatuses } from '#db/schema/orders.ts'
import {
  adminPageSize,
  isOrderStatus,
  listOrdersForAssociation,
} from '#app/modules/orders/queries.server.ts'
import { listRegionsWithProvinces } from '#app/modules/reference/places.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { loadMessages } from '#app/modules/i18n/messages.ts'

// Its screens speak in the back-office messages: they are in the browser before it renders.
await loadMessages('account', 'backoffice')

export const meta: MetaFunction<typeof loader> = pageMeta

export const headers = () => ({ 'Cache-Control': 'private, no-store' })

function dateParam(value: string | null, endOfDay = false) {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null
  const date = new Date(`${value}T00:00:00Z`)
  if (Number.isNaN(date.getTime())) return null
  return endOfDay ? new Date(date.getTime() + 24 * 3600 * 1000) : date
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAssociationRole(request, ['reviewer', 'finance', 'admin'])
  const { t, language } = await getTranslator(request)
  const search = new URL(request.url).searchParams
  const status = search.get('status')
  const slug = search.get('cooperative')?.trim().slice(0, 80) || null
  const region = search.get('region')?.slice(0, 64) || null
  const page = Math.min(Math.max(Number(search.get('page')) || 1, 1), 10_000)
  const filters = {
    status: isOrderStatus(status) ? status : null,
    cooperative: slug,
    region,
    from: dateParam(search.get('from')),
    to: dateParam(search.get('to'), true),
    page,
  }
  const [result, regions] = await Promise.all([
    listOrdersForAssociation(filters, language),
    listRegionsWithProvinces(language),
  ])
  return {
    noIndex: true,
    title: t('adminOrders.metaTitle'),
    regions: regions.map((r) => ({ code: r.code, name: r.name })),
    params: {
      status: filters.status ?? '',
      cooperative: slug ?? '',
      region: region ?? '',
      from: search.get('from') ?? '',
      to: search.get('to') ?? '',
    },
    page,
    pages: Math.max(1, Math.ceil(result.total / adminPageSize)),
    total: result.total,
    orders: result.rows.map((r) => ({
      id: r.id,
      number: r.number,
      status: r.status,
      date: formatDate(r.createdAt, language, 'datetime'),
      cooperative: r.cooperativeName,
      place: `${r.city}, ${r.region}`,
      total: formatMoney(r.totalCentimes, language),
    })),
  }
}

export default function AdminOrders() {
  const { regions, params, orders, total, page, pages } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  const pageLink = (n: number) => {
    const search = new URLSearchParams(Object.entries(params).filter(([, v]) => v))
    search.set('page', String(n))
    return `?${search}`
  }
  return (
    <main id="main" className="mx-auto flex max-w-6xl flex-col gap-4 px-4 py-6">
      <h1 className="text-3xl font-semibold">{t('adminOrders.title')}</h1>
      <Form
        method="get"
        className="card grid gap-3 sm:grid-cols-3"
        aria-label={t('adminOrders.filters')}
      >
        <SelectField label={t('adminOrders.status')} name="status" defaultValue={params.status}>
          <option value="">{t('adminOrders.all')}</option>
          {cooperativeOrderStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`orders.status.${s}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('adminOrders.region')} name="region" defaultValue={params.region}>
          <option value="">{t('adminOrders.all')}</option>
          {regions.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name}
            </option>
          ))}
        </SelectField>
        <Field
          label={t('adminOrders.cooperative')}
          name="cooperative"
          dir="ltr"
          defaultValue={params.cooperative}
        />
        <Field label={t('adminOrders.from')} name="from" type="date" defaultValue={params.from} />
        <Field label={t('adminOrders.to')} name="to" type="date" defaultValue={params.to} />
        <button type="submit" className="btn-primary self-end">
          {t('adminOrders.apply')}
        </button>
      </Form>
      <p>{t('adminOrders.total', { count: total })}</p>
      {orders.length === 0 ? (
        <p className="card">{t('adminOrders.empty')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="card w-full text-start">
            <thead>
              <tr>
                <th scope="col" className="p-2 text-start">
                  {t('adminOrders.number')}
                </th>
                <th scope="col" className="p-2 text-start">
                  {t('adminOrders.date')}
                </th>
                <th scope="col" className="p-2 text-start">
                  {t('adminOrders.cooperative')}
                </th>
                <th scope="col" className="p-2 text-start">
                  {t('adminOrders.region')}
                </th>
                <th scope="col" className="p-2 text-start">
                  {t('adminOrders.status')}
                </th>
                <th scope="col" className="p-2 text-end">
                  {t('adminOrders.amount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {orders.map((o) => (
                <tr key={o.id} className="border-t border-sand-dark">
                  <td className="p-2">
                    <Link to={`/admin/orders/${o.id}`}>{o.number}</Link>
                  </td>
                  <td className="p-2">{o.date}</td>
                  <td className="p-2">
                    <bdi>{o.cooperative}</bdi>
                  </td>
                  <td className="p-2">{o.place}</td>
                  <td className="p-2">
                    <OrderStatusBadge status={o.status} />
                  </td>
                  <td className="p-2 text-end">{o.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="flex justify-between" aria-label={t('adminOrders.title')}>
        {page > 1 ? <Link to={pageLink(page - 1)}>{t('adminOrders.previous')}</Link> : <span />}
        {page < pages ? <Link to={pageLink(page + 1)}>{t('adminOrders.next')}</Link> : <span />}
      </nav>
    </main>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
