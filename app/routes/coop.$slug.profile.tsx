import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { FileText } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import { CooperativeFields } from '#app/components/cooperative-form.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field, FormError } from '#app/components/forms.tsx'
import { requireCooperativeMember } from '#app/modules/auth/guards.server.ts'
import { toastCookie } from '#app/modules/auth/session.server.ts'
import { readCooperativeForm } from '#app/modules/cooperatives/application-form.server.ts'
import { resubmitApplication } from '#app/modules/cooperatives/application.server.ts'
import { formatIban, ibanFromRib, maskIban } from '#app/modules/cooperatives/identifiers.ts'
import {
  getCooperativeProfile,
  listCooperativeDocuments,
  requestRibChange,
  updateCooperativeProfile,
} from '#app/modules/cooperatives/profile.server.ts'
import {
  applicationSchema,
  profileSchema,
  ribChangeSchema,
} from '#app/modules/cooperatives/profile-schema.ts'
import { formatDate } from '#app/modules/i18n/format.ts'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import { listRegionsWithProvinces } from '#app/modules/reference/places.server.ts'
import { badRequest, domainErrorReply, parseForm, readFormData } from '#app/utils/forms.server.ts'
import { pageMeta } from '#app/utils/meta.ts'

export const meta: MetaFunction<typeof loader> = pageMeta

