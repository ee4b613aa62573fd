import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  data,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Archive, CheckCircle2, EyeOff, Minus, PencilLine, Plus, ShieldAlert } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { GateReasons, type GateReasonView } from '#app/components/gate-reasons.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { requireCooperativeMember } from '#app/modules/auth/guards.server.ts'
import { toastCookie } from '#app/modules/auth/session.server.ts'
import {
  adjustStock,
  listCooperativeProducts,
  publishProduct,
  setProductStatus,
} from '#app/modules/catalog/products.server.ts'
import { certificationTypeNames, viewReasons } from '#app/modules/catalog/views.server.ts'
import { localized } from '#app/modules/i18n/config.ts'
import { formatMoney } from '#app/modules/i18n/format.ts'
import { getTranslator } from '#app/modules/i18n/i18n.server.ts'
import { imageUrl } from '#app/modules/media/image-urls.ts'
import { badRequest, domainErrorReply, parseForm, readFormData } from '#app/utils/forms.server.ts'
import { pageMeta } from '#app/utils/meta.ts'

export const meta: MetaFunction<typeof loader> = pageMeta

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireCooperativeMember(request, params.slug)
  const { t, language } = await getTranslator(request)
  const [list, names] = await Promise.all([
    listCooperativeProducts(scope),
    certificationTypeNames(language),
  ])
  return {
    noIndex: true,
    title: t('products.metaTitle', { name: scope.cooperative.displayName }),
    slug: scope.cooperative.slug,
    role: scope.role,
    products: list.map((p) => ({
      id: p.id,
      slug: p.slug,
      title: localized(p, 'title', language),
      status: p.status,
      onSale: p.reasons.length === 0,
      reasons: viewReasons(p.reasons, names, language),
      image: p.image
        ? imageUrl(
            p.image.variants.find((v) => v.width === 320 && v.format === 'webp')?.key ??
              p.image.key,
          )
        : null,
      madeToOrder: p.madeToOrder,
      variants: p.variants.map((v) => ({
        id: v.id,
        label: localized(v, 'label', language),
        price: formatMoney(v.priceCentimes, language),
        stock: v.stockQuantity,
      })),
    })),
  }
}

const id = z.uuid({ error: 'errors.tampered' })
const schemas = {
  stock: z.object({
    intent: z.literal('stock'),
    variantId: id,
    delta: z.enum(['1', '-1']).transform((d) => (d === '1' ? 1 : -1) as 1 | -1),
  }),
  publish: z.object({ intent: z.literal('publish'), productId: id }),
  archive: z.object({ intent: z.literal('archive'), productId: id }),
  draft: z.object({ intent: z.literal('draft'), productId: id }),
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const scope = await requireCooperativeMember(request, params.slug, 'manager')
  const { t, language } = await getTranslator(request)
  const formData = await readFormData(request)
  const intent = String(formData.get('intent'))
  if (!Object.hasOwn(schemas, intent)) throw new Response('Unknown intent', { status: 400 })
  const parsed = parseForm(formData, schemas[intent as keyof typeof schemas], t)
  if (!parsed.ok) return badRequest(parsed.reply)
  const input = parsed.data
  const back = `/coop/${scope.cooperative.slug}/products`
  try {
    if (input.intent === 'stock') {
      await adjustStock({
        scope,
        variantId: input.variantId,
        delta: input.delta,
        requestId: context.requestId,
      })
      return redirect(back)
    }
    if (input.intent === 'publish') {
      const result = await publishProduct({
        scope,
        productId: input.productId,
        requestId: context.requestId,
      })
      if (!result.ok) {
        const names = await certificationTypeNames(language)
        // 409: the product cannot be published in the state its certificates are in.
        return data(
          {
            status: 'error' as const,
            fieldErrors: {} as Record<string, string>,
            values: {} as Record<string, string>,
            formError: t('products.publishRefused'),
            refused: {
              productId: input.productId,
              reasons: viewReasons(result.reasons, names, language),
            },
          },
          { status: 409 },
        )
      }
      return redirect(back, { headers: { 'Set-Cookie': await toastCookie('products.published') } })
    }
    await setProductStatus({
      scope,
      productId: input.productId,
      status: input.intent === 'archive' ? 'archived' : 'draft',
      requestId: context.requestId,
    })
    return redirect(back, {
      headers: {
        'Set-Cookie': await toastCookie(
          input.intent === 'archive' ? 'products.archivedDone' : 'products.unpublished',
        ),
      },
    })
  } catch (error) {
    if (
      error instanceof Error &&
      'code' in error &&
      (error as { code: string }).code === 'not_found'
    )
      throw new Response('Not found', { status: 404 })
    return domainErrorReply(error, formData, t)
  }
}

const stateIcons = { onSale: CheckCircle2, draft: PencilLine, archived: Archive, hidden: EyeOff }

