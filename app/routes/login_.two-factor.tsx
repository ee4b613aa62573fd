import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { Field, FormError } from '#app/components/forms.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { guardPublicMutation } from '#app/modules/auth/guards.server.ts'
import { getSessionUser } from '#app/modules/auth/session.server.ts'
import { verifySecondFactor } from '#app/modules/auth/two-factor.server.ts'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import { loadMessages } from '#app/modules/i18n/messages.ts'
import { badRequest, domainErrorReply, parseForm, readFormData } from '#app/utils/forms.server.ts'
import { landingPath } from '#app/modules/auth/landing.server.ts'
import { pageMeta } from '#app/utils/meta.ts'

// The buyer's account messages: in the browser before this route renders.
await loadMessages('account')

const schema = z.object({
  code: z
    .string({ error: 'errors.required' })
    .trim()
    .min(6, { error: 'twoFactor.errors.codeInvalid' })
    .max(40, { error: 'twoFactor.errors.codeInvalid' }),
  redirectTo: z.string().optional(),
})

/**
 * The second step of logging in, and the re-authentication asked for before money actions.
 * Reached with a session that passed the password (guards send half-signed-in users here).
 */
async function requirePasswordSession(request: Request) {
  guardPublicMutation(request)
  const user = await getSessionUser(request)
  if (!user) throw redirect('/login')
  if (!user.twoFactorEnabled) throw redirect('/account/two-factor')
  return user
}

export const meta: MetaFunction<typeof loader> = pageMeta

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePasswordSession(request)
  const { t } = await getTranslator(request)
  const url = new URL(request.url)
  return {
    title: t('twoFactor.verify.metaTitle'),
    noIndex: true,
    reauth: url.searchParams.get('reauth') === '1',
    redirectTo: url.searchParams.get('redirectTo') ?? '',
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePasswordSession(request)
  const { t } = await getTranslator(request)
  const formData = await readFormData(request)
  const parsed = parseForm(formData, schema, t)
  if (!parsed.ok) return badRequest(parsed.reply)
  try {
    await verifySecondFactor({
      user,
      code: parsed.data.code,
      clientIp: context.clientIp,
      requestId: context.requestId,
    })
  } catch (error) {
    return domainErrorReply(error, formData, t)
  }
  // The login page passes on where to land; reached any other way, the user's work.
  return redirect(await landingPath(user.id, { redirectTo: parsed.data.redirectTo }))
}

export default function TwoFactorVerifyPage() {
  const { reauth, redirectTo } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const { t } = useTranslation()
  const submitting = useNavigation().state === 'submitting'
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-10">
      <h1 className="mb-6 text-3xl font-semibold">
        {t(reauth ? 'twoFactor.verify.reauthTitle' : 'twoFactor.verify.title')}
      </h1>
      <Form method="post" className="card flex flex-col gap-4" noValidate>
        <FormError error={reply?.formError} />
        <p className="text-ink-soft">{t('twoFactor.verify.intro')}</p>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field
          label={t('twoFactor.fields.code')}
          hint={t('twoFactor.verify.recoveryHint')}
          name="code"
          autoComplete="one-time-code"
          dir="ltr"
          required
          error={reply?.fieldErrors.code}
        />
        <button type="submit" className="btn-primary" disabled={submitting}>
          {t('twoFactor.verify.submit')}
        </button>
      </Form>
      <Form method="post" action="/logout" className="mt-4">
        <button type="submit" className="btn-secondary">
          {t('twoFactor.verify.otherAccount')}
        </button>
      </Form>
    </main>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
