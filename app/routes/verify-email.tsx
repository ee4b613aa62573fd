import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormError } from '#app/components/forms.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import {
  resendEmailVerification,
  verifyEmailAddress,
} from '#app/modules/auth/email-verification.server.ts'
import {
  getOptionalUser,
  guardPublicMutation,
  isEmailVerified,
  requireUser,
} from '#app/modules/auth/guards.server.ts'
import { toastCookie } from '#app/modules/auth/session.server.ts'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import { domainErrorReply, readFormData } from '#app/utils/forms.server.ts'
import { publicOrigin } from '#app/utils/origin.server.ts'
import { safeRedirectPath } from '#app/utils/security.server.ts'
import { pageMeta } from '#app/utils/meta.ts'

export const meta: MetaFunction<typeof loader> = pageMeta

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request)
  const { t } = await getTranslator(request)
  const url = new URL(request.url)
  const token = url.searchParams.get('token') ?? ''
  return {
    title: t('verifyEmail.metaTitle'),
    noIndex: true,
    // The link only shows a button: following it must not change anything (mail scanners open
    // links too), so the address is confirmed by the POST that the button sends.
    token: /^[A-Za-z0-9_-]{20,100}$/.test(token) ? token : null,
    user: user ? { email: user.email, verified: isEmailVerified(user) } : null,
    redirectTo: url.searchParams.get('redirectTo') ?? '',
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  guardPublicMutation(request)
  const { t } = await getTranslator(request)
  const formData = await readFormData(request)
  const intent = formData.get('intent')
  try {
    if (intent === 'verify') {
      await verifyEmailAddress({
        token: String(formData.get('token') ?? ''),
        requestId: context.requestId,
      })
      const user = await getOptionalUser(request)
      const next = safeRedirectPath(
        String(formData.get('redirectTo') ?? ''),
        user ? '/account' : '/login',
      )
      return redirect(next, { headers: { 'Set-Cookie': await toastCookie('verifyEmail.done') } })
    }
    if (intent === 'resend') {
      const user = await requireUser(request)
      await resendEmailVerification(user, publicOrigin(request))
      return redirect('/verify-email', {
        headers: { 'Set-Cookie': await toastCookie('verifyEmail.sent') },
      })
    }
  } catch (error) {
    return domainErrorReply(error, formData, t)
  }
  throw new Response('Unknown intent', { status: 400 })
}

export default function VerifyEmailPage() {
  const { token, user, redirectTo } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const { t } = useTranslation()
  const submitting = useNavigation().state === 'submitting'
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-10">
      <h1 className="mb-6 text-3xl font-semibold">{t('verifyEmail.title')}</h1>
      <div className="card flex flex-col gap-4">
        <FormError error={reply?.formError} />
        {token ? (
          <Form method="post" className="flex flex-col gap-3">
            <p>{t('verifyEmail.confirmIntro')}</p>
            <input type="hidden" name="token" value={token} />
            <input type="hidden" name="redirectTo" value={redirectTo} />
            <button
              type="submit"
              name="intent"
              value="verify"
              className="btn-primary"
              disabled={submitting}
            >
              {t('verifyEmail.confirm')}
            </button>
          </Form>
        ) : user?.verified ? (
          <p role="status">{t('verifyEmail.already')}</p>
        ) : user ? (
          <Form method="post" className="flex flex-col gap-3">
            <p>{t('verifyEmail.pending', { email: user.email })}</p>
            <button
              type="submit"
              name="intent"
              value="resend"
              className="btn-secondary"
              disabled={submitting}
            >
              {t('verifyEmail.resend')}
            </button>
          </Form>
        ) : (
          <p>
            <Link to="/login?redirectTo=%2Fverify-email">{t('verifyEmail.logInFirst')}</Link>
          </p>
        )}
      </div>
    </main>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
