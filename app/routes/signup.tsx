import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useNavigation, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { Field, FormError, Honeypot } from '#app/components/forms.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { signUp } from '#app/modules/auth/accounts.server.ts'
import { requireAnonymous } from '#app/modules/auth/guards.server.ts'
import { newPasswordSchema } from '#app/modules/auth/password.server.ts'
import { emailSchema, nameSchema } from '#app/modules/auth/schemas.ts'
import { createSession, toastCookie } from '#app/modules/auth/session.server.ts'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import { adoptGuestCart } from '#app/utils/cart-cookie.server.ts'
import {
  badRequest,
  domainErrorReply,
  parseForm,
  readFormData,
  rejectBots,
} from '#app/utils/forms.server.ts'
import { safeRedirectPath } from '#app/utils/security.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { publicOrigin } from '#app/utils/origin.server.ts'

const signupSchema = z
  .object({
    name: nameSchema,
    email: emailSchema,
    password: newPasswordSchema,
    confirmPassword: z.string({ error: 'errors.required' }),
    redirectTo: z.string().optional(),
  })
  .refine((v) => v.password === v.confirmPassword, {
    path: ['confirmPassword'],
    error: 'errors.passwordsDiffer',
  })

export const meta: MetaFunction<typeof loader> = pageMeta

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request)
  const { t } = await getTranslator(request)
  return { title: t('signup.metaTitle') }
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request)
  const { t, language } = await getTranslator(request)
  const formData = await readFormData(request)
  rejectBots(formData)
  const parsed = parseForm(formData, signupSchema, t)
  if (!parsed.ok) return badRequest(parsed.reply)
  let user
  try {
    user = await signUp({
      ...parsed.data,
      locale: language,
      clientIp: context.clientIp,
      origin: publicOrigin(request),
    })
  } catch (error) {
    return domainErrorReply(error, formData, t)
  }
  const headers = new Headers()
  headers.append('Set-Cookie', await createSession(user.id, request))
  const guestCart = await adoptGuestCart(request, user.id)
  if (guestCart) headers.append('Set-Cookie', guestCart)
  headers.append('Set-Cookie', await toastCookie('signup.welcome'))
  return redirect(safeRedirectPath(parsed.data.redirectTo, '/account'), { headers })
}

export default function SignupPage() {
  const reply = useActionData<typeof action>()
  const { t } = useTranslation()
  const [searchParams] = useSearchParams()
  const submitting = useNavigation().state === 'submitting'
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-10">
      <h1 className="mb-6 text-3xl font-semibold">{t('signup.title')}</h1>
      <Form method="post" className="card relative flex flex-col gap-4" noValidate>
        <FormError error={reply?.formError} />
        <Honeypot />
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
        <Field
          label={t('fields.name')}
          name="name"
          autoComplete="name"
          required
          defaultValue={reply?.values.name}
          error={reply?.fieldErrors.name}
        />
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
        <Field
          label={t('fields.password')}
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
          {t('signup.submit')}
        </button>
        <p className="text-sm">
          <Link to="/login">{t('signup.haveAccount')}</Link>
        </p>
      </Form>
    </main>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