/** Managers see the bank account in full; members only its last four digits. */
function iban(rib: string | null, role: string) {
  if (!rib) return null
  const full = ibanFromRib(rib)
  return role === 'manager' ? formatIban(full) : maskIban(full)
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireCooperativeMember(request, params.slug)
  const { t, language } = await getTranslator(request)
  const [profile, documents, regions] = await Promise.all([
    getCooperativeProfile(scope),
    listCooperativeDocuments(scope.cooperative.id),
    listRegionsWithProvinces(language),
  ])
  const {
    rib,
    pendingRib,
    logo: _logo,
    pendingLegal: _pendingLegal,
    pendingLegalRequestedAt,
    ...rest
  } = profile
  return {
    noIndex: true,
    title: t('profile.metaTitle', { name: profile.displayName }),
    role: scope.role,
    profile: {
      ...rest,
      iban: iban(rib, scope.role),
      rib: scope.role === 'manager' ? rib : null,
      pendingIban: iban(pendingRib, scope.role),
      pendingRibRequestedAt: profile.pendingRibRequestedAt
        ? formatDate(profile.pendingRibRequestedAt, language)
        : null,
      legalChangeRequestedAt: pendingLegalRequestedAt
        ? formatDate(pendingLegalRequestedAt, language)
        : null,
    },
    documents: documents.map((d) => ({ ...d, createdAt: formatDate(d.createdAt, language) })),
    regions,
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const scope = await requireCooperativeMember(request, params.slug, 'manager')
  const { t } = await getTranslator(request)
  const multipart = request.headers.get('content-type')?.startsWith('multipart/form-data')
  if (!multipart) {
    // The bank account form: a plain form, no files.
    const formData = await readFormData(request)
    if (formData.get('intent') !== 'rib') throw new Response('Unknown intent', { status: 400 })
    const parsed = parseForm(formData, ribChangeSchema, t)
    if (!parsed.ok) return badRequest(parsed.reply)
    try {
      await requestRibChange({ scope, ...parsed.data, requestId: context.requestId })
    } catch (error) {
      return domainErrorReply(error, formData, t)
    }
    return redirect(`/coop/${scope.cooperative.slug}/profile`, {
      headers: { 'Set-Cookie': await toastCookie('profile.ribRequested') },
    })
  }
  const profile = await getCooperativeProfile(scope)
  const resubmitting = profile.status === 'rejected'
  let legalChangeRequested = false
  if (resubmitting) {
    const form = await readCooperativeForm(request, t, {
      schema: applicationSchema,
      withAccount: false,
      requireDocuments: false,
      withDocuments: true,
    })
    if (!form.ok) return form.response
    try {
      await resubmitApplication({
        scope,
        fields: form.fields,
        files: form.files,
        requestId: context.requestId,
      })
    } catch (error) {
      return domainErrorReply(error, form.formData, t)
    }
  } else {
    const form = await readCooperativeForm(request, t, {
      schema: profileSchema,
      withAccount: false,
      requireDocuments: false,
      withDocuments: false,
    })
    if (!form.ok) return form.response
    try {
      ;({ legalChangeRequested } = await updateCooperativeProfile({
        scope,
        fields: form.fields,
        logo: form.files.logo,
        requestId: context.requestId,
      }))
    } catch (error) {
      return domainErrorReply(error, form.formData, t)
    }
  }
  return redirect(
    resubmitting ? `/coop/${scope.cooperative.slug}` : `/coop/${scope.cooperative.slug}/profile`,
    {
      headers: {
        'Set-Cookie': await toastCookie(
          resubmitting
            ? 'profile.resubmitted'
            : legalChangeRequested
              ? 'legalChange.requested'
              : 'profile.saved',
        ),
      },
    },
  )
}

export default function ProfilePage() {
  const { profile, role, documents, regions } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const { t } = useTranslation()
  const submitting = useNavigation().state === 'submitting'
  const errors = reply?.fieldErrors ?? {}
  const asText = Object.fromEntries(
    Object.entries(profile).map(([k, v]) => [
      k,
      v === null || v === undefined
        ? undefined
        : typeof v === 'boolean'
          ? v
            ? 'on'
            : ''
          : String(v),
    ]),
  )
  const values = { ...asText, ...(reply?.values ?? {}) }
  const resubmitting = profile.status === 'rejected'
  return (
    <main id="main" className="flex flex-col gap-6">
      <h1 className="text-3xl font-semibold">{t('profile.title')}</h1>
      {profile.legalChangeRequestedAt ? (
        <p role="status" className="rounded-lg bg-blue-light p-3 text-blue-dark">
          {t('legalChange.pending', { date: profile.legalChangeRequestedAt })}
        </p>
      ) : null}

      <section className="card flex flex-col gap-2" aria-labelledby="bank-heading">
        <h2 id="bank-heading" className="text-xl font-semibold">
          {t('profile.bank')}
        </h2>
        <p>
          {t('profile.ibanInForce')} <strong dir="ltr">{profile.iban ?? t('profile.none')}</strong>
        </p>
        <p>
          {t('cooperativeForm.accountHolder')}: {profile.accountHolder ?? t('profile.none')}
        </p>
        {profile.pendingIban ? (
          <p role="status" className="rounded-lg bg-blue-light p-3 text-blue-dark">
            {t('profile.ribPending', {
              iban: profile.pendingIban,
              date: profile.pendingRibRequestedAt,
            })}
          </p>
        ) : null}
        {role === 'manager' && !resubmitting ? (
          <Form method="post" className="mt-2 flex flex-col gap-3" noValidate>
            <input type="hidden" name="intent" value="rib" />
            <p className="text-ink-soft">{t('profile.ribChangeHint')}</p>
            <Field
              label={t('cooperativeForm.rib')}
              hint={t('cooperativeForm.ribHint')}
              name="rib"
              inputMode="numeric"
              dir="ltr"
              autoComplete="off"
              required
              defaultValue={reply?.values.rib}
              error={errors.rib}
            />
            <Field
              label={t('cooperativeForm.accountHolder')}
              name="accountHolder"
              required
              defaultValue={reply?.values.accountHolder ?? profile.accountHolder ?? ''}
              error={errors.accountHolder}
            />
            <button type="submit" className="btn-secondary self-start">
              {t('profile.requestRibChange')}
            </button>
          </Form>
        ) : null}
      </section>

      <section className="card flex flex-col gap-2" aria-labelledby="documents-heading">
        <h2 id="documents-heading" className="text-xl font-semibold">
          {t('profile.documents')}
        </h2>
        {documents.length === 0 ? <p>{t('profile.noDocuments')}</p> : null}
        <ul className="flex flex-col gap-2">
          {documents.map((d) => (
            <li key={d.id}>
              <a
                href={`/documents/${d.id}`}
                className="inline-flex min-h-12 items-center gap-2"
                target="_blank"
                rel="noreferrer"
              >
                <FileText aria-hidden size={20} />
                {t(`documentKind.${d.kind}`)} · {d.createdAt}
              </a>
            </li>
          ))}
        </ul>
      </section>

      {role === 'manager' ? (
        <Form
          method="post"
          encType="multipart/form-data"
          className="flex flex-col gap-6"
          noValidate
        >
          <h2 className="text-2xl font-semibold">
            {resubmitting ? t('profile.resubmitTitle') : t('profile.editTitle')}
          </h2>
          {resubmitting ? <p className="text-ink-soft">{t('profile.resubmitHint')}</p> : null}
          <FormError error={reply?.formError} />
          <CooperativeFields
            mode={resubmitting ? 'resubmit' : 'edit'}
            regions={regions}
            values={values}
            errors={errors}
          />
          {resubmitting ? null : (
            <fieldset className="card flex flex-col gap-2">
              <legend className="text-xl font-semibold">{t('contactButtons.legend')}</legend>
              <label className="flex min-h-12 items-center gap-3 font-semibold">
                <input
                  type="checkbox"
                  name="showContactButtons"
                  className="size-6"
                  aria-describedby="contact-buttons-hint"
                  defaultChecked={
                    // An unticked box is absent from the echoed form.
                    reply ? reply.values.showContactButtons === 'on' : profile.showContactButtons
                  }
                />
                {t('contactButtons.label')}
              </label>
              <p id="contact-buttons-hint" className="text-ink-soft">
                {t('contactButtons.hint')}
              </p>
            </fieldset>
          )}
          <button type="submit" className="btn-primary self-start" disabled={submitting}>
            {resubmitting ? t('profile.resubmit') : t('profile.save')}
          </button>
        </Form>
      ) : (
        <section className="card" aria-labelledby="profile-heading">
          <h2 id="profile-heading" className="mb-3 text-xl font-semibold">
            {t('profile.details')}
          </h2>
          <p className="mb-3 text-ink-soft">{t('profile.membersReadOnly')}</p>
          <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-2">
            {(
              [
                'legalNameAr',
                'legalNameFr',
                'displayName',
                'registerNumber',
                'registerCourt',
                'ice',
                'taxId',
                'commune',
                'address',
                'phone',
                'email',
              ] as const
            ).map((key) => (
              <div key={key}>
                <dt className="text-sm text-ink-soft">{t(`cooperativeForm.${key}`)}</dt>
                <dd className="font-semibold">{String(profile[key] ?? '')}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
    </main>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
