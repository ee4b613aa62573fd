import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { requireAssociationRole } from '#app/modules/auth/guards.server.ts'
import { certificationTypeNames } from '#app/modules/catalog/views.server.ts'
import {
  certificateState,
  getCertificateQueue,
} from '#app/modules/certification/certificates.server.ts'
import { formatDate } from '#app/modules/i18n/format.ts'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { loadMessages } from '#app/modules/i18n/messages.ts'

// Its screens speak in the back-office messages: they are in the browser before it renders.
await loadMessages('account', 'backoffice')

export const meta: MetaFunction<typeof loader> = pageMeta

const filters = ['to_review', 'expiring', 'expired', 'suspended'] as const
const filterParam = z.enum(filters).catch('to_review')

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAssociationRole(request, ['reviewer', 'admin'])
  const { t, language } = await getTranslator(request)
  const filter = filterParam.parse(new URL(request.url).searchParams.get('filter') ?? undefined)
  const [{ counts, list }, typeNames] = await Promise.all([
    getCertificateQueue(filter),
    certificationTypeNames(language),
  ])
  return {
    noIndex: true,
    title: t('certReview.metaTitle'),
    filter,
    counts,
    list: list.map((c) => ({
      id: c.id,
      cooperativeName: c.cooperativeName,
      typeName: typeNames[c.type] ?? c.type,
      number: c.number,
      state: certificateState(c),
      submittedAt: formatDate(c.createdAt, language),
      issuedAt: formatDate(c.issuedAt, language),
      expiresAt: c.expiresAt ? formatDate(c.expiresAt, language) : null,
    })),
  }
}

export default function CertificateQueue() {
  const { filter, counts, list } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-10">
      <h1 className="mb-6 text-3xl font-semibold">{t('certReview.title')}</h1>
      <nav aria-label={t('certReview.byFilter')}>
        <ul className="mb-8 grid grid-cols-2 gap-3 sm:grid-cols-4">
          {filters.map((f) => (
            <li key={f}>
              <Link
                to={`?filter=${f}`}
                aria-current={filter === f ? 'page' : undefined}
                className={`card flex flex-col no-underline ${filter === f ? 'ring-2 ring-blue' : ''}`}
              >
                <span className="text-sm text-ink-soft">{t(`certReview.filter.${f}`)}</span>
                <span className="text-3xl font-semibold text-ink">{counts[f]}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <section aria-labelledby="list-heading">
        <h2 id="list-heading" className="mb-3 text-xl font-semibold">
          {t(`certReview.listTitle.${filter}`)}
        </h2>
        {list.length === 0 ? <p>{t('certReview.empty')}</p> : null}
        <ol className="flex flex-col gap-2">
          {list.map((c) => (
            <li key={c.id} className="card flex flex-wrap justify-between gap-3">
              <span className="flex flex-col gap-1">
                <Link to={`/admin/certificates/${c.id}`} className="font-semibold">
                  {c.typeName} · <span dir="ltr">{c.number}</span>
                </Link>
                <span>{c.cooperativeName}</span>
                <span className="text-sm text-ink-soft">
                  {t('certReview.issuedOn', { date: c.issuedAt })} ·{' '}
                  {c.expiresAt
                    ? t('certReview.expiresOn', { date: c.expiresAt })
                    : t('certReview.noExpiry')}
                </span>
              </span>
              <span className="flex flex-col items-end gap-1 text-sm">
                <span className="font-semibold">{t(`certificateState.${c.state}`)}</span>
                <span className="text-ink-soft">
                  {t('certReview.submittedOn', { date: c.submittedAt })}
                </span>
              </span>
            </li>
          ))}
        </ol>
      </section>
    </main>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
