import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { Field, FormError } from '#app/components/forms.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { requireUser } from '#app/modules/auth/guards.server.ts'
import { toastCookie } from '#app/modules/auth/session.server.ts'
import {
  confirmTotpEnrolment,
  disableTwoFactor,
  getPendingEnrolment,
  regenerateRecoveryCodes,
  remainingRecoveryCodes,
  secondFactorRequired,
  startTotpEnrolment,
} from '#app/modules/auth/two-factor.server.ts'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import { loadMessages } from '#app/modules/i18n/messages.ts'
import { badRequest, domainErrorReply, parseForm, readFormData } from '#app/utils/forms.server.ts'
import { safeRedirectPath } from '#app/utils/security.server.ts'
import { pageMeta } from '#app/utils/meta.ts'

// The buyer's account messages: in the browser before this route renders.
await loadMessages('account')

const codeSchema = z.object({
  code: z
    .string({ error: 'errors.required' })
    .trim()
    .min(6, { error: 'twoFactor.errors.codeInvalid' })
    .max(40, { error: 'twoFactor.errors.codeInvalid' }),
})

export const meta: MetaFunction<typeof loader> = pageMeta

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const { t } = await getTranslator(request)
  const redirectTo = new URL(request.url).searchParams.get('redirectTo') ?? ''
  const enabled = user.twoFactorEnabled
  return {
    title: t('twoFactor.setup.metaTitle'),
    noIndex: true,
    enabled,
    required: secondFactorRequired(user),
    pending: enabled ? null : await getPendingEnrolment(user),
    remaining: enabled ? await remainingRecoveryCodes(user.id) : 0,
    redirectTo,
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const { t } = await getTranslator(request)
  const formData = await readFormData(request)
  const intent = formData.get('intent')
  const redirectTo = String(formData.get('redirectTo') ?? '')
  const here = `/account/two-factor${redirectTo ? `?${new URLSearchParams({ redirectTo })}` : ''}`
  try {
    if (intent === 'start') {
      await startTotpEnrolment(user)
      return redirect(here)
    }
    const parsed = parseForm(formData, codeSchema, t)
    if (!parsed.ok) return badRequest(parsed.reply)
    const input = {
      user,
      code: parsed.data.code,
      clientIp: context.clientIp,
      requestId: context.requestId,
    }
    if (intent === 'confirm') {
      const recoveryCodes = await confirmTotpEnrolment({ ...input, sessionId: user.sessionId })
      // Shown once, in this answer, never again (only their hashes are kept).
      return data({ recoveryCodes, continueTo: safeRedirectPath(redirectTo, '/account') })
    }
    if (intent === 'regenerate') {
      const recoveryCodes = await regenerateRecoveryCodes(input)
      return data({ recoveryCodes, continueTo: '/account/two-factor' })
    }
    if (intent === 'disable') {
      await disableTwoFactor(input)
      return redirect('/account', {
        headers: { 'Set-Cookie': await toastCookie('twoFactor.disabled') },
      })
    }
  } catch (error) {
    return domainErrorReply(error, formData, t)
  }
  throw new Response('Unknown intent', { status: 400 })
}

function RecoveryCodes({ codes, continueTo }: { codes: string[]; continueTo: string }) {
  const { t } = useTranslation()
  return (
    <section className="card flex flex-col gap-4" aria-labelledby="recovery-title">
      <h2 id="recovery-title" className="text-xl font-semibold">
        {t('twoFactor.recovery.title')}
      </h2>
      <p role="status">{t('twoFactor.recovery.intro')}</p>
      <ul className="grid grid-cols-2 gap-2 font-mono text-lg" dir="ltr">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <Link to={continueTo} className="btn-primary">
        {t('twoFactor.recovery.continue')}
      </Link>
    </section>
  )
}

