import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import {
  ApprovalCorrections,
  CertificateHistory,
  EvidenceViewer,
} from '#app/components/certificate-review.tsx'
import { FormError, TextAreaField } from '#app/components/forms.tsx'
import { requireAssociationRole } from '#app/modules/auth/guards.server.ts'
import { toastCookie } from '#app/modules/auth/session.server.ts'
import { certificationTypeNames } from '#app/modules/catalog/views.server.ts'
import {
  type CertificateDecision,
  certificateDecisionsFor,
  certificateState,
  decideCertificate,
  getCertificateForReview,
  isCertificateDecision,
} from '#app/modules/certification/certificates.server.ts'
import { formatDate, marketplaceTimeZone } from '#app/modules/i18n/format.ts'
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
  const review = parsed.success ? await getCertificateForReview(parsed.data) : null
  if (!review) throw new Response('Not found', { status: 404 })
  return review
}

const dayParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: marketplaceTimeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/** The calendar day (YYYY-MM-DD) a moment falls on in Morocco, as date inputs show it. */
function moroccanDay(date: Date) {
  const part = (type: string) => dayParts.formatToParts(date).find((p) => p.type === type)?.value
  return `${part('year')}-${part('month')}-${part('day')}`
}

function isCalendarDay(value: string) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  const year = date.getUTCFullYear()
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) && year >= 1950
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAssociationRole(request, ['reviewer', 'admin'])
  const { t, language } = await getTranslator(request)
  const { certificate: c, files, events, productIds, cooperativeProducts } = await load(params.id)
  const typeName = (await certificationTypeNames(language))[c.type] ?? c.type
  return {
    noIndex: true,
    title: t('certReview.detailTitle', { type: typeName, cooperative: c.cooperativeName }),
    certificate: {
      id: c.id,
      cooperativeId: c.cooperativeId,
      cooperativeName: c.cooperativeName,
      typeName,
      issuingBody: c.issuingBody,
      number: c.number,
      signName: c.signName,
      scope: c.scope,
      status: c.status,
      state: certificateState(c),
      decisionNote: c.decisionNote,
      issuedAt: formatDate(c.issuedAt, language),
      expiresAt: c.expiresAt ? formatDate(c.expiresAt, language) : null,
      submittedAt: formatDate(c.createdAt, language),
      issuedDay: moroccanDay(c.issuedAt),
      expiresDay: c.expiresAt ? moroccanDay(c.expiresAt) : '',
    },
    decisions: certificateDecisionsFor(c.status),
    files: files.map((f) => ({ id: f.id, contentType: f.contentType })),
    products: cooperativeProducts.map((p) => ({
      id: p.id,
      title: p.titleAr,
      covered: productIds.includes(p.id),
    })),
    history: events.map((e) => ({
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      note: e.note,
      actor: e.actor,
      createdAt: formatDate(e.createdAt, language, 'datetime'),
    })),
  }
}

const dayInput = z
  .string()
  .trim()
  .refine((v) => v === '' || isCalendarDay(v), { error: 'errors.invalid' })
  .optional()

const noteSchema = z.object({
  note: z.string().trim().max(2000, { error: 'errors.tooLong' }).optional(),
})

const approveSchema = noteSchema.extend({
  issuedAt: dayInput,
  // Absent: no correction; empty: the certificate has no expiry.
  expiresAt: dayInput,
  scope: z.enum(['cooperative', 'products'], { error: 'errors.chooseOne' }).optional(),
  productIds: z.array(z.uuid({ error: 'errors.tampered' })).optional(),
})

type Corrections = NonNullable<Parameters<typeof decideCertificate>[0]['corrections']>

/** Only what the reviewer changed: an untouched date keeps its exact stored moment. */
function correctionsFrom(
  input: z.output<typeof approveSchema>,
  current: { issuedAt: Date; expiresAt: Date | null; scope: string },
  coveredIds: string[],
): Corrections {
  const corrections: Corrections = {}
  const startOfDay = (day: string) => new Date(`${day}T00:00:00Z`)
  if (input.issuedAt && input.issuedAt !== moroccanDay(current.issuedAt)) {
    corrections.issuedAt = startOfDay(input.issuedAt)
  }
  if (input.expiresAt === '' && current.expiresAt) corrections.expiresAt = null
  if (
    input.expiresAt &&
    input.expiresAt !== (current.expiresAt && moroccanDay(current.expiresAt))
  ) {
    corrections.expiresAt = startOfDay(input.expiresAt)
  }
  if (input.scope) {
    const chosen = input.scope === 'products' ? [...new Set(input.productIds ?? [])].sort() : []
    const before = current.scope === 'products' ? [...coveredIds].sort() : []
    if (input.scope !== current.scope || chosen.join() !== before.join()) {
      corrections.scope = input.scope
      corrections.productIds = chosen
    }
  }
  return corrections
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireAssociationRole(request, ['reviewer', 'admin'])
  const { t } = await getTranslator(request)
  const { certificate, productIds } = await load(params.id)
  const formData = await readFormData(request)
  const decision = formData.get('intent')
  if (!isCertificateDecision(decision)) throw new Response('Unknown decision', { status: 400 })
  let note: string | undefined
  let corrections: Corrections | undefined
  if (decision === 'approve') {
    const parsed = parseForm(formData, approveSchema, t, { arrays: ['productIds'] })
    if (!parsed.ok) return badRequest(parsed.reply)
    note = parsed.data.note
    corrections = correctionsFrom(parsed.data, certificate, productIds)
  } else {
    const parsed = parseForm(formData, noteSchema, t)
    if (!parsed.ok) return badRequest(parsed.reply)
    note = parsed.data.note
  }
  try {
    await decideCertificate({
      actor,
      certificateId: certificate.id,
      decision,
      note: note ?? null,
      corrections,
      requestId: context.requestId,
    })
  } catch (error) {
    return domainErrorReply(error, formData, t)
  }
  return redirect(`/admin/certificates/${certificate.id}`, {
    headers: { 'Set-Cookie': await toastCookie(`certReview.done.${decision}`) },
  })
}

