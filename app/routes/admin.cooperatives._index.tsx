import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { cooperativeStatuses } from '#db/schema/cooperatives.ts'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { requireAssociationRole } from '#app/modules/auth/guards.server.ts'
import {
  getReviewQueue,
  listCooperativesByStatus,
} from '#app/modules/cooperatives/review.server.ts'
import { localized } from '#app/modules/i18n/config.ts'
import { formatDate } from '#app/modules/i18n/format.ts'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { loadMessages } from '#app/modules/i18n/messages.ts'

// Its screens speak in the back-office messages: they are in the browser before it renders.
await loadMessages('account', 'backoffice')

export const meta: MetaFunction<typeof loader> = pageMeta

const statusParam = z.enum(cooperativeStatuses).optional().catch(undefined)

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAssociationRole(request, ['reviewer', 'admin'])
  const { t, language } = await getTranslator(request)
  const status = statusParam.parse(new URL(request.url).searchParams.get('status') ?? undefined)
  const [{ counts, queue, ribChanges, legalChanges }, listed] = await Promise.all([
    getReviewQueue(),
    status && status !== 'applied' ? listCooperativesByStatus(status) : Promise.resolve(null),
  ])
  return {
    noIndex: true,
    title: t('review.metaTitle'),
    status: status ?? 'applied',
    counts: Object.fromEntries(
      cooperativeStatuses.map((s) => [s, counts.find((c) => c.status === s)?.count ?? 0]),
    ),
    queue: queue.map((q) => ({
      id: q.id,
      displayName: q.displayName,
      legalNameFr: q.legalNameFr,
      province: localized(q, 'province', language),
      appliedAt: formatDate(q.appliedAt, language),
    })),
    ribChanges: ribChanges.map((r) => ({
      id: r.id,
      displayName: r.displayName,
      requestedAt: r.requestedAt ? formatDate(r.requestedAt, language) : '',
    })),
    legalChanges: legalChanges.map((r) => ({
      id: r.id,
      displayName: r.displayName,
      requestedAt: r.requestedAt ? formatDate(r.requestedAt, language) : '',
    })),
    listed:
      listed?.map((c) => ({
        id: c.id,
        displayName: c.displayName,
        decidedAt: c.decidedAt ? formatDate(c.decidedAt, language) : '',
      })) ?? null,
  }
}

export default function CooperativeReviewQueue() {
  const { counts, queue, ribChanges, legalChanges, listed, status } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-10">
      <h1 className="mb-6 text-3xl font-semibold">{t('review.title')}</h1>
      <nav aria-label={t('review.byStatus')}>
        <ul className="mb-8 grid grid-cols-2 gap-3 sm:grid-cols-4">
          {cooperativeStatuses.map((s) => (
            <li key={s}>
              <Link
                to={`?status=${s}`}
                aria-current={status === s ? 'page' : undefined}
                className={`card flex flex-col no-underline ${status === s ? 'ring-2 ring-blue' : ''}`}
              >
                <span className="text-sm text-ink-soft">{t(`cooperativeStatus.${s}`)}</span>
                <span className="text-3xl font-semibold text-ink">{counts[s]}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {listed ? (
        <section aria-labelledby="listed-heading">
          <h2 id="listed-heading" className="mb-3 text-xl font-semibold">
            {t(`cooperativeStatus.${status}`)}
          </h2>
          <ul className="flex flex-col gap-2">
            {listed.map((c) => (
              <li key={c.id} className="card flex justify-between gap-3">
                <Link to={`/admin/cooperatives/${c.id}`}>{c.displayName}</Link>
                <span className="text-sm text-ink-soft">{c.decidedAt}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <>
          <section aria-labelledby="queue-heading" className="mb-8">
            <h2 id="queue-heading" className="mb-3 text-xl font-semibold">
              {t('review.queue')}
            </h2>
            {queue.length === 0 ? <p>{t('review.queueEmpty')}</p> : null}
            <ol className="flex flex-col gap-2">
              {queue.map((c) => (
                <li key={c.id} className="card flex flex-wrap justify-between gap-3">
                  <span>
                    <Link to={`/admin/cooperatives/${c.id}`} className="font-semibold">
                      {c.displayName}
                    </Link>{' '}
                    · {c.legalNameFr} · {c.province}
                  </span>
                  <span className="text-sm text-ink-soft">
                    {t('review.appliedOn', { date: c.appliedAt })}
                  </span>
                </li>
              ))}
            </ol>
          </section>
          <section aria-labelledby="rib-heading">
            <h2 id="rib-heading" className="mb-3 text-xl font-semibold">
              {t('review.ribChanges')}
            </h2>
            {ribChanges.length === 0 ? <p>{t('review.ribChangesEmpty')}</p> : null}
            <ul className="flex flex-col gap-2">
              {ribChanges.map((c) => (
                <li key={c.id} className="card flex justify-between gap-3">
                  <Link to={`/admin/cooperatives/${c.id}`}>{c.displayName}</Link>
                  <span className="text-sm text-ink-soft">{c.requestedAt}</span>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="legal-heading" className="mt-8">
            <h2 id="legal-heading" className="mb-3 text-xl font-semibold">
              {t('legalChange.queueTitle')}
            </h2>
            {legalChanges.length === 0 ? <p>{t('legalChange.queueEmpty')}</p> : null}
            <ul className="flex flex-col gap-2">
              {legalChanges.map((c) => (
                <li key={c.id} className="card flex justify-between gap-3">
                  <Link to={`/admin/cooperatives/${c.id}`}>{c.displayName}</Link>
                  <span className="text-sm text-ink-soft">{c.requestedAt}</span>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </main>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
