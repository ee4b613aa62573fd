import { type LoaderFunctionArgs } from '@remix-run/node'
import { Link, Outlet, useLoaderData, useLocation } from '@remix-run/react'
import { AlertTriangle, ArrowRight, CheckCircle2, Clock, XCircle } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { requireCooperativeMember } from '#app/modules/auth/guards.server.ts'
import { getCooperativeStatus } from '#app/modules/cooperatives/status.server.ts'
import { loadMessages } from '#app/modules/i18n/messages.ts'

// Its screens speak in the back-office messages: they are in the browser before it renders.
await loadMessages('account', 'backoffice')

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireCooperativeMember(request, params.slug)
  return { cooperative: await getCooperativeStatus(scope.cooperative.id), role: scope.role }
}

const banners = {
  applied: { Icon: Clock, tone: 'bg-blue-light text-blue-dark' },
  active: { Icon: CheckCircle2, tone: 'bg-olive-light text-olive' },
  suspended: { Icon: AlertTriangle, tone: 'bg-danger-light text-danger' },
  rejected: { Icon: XCircle, tone: 'bg-danger-light text-danger' },
} as const

export default function CooperativeLayout() {
  const { cooperative, role } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  const location = useLocation()
  const status = cooperative.status as keyof typeof banners
  const { Icon, tone } = banners[status]
  const atHome = location.pathname.replace(/\/$/, '') === `/coop/${cooperative.slug}`
  return (
    <div className="mx-auto max-w-4xl px-4 py-6">
      {!atHome ? (
        <Link
          to={`/coop/${cooperative.slug}`}
          className="mb-4 inline-flex min-h-12 items-center gap-2 font-semibold"
        >
          <ArrowRight aria-hidden size={20} className="ltr:rotate-180" />
          {t('coop.backHome', { name: cooperative.displayName })}
        </Link>
      ) : null}
      <section
        aria-label={t('coop.statusLabel')}
        className={`mb-6 flex items-start gap-3 rounded-2xl p-4 ${tone}`}
      >
        <Icon aria-hidden size={32} className="shrink-0" />
        <div>
          <p className="text-lg font-semibold">{t(`coop.banner.${status}.title`)}</p>
          <p>{t(`coop.banner.${status}.body`)}</p>
          {cooperative.decisionNote && (status === 'rejected' || status === 'suspended') ? (
            <p className="mt-1 font-semibold">
              {t('coop.reason')} {cooperative.decisionNote}
            </p>
          ) : null}
          {status === 'rejected' && role === 'manager' ? (
            <Link
              to={`/coop/${cooperative.slug}/profile`}
              className="mt-2 inline-flex min-h-12 items-center font-semibold underline"
            >
              {t('coop.banner.rejected.action')}
            </Link>
          ) : null}
        </div>
      </section>
      <Outlet />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