const buttonStyle: Record<CertificateDecision, string> = {
  approve: 'btn-primary',
  reinstate: 'btn-primary',
  requestChanges: 'btn-secondary',
  reject: 'btn-danger',
  suspend: 'btn-danger',
  revoke: 'btn-danger',
}

export default function CertificateReview() {
  const { certificate: c, decisions, files, products, history } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const { t } = useTranslation()
  const covered = products.filter((p) => p.covered)
  const facts: { label: string; value: ReactNode }[] = [
    {
      label: t('certReview.cooperative'),
      value: <Link to={`/admin/cooperatives/${c.cooperativeId}`}>{c.cooperativeName}</Link>,
    },
    { label: t('certReview.type'), value: c.typeName },
    { label: t('certReview.issuingBody'), value: c.issuingBody },
    { label: t('certReview.number'), value: <span dir="ltr">{c.number}</span> },
    { label: t('certReview.signName'), value: c.signName ?? '—' },
    {
      label: t('certReview.scope'),
      value:
        c.scope === 'cooperative' ? (
          t('certReview.scopeCooperative')
        ) : (
          <>
            {t('certReview.scopeProducts')}
            <ul className="list-disc ps-5">
              {covered.map((p) => (
                <li key={p.id} lang="ar">
                  {p.title}
                </li>
              ))}
            </ul>
          </>
        ),
    },
    { label: t('certReview.issued'), value: c.issuedAt },
    { label: t('certReview.expires'), value: c.expiresAt ?? t('certReview.noExpiry') },
    { label: t('certReview.status'), value: t(`certificateState.${c.state}`) },
    { label: t('certReview.submitted'), value: c.submittedAt },
  ]
  return (
    <main id="main" className="mx-auto max-w-7xl px-4 py-8">
      <h1 className="text-3xl font-semibold">
        {c.typeName} · {c.cooperativeName}
      </h1>
      <p className="mb-6 text-ink-soft">
        {t(`certificateState.${c.state}`)}
        {c.decisionNote ? ` · ${t('coop.reason')} ${c.decisionNote}` : ''}
      </p>
      <div className="grid gap-6 lg:grid-cols-2">
        <EvidenceViewer files={files} />
        <section aria-labelledby="facts-heading" className="flex flex-col gap-4">
          <h2 id="facts-heading" className="text-xl font-semibold">
            {t('certReview.facts')}
          </h2>
          <dl className="card grid gap-2">
            {facts.map(({ label, value }) => (
              <div key={label} className="grid grid-cols-3 gap-2">
                <dt className="text-sm text-ink-soft">{label}</dt>
                <dd className="col-span-2 break-words">{value}</dd>
              </div>
            ))}
          </dl>
          <FormError error={reply?.formError} />
          {decisions.length ? (
            <Form method="post" className="card flex flex-col gap-4" noValidate>
              <h3 className="text-lg font-semibold">{t('certReview.decide')}</h3>
              {decisions.includes('approve') ? (
                <ApprovalCorrections
                  issuedDay={c.issuedDay}
                  expiresDay={c.expiresDay}
                  scope={c.scope}
                  products={products}
                  reply={reply}
                />
              ) : null}
              <TextAreaField
                label={t('certReview.note')}
                hint={t('certReview.noteHint')}
                name="note"
                rows={3}
                error={reply?.fieldErrors.note}
                defaultValue={reply?.values.note}
              />
              <div className="flex flex-wrap gap-3">
                {decisions.map((d) => (
                  <button key={d} type="submit" name="intent" value={d} className={buttonStyle[d]}>
                    {t(`certReview.decision.${d}`)}
                  </button>
                ))}
              </div>
            </Form>
          ) : null}
          <CertificateHistory history={history} />
        </section>
      </div>
    </main>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
