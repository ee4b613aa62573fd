import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { PayoutMoves } from '#app/components/finance/payout-moves.tsx'
import { requireAssociationRole, requireRecentReauth } from '#app/modules/auth/guards.server.ts'
import { toastCookie } from '#app/modules/auth/session.server.ts'
import { formatDate, formatMoney } from '#app/modules/i18n/format.ts'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import { groupedRib, payoutMoveSchema } from '#app/modules/money/finance-forms.server.ts'
import { batchDetail, markPayout } from '#app/modules/money/payouts.server.ts'
import { badRequest, domainErrorReply, parseForm, readFormData } from '#app/utils/forms.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { serverNow } from '#app/utils/clock.server.ts'
import { loadMessages } from '#app/modules/i18n/messages.ts'

// Its screens speak in the back-office messages: they are in the browser before it renders.
await loadMessages('account', 'backoffice')

export const meta: MetaFunction<typeof loader> = pageMeta

export const headers = () => ({ 'Cache-Control': 'private, no-store' })

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAssociationRole(request, 'finance')
  const { t, language } = await getTranslator(request)
  const batch = await batchDetail(params.batchId ?? '')
  if (!batch) throw new Response('Not found', { status: 404 })
  return {
    noIndex: true,
    title: t('finance.batch.metaTitle', { number: batch.number }),
    batch: {
      id: batch.id,
      number: batch.number,
      summary: t('finance.batch.summary', {
        date: formatDate(batch.createdAt, language),
        total: formatMoney(batch.totalCentimes, language),
      }),
    },
    payouts: batch.payouts.map((p) => ({
      id: p.id,
      cooperative: p.cooperativeName,
      reference: p.reference,
      rib: groupedRib(p.rib),
      accountHolder: p.accountHolder,
      amount: formatMoney(p.amountCentimes, language),
      status: p.status,
      statusLabel: t(`finance.payoutStatus.${p.status}`),
      outcome: p.bankReference
        ? t('finance.batch.bankReference', { reference: p.bankReference })
        : p.failureReason
          ? t('finance.batch.failureReason', { reason: p.failureReason })
          : null,
    })),
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, role } = await requireRecentReauth(request, 'finance')
  const { t } = await getTranslator(request)
  const formData = await readFormData(request)
  const parsed = parseForm(formData, payoutMoveSchema, t)
  if (!parsed.ok) return badRequest(parsed.reply)
  const move = parsed.data
  try {
    await markPayout({
      actor: { userId: user.id, role },
      payoutId: move.payoutId,
      action: move.intent,
      bankReference: move.intent === 'pay' ? move.bankReference : undefined,
      reason: move.intent === 'fail' ? move.reason : undefined,
      requestId: context.requestId,
      now: serverNow(),
    })
  } catch (error) {
    return domainErrorReply(error, formData, t)
  }
  return redirect(`/admin/payouts/${params.batchId}`, {
    headers: { 'Set-Cookie': await toastCookie(`finance.batch.moved.${move.intent}`) },
  })
}

export default function PayoutBatch() {
  const { batch, payouts } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const { t } = useTranslation()
  return (
    <main id="main" className="mx-auto flex max-w-4xl flex-col gap-5 px-4 py-6">
      <Link to="/admin/payouts" className="font-semibold">
        {t('finance.batch.back')}
      </Link>
      <h1 className="text-3xl font-semibold">
        {t('finance.batch.title', { number: batch.number })}
      </h1>
      <p className="text-ink-soft">{batch.summary}</p>
      <p>
        <a
          href={`/admin/payouts/${batch.id}/transfers.csv`}
          className="btn-primary inline-block"
          download
        >
          {t('finance.batch.download')}
        </a>
      </p>
      {payouts.length === 0 ? <p className="card">{t('finance.batch.empty')}</p> : null}
      <ul className="flex flex-col gap-4">
        {payouts.map((p) => (
          <li key={p.id} className="card flex flex-col gap-2">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <bdi className="text-lg font-semibold">{p.cooperative}</bdi>
              <span className="text-xl font-semibold">{p.amount}</span>
            </div>
            <dl className="grid grid-cols-1 text-sm sm:grid-cols-[auto_1fr] sm:gap-x-3 sm:gap-y-1">
              <dt className="text-ink-soft">{t('finance.batch.reference')}</dt>
              <dd className="mb-1 sm:mb-0">
                <bdi dir="ltr">{p.reference}</bdi>
              </dd>
              <dt className="text-ink-soft">{t('finance.payouts.rib')}</dt>
              <dd className="mb-1 font-mono sm:mb-0">
                <bdi dir="ltr">{p.rib}</bdi>
              </dd>
              <dt className="text-ink-soft">{t('finance.batch.accountHolder')}</dt>
              <dd className="mb-1 sm:mb-0">
                <bdi>{p.accountHolder}</bdi>
              </dd>
              <dt className="text-ink-soft">{t('finance.payouts.state')}</dt>
              <dd className="font-semibold">{p.statusLabel}</dd>
            </dl>
            {p.outcome ? (
              <p dir="auto" className="text-sm">
                {p.outcome}
              </p>
            ) : null}
            <PayoutMoves payoutId={p.id} status={p.status} reply={reply} />
          </li>
        ))}
      </ul>
    </main>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
