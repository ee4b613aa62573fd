import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { Field, FormError } from '#app/components/forms.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { isResetTokenUsable, resetPassword } from '#app/modules/auth/accounts.server.ts'
import { guardPublicMutation } from '#app/modules/auth/guards.server.ts'
import { newPasswordSchema } from '#app/modules/auth/password.server.ts'
import { clearSessionCookie, toastCookie } from '#app/modules/auth/session.server.ts'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import { badRequest, domainErrorReply, parseForm, readFormData } from '#app/utils/forms.server.ts'
import { pageMeta } from '#app/utils/meta.ts'

const schema = z
  .object({
    token: z
      .string({ error: 'errors.resetLinkInvalid' })
      .min(20, { error: 'errors.resetLinkInvalid' })
      .max(200, { error: 'errors.resetLinkInvalid' }),
    password: newPasswordSchema,
    confirmPassword: z.string({ error: 'errors.required' }),
  })
  .refine((v) => v.password === v.confirmPassword, {
    path: ['confirmPassword'],
    error: 'errors.passwordsDiffer',
  })

export const meta: MetaFunction<typeof loader> = pageMeta

export async function loader({ request }: LoaderFunctionArgs) {
  const { t } = await getTranslator(request)
  const token = new URL(request.url).searchParams.get('token') ?? ''
  const usable = token.length >= 20 && token.length <= 200 && (await isResetTokenUsable(token))
  return { title: t('reset.metaTitle'), token: usable ? token : null }
}

export async function action({ request, context }: ActionFunctionArgs) {
  guardPublicMutation(request)
  const { t } = await getTranslator(request)
  const formData = await readFormData(request)
  const parsed = parseForm(formData, schema, t)
  if (!parsed.ok) return badRequest(parsed.reply)
  try {
    await resetPassword({
      token: parsed.data.token,
      password: parsed.data.password,
      requestId: context.requestId,
    })
  } catch (error) {
    return domainErrorReply(error, formData, t)
  }
  const headers = new Headers()
  headers.append('Set-Cookie', await clearSessionCookie())
  headers.append('Set-Cookie', await toastCookie('reset.done'))
  return redirect('/login', { headers })
}

export default function ResetPasswordPage() {
  const { token } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const { t } = useTranslation()
  const submitting = useNavigation().state === 'submitting'
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-10">
      <h1 className="mb-6 text-3xl font-semibold">{t('reset.title')}</h1>
      {token ? (
        <Form method="post" className="card flex flex-col gap-4" noValidate>
          <FormError error={reply?.formError ?? reply?.fieldErrors.token} />
          <input type="hidden" name="token" value={token} />
          <Field
            label={t('fields.newPassword')}
            hint={t('signup.passwordHint')}
            name="password"
            type="password"
            autoComplete="new-password"
            dir="ltr"
            required
            error={reply?.fieldErrors.password}
          />
          <Field
            label={t('fields.confirmPassword')}
            name="confirmPassword"
            type="password"
            autoComplete="new-password"
            dir="ltr"
            required
            error={reply?.fieldErrors.confirmPassword}
          />
          <button type="submit" className="btn-primary" disabled={submitting}>
            {t('reset.submit')}
          </button>
        </Form>
      ) : (
        <div className="card flex flex-col gap-4">
          <p role="alert">{t('errors.resetLinkInvalid')}</p>
          <Link to="/forgot-password" className="btn-secondary">
            {t('reset.askAgain')}
          </Link>
        </div>
      )}
    </main>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
