import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { Field, FormError, Honeypot } from '#app/components/forms.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { requestPasswordReset } from '#app/modules/auth/accounts.server.ts'
import { guardPublicMutation } from '#app/modules/auth/guards.server.ts'
import { emailSchema } from '#app/modules/auth/schemas.ts'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import {
  badRequest,
  domainErrorReply,
  parseForm,
  readFormData,
  rejectBots,
} from '#app/utils/forms.server.ts'
import { publicOrigin } from '#app/utils/origin.server.ts'
import { pageMeta } from '#app/utils/meta.ts'

const schema = z.object({ email: emailSchema })

export const meta: MetaFunction<typeof loader> = pageMeta

export async function loader({ request }: LoaderFunctionArgs) {
  const { t } = await getTranslator(request)
  return { title: t('forgot.metaTitle') }
}

export async function action({ request, context }: ActionFunctionArgs) {
  guardPublicMutation(request)
  const { t } = await getTranslator(request)
  const formData = await readFormData(request)
  rejectBots(formData)
  const parsed = parseForm(formData, schema, t)
  if (!parsed.ok) return badRequest(parsed.reply)
  try {
    await requestPasswordReset({
      email: parsed.data.email,
      clientIp: context.clientIp,
      origin: publicOrigin(request),
    })
  } catch (error) {
    return domainErrorReply(error, formData, t)
  }
  return { status: 'sent' as const, email: parsed.data.email }
}

export default function ForgotPasswordPage() {
  const reply = useActionData<typeof action>()
  const { t } = useTranslation()
  const submitting = useNavigation().state === 'submitting'
  if (reply?.status === 'sent') {
    return (
      <main id="main" className="mx-auto max-w-md px-4 py-10">
        <h1 className="mb-6 text-3xl font-semibold">{t('forgot.title')}</h1>
        <p role="status" className="card">
          {t('forgot.sent', { email: reply.email })}
        </p>
      </main>
    )
  }
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-10">
      <h1 className="mb-2 text-3xl font-semibold">{t('forgot.title')}</h1>
      <p className="mb-6 text-ink-soft">{t('forgot.intro')}</p>
      <Form method="post" className="card relative flex flex-col gap-4" noValidate>
        <FormError error={reply?.formError} />
        <Honeypot />
        <Field
          label={t('fields.email')}
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          dir="ltr"
          required
          defaultValue={reply?.values.email}
          error={reply?.fieldErrors.email}
        />
        <button type="submit" className="btn-primary" disabled={submitting}>
          {t('forgot.submit')}
        </button>
        <Link to="/login" className="text-sm">
          {t('forgot.backToLogin')}
        </Link>
      </Form>
    </main>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
