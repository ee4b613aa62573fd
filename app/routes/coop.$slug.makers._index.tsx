import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { UserRound } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { FormError } from '#app/components/forms.tsx'
import { MakerFields } from '#app/components/maker-fields.tsx'
import { requireCooperativeMember } from '#app/modules/auth/guards.server.ts'
import { toastCookie } from '#app/modules/auth/session.server.ts'
import { readMakerForm } from '#app/modules/cooperatives/maker-form.server.ts'
import { addMaker, listMakers } from '#app/modules/cooperatives/makers.server.ts'
import { localized } from '#app/modules/i18n/config.ts'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import { imageUrl } from '#app/modules/media/image-urls.ts'
import { domainErrorReply } from '#app/utils/forms.server.ts'
import { pageMeta } from '#app/utils/meta.ts'

export const meta: MetaFunction<typeof loader> = pageMeta

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireCooperativeMember(request, params.slug)
  const { t, language } = await getTranslator(request)
  const makers = await listMakers(scope.cooperative.id, { includeArchived: true })
  return {
    noIndex: true,
    title: t('makers.metaTitle', { name: scope.cooperative.displayName }),
    role: scope.role,
    slug: scope.cooperative.slug,
    makers: makers.map((m) => ({
      id: m.id,
      name: m.name,
      bio: localized(m, 'bio', language),
      photo: m.photo
        ? {
            src: imageUrl(m.photo.variants.find((v) => v.format === 'webp')?.key ?? m.photo.key),
            placeholder: m.photo.placeholder,
          }
        : null,
      consent: Boolean(m.consentAt),
      archived: Boolean(m.archivedAt),
    })),
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const scope = await requireCooperativeMember(request, params.slug, 'manager')
  const { t } = await getTranslator(request)
  const form = await readMakerForm(request, t, scope.user.id)
  if (!form.ok) return form.response
  try {
    await addMaker({ scope, maker: form.maker, photo: form.photo, requestId: context.requestId })
  } catch (error) {
    return domainErrorReply(error, form.formData, t)
  }
  return redirect(`/coop/${scope.cooperative.slug}/makers`, {
    headers: { 'Set-Cookie': await toastCookie('makers.added') },
  })
}

export default function MakersPage() {
  const { makers, role, slug } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const { t } = useTranslation()
  return (
    <main id="main" className="flex flex-col gap-6">
      <h1 className="text-3xl font-semibold">{t('makers.title')}</h1>
      <p className="text-ink-soft">{t('makers.intro')}</p>
      {makers.length === 0 ? <p>{t('makers.none')}</p> : null}
      <ul className="grid gap-3 sm:grid-cols-2">
        {makers.map((m) => (
          <li
            key={m.id}
            className={`card flex items-center gap-3 ${m.archived ? 'opacity-70' : ''}`}
          >
            {m.photo ? (
              <img
                src={m.photo.src}
                alt=""
                width={64}
                height={64}
                className="size-16 rounded-full object-cover"
                style={{ backgroundImage: `url(${m.photo.placeholder})`, backgroundSize: 'cover' }}
              />
            ) : (
              <UserRound aria-hidden size={48} className="text-blue" />
            )}
            <div className="flex-1">
              <p className="font-semibold">{m.name}</p>
              <p className="text-sm">{m.bio}</p>
              <p className="text-sm text-ink-soft">
                {m.archived
                  ? t('makers.archived')
                  : m.consent
                    ? t('makers.shownPublicly')
                    : t('makers.notShown')}
              </p>
            </div>
            {role === 'manager' ? (
              <Link
                to={`/coop/${slug}/makers/${m.id}`}
                className="btn-secondary"
                aria-label={t('makers.editNamed', { name: m.name })}
              >
                {t('makers.edit')}
              </Link>
            ) : null}
          </li>
        ))}
      </ul>
      {role === 'manager' ? (
        <Form
          method="post"
          encType="multipart/form-data"
          className="card flex flex-col gap-4"
          noValidate
        >
          <h2 className="text-xl font-semibold">{t('makers.addTitle')}</h2>
          <FormError error={reply?.formError} />
          <MakerFields
            values={reply?.values ?? {}}
            errors={reply?.fieldErrors ?? {}}
            hasPhoto={false}
          />
          <button type="submit" className="btn-primary self-start">
            {t('makers.add')}
          </button>
        </Form>
      ) : null}
    </main>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
