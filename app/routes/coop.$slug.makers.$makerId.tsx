import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { FormError } from '#app/components/forms.tsx'
import { MakerFields } from '#app/components/maker-fields.tsx'
import { requireCooperativeMember } from '#app/modules/auth/guards.server.ts'
import { toastCookie } from '#app/modules/auth/session.server.ts'
import { readMakerForm } from '#app/modules/cooperatives/maker-form.server.ts'
import { getMaker, setMakerArchived, updateMaker } from '#app/modules/cooperatives/makers.server.ts'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import { domainErrorReply, readFormData } from '#app/utils/forms.server.ts'
import { isDomainError } from '#app/utils/errors.server.ts'
import { pageMeta } from '#app/utils/meta.ts'

export const meta: MetaFunction<typeof loader> = pageMeta

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireCooperativeMember(request, params.slug, 'manager')
  const { t } = await getTranslator(request)
  let maker
  try {
    maker = await getMaker(scope, params.makerId ?? '')
  } catch (error) {
    if (isDomainError(error)) throw new Response('Not found', { status: 404 })
    throw error
  }
  return {
    noIndex: true,
    title: t('makers.editTitle', { name: maker.name }),
    maker: {
      name: maker.name,
      bioAr: maker.bioAr ?? undefined,
      bioFr: maker.bioFr ?? undefined,
      bioEn: maker.bioEn ?? undefined,
      consent: maker.consentAt ? 'on' : undefined,
      hasPhoto: Boolean(maker.photo),
      archived: Boolean(maker.archivedAt),
    },
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const scope = await requireCooperativeMember(request, params.slug, 'manager')
  const { t } = await getTranslator(request)
  const makerId = params.makerId ?? ''
  const back = `/coop/${scope.cooperative.slug}/makers`
  if (!request.headers.get('content-type')?.startsWith('multipart/form-data')) {
    const formData = await readFormData(request)
    const intent = formData.get('intent')
    if (intent !== 'archive' && intent !== 'restore')
      throw new Response('Unknown intent', { status: 400 })
    try {
      await setMakerArchived({
        scope,
        makerId,
        archived: intent === 'archive',
        requestId: context.requestId,
      })
    } catch (error) {
      if (isDomainError(error) && error.code === 'not_found')
        throw new Response('Not found', { status: 404 })
      return domainErrorReply(error, formData, t)
    }
    return redirect(back, {
      headers: {
        'Set-Cookie': await toastCookie(
          intent === 'archive' ? 'makers.archivedDone' : 'makers.restored',
        ),
      },
    })
  }
  const form = await readMakerForm(request, t, scope.user.id)
  if (!form.ok) return form.response
  try {
    await updateMaker({
      scope,
      makerId,
      maker: form.maker,
      photo: form.photo,
      removePhoto: form.removePhoto,
      requestId: context.requestId,
    })
  } catch (error) {
    if (isDomainError(error) && error.code === 'not_found')
      throw new Response('Not found', { status: 404 })
    return domainErrorReply(error, form.formData, t)
  }
  return redirect(back, { headers: { 'Set-Cookie': await toastCookie('makers.saved') } })
}

export default function EditMakerPage() {
  const { maker } = useLoaderData<typeof loader>()
  const { hasPhoto, archived: _archived, ...values } = maker
  const reply = useActionData<typeof action>()
  const { t } = useTranslation()
  return (
    <main id="main" className="flex flex-col gap-6">
      <h1 className="text-3xl font-semibold">{t('makers.editTitle', { name: maker.name })}</h1>
      <Form
        method="post"
        encType="multipart/form-data"
        className="card flex flex-col gap-4"
        noValidate
      >
        <FormError error={reply?.formError} />
        <MakerFields
          values={{ ...values, ...(reply?.values ?? {}) }}
          errors={reply?.fieldErrors ?? {}}
          hasPhoto={hasPhoto}
        />
        <button type="submit" className="btn-primary self-start">
          {t('makers.save')}
        </button>
      </Form>
      <Form method="post" className="card flex flex-col gap-3">
        <p className="text-ink-soft">
          {maker.archived ? t('makers.restoreHint') : t('makers.archiveHint')}
        </p>
        <button
          type="submit"
          name="intent"
          value={maker.archived ? 'restore' : 'archive'}
          className="btn-secondary self-start"
        >
          {maker.archived ? t('makers.restore') : t('makers.archive')}
        </button>
      </Form>
    </main>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
