import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { LegalChangeReview } from '#app/components/legal-change-review.tsx'
import { DocumentViewer } from '#app/components/document-viewer.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { FormError, TextAreaField } from '#app/components/forms.tsx'
import { requireAssociationRole } from '#app/modules/auth/guards.server.ts'
import { toastCookie } from '#app/modules/auth/session.server.ts'
import { formatIban, ibanFromRib } from '#app/modules/cooperatives/identifiers.ts'
import {
  decideCooperative,
  decideLegalChange,
  decideRibChange,
  decisionsAvailable,
  getCooperativeForReview,
  isCooperativeDecision,
} from '#app/modules/cooperatives/review.server.ts'
import { localized } from '#app/modules/i18n/config.ts'
import { formatDate } from '#app/modules/i18n/format.ts'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import { badRequest, domainErrorReply, parseForm, readFormData } from '#app/utils/forms.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { loadMessages } from '#app/modules/i18n/messages.ts'

// Its screens speak in the back-office messages: they are in the browser before it renders.
await loadMessages('account', 'backoffice')

export const meta: MetaFunction<typeof loader> = pageMeta

const idSchema = z.uuid()

async function load(id: string | undefined) {
  const parsed = idSchema.safeParse(id)
  const review = parsed.success ? await getCooperativeForReview(parsed.data) : null
  if (!review) throw new Response('Not found', { status: 404 })
  return review
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAssociationRole(request, ['reviewer', 'admin'])
  const { t, language } = await getTranslator(request)
  const { cooperative: c, documents, managers, history } = await load(params.id)
  return {
    noIndex: true,
    title: t('review.detailTitle', { name: c.displayName }),
    cooperative: {
      ...c,
      region: localized(c, 'region', language),
      province: localized(c, 'province', language),
      iban: c.rib ? formatIban(ibanFromRib(c.rib)) : null,
      pendingIban: c.pendingRib ? formatIban(ibanFromRib(c.pendingRib)) : null,
      pendingLegalRequestedAt: c.pendingLegalRequestedAt?.toISOString() ?? null,
      appliedAt: formatDate(c.appliedAt, language),
      decidedAt: c.decidedAt ? formatDate(c.decidedAt, language) : null,
    },
    decisions: decisionsAvailable(c.status),
    documents: documents.map((d) => ({ id: d.id, kind: d.kind, contentType: d.contentType })),
    managers,
    history: history.map((h) => ({
      ...h,
      createdAt: formatDate(h.createdAt, language, 'datetime'),
    })),
  }
}

const decisionSchema = z.object({
  intent: z.enum([
    'approve',
    'reject',
    'suspend',
    'reactivate',
    'approveRib',
    'rejectRib',
    'approveLegal',
    'rejectLegal',
  ]),
  reason: z.string().trim().max(1000, { error: 'errors.tooLong' }).optional(),
  pendingRib: z.string().trim().max(40).optional(),
  legalRequestedAt: z.string().trim().max(40).optional(),
})

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireAssociationRole(request, ['reviewer', 'admin'])
  const { t } = await getTranslator(request)
  const { cooperative } = await load(params.id)
  const formData = await readFormData(request)
  const parsed = parseForm(formData, decisionSchema, t)
  if (!parsed.ok) return badRequest(parsed.reply)
  const { intent, reason } = parsed.data
  try {
    if (isCooperativeDecision(intent)) {
      await decideCooperative({
        actor,
        cooperativeId: cooperative.id,
        decision: intent,
        reason: reason ?? null,
        requestId: context.requestId,
      })
    } else if (intent === 'approveLegal' || intent === 'rejectLegal') {
      await decideLegalChange({
        actor,
        cooperativeId: cooperative.id,
        approve: intent === 'approveLegal',
        expectedRequestedAt: parsed.data.legalRequestedAt ?? '',
        requestId: context.requestId,
      })
    } else {
      await decideRibChange({
        actor,
        cooperativeId: cooperative.id,
        approve: intent === 'approveRib',
        expectedRib: parsed.data.pendingRib ?? '',
        requestId: context.requestId,
      })
    }
  } catch (error) {
    return domainErrorReply(error, formData, t)
  }
  return redirect(`/admin/cooperatives/${cooperative.id}`, {
    headers: {
      'Set-Cookie': await toastCookie(
        intent === 'approveLegal' || intent === 'rejectLegal'
          ? `legalChange.done.${intent}`
          : `review.done.${intent}`,
      ),
    },
  })
}

