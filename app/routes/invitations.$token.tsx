import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { FormError } from '#app/components/forms.tsx'
import { getOptionalUser, requireUser } from '#app/modules/auth/guards.server.ts'
import { toastCookie } from '#app/modules/auth/session.server.ts'
import { acceptInvitation, findInvitation } from '#app/modules/cooperatives/team.server.ts'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import { domainErrorReply } from '#app/utils/forms.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { loadMessages } from '#app/modules/i18n/messages.ts'

// Its screens speak in the back-office messages: they are in the browser before it renders.
await loadMessages('account', 'backoffice')

export const meta: MetaFunction<typeof loader> = pageMeta

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request)
  const { t } = await getTranslator(request)
  const invitation = await findInvitation(params.token ?? '')
  return {
    noIndex: true,
    title: t('invitation.metaTitle'),
    invitation: invitation
      ? {
          cooperativeName: invitation.cooperativeName,
          role: invitation.role,
          email: invitation.email,
        }
      : null,
    user: user ? { name: user.name, email: user.email } : null,
    here: new URL(request.url).pathname,
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const { t } = await getTranslator(request)
  try {
    const { slug } = await acceptInvitation({
      token: params.token ?? '',
      user,
      requestId: context.requestId,
    })
    return redirect(`/coop/${slug}`, {
      headers: { 'Set-Cookie': await toastCookie('invitation.joined') },
    })
  } catch (error) {
    // The form has no fields: accepting is the whole of it.
    return domainErrorReply(error, new FormData(), t)
  }
}

export default function InvitationPage() {
  const { invitation, user, here } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const { t } = useTranslation()
  const back = encodeURIComponent(here)
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-10">
      <h1 className="mb-6 text-3xl font-semibold">{t('invitation.title')}</h1>
      {!invitation ? (
        <p role="alert" className="card">
          {t('errors.invitationInvalid')}
        </p>
      ) : (
        <div className="card flex flex-col gap-4">
          <FormError error={reply?.formError} />
          <p className="text-lg">
            {t('invitation.body', {
              cooperative: invitation.cooperativeName,
              role: t(`membershipRole.${invitation.role}`),
            })}
          </p>
          {user ? (
            <Form method="post" className="flex flex-col gap-3">
              <p>{t('invitation.as', { name: user.name, email: user.email })}</p>
              <button type="submit" className="btn-primary self-start">
                {t('invitation.accept')}
              </button>
            </Form>
          ) : (
            <div className="flex flex-wrap gap-3">
              <Link to={`/signup?redirectTo=${back}`} className="btn-primary">
                {t('invitation.createAccount')}
              </Link>
              <Link to={`/login?redirectTo=${back}`} className="btn-secondary">
                {t('invitation.logIn')}
              </Link>
            </div>
          )}
        </div>
      )}
    </main>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
