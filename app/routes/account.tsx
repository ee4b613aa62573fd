import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { Field, FormError, SelectField } from '#app/components/forms.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { updateProfile } from '#app/modules/auth/accounts.server.ts'
import { requireUser } from '#app/modules/auth/guards.server.ts'
import { languageSchema, nameSchema } from '#app/modules/auth/schemas.ts'
import {
  clearSessionCookie,
  revokeAllSessions,
  toastCookie,
} from '#app/modules/auth/session.server.ts'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import { loadMessages } from '#app/modules/i18n/messages.ts'
import { badRequest, parseForm, readFormData } from '#app/utils/forms.server.ts'
import { pageMeta } from '#app/utils/meta.ts'

// The buyer's account messages: in the browser before this route renders.
await loadMessages('account')

const profileSchema = z.object({
  intent: z.literal('updateProfile'),
  name: nameSchema,
  locale: languageSchema,
})

export const meta: MetaFunction<typeof loader> = pageMeta

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const { t } = await getTranslator(request)
  return {
    title: t('account.metaTitle'),
    user: { name: user.name, email: user.email, locale: user.locale, roles: user.roles },
    twoFactorEnabled: user.twoFactorEnabled,
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const { t } = await getTranslator(request)
  const formData = await readFormData(request)
  const intent = formData.get('intent')
  if (intent === 'logoutEverywhere') {
    await revokeAllSessions(user.id)
    const headers = new Headers()
    headers.append('Set-Cookie', await clearSessionCookie())
    headers.append('Set-Cookie', await toastCookie('account.loggedOutEverywhere'))
    return redirect('/login', { headers })
  }
  if (intent === 'updateProfile') {
    const parsed = parseForm(formData, profileSchema, t)
    if (!parsed.ok) return badRequest(parsed.reply)
    await updateProfile(user.id, parsed.data)
    return redirect('/account', { headers: { 'Set-Cookie': await toastCookie('account.saved') } })
  }
  throw new Response('Unknown intent', { status: 400 })
}

export default function AccountPage() {
  const { user, twoFactorEnabled } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const { t } = useTranslation()
  return (
    <main id="main" className="mx-auto flex max-w-xl flex-col gap-6 px-4 py-10">
      <h1 className="text-3xl font-semibold">{t('account.title')}</h1>
      <p>
        <Link to="/account/orders" className="btn-secondary">
          {t('account.orders')}
        </Link>
      </p>
      <Form method="post" className="card flex flex-col gap-4" noValidate>
        <h2 className="text-xl font-semibold">{t('account.profile')}</h2>
        <FormError error={reply?.formError} />
        <p>
          <span className="font-semibold">{t('fields.email')}: </span>
          <span dir="ltr">{user.email}</span>
        </p>
        <Field
          label={t('fields.name')}
          name="name"
          defaultValue={reply?.values.name ?? user.name}
          error={reply?.fieldErrors.name}
          required
        />
        <SelectField
          label={t('account.emailLanguage')}
          name="locale"
          defaultValue={user.locale}
          error={reply?.fieldErrors.locale}
        >
          <option value="ar">العربية</option>
          <option value="fr">Français</option>
          <option value="en">English</option>
        </SelectField>
        <button type="submit" name="intent" value="updateProfile" className="btn-primary">
          {t('account.save')}
        </button>
      </Form>
      <section className="card flex flex-col gap-3">
        <h2 className="text-xl font-semibold">{t('twoFactor.account.title')}</h2>
        <p className="text-ink-soft">
          {t(twoFactorEnabled ? 'twoFactor.account.on' : 'twoFactor.account.off')}
        </p>
        <Link to="/account/two-factor" className="btn-secondary">
          {t(twoFactorEnabled ? 'twoFactor.account.manage' : 'twoFactor.account.enable')}
        </Link>
      </section>
      <Form method="post" className="card flex flex-col gap-3">
        <h2 className="text-xl font-semibold">{t('account.sessions')}</h2>
        <p className="text-ink-soft">{t('account.logoutEverywhereHint')}</p>
        <button type="submit" name="intent" value="logoutEverywhere" className="btn-secondary">
          {t('account.logoutEverywhere')}
        </button>
      </Form>
    </main>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
