import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { UserRound } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field, FormError, SelectField } from '#app/components/forms.tsx'
import { requireCooperativeMember } from '#app/modules/auth/guards.server.ts'
import { emailSchema } from '#app/modules/auth/schemas.ts'
import { toastCookie } from '#app/modules/auth/session.server.ts'
import {
  changeMemberRole,
  inviteMember,
  listTeam,
  removeMember,
  revokeInvitation,
} from '#app/modules/cooperatives/team.server.ts'
import { formatDate } from '#app/modules/i18n/format.ts'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import { badRequest, domainErrorReply, parseForm, readFormData } from '#app/utils/forms.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { publicOrigin } from '#app/utils/origin.server.ts'

const role = z.enum(['manager', 'member'], { error: 'errors.chooseOne' })
const id = z.uuid({ error: 'errors.invalid' })
const schemas = {
  invite: z.object({
    intent: z.literal('invite'),
    email: emailSchema,
    role,
    language: z.enum(['ar', 'fr', 'en']).default('ar'),
  }),
  changeRole: z.object({ intent: z.literal('changeRole'), userId: id, role }),
  remove: z.object({ intent: z.literal('remove'), userId: id }),
  revokeInvitation: z.object({ intent: z.literal('revokeInvitation'), invitationId: id }),
}

export const meta: MetaFunction<typeof loader> = pageMeta

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireCooperativeMember(request, params.slug)
  const { t, language } = await getTranslator(request)
  const team = await listTeam(scope.cooperative.id)
  return {
    noIndex: true,
    title: t('team.metaTitle', { name: scope.cooperative.displayName }),
    role: scope.role,
    me: scope.user.id,
    members: team.members.map((m) => ({ ...m, since: formatDate(m.since, language) })),
    pending: team.pending.map((p) => ({ ...p, expiresAt: formatDate(p.expiresAt, language) })),
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const scope = await requireCooperativeMember(request, params.slug, 'manager')
  const { t } = await getTranslator(request)
  const formData = await readFormData(request)
  const intent = String(formData.get('intent'))
  if (!Object.hasOwn(schemas, intent)) throw new Response('Unknown intent', { status: 400 })
  const parsed = parseForm(formData, schemas[intent as keyof typeof schemas], t)
  if (!parsed.ok) return badRequest(parsed.reply)
  const input = parsed.data
  const requestId = context.requestId
  try {
    if (input.intent === 'invite') {
      await inviteMember({
        scope,
        email: input.email,
        role: input.role,
        locale: input.language,
        origin: publicOrigin(request),
        requestId,
      })
    } else if (input.intent === 'changeRole') {
      await changeMemberRole({ scope, userId: input.userId, role: input.role, requestId })
    } else if (input.intent === 'remove') {
      await removeMember({ scope, userId: input.userId, requestId })
    } else {
      await revokeInvitation(scope, input.invitationId, requestId)
    }
  } catch (error) {
    return domainErrorReply(error, formData, t)
  }
  const done = {
    invite: 'team.invited',
    changeRole: 'team.roleChanged',
    remove: 'team.removed',
    revokeInvitation: 'team.invitationRevoked',
  }[input.intent]
  return redirect(`/coop/${scope.cooperative.slug}/team`, {
    headers: { 'Set-Cookie': await toastCookie(done) },
  })
}

export default function TeamPage() {
  const { members, pending, role, me } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const { t, i18n } = useTranslation()
  const manager = role === 'manager'
  return (
    <main id="main" className="flex flex-col gap-6">
      <h1 className="text-3xl font-semibold">{t('team.title')}</h1>
      <FormError error={reply?.formError} />
      <ul className="flex flex-col gap-3">
        {members.map((m) => (
          <li key={m.userId} className="card flex flex-wrap items-center gap-3">
            <UserRound aria-hidden size={32} className="text-blue" />
            <div className="flex-1">
              <p className="font-semibold">
                {m.name} {m.userId === me ? t('team.you') : null}
              </p>
              <p className="text-sm text-ink-soft" dir="ltr">
                {m.email}
              </p>
              <p className="text-sm">
                {t(`membershipRole.${m.role}`)} · {t('team.since', { date: m.since })}
              </p>
            </div>
            {manager ? (
              <div className="flex flex-wrap gap-2">
                <Form method="post" className="flex items-end gap-2">
                  <input type="hidden" name="intent" value="changeRole" />
                  <input type="hidden" name="userId" value={m.userId} />
                  <SelectField label={t('team.role')} name="role" defaultValue={m.role}>
                    <option value="manager">{t('membershipRole.manager')}</option>
                    <option value="member">{t('membershipRole.member')}</option>
                  </SelectField>
                  <button type="submit" className="btn-secondary">
                    {t('team.changeRole')}
                  </button>
                </Form>
                <Form method="post" className="flex items-end">
                  <input type="hidden" name="intent" value="remove" />
                  <input type="hidden" name="userId" value={m.userId} />
                  <button type="submit" className="btn-danger">
                    {t('team.remove')}
                  </button>
                </Form>
              </div>
            ) : null}
          </li>
        ))}
      </ul>

      {manager ? (
        <>
          <Form method="post" className="card flex flex-col gap-4" noValidate>
            <h2 className="text-xl font-semibold">{t('team.inviteTitle')}</h2>
            <p className="text-ink-soft">{t('team.inviteHint')}</p>
            <input type="hidden" name="intent" value="invite" />
            <input type="hidden" name="language" value={i18n.language} />
            <Field
              label={t('fields.email')}
              name="email"
              type="email"
              inputMode="email"
              dir="ltr"
              required
              defaultValue={reply?.values.email}
              error={reply?.fieldErrors.email}
            />
            <SelectField
              label={t('team.role')}
              name="role"
              defaultValue="member"
              error={reply?.fieldErrors.role}
            >
              <option value="member">{t('membershipRole.member')}</option>
              <option value="manager">{t('membershipRole.manager')}</option>
            </SelectField>
            <button type="submit" className="btn-primary self-start">
              {t('team.invite')}
            </button>
          </Form>
          {pending.length ? (
            <section className="card" aria-labelledby="pending-heading">
              <h2 id="pending-heading" className="mb-3 text-xl font-semibold">
                {t('team.pending')}
              </h2>
              <ul className="flex flex-col gap-2">
                {pending.map((p) => (
                  <li key={p.id} className="flex flex-wrap items-center justify-between gap-2">
                    <span>
                      <span dir="ltr">{p.email}</span> · {t(`membershipRole.${p.role}`)} ·{' '}
                      {t('team.expires', { date: p.expiresAt })}
                    </span>
                    <Form method="post">
                      <input type="hidden" name="intent" value="revokeInvitation" />
                      <input type="hidden" name="invitationId" value={p.id} />
                      <button type="submit" className="btn-secondary">
                        {t('team.revoke')}
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      ) : null}
    </main>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
