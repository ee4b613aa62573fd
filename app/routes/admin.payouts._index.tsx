import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  data,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { FormError } from '#app/components/forms.tsx'
import { payoutStatuses } from '#db/schema/money.ts'
import { requireAssociationRole, requireRecentReauth } from '#app/modules/auth/guards.server.ts'
import { toastCookie } from '#app/modules/auth/session.server.ts'
import { formatDate, formatMoney } from '#app/modules/i18n/format.ts'
import { getTranslator, type Translate } from '#app/modules/i18n/i18n.server.ts'
import { type Language } from '#app/modules/i18n/config.ts'
import { batchSchema, maskedRib } from '#app/modules/money/finance-forms.server.ts'
import {
  createPayoutBatch,
  listBatches,
  previewPayouts,
} from '#app/modules/money/payouts.server.ts'
import { isDomainError } from '#app/utils/errors.server.ts'
import { badRequest, parseForm, readFormData } from '#app/utils/forms.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { serverNow } from '#app/utils/clock.server.ts'
import { loadMessages } from '#app/modules/i18n/messages.ts'

// Its screens speak in the back-office messages: they are in the browser before it renders.
await loadMessages('account', 'backoffice')

export const meta: MetaFunction<typeof loader> = pageMeta

export const headers = () => ({ 'Cache-Control': 'private, no-store' })

/** The preview as the page shows it: amounts formatted, RIBs masked, reasons translated. */
async function previewView(t: Translate, language: Language) {
  const preview = await previewPayouts(serverNow())
  const minimum = formatMoney(preview.minimumCentimes, language)
  return {
    key: preview.key,
    minimum,
    total: formatMoney(preview.totalCentimes, language),
    payableCount: preview.payableCount,
    candidates: preview.candidates.map((c) => ({
      id: c.cooperativeId,
      name: c.displayName,
      available: formatMoney(c.availableCentimes, language),
      rib: t('finance.payouts.ribMasked', { rib: maskedRib(c.rib) ?? '—' }),
      blocked: c.blocked ? t(`finance.payouts.blocked.${c.blocked}`, { minimum }) : null,
    })),
  }
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAssociationRole(request, 'finance')
  const { t, language } = await getTranslator(request)
  const batches = await listBatches()
  return {
    noIndex: true,
    title: t('finance.payouts.metaTitle'),
    preview: await previewView(t, language),
    batches: batches.map((b) => ({
      id: b.id,
      number: b.number,
      date: formatDate(b.createdAt, language),
      total: formatMoney(b.totalCentimes, language),
      counts: payoutStatuses
        .filter((s) => b.counts[s])
        .map((s) =>
          t('finance.payouts.count', { status: t(`finance.payoutStatus.${s}`), n: b.counts[s] }),
        ),
    })),
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, role } = await requireRecentReauth(request, 'finance')
  const { t, language } = await getTranslator(request)
  const formData = await readFormData(request)
  const parsed = parseForm(formData, batchSchema, t)
  if (!parsed.ok) return badRequest(parsed.reply)
  try {
    const { batchId, created } = await createPayoutBatch({
      actor: { userId: user.id, role },
      key: parsed.data.key,
      requestId: context.requestId,
      now: serverNow(),
    })
    return redirect(`/admin/payouts/${batchId}`, {
      headers: {
        'Set-Cookie': await toastCookie(
          created ? 'finance.payouts.created' : 'finance.payouts.alreadyCreated',
        ),
      },
    })
  } catch (error) {
    if (!isDomainError(error)) throw error
    // The figures moved (or nothing is payable): the message, with the preview as it is now.
    return data(
      {
        status: 'error' as const,
        formError: t(error.messageKey, error.details),
        fieldErrors: {},
        values: {},
        preview: await previewView(t, language),
      },
      { status: error.status },
    )
  }
}

export default function Payouts() {
  const loaded = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const { t } = useTranslation()
  const preview = reply && 'preview' in reply ? reply.preview : loaded.preview
  return (
    <main id="main" className="mx-auto flex max-w-5xl flex-col gap-5 px-4 py-6">
      <Link to="/admin" className="font-semibold">
        {t('admin.title')}
      </Link>
      <h1 className="text-3xl font-semibold">{t('finance.payouts.title')}</h1>
      <p>{t('finance.payouts.intro')}</p>
      <p className="text-ink-soft">{t('finance.payouts.minimum', { amount: preview.minimum })}</p>
      <FormError error={reply?.formError} />
      {preview.candidates.length === 0 ? (
        <p className="card">{t('finance.payouts.empty')}</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {preview.candidates.map((c) => (
            <li key={c.id} className="card flex flex-col gap-1">
              <div className="flex flex-wrap items-baseline justify-between gap-x-4">
                <bdi className="font-semibold">{c.name}</bdi>
                <span className="text-xl font-semibold">{c.available}</span>
              </div>
              <span className="text-sm text-ink-soft">{c.rib}</span>
              <span className={c.blocked ? 'text-sm font-semibold text-danger' : 'text-sm'}>
                {c.blocked ?? t('finance.payouts.ready')}
              </span>
            </li>
          ))}
        </ul>
      )}
      <section className="card flex flex-col gap-3">
        <p className="text-xl font-semibold">
          {t('finance.payouts.total', { total: preview.total })}
        </p>
        <p>{t('finance.payouts.payable', { n: preview.payableCount })}</p>
        {preview.payableCount > 0 ? (
          <Form method="post" className="flex flex-col gap-2">
            <input type="hidden" name="key" value={preview.key} />
            <button type="submit" className="btn-primary self-start">
              {t('finance.payouts.create')}
            </button>
            <p className="text-sm text-ink-soft">{t('finance.payouts.createHint')}</p>
          </Form>
        ) : null}
      </section>
      <h2 className="text-2xl font-semibold">{t('finance.payouts.batches')}</h2>
      {loaded.batches.length === 0 ? (
        <p className="card">{t('finance.payouts.batchesEmpty')}</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {loaded.batches.map((b) => (
            <li key={b.id} className="card flex flex-col gap-1">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <Link to={`/admin/payouts/${b.id}`} className="font-semibold" dir="ltr">
                  {b.number}
                </Link>
                <span className="font-semibold">{b.total}</span>
              </div>
              <span className="text-sm text-ink-soft">{b.date}</span>
              <span className="text-sm">{b.counts.join(' · ')}</span>
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