export default function ProductsPage() {
  const { products, slug, role } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const refused =
    reply && 'refused' in reply
      ? (reply.refused as { productId: string; reasons: GateReasonView[] })
      : null
  const { t } = useTranslation()
  const manager = role === 'manager'
  return (
    <main id="main" className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-semibold">{t('products.title')}</h1>
        {manager ? (
          <Link to={`/coop/${slug}/products/new`} className="btn-primary">
            <Plus aria-hidden size={24} />
            {t('products.add')}
          </Link>
        ) : null}
      </div>
      {reply?.formError ? (
        <div
          role="alert"
          className="rounded-lg border-2 border-danger bg-danger-light p-3 text-danger"
        >
          <p className="font-semibold">{reply.formError}</p>
          {refused ? <GateReasons reasons={refused.reasons} slug={slug} /> : null}
        </div>
      ) : null}
      {products.length === 0 ? <p>{t('products.none')}</p> : null}
      <ul className="flex flex-col gap-4">
        {products.map((p) => {
          const state = p.onSale
            ? 'onSale'
            : p.status === 'draft'
              ? 'draft'
              : p.status === 'archived'
                ? 'archived'
                : 'hidden'
          const Icon = stateIcons[state]
          return (
            <li key={p.id} className="card flex flex-col gap-3">
              <div className="flex gap-4">
                {p.image ? (
                  <img
                    src={p.image}
                    alt=""
                    width={96}
                    height={96}
                    className="size-24 shrink-0 rounded-xl object-cover"
                  />
                ) : (
                  <div className="size-24 shrink-0 rounded-xl bg-sand-dark" aria-hidden />
                )}
                <div className="flex flex-1 flex-col gap-1">
                  <h2 className="text-lg font-semibold">
                    {manager ? (
                      <Link to={`/coop/${slug}/products/${p.id}`}>{p.title}</Link>
                    ) : (
                      p.title
                    )}
                  </h2>
                  <p
                    className={`flex items-center gap-2 font-semibold ${p.onSale ? 'text-olive' : 'text-ink-soft'}`}
                  >
                    <Icon aria-hidden size={22} />
                    {t(`products.state.${state}`)}
                  </p>
                  {!p.onSale && state === 'hidden' ? (
                    <div className="flex gap-2 text-danger">
                      <ShieldAlert aria-hidden size={20} className="shrink-0" />
                      <GateReasons
                        reasons={p.reasons.filter(
                          (r) => r.kind !== 'draft' && r.kind !== 'archived',
                        )}
                        slug={slug}
                      />
                    </div>
                  ) : null}
                  {state === 'draft' ? (
                    <GateReasons
                      reasons={p.reasons.filter((r) => r.kind !== 'draft')}
                      slug={slug}
                    />
                  ) : null}
                </div>
              </div>
              <ul className="flex flex-col gap-2">
                {p.variants.map((v) => (
                  <li key={v.id} className="flex flex-wrap items-center gap-3">
                    <span className="min-w-24 font-semibold">
                      {v.label || t('products.defaultVariant')}
                    </span>
                    <span>{v.price}</span>
                    <span
                      className={v.stock === 0 && !p.madeToOrder ? 'font-semibold text-danger' : ''}
                    >
                      {v.stock === 0
                        ? p.madeToOrder
                          ? t('products.madeToOrder')
                          : t('products.soldOut')
                        : t('products.inStock', { count: v.stock })}
                    </span>
                    {manager ? (
                      <div className="flex gap-2">
                        <Form method="post">
                          <input type="hidden" name="intent" value="stock" />
                          <input type="hidden" name="variantId" value={v.id} />
                          <button
                            type="submit"
                            name="delta"
                            value="-1"
                            className="btn-secondary min-h-12 min-w-12 px-3"
                            aria-label={t('products.oneLess', { product: p.title })}
                          >
                            <Minus aria-hidden size={22} />
                          </button>
                        </Form>
                        <Form method="post">
                          <input type="hidden" name="intent" value="stock" />
                          <input type="hidden" name="variantId" value={v.id} />
                          <button
                            type="submit"
                            name="delta"
                            value="1"
                            className="btn-secondary min-h-12 min-w-12 px-3"
                            aria-label={t('products.oneMore', { product: p.title })}
                          >
                            <Plus aria-hidden size={22} />
                          </button>
                        </Form>
                      </div>
                    ) : null}
                  </li>
                ))}
              </ul>
              {manager ? (
                <Form method="post" className="flex flex-wrap gap-2">
                  <input type="hidden" name="productId" value={p.id} />
                  {p.status !== 'published' ? (
                    <button type="submit" name="intent" value="publish" className="btn-primary">
                      {t('products.publish')}
                    </button>
                  ) : (
                    <button type="submit" name="intent" value="draft" className="btn-secondary">
                      {t('products.unpublish')}
                    </button>
                  )}
                  {p.status !== 'archived' ? (
                    <button type="submit" name="intent" value="archive" className="btn-secondary">
                      {t('products.archive')}
                    </button>
                  ) : null}
                </Form>
              ) : null}
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
