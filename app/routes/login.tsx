import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Field, FormError } from '#app/components/forms.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { logIn } from '#app/modules/auth/accounts.server.ts'
import { requireAnonymous } from '#app/modules/auth/guards.server.ts'
import { cameFrom, landingPath } from '#app/modules/auth/landing.server.ts'
import { loginSchema } from '#app/modules/auth/schemas.ts'
import { createSession } from '#app/modules/auth/session.server.ts'
import { secondStepAfterPassword } from '#app/modules/auth/two-factor.server.ts'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import { badRequest, domainErrorReply, parseForm, readFormData } from '#app/utils/forms.server.ts'
import { adoptGuestCart } from '#app/utils/cart-cookie.server.ts'
import { pageMeta } from '#app/utils/meta.ts'

export const meta: MetaFunction<typeof loader> = pageMeta

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request)
  const { t } = await getTranslator(request)
  // The page a customer was reading when she chose to sign in: she goes back there.
  return { title: t('login.metaTitle'), from: cameFrom(request) ?? '' }
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request)
  const { t } = await getTranslator(request)
  const formData = await readFormData(request)
  const parsed = parseForm(formData, loginSchema, t)
  if (!parsed.ok) return badRequest(parsed.reply)
  let user
  try {
    user = await logIn({ ...parsed.data, clientIp: context.clientIp })
  } catch (error) {
    return domainErrorReply(error, formData, t)
  }
  const headers = new Headers({ 'Set-Cookie': await createSession(user.id, request) })
  const guestCart = await adoptGuestCart(request, user.id)
  if (guestCart) headers.append('Set-Cookie', guestCart)
  // An explicit redirectTo, else the user's work (queue or cooperative), else where she was.
  const redirectTo = await landingPath(user.id, {
    redirectTo: parsed.data.redirectTo,
    from: formData.get('from'),
  })
  // The session exists from here, but guards let it through only once the second factor is
  // passed (or, for association staff, first enrolled).
  const next = await secondStepAfterPassword(user.id)
  const target =
    next === 'verify'
      ? `/login/two-factor?${new URLSearchParams({ redirectTo })}`
      : next === 'enrol'
        ? `/account/two-factor?${new URLSearchParams({ redirectTo })}`
        : redirectTo
  return redirect(target, { headers })
}

export default function LoginPage() {
  const { from } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const { t } = useTranslation()
  const [searchParams] = useSearchParams()
  const submitting = useNavigation().state === 'submitting'
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-10">
      <h1 className="mb-6 text-3xl font-semibold">{t('login.title')}</h1>
      <Form method="post" className="card flex flex-col gap-4" noValidate>
        <FormError error={reply?.formError} />
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
        {/* Kept through a wrong password: the page reloaded after it came from /login itself. */}
        <input type="hidden" name="from" value={reply?.values.from ?? from} />
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
          name="password"
          type="password"
          autoComplete="current-password"
          dir="ltr"
          required
          error={reply?.fieldErrors.password}
        />
        <button type="submit" className="btn-primary" disabled={submitting}>
          {t('login.submit')}
        </button>
        <p className="flex flex-wrap justify-between gap-2 text-sm">
          <Link to="/forgot-password">{t('login.forgot')}</Link>
          <Link to="/signup">{t('login.noAccount')}</Link>
        </p>
      </Form>
    </main>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
