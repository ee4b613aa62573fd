import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Ban, CheckCircle2, EyeOff } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field, FormError } from '#app/components/forms.tsx'
import { requireAssociationRole } from '#app/modules/auth/guards.server.ts'
import { toastCookie } from '#app/modules/auth/session.server.ts'
import { listRecentlyPublishedProducts } from '#app/modules/catalog/moderation.server.ts'
import { setProductBlock } from '#app/modules/catalog/products.server.ts'
import { certificationTypeNames, viewReasons } from '#app/modules/catalog/views.server.ts'
import { explainProducts, purchasableProductIds } from '#app/modules/certification/gate.server.ts'
import { localized } from '#app/modules/i18n/config.ts'
import { formatDate } from '#app/modules/i18n/format.ts'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import { badRequest, domainErrorReply, parseForm, readFormData } from '#app/utils/forms.server.ts'
import { serverNow } from '#app/utils/clock.server.ts'
import { pageMeta } from '#app/utils/meta.ts'
import { loadMessages } from '#app/modules/i18n/messages.ts'

// Its screens speak in the back-office messages: they are in the browser before it renders.
await loadMessages('account', 'backoffice')

const productId = z.uuid({ error: 'errors.invalid' })
const schemas = {
  block: z.object({
    intent: z.literal('block'),
    productId,
    reason: z
      .string({ error: 'errors.reasonRequired' })
      .trim()
      .min(5, { error: 'errors.reasonRequired' })
      .max(500, { error: 'errors.tooLong' }),
  }),
  unblock: z.object({ intent: z.literal('unblock'), productId }),
}

export const meta: MetaFunction<typeof loader> = pageMeta

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAssociationRole(request, ['reviewer', 'admin'])
  const { t, language } = await getTranslator(request)
  const rows = await listRecentlyPublishedProducts(100)
  const ids = rows.map((r) => r.id)
  const now = serverNow()
  // Whether a customer can buy it is the gate's answer; the reasons only explain a "no".
  const [onSale, reasons, names] = await Promise.all([
    purchasableProductIds(ids, now),
    explainProducts(ids, now),
    certificationTypeNames(language),
  ])
  return {
    noIndex: true,
    title: t('moderation.metaTitle'),
    products: rows.map((p) => ({
      id: p.id,
      title: localized(p, 'title', language),
      cooperativeId: p.cooperativeId,
      cooperativeName: p.cooperativeName,
      publishedAt: p.publishedAt ? formatDate(p.publishedAt, language) : null,
      blockedAt: p.blockedAt ? formatDate(p.blockedAt, language) : null,
      blockedReason: p.blockedReason,
      onSale: onSale.has(p.id),
      offSaleBecause: onSale.has(p.id)
        ? []
        : viewReasons(reasons.get(p.id) ?? [], names, language).map((r) =>
            r.kind === 'certificate'
              ? t(`moderation.why.${r.state}`, { certificate: r.typeName, date: r.date ?? '' })
              : r.kind === 'cooperative_inactive'
                ? t('moderation.why.cooperative_inactive', {
                    status: t(`cooperativeStatus.${r.status}`),
                  })
                : t(`moderation.why.${r.kind}`),
          ),
    })),
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireAssociationRole(request, ['reviewer', 'admin'])
  const { t } = await getTranslator(request)
  const formData = await readFormData(request)
  const intent = String(formData.get('intent'))
  if (!Object.hasOwn(schemas, intent)) throw new Response('Unknown intent', { status: 400 })
  const parsed = parseForm(formData, schemas[intent as keyof typeof schemas], t)
  if (!parsed.ok) return badRequest(parsed.reply)
  const input = parsed.data
  try {
    await setProductBlock({
      actor,
      productId: input.productId,
      reason: input.intent === 'block' ? input.reason : null,
      requestId: context.requestId,
    })
  } catch (error) {
    return domainErrorReply(error, formData, t)
  }
  return redirect('/admin/products', {
    headers: {
      'Set-Cookie': await toastCookie(
        input.intent === 'block' ? 'moderation.blocked' : 'moderation.unblocked',
      ),
    },
  })
}

export default function ProductModeration() {
  const { products } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const { t } = useTranslation()
  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-10">
      <h1 className="mb-2 text-3xl font-semibold">{t('moderation.title')}</h1>
      <p className="mb-6 text-ink-soft">{t('moderation.intro')}</p>
      {products.length === 0 ? <p>{t('moderation.empty')}</p> : null}
      <ul className="flex flex-col gap-3">
        {products.map((p) => {
          // Several forms share the page: the reply belongs to the product it was sent for.
          const own = reply?.values.productId === p.id ? reply : undefined
          return (
            <li key={p.id} className="card flex flex-col gap-3">
              <div className="flex flex-wrap justify-between gap-2">
                <div>
                  <p className="font-semibold">{p.title}</p>
                  <p className="text-sm">
                    <Link to={`/admin/cooperatives/${p.cooperativeId}`}>{p.cooperativeName}</Link>
                    {p.publishedAt
                      ? ` · ${t('moderation.publishedOn', { date: p.publishedAt })}`
                      : null}
                  </p>
                </div>
                <div className="flex flex-col gap-1">
                  {p.onSale ? (
                    <p
                      data-sale="on"
                      className="flex items-center gap-1 self-start rounded-full bg-olive-light px-3 py-1 text-sm font-semibold text-olive"
                    >
                      <CheckCircle2 aria-hidden size={18} />
                      {t('moderation.onSale')}
                    </p>
                  ) : (
                    <p
                      data-sale="off"
                      className="flex items-center gap-1 self-start rounded-full bg-sand-dark px-3 py-1 text-sm font-semibold text-ink"
                    >
                      <EyeOff aria-hidden size={18} />
                      {t('moderation.offSale')}
                      {p.offSaleBecause.length ? ` — ${p.offSaleBecause.join('، ')}` : null}
                    </p>
                  )}
                  {p.blockedAt ? (
                    <p className="flex items-center gap-1 font-semibold text-danger">
                      <Ban aria-hidden size={20} />
                      {t('moderation.blockedOn', { date: p.blockedAt })}
                    </p>
                  ) : null}
                </div>
              </div>
              <FormError error={own?.formError} />
              {p.blockedAt ? (
                <Form method="post" className="flex flex-wrap items-end gap-3">
                  <p className="flex-1">
                    {t('coop.reason')} {p.blockedReason}
                  </p>
                  <input type="hidden" name="productId" value={p.id} />
                  <button type="submit" name="intent" value="unblock" className="btn-secondary">
                    {t('moderation.unblock')}
                  </button>
                </Form>
              ) : (
                <Form method="post" className="flex flex-wrap items-end gap-3" noValidate>
                  <input type="hidden" name="productId" value={p.id} />
                  <div className="min-w-64 flex-1">
                    <Field
                      name="reason"
                      label={t('moderation.reason')}
                      hint={t('moderation.reasonHint')}
                      defaultValue={own?.values.reason}
                      error={own?.fieldErrors.reason}
                    />
                  </div>
                  <button type="submit" name="intent" value="block" className="btn-danger">
                    {t('moderation.block')}
                  </button>
                </Form>
              )}
            </li>
          )
        })}
      </ul>
    </main>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