function CodeForm({
  intent,
  submitLabel,
  error,
  redirectTo,
  danger = false,
}: {
  intent: string
  submitLabel: string
  error?: string
  redirectTo: string
  danger?: boolean
}) {
  const { t } = useTranslation()
  const submitting = useNavigation().state === 'submitting'
  return (
    <Form method="post" className="flex flex-col gap-3" noValidate>
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <Field
        label={t('twoFactor.fields.code')}
        name="code"
        autoComplete="one-time-code"
        inputMode={intent === 'confirm' ? 'numeric' : undefined}
        dir="ltr"
        required
        error={error}
      />
      <button
        type="submit"
        name="intent"
        value={intent}
        className={danger ? 'btn-secondary' : 'btn-primary'}
        disabled={submitting}
      >
        {submitLabel}
      </button>
    </Form>
  )
}

export default function TwoFactorSetupPage() {
  const { enabled, required, pending, remaining, redirectTo } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const { t } = useTranslation()
  const codes = reply && 'recoveryCodes' in reply ? reply : null
  const formReply = reply && 'status' in reply ? reply : null
  return (
    <main id="main" className="mx-auto flex max-w-xl flex-col gap-6 px-4 py-10">
      <h1 className="text-3xl font-semibold">{t('twoFactor.setup.title')}</h1>
      {codes ? (
        <RecoveryCodes codes={codes.recoveryCodes} continueTo={codes.continueTo} />
      ) : enabled ? (
        <>
          <section className="card flex flex-col gap-3">
            <p role="status">{t('twoFactor.setup.enabled')}</p>
            <p>{t('twoFactor.setup.remaining', { count: remaining })}</p>
          </section>
          <section className="card flex flex-col gap-3">
            <h2 className="text-xl font-semibold">{t('twoFactor.recovery.regenerate')}</h2>
            <FormError error={formReply?.formError} />
            <CodeForm
              intent="regenerate"
              submitLabel={t('twoFactor.recovery.regenerateSubmit')}
              error={formReply?.fieldErrors.code}
              redirectTo=""
            />
          </section>
          {required ? (
            <p className="text-ink-soft">{t('twoFactor.setup.requiredForStaff')}</p>
          ) : (
            <section className="card flex flex-col gap-3">
              <h2 className="text-xl font-semibold">{t('twoFactor.disable.title')}</h2>
              <p className="text-ink-soft">{t('twoFactor.disable.intro')}</p>
              <CodeForm
                intent="disable"
                submitLabel={t('twoFactor.disable.submit')}
                redirectTo=""
                danger
              />
            </section>
          )}
        </>
      ) : pending ? (
        <section className="card flex flex-col gap-4">
          <h2 className="text-xl font-semibold">{t('twoFactor.setup.scanTitle')}</h2>
          <p>{t('twoFactor.setup.scan')}</p>
          <div
            role="img"
            aria-label={t('twoFactor.setup.qrLabel')}
            className="mx-auto w-56 bg-white p-2"
            // The SVG is drawn on the server from our own otpauth URI (no third party).
            dangerouslySetInnerHTML={{ __html: pending.qrSvg }}
          />
          <p>
            {t('twoFactor.setup.manual')}{' '}
            <code dir="ltr" className="break-all font-mono" data-testid="totp-secret">
              {pending.secret}
            </code>
          </p>
          <FormError error={formReply?.formError} />
          <CodeForm
            intent="confirm"
            submitLabel={t('twoFactor.setup.confirm')}
            error={formReply?.fieldErrors.code}
            redirectTo={redirectTo}
          />
        </section>
      ) : (
        <Form method="post" className="card flex flex-col gap-3">
          <p>{t(required ? 'twoFactor.setup.introStaff' : 'twoFactor.setup.intro')}</p>
          <FormError error={formReply?.formError} />
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <button type="submit" name="intent" value="start" className="btn-primary">
            {t('twoFactor.setup.start')}
          </button>
        </Form>
      )}
    </main>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