export default function CooperativeReview() {
  const { cooperative: c, decisions, documents, managers, history } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const { t } = useTranslation()
  const facts: [string, string | number | null][] = [
    [t('cooperativeForm.legalNameAr'), c.legalNameAr],
    [t('cooperativeForm.legalNameFr'), c.legalNameFr],
    [t('cooperativeForm.category'), t(`cooperativeCategory.${c.category}`)],
    [t('cooperativeForm.memberCount'), c.memberCount],
    [t('cooperativeForm.womenMemberCount'), c.womenMemberCount],
    [t('cooperativeForm.foundedYear'), c.foundedYear],
    [t('cooperativeForm.registerNumber'), `${c.registerNumber} — ${c.registerCourt}`],
    [t('cooperativeForm.ice'), c.ice],
    [t('cooperativeForm.taxId'), c.taxId],
    [t('cooperativeForm.vatStatus'), t(`vatStatus.${c.vatStatus}`)],
    [t('cooperativeForm.place'), `${c.commune}, ${c.province}, ${c.region}`],
    [t('cooperativeForm.address'), c.address],
    [t('cooperativeForm.phone'), c.phone],
    [t('cooperativeForm.email'), c.email],
    [t('review.iban'), c.iban],
    [t('cooperativeForm.accountHolder'), c.accountHolder],
  ]
  return (
    <main id="main" className="mx-auto max-w-7xl px-4 py-8">
      <h1 className="text-3xl font-semibold">{c.displayName}</h1>
      <p className="mb-6 text-ink-soft">
        {t(`cooperativeStatus.${c.status}`)} · {t('review.appliedOn', { date: c.appliedAt })}
        {c.decisionNote ? ` · ${t('coop.reason')} ${c.decisionNote}` : ''}
      </p>
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="documents-heading" className="flex flex-col gap-4">
          <h2 id="documents-heading" className="text-xl font-semibold">
            {t('profile.documents')}
          </h2>
          {documents.length === 0 ? <p>{t('profile.noDocuments')}</p> : null}
          {documents.map((d) => (
            <DocumentViewer
              key={d.id}
              src={`/documents/${d.id}`}
              contentType={d.contentType}
              label={t(`documentKind.${d.kind}`)}
            />
          ))}
        </section>
        <section aria-labelledby="application-heading" className="flex flex-col gap-4">
          <h2 id="application-heading" className="text-xl font-semibold">
            {t('review.application')}
          </h2>
          <dl className="card grid gap-2">
            {facts.map(([label, value]) => (
              <div key={label} className="grid grid-cols-3 gap-2">
                <dt className="text-sm text-ink-soft">{label}</dt>
                <dd className="col-span-2 break-words">{value ?? '—'}</dd>
              </div>
            ))}
          </dl>
          <div className="card">
            <h3 className="font-semibold">{t('cooperativeForm.story')}</h3>
            <p lang="ar" dir="rtl">
              {c.storyAr}
            </p>
            {c.storyFr ? (
              <p lang="fr" dir="ltr" className="mt-2">
                {c.storyFr}
              </p>
            ) : null}
            {c.storyEn ? (
              <p lang="en" dir="ltr" className="mt-2">
                {c.storyEn}
              </p>
            ) : null}
          </div>
          <div className="card">
            <h3 className="font-semibold">{t('review.managers')}</h3>
            <ul>
              {managers.map((m) => (
                <li key={m.email}>
                  {m.name} · <span dir="ltr">{m.email}</span>
                </li>
              ))}
            </ul>
          </div>

          <FormError error={reply?.formError} />
          {decisions.length ? (
            <Form method="post" className="card flex flex-col gap-4" noValidate>
              <h3 className="text-lg font-semibold">{t('review.decide')}</h3>
              <TextAreaField
                label={t('review.reason')}
                hint={t('review.reasonHint')}
                name="reason"
                rows={3}
                error={reply?.fieldErrors.reason}
                defaultValue={reply?.values.reason}
              />
              <div className="flex flex-wrap gap-3">
                {decisions.map((d) => (
                  <button
                    key={d}
                    type="submit"
                    name="intent"
                    value={d}
                    className={d === 'approve' || d === 'reactivate' ? 'btn-primary' : 'btn-danger'}
                  >
                    {t(`review.decision.${d}`)}
                  </button>
                ))}
              </div>
            </Form>
          ) : null}
          {c.pendingIban ? (
            <Form method="post" className="card flex flex-col gap-3">
              <h3 className="text-lg font-semibold">{t('review.ribChange')}</h3>
              <p>
                {t('review.ribFromTo')} <span dir="ltr">{c.iban ?? '—'}</span> →{' '}
                <strong dir="ltr">{c.pendingIban}</strong> ({c.pendingAccountHolder})
              </p>
              <div className="flex gap-3">
                <input type="hidden" name="pendingRib" value={c.pendingRib ?? ''} />
                <button type="submit" name="intent" value="approveRib" className="btn-primary">
                  {t('review.decision.approveRib')}
                </button>
                <button type="submit" name="intent" value="rejectRib" className="btn-danger">
                  {t('review.decision.rejectRib')}
                </button>
              </div>
            </Form>
          ) : null}
          {c.pendingLegal && c.pendingLegalRequestedAt ? (
            <LegalChangeReview
              inForce={c}
              pending={c.pendingLegal}
              requestedAt={c.pendingLegalRequestedAt}
            />
          ) : null}
          <section className="card" aria-labelledby="history-heading">
            <h3 id="history-heading" className="font-semibold">
              {t('review.history')}
            </h3>
            <ol className="text-sm">
              {history.map((h, i) => (
                <li key={i}>
                  {h.createdAt} ·{' '}
                  {t(`audit.${h.action.replace('.', '_')}`, { defaultValue: h.action })} ·{' '}
                  {h.actor ?? '—'}
                </li>
              ))}
            </ol>
          </section>
        </section>
      </div>
    </main>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
