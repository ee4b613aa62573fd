import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { BadgeCheck, Plus } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import { ExpiryWarnings } from '#app/components/certificate-warnings.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { requireCooperativeMember } from '#app/modules/auth/guards.server.ts'
import { certificationTypeNames } from '#app/modules/catalog/views.server.ts'
import {
  certificateState,
  listCooperativeCertificates,
} from '#app/modules/certification/certificates.server.ts'
import { expiryWarnings, viewExpiryWarnings } from '#app/modules/certification/watch.server.ts'
import { formatDate, formatList } from '#app/modules/i18n/format.ts'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import { serverNow } from '#app/utils/clock.server.ts'
import { pageMeta } from '#app/utils/meta.ts'

export const meta: MetaFunction<typeof loader> = pageMeta

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireCooperativeMember(request, params.slug)
  const { t, language } = await getTranslator(request)
  const now = serverNow()
  const [rows, names, warnings] = await Promise.all([
    listCooperativeCertificates(scope.cooperative.id),
    certificationTypeNames(language),
    expiryWarnings(scope.cooperative.id, now),
  ])
  return {
    warnings: viewExpiryWarnings(warnings, names, language),
    noIndex: true,
    title: t('certificates.metaTitle', { name: scope.cooperative.displayName }),
    slug: scope.cooperative.slug,
    role: scope.role,
    certificates: rows.map((c) => {
      const state = certificateState(c, now)
      // When it stopped being in force: the day it expired, or the association's decision.
      const endedOn = state === 'expired' ? c.expiresAt : c.decidedAt
      return {
        id: c.id,
        type: names[c.type] ?? c.type,
        number: c.number,
        signName: c.signName,
        issuingBody: c.issuingBody,
        state,
        endedOn:
          state === 'approved' || state === 'pending_review' || !endedOn
            ? null
            : formatDate(endedOn, language),
        issuedAt: formatDate(c.issuedAt, language),
        expiresAt: c.expiresAt ? formatDate(c.expiresAt, language) : null,
        decisionNote: c.decisionNote,
        products: c.productTitles ?? [],
        productList: formatList(c.productTitles ?? [], language),
      }
    }),
  }
}

const tones: Record<string, string> = {
  approved: 'bg-olive-light text-olive',
  pending_review: 'bg-blue-light text-blue-dark',
  expired: 'bg-sand-dark text-ink',
}

export default function CertificatesPage() {
  const { certificates, slug, role, warnings } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  return (
    <main id="main" className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-semibold">{t('certificates.title')}</h1>
        {role === 'manager' ? (
          <Link to={`/coop/${slug}/certificates/new`} className="btn-primary">
            <Plus aria-hidden size={24} />
            {t('certificates.add')}
          </Link>
        ) : null}
      </div>
      <ExpiryWarnings warnings={warnings} slug={slug} canAct={role === 'manager'} />
      {certificates.length === 0 ? <p>{t('certificates.none')}</p> : null}
      <ul className="flex flex-col gap-3">
        {certificates.map((c) => (
          <li
            key={c.id}
            id={`certificate-${c.id}`}
            data-state={c.state}
            className="card flex scroll-mt-4 flex-col gap-1 target:ring-2 target:ring-blue"
          >
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h2 className="flex items-center gap-2 text-lg font-semibold">
                <BadgeCheck
                  aria-hidden
                  size={24}
                  className={c.state === 'approved' ? 'text-olive' : 'text-ink-soft'}
                />
                {c.type}
                {c.signName ? ` — ${c.signName}` : ''}
              </h2>
              <span
                className={`rounded-full px-3 py-1 text-sm font-semibold ${tones[c.state] ?? 'bg-danger-light text-danger'}`}
              >
                {t(`certificateState.${c.state}`)}
              </span>
            </div>
            <p className="text-sm">
              {c.issuingBody} · <span dir="ltr">{c.number}</span>
            </p>
            {c.endedOn ? (
              <p className="text-sm font-semibold">
                {t(`certWatch.state.${c.state}`, { date: c.endedOn })}
              </p>
            ) : (
              <p className="text-sm">
                {c.expiresAt
                  ? t('certificates.validity', { from: c.issuedAt, to: c.expiresAt })
                  : t('certificates.noExpiry', { from: c.issuedAt })}
              </p>
            )}
            {c.products.length ? (
              <p className="text-sm">{t('certificates.covers', { products: c.productList })}</p>
            ) : null}
            {c.decisionNote ? (
              <p className="text-sm font-semibold">
                {t('coop.reason')} {c.decisionNote}
              </p>
            ) : null}
            {c.state !== 'pending_review' && c.state !== 'rejected' ? (
              <a href={`/certificates/${c.id}`}>{t('certificates.publicPage')}</a>
            ) : null}
          </li>
        ))}
      </ul>
    </main>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
