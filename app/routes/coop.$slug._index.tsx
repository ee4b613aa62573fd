import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { requireCooperativeMember } from '#app/modules/auth/guards.server.ts'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import { pageMeta } from '#app/utils/meta.ts'

export const meta: MetaFunction<typeof loader> = pageMeta

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireCooperativeMember(request, params.slug)
  const { t } = await getTranslator(request)
  return {
    noIndex: true,
    title: t('coop.metaTitle', { name: scope.cooperative.displayName }),
    cooperative: scope.cooperative,
    role: scope.role,
  }
}

export default function CooperativeDashboard() {
  const { cooperative, role } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-10">
      <h1 className="text-3xl font-semibold">{cooperative.displayName}</h1>
      <p className="mt-2 text-ink-soft">
        {t(`membershipRole.${role}`)} · {t(`cooperativeStatus.${cooperative.status}`)}
      </p>
    </main>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
