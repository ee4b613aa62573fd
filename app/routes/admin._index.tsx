import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { hasAssociationRole, requireAssociationRole } from '#app/modules/auth/guards.server.ts'
import { countCooperativesByStatus } from '#app/modules/cooperatives/status.server.ts'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { loadMessages } from '#app/modules/i18n/messages.ts'

// Its screens speak in the back-office messages: they are in the browser before it renders.
await loadMessages('account', 'backoffice')

export const meta: MetaFunction<typeof loader> = pageMeta

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireAssociationRole(request, ['reviewer', 'finance', 'admin'])
  const { t } = await getTranslator(request)
  return {
    noIndex: true,
    title: t('admin.metaTitle'),
    counts: await countCooperativesByStatus(),
    // Money pages: finance and admins.
    finance: hasAssociationRole(user, 'finance'),
  }
}

export default function AdminHome() {
  const { counts, finance } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  return (
    <main id="main" className="mx-auto max-w-6xl px-4 py-10">
      <h1 className="mb-6 text-3xl font-semibold">{t('admin.title')}</h1>
      <h2 className="mb-3 text-xl font-semibold">{t('admin.cooperatives')}</h2>
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        {(Object.keys(counts) as (keyof typeof counts)[]).map((status) => (
          <div key={status} className="card">
            <dt className="text-sm text-ink-soft">{t(`cooperativeStatus.${status}`)}</dt>
            <dd className="text-3xl font-semibold">{counts[status]}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-6 flex flex-wrap gap-3">
        <Link to="/admin/cooperatives" className="btn-primary">
          {t('admin.cooperativesLink')}
        </Link>
        <Link to="/admin/certificates" className="btn-primary">
          {t('admin.certificatesLink')}
        </Link>
        <Link to="/admin/products" className="btn-secondary">
          {t('admin.productsLink')}
        </Link>
        <Link to="/admin/orders" className="btn-primary">
          {t('adminOrders.link')}
        </Link>
        <Link to="/admin/shipping" className="btn-secondary">
          {t('adminShipping.link')}
        </Link>
      </p>
      {finance ? (
        <>
          <h2 className="mb-3 mt-8 text-xl font-semibold">{t('finance.dashboard')}</h2>
          <p className="flex flex-wrap gap-3">
            <Link to="/admin/payouts" className="btn-primary">
              {t('finance.payoutsLink')}
            </Link>
            <Link to="/admin/reconciliation" className="btn-secondary">
              {t('finance.reconciliationLink')}
            </Link>
            <Link to="/admin/remittances" className="btn-secondary">
              {t('finance.remittancesLink')}
            </Link>
          </p>
        </>
      ) : null}
    </main>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
