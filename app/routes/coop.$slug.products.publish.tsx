import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { CheckCircle2 } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { FieldError, FormError } from '#app/components/forms.tsx'
import { requireCooperativeMember } from '#app/modules/auth/guards.server.ts'
import { toastCookie } from '#app/modules/auth/session.server.ts'
import { publishableDrafts, publishReadyDrafts } from '#app/modules/certification/watch.server.ts'
import { localized } from '#app/modules/i18n/config.ts'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import { serverNow } from '#app/utils/clock.server.ts'
import { badRequest, domainErrorReply, parseForm, readFormData } from '#app/utils/forms.server.ts'
import { isUuid } from '#app/utils/ids.ts'
import { pageMeta } from '#app/utils/meta.ts'

export const meta: MetaFunction<typeof loader> = pageMeta

/**
 * Where the "publish now" link of a certificate e-mail and of the dashboard leads: the drafts
 * that may now be sold, each ticked, and one button. Opening the page changes nothing.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireCooperativeMember(request, params.slug, 'manager')
  const { t, language } = await getTranslator(request)
  const requested = new URL(request.url).searchParams.get('certificate')
  const certificateId = isUuid(requested) ? requested : undefined
  const drafts = await publishableDrafts(scope.cooperative.id, serverNow(), { certificateId })
  return {
    noIndex: true,
    title: t('certWatch.publish.metaTitle'),
    slug: scope.cooperative.slug,
    forCertificate: Boolean(certificateId),
    drafts: drafts.map((p) => ({ id: p.id, title: localized(p, 'title', language) })),
  }
}

const schema = z.object({
  productIds: z
    .array(z.uuid({ error: 'errors.tampered' }), { error: 'certWatch.errors.nothingChosen' })
    .min(1, { error: 'certWatch.errors.nothingChosen' }),
})

export async function action({ request, params, context }: ActionFunctionArgs) {
  const scope = await requireCooperativeMember(request, params.slug, 'manager')
  const { t } = await getTranslator(request)
  const formData = await readFormData(request)
  const parsed = parseForm(formData, schema, t, { arrays: ['productIds'] })
  if (!parsed.ok) return badRequest(parsed.reply)
  try {
    await publishReadyDrafts({
      scope,
      productIds: parsed.data.productIds,
      now: serverNow(),
      requestId: context.requestId,
    })
  } catch (error) {
    return domainErrorReply(error, formData, t)
  }
  return redirect(`/coop/${scope.cooperative.slug}/products`, {
    headers: { 'Set-Cookie': await toastCookie('certWatch.publish.doneToast') },
  })
}

export default function PublishReadyProducts() {
  const { drafts, slug, forCertificate } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const { t } = useTranslation()
  return (
    <main id="main" className="flex flex-col gap-6">
      <h1 className="text-3xl font-semibold">{t('certWatch.publish.title')}</h1>
      {drafts.length === 0 ? (
        <p>{t('certWatch.publish.none')}</p>
      ) : (
        <>
          <p className="text-ink-soft">{t('certWatch.publish.intro')}</p>
          {forCertificate ? (
            <p className="text-sm">
              {t('certWatch.publish.forCertificate')}{' '}
              <Link to={`/coop/${slug}/products/publish`}>{t('certWatch.publish.seeAll')}</Link>
            </p>
          ) : null}
          <Form method="post" className="card flex flex-col gap-4">
            <FormError error={reply?.formError} />
            <fieldset className="flex flex-col gap-1">
              <legend className="sr-only">{t('certWatch.publish.title')}</legend>
              {drafts.map((p) => (
                <label key={p.id} className="flex min-h-12 items-center gap-3 text-lg">
                  <input
                    type="checkbox"
                    name="productIds"
                    value={p.id}
                    defaultChecked
                    className="size-6"
                  />
                  {p.title}
                </label>
              ))}
            </fieldset>
            <FieldError error={reply?.fieldErrors.productIds} />
            <button type="submit" className="btn-primary self-start">
              <CheckCircle2 aria-hidden size={24} />
              {t('certWatch.publish.submit')}
            </button>
          </Form>
        </>
      )}
      <Link to={`/coop/${slug}/products`}>{t('certWatch.publish.backToProducts')}</Link>
    </main>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
