import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  data,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CooperativeFields } from '#app/components/cooperative-form.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field, FormError, Honeypot } from '#app/components/forms.tsx'
import { getOptionalUser, guardPublicMutation } from '#app/modules/auth/guards.server.ts'
import { hitRateLimit, rules } from '#app/modules/auth/rate-limit.server.ts'
import { createSession, toastCookie } from '#app/modules/auth/session.server.ts'
import { readCooperativeForm } from '#app/modules/cooperatives/application-form.server.ts'
import { submitApplication } from '#app/modules/cooperatives/application.server.ts'
import { applicationSchema } from '#app/modules/cooperatives/profile-schema.ts'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import { listRegionsWithProvinces } from '#app/modules/reference/places.server.ts'
import { domainErrorReply, type FormReply } from '#app/utils/forms.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { publicOrigin } from '#app/utils/origin.server.ts'
import { loadMessages } from '#app/modules/i18n/messages.ts'

// Its screens speak in the back-office messages: they are in the browser before it renders.
await loadMessages('account', 'backoffice')

export const meta: MetaFunction<typeof loader> = pageMeta

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request)
  const { t, language } = await getTranslator(request)
  return {
    title: t('join.metaTitle'),
    description: t('join.intro'),
    regions: await listRegionsWithProvinces(language),
    user: user ? { name: user.name, email: user.email } : null,
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  guardPublicMutation(request)
  const user = await getOptionalUser(request)
  const { t, language } = await getTranslator(request)
  // Applications carry uploads: throttle them per address before reading the body.
  const limit = await hitRateLimit(`join:ip:${context.clientIp}`, rules.applicationsPerIp)
  if (!limit.allowed) {
    const reply: FormReply = {
      status: 'error',
      fieldErrors: {},
      values: {},
      formError: t('errors.tooManyAttempts', { minutes: Math.ceil(limit.retryAfterSeconds / 60) }),
    }
    return data(reply, { status: 429 })
  }
  const form = await readCooperativeForm(request, t, {
    schema: applicationSchema,
    withAccount: !user,
    requireDocuments: true,
    withDocuments: true,
  })
  if (!form.ok) return form.response
  let result
  try {
    result = await submitApplication({
      applicant: user
        ? { kind: 'existing', userId: user.id }
        : {
            kind: 'new',
            name: form.applicant!.applicantName,
            email: form.applicant!.applicantEmail,
            password: form.applicant!.applicantPassword,
            locale: language,
          },
      fields: form.fields,
      files: form.files,
      requestId: context.requestId,
      origin: publicOrigin(request),
    })
  } catch (error) {
    return domainErrorReply(error, form.formData, t)
  }
  const headers = new Headers()
  if (result.createdUser) headers.append('Set-Cookie', await createSession(result.userId, request))
  headers.append('Set-Cookie', await toastCookie('join.received'))
  return redirect(`/coop/${result.slug}`, { headers })
}

export default function JoinPage() {
  const { regions, user } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const { t } = useTranslation()
  const submitting = useNavigation().state === 'submitting'
  const errors = reply?.fieldErrors ?? {}
  const values = reply?.values ?? {}
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-3xl font-semibold">{t('join.title')}</h1>
      <p className="mt-2 mb-6 text-lg text-ink-soft">{t('join.intro')}</p>
      <Form
        method="post"
        encType="multipart/form-data"
        className="relative flex flex-col gap-6"
        noValidate
      >
        <Honeypot />
        <FormError error={reply?.formError} />
        <fieldset className="card flex flex-col gap-4">
          <legend className="text-xl font-semibold">{t('join.you')}</legend>
          {user ? (
            <p>{t('join.signedInAs', { name: user.name, email: user.email })}</p>
          ) : (
            <>
              <p className="text-ink-soft">
                {t('join.accountHint')}{' '}
                <Link to="/login?redirectTo=%2Fjoin">{t('join.haveAccount')}</Link>
              </p>
              <Field
                label={t('fields.name')}
                name="applicantName"
                autoComplete="name"
                required
                defaultValue={values.applicantName}
                error={errors.applicantName}
              />
              <Field
                label={t('fields.email')}
                name="applicantEmail"
                type="email"
                inputMode="email"
                dir="ltr"
                autoComplete="email"
                required
                defaultValue={values.applicantEmail}
                error={errors.applicantEmail}
              />
              <Field
                label={t('fields.password')}
                hint={t('signup.passwordHint')}
                name="applicantPassword"
                type="password"
                dir="ltr"
                autoComplete="new-password"
                required
                error={errors.applicantPassword}
              />
            </>
          )}
        </fieldset>
        <CooperativeFields mode="apply" regions={regions} values={values} errors={errors} />
        <button type="submit" className="btn-primary self-start" disabled={submitting}>
          {submitting ? t('join.sending') : t('join.submit')}
        </button>
      </Form>
    </main>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
